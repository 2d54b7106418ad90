/**
 * The CMS (PKCS#7) detached signature inside a PAdES signature: SignedData over the PDF's signed
 * byte ranges, SHA-256, with the signed attributes PAdES baseline B-B requires: content-type,
 * message-digest and ESS signing-certificate-v2 (ETSI EN 319 142-1 §5.1). The signing time goes
 * in the PDF signature dictionary's /M, not in a CMS signing-time attribute, which that standard
 * forbids for PAdES baseline signatures.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningIdentity } from './p12';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

function bytesOf(ab: ArrayBuffer | Uint8Array): Uint8Array {
  return ab instanceof Uint8Array ? ab : new Uint8Array(ab);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** ESS signing-certificate-v2 value: the SHA-256 of the signer's certificate and its issuer/serial. */
async function signingCertificateV2(cert: pkijs.Certificate): Promise<asn1js.Sequence> {
  const der = cert.toSchema(true).toBER(false);
  const hash = await globalThis.crypto.subtle.digest('SHA-256', der);
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({
        names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })],
      }).toSchema(),
      new asn1js.Integer({ valueHex: cert.serialNumber.valueBlock.valueHexView.slice().buffer }),
    ],
  });
  // ESSCertIDv2 with the default hash algorithm (SHA-256) left out, as DER requires.
  const essCertId = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: hash }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}

export interface CmsOptions {
  /** When set, also adds a CMS signing-time attribute (not PAdES baseline; off by default). */
  cmsSigningTime?: Date;
}

/** Builds the DER of a detached CMS SignedData over content whose SHA-256 is `digest`. */
export async function buildDetachedCms(
  digest: ArrayBuffer,
  identity: SigningIdentity,
  opts: CmsOptions = {},
): Promise<Uint8Array> {
  const cert = identity.certificate;
  const attributes = [
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: OID.data })],
    }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: digest })],
    }),
    new pkijs.Attribute({
      type: OID.signingCertificateV2,
      values: [await signingCertificateV2(cert)],
    }),
  ];
  if (opts.cmsSigningTime) {
    attributes.push(
      new pkijs.Attribute({
        type: OID.signingTime,
        values: [new asn1js.UTCTime({ valueDate: opts.cmsSigningTime })],
      }),
    );
  }
  // DER: the members of a SET OF are sorted by their encodings (X.690 §11.6).
  const encoded = attributes.map((a) => ({ a, der: bytesOf(a.toSchema().toBER(false)) }));
  encoded.sort((x, y) => compareBytes(x.der, y.der));

  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: cert.issuer,
          serialNumber: cert.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: encoded.map((e) => e.a),
        }),
      }),
    ],
    certificates: [cert, ...identity.chain],
  });
  await signedData.sign(identity.privateKey, 0, 'SHA-256');
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return bytesOf(contentInfo.toSchema().toBER(false));
}

/** Bytes a CMS for this identity may take at most: certificates plus room for attributes and signature. */
export function cmsSizeEstimate(identity: SigningIdentity): number {
  let certs = 0;
  for (const c of [identity.certificate, ...identity.chain])
    certs += c.toSchema(true).toBER(false).byteLength;
  const estimate = certs + 4096;
  return Math.max(8192, Math.ceil(estimate / 1024) * 1024);
}
