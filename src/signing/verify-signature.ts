/**
 * One signature's facts: found by its /ByteRange, then its integrity (the digest of the signed
 * byte ranges against the CMS message digest, and the CMS signature itself), the signer, the
 * stated signing time, the ESS signing-certificate attribute and trust. No text for people here
 * (that is src/signing/verify-text.ts).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './cms';
import { certificateInfo, ownBuffer } from './certificates';
import { decodeTextString, latin1, readIndirectObject, type PdfDict } from '../pdf-file/objects';
import { chainToTrusted } from './trust-path';
import type { SignatureReport } from './verify';
import type { SigningMessageCode, SigningParams } from './messages';

export interface FoundSignature {
  dict: PdfDict;
  objectNum: number;
  byteRange: [number, number, number, number];
  contents: Uint8Array;
  /** The /Contents string sits exactly in the hole between the two ranges. */
  holeMatches: boolean;
}

/** Finds signature dictionaries by their /ByteRange, independent of the file's structure. */
export function findSignatures(bytes: Uint8Array): FoundSignature[] {
  const text = latin1(bytes);
  const out: FoundSignature[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  const seenObjects = new Set<number>();
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const br = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [
      number,
      number,
      number,
      number,
    ];
    // The enclosing object starts at the last `n g obj` before the match.
    const windowStart = Math.max(0, m.index - 100_000);
    const head = text.slice(windowStart, m.index);
    const objRe = /(\d+)\s+(\d+)\s+obj\b/g;
    let objAt = -1;
    for (let o = objRe.exec(head); o; o = objRe.exec(head)) objAt = windowStart + o.index;
    if (objAt < 0) continue;
    let obj;
    try {
      obj = readIndirectObject(bytes, objAt);
    } catch {
      continue;
    }
    if (obj.value.kind !== 'dict' || seenObjects.has(objAt)) continue;
    seenObjects.add(objAt);
    const contents = obj.value.entries.get('Contents');
    if (contents?.kind !== 'str') continue;
    out.push({
      dict: obj.value,
      objectNum: obj.num,
      byteRange: br,
      contents: contents.bytes,
      holeMatches: br[0] === 0 && contents.start === br[1] && contents.end === br[2],
    });
  }
  return out.sort((a, b) => a.byteRange[2] + a.byteRange[3] - (b.byteRange[2] + b.byteRange[3]));
}

/**
 * Digests accepted in a signature: the SHA-2 family this app signs with (SHA-256) and its
 * longer siblings that other PAdES signers use. SHA-1 and unknown digests are refused.
 */
const HASHES: Record<string, string> = {
  [OID.sha256]: 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

/**
 * Signature algorithms accepted in a SignerInfo: those this app signs with — RSA PKCS#1 v1.5
 * (as rsaEncryption or with a SHA-2 digest) and ECDSA with SHA-2. Anything else (unknown OIDs,
 * RSA-PSS, DSA, MD5 or SHA-1 based) is refused rather than handed to the crypto library.
 */
const SIGNATURE_ALGORITHMS = new Set([
  '1.2.840.113549.1.1.1', // rsaEncryption
  '1.2.840.113549.1.1.11', // sha256WithRSAEncryption
  '1.2.840.113549.1.1.12', // sha384WithRSAEncryption
  '1.2.840.113549.1.1.13', // sha512WithRSAEncryption
  '1.2.840.10045.4.3.2', // ecdsa-with-SHA256
  '1.2.840.10045.4.3.3', // ecdsa-with-SHA384
  '1.2.840.10045.4.3.4', // ecdsa-with-SHA512
]);

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** A signature report with nothing established yet (integrity 'broken' until checked). */
export function emptyReport(
  index: number,
  byteRange: SignatureReport['byteRange'],
): SignatureReport {
  return {
    index,
    byteRange,
    integrity: 'broken',
    digestMatches: null,
    signatureValid: null,
    hasTimestampToken: false,
    signingCertificateAttribute: 'absent',
    trust: 'notChecked',
    certValidAtSigning: null,
    certExpiredNow: false,
    coversWholeDocument: false,
    laterSignatures: 0,
  };
}

export async function checkSignature(
  bytes: Uint8Array,
  s: FoundSignature,
  index: number,
  trusted: pkijs.Certificate[],
  now: Date,
): Promise<SignatureReport> {
  const sub = s.dict.entries.get('SubFilter');
  const base: SignatureReport = {
    ...emptyReport(index, s.byteRange),
    ...(sub?.kind === 'name' ? { subFilter: sub.value } : {}),
  };
  const m = s.dict.entries.get('M');
  const pdfTime = m?.kind === 'str' ? parsePdfDate(decodeTextString(m.bytes)) : undefined;
  if (pdfTime) base.signingTime = { iso: pdfTime.toISOString(), source: 'pdf' };
  const [a, b, c, d] = s.byteRange;
  if (!s.holeMatches || a !== 0 || b > c || c + d > bytes.length) {
    return { ...base, brokenReason: { code: 'brokenByteRange', params: {} } };
  }
  const data = new Uint8Array(b + d);
  data.set(bytes.subarray(0, b), 0);
  data.set(bytes.subarray(c, c + d), b);
  return checkCms(base, s.contents, data, trusted, now);
}

/**
 * Checks a detached CMS SignedData (`contents`, DER) over `data`: the digest against the signed
 * message-digest attribute, the signature with the signer's key, the ESS attribute, validity and
 * trust. Used for PDF signatures and for the detached signature beside an assessment file.
 */
export async function checkCms(
  base: SignatureReport,
  contents: Uint8Array,
  data: Uint8Array,
  trusted: pkijs.Certificate[],
  now: Date,
): Promise<SignatureReport> {
  const broken = (code: SigningMessageCode, params: SigningParams = {}): SignatureReport => ({
    ...base,
    integrity: 'broken',
    brokenReason: { code, params },
  });
  let signedData: pkijs.SignedData;
  try {
    const asn1 = asn1js.fromBER(ownBuffer(contents));
    if (asn1.offset === -1) throw new Error('not DER');
    const ci = new pkijs.ContentInfo({ schema: asn1.result });
    if (ci.contentType !== OID.signedData) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: ci.content });
  } catch {
    return broken('brokenUnreadable');
  }
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) return broken('brokenNoSigner');
  const certs = (signedData.certificates ?? []).filter(
    (x): x is pkijs.Certificate => x instanceof pkijs.Certificate,
  );
  const sid = signerInfo.sid;
  const cert = certs.find((x) =>
    sid instanceof pkijs.IssuerAndSerialNumber
      ? x.issuer.isEqual(sid.issuer) && x.serialNumber.isEqual(sid.serialNumber)
      : x.extensions?.some(
          (e) =>
            e.extnID === '2.5.29.14' &&
            bytesEqual(
              new Uint8Array((e.parsedValue as asn1js.OctetString).valueBlock.valueHexView),
              new Uint8Array((sid as asn1js.OctetString).valueBlock.valueHexView),
            ),
        ),
  );
  if (!cert) return broken('brokenNoCertificate');
  base.signer = await certificateInfo(cert);

  const hashName = HASHES[signerInfo.digestAlgorithm.algorithmId];
  if (!hashName)
    return broken('brokenDigestAlgorithm', { oid: signerInfo.digestAlgorithm.algorithmId });
  if (!SIGNATURE_ALGORITHMS.has(signerInfo.signatureAlgorithm.algorithmId))
    return broken('brokenSignatureAlgorithm', {
      oid: signerInfo.signatureAlgorithm.algorithmId,
    });
  const own = ownBuffer(data);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest(hashName, own));

  const attrs = signerInfo.signedAttrs?.attributes ?? [];
  const attr = (oid: string) => attrs.find((x) => x.type === oid)?.values[0];
  const md = attr(OID.messageDigest) as asn1js.OctetString | undefined;
  let signedBytes: ArrayBuffer;
  if (signerInfo.signedAttrs) {
    if (!md) return broken('brokenNoMessageDigest');
    base.digestMatches = bytesEqual(new Uint8Array(md.valueBlock.valueHexView), digest);
    const enc = new Uint8Array(signerInfo.signedAttrs.encodedValue.slice(0));
    enc[0] = 0x31; // the signature covers the attributes as a SET (RFC 5652 §5.4)
    signedBytes = enc.buffer;
  } else {
    // Without signed attributes the signature covers the content itself.
    base.digestMatches = null;
    signedBytes = own;
  }
  try {
    const engine = pkijs.getCrypto(true);
    base.signatureValid = await engine.verifyWithPublicKey(
      signedBytes,
      signerInfo.signature,
      cert.subjectPublicKeyInfo,
      signerInfo.signatureAlgorithm,
      hashName,
    );
  } catch {
    base.signatureValid = false;
  }
  if (!signerInfo.signedAttrs) base.digestMatches = base.signatureValid;

  const st = attr(OID.signingTime) as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  if (st) base.signingTime = { iso: st.toDate().toISOString(), source: 'cms' };
  base.hasTimestampToken = (signerInfo.unsignedAttrs?.attributes ?? []).some(
    (x) => x.type === '1.2.840.113549.1.9.16.2.14',
  );
  base.signingCertificateAttribute = await essCheck(
    attr(OID.signingCertificateV2),
    attr(OID.signingCertificate),
    cert,
  );

  const when = base.signingTime ? new Date(base.signingTime.iso) : now;
  base.certValidAtSigning = when >= cert.notBefore.value && when <= cert.notAfter.value;
  base.certExpiredNow = now > cert.notAfter.value;

  if (trusted.length > 0) {
    const t = await chainToTrusted(cert, certs, trusted, when);
    base.trust = t.trusted ? 'trusted' : 'notTrusted';
    if (t.reason) base.trustReason = t.reason;
    if (t.anchor) base.trustAnchor = t.anchor;
  }

  if (base.signatureValid === false) {
    return {
      ...base,
      integrity: 'broken',
      brokenReason: { code: 'brokenKeyMismatch', params: {} },
    };
  }
  return { ...base, integrity: base.digestMatches ? 'valid' : 'changed' };
}

async function essCheck(
  v2: unknown,
  v1: unknown,
  cert: pkijs.Certificate,
): Promise<SignatureReport['signingCertificateAttribute']> {
  const value = (v2 ?? v1) as asn1js.Sequence | undefined;
  if (!value) return 'absent';
  try {
    const certsSeq = value.valueBlock.value[0] as asn1js.Sequence;
    const first = certsSeq.valueBlock.value[0] as asn1js.Sequence;
    const parts = first.valueBlock.value;
    // ESSCertIDv2 may start with a hash AlgorithmIdentifier; the default is SHA-256.
    let hashName = v2 ? 'SHA-256' : 'SHA-1';
    let k = 0;
    if (v2 && parts[0] instanceof asn1js.Sequence) {
      const oid = (parts[0].valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
      hashName = HASHES[oid] ?? 'unknown';
      k = 1;
    }
    const hash = new Uint8Array((parts[k] as asn1js.OctetString).valueBlock.valueHexView);
    // A hash we cannot compute is not evidence of a mismatch: report the attribute as not checked.
    if (hashName === 'unknown') return 'absent';
    const der = cert.toSchema(true).toBER(false);
    const actual = new Uint8Array(await globalThis.crypto.subtle.digest(hashName, der));
    if (!bytesEqual(hash, actual)) return 'mismatch';
    return v2 ? 'v2' : 'v1';
  } catch {
    // An encoding this reader does not follow: not checked, rather than failed.
    return 'absent';
  }
}

/** PDF date `D:YYYYMMDDHHmmSSOHH'mm'` → Date (UTC when no offset). */
export function parsePdfDate(s: string): Date | undefined {
  const m =
    /^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(s);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', sign, oh = '00', om = '00'] = m;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  if (sign === '+' || sign === '-')
    t -= (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return Number.isNaN(t) ? undefined : new Date(t);
}
