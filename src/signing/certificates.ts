/** Certificate details for people: names, serials, dates, key usage. */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SigningError } from './messages';

const DN_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.42': 'GN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'E',
};

/** What a person wants to know about a certificate. */
export interface CertificateInfo {
  /** The common name (or the whole subject when there is none). */
  name: string;
  subject: string;
  issuer: string;
  organisation?: string;
  email?: string;
  /** Serial number in hex, as certificate viewers show it. */
  serial: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 fingerprint of the certificate, hex. */
  sha256: string;
}

function attrValue(v: pkijs.AttributeTypeAndValue): string {
  const val = v.value as unknown as { valueBlock?: { value?: unknown } };
  const inner = val.valueBlock?.value;
  return typeof inner === 'string' ? inner : String(inner ?? '');
}

/** A distinguished name as text, e.g. `CN=Anna de Vries, O=Gemeente Utrecht, C=NL`. */
export function dnText(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => `${DN_NAMES[tv.type] ?? tv.type}=${attrValue(tv)}`)
    .join(', ');
}

export function dnPart(name: pkijs.RelativeDistinguishedNames, oid: string): string | undefined {
  const tv = name.typesAndValues.find((t) => t.type === oid);
  return tv ? attrValue(tv) : undefined;
}

export function serialHex(cert: pkijs.Certificate): string {
  return [...cert.serialNumber.valueBlock.valueHexView]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join(':');
}

export async function certificateInfo(cert: pkijs.Certificate): Promise<CertificateInfo> {
  const der = cert.toSchema(true).toBER(false);
  const fp = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', der));
  const subject = dnText(cert.subject);
  const org = dnPart(cert.subject, '2.5.4.10');
  const email = dnPart(cert.subject, '1.2.840.113549.1.9.1');
  return {
    name: dnPart(cert.subject, '2.5.4.3') ?? subject,
    subject,
    issuer: dnText(cert.issuer),
    ...(org ? { organisation: org } : {}),
    ...(email ? { email } : {}),
    serial: serialHex(cert),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    sha256: [...fp].map((b) => b.toString(16).padStart(2, '0')).join(''),
  };
}

/**
 * Whether the key usage allows signing documents: digitalSignature (bit 0) or nonRepudiation
 * (bit 1). A certificate without the extension places no limit (RFC 5280 §4.2.1.3).
 */
export function keyUsageAllowsSigning(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.15');
  if (!ext) return true;
  const bits = ext.parsedValue as asn1js.BitString | undefined;
  const first = bits?.valueBlock.valueHexView[0] ?? 0;
  return (first & 0xc0) !== 0;
}

/** True for a CA certificate (basicConstraints cA = true). */
export function isCa(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.19');
  const bc = ext?.parsedValue as pkijs.BasicConstraints | undefined;
  return bc?.cA === true;
}

/**
 * Reads PEM (one or more certificates) or a DER certificate. Anything else (bad base64, not a
 * certificate) is refused with a SigningError('notCertificate'), which has a text in nl and en.
 */
export function parseCertificates(data: Uint8Array): pkijs.Certificate[] {
  try {
    const text = new TextDecoder('latin1').decode(
      data.subarray(0, Math.min(data.length, 5_000_000)),
    );
    const blocks = [
      ...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g),
    ];
    if (blocks.length > 0) {
      return blocks.map((m) =>
        pkijs.Certificate.fromBER(ownBuffer(base64ToBytes(m[1]!.replace(/\s+/g, '')))),
      );
    }
    return [pkijs.Certificate.fromBER(ownBuffer(data))];
  } catch (e) {
    throw new SigningError('notCertificate', {}, { cause: e });
  }
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A copy of the bytes in their own ArrayBuffer (pkijs and WebCrypto want whole buffers). */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}
