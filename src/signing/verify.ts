/**
 * Verification (PRODUCT.md "Verify"): for a PDF, every signature's integrity (the digest of the
 * signed byte ranges against the CMS message digest, and the CMS signature itself), who signed
 * and when, and trust — only against certificates the user supplies; then what changed after the
 * signatures, and the embedded assessment's seal. For an assessment file: the seal.
 *
 * Nothing here claims more than was checked: without trusted certificates the result says
 * "integrity valid, signer not verified"; a signing time without a timestamp is "as stated".
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Assessment } from '../core/assessment-schema';
import { parseAssessmentText } from '../core/assessment';
import type { Questionnaire } from '../core/questionnaire-schema';
import { problemText, type FileProblem } from '../core/safe-json';
import {
  embeddedErrorText,
  readEmbeddedAssessment,
  type EmbeddedReadError,
  type EmbeddedReadResult,
} from '../pdf/read-embedded';
import {
  changedPaths,
  describeChanges,
  sealSummaryText,
  signOffSealText,
  verifySeal,
  type ContentPath,
  type SealResult,
} from '../core/seal';
import { OID } from './cms';
import {
  certificateInfo,
  dnPart,
  dnText,
  isCa,
  keyUsageAllowsSigning,
  ownBuffer,
  parseCertificates,
  type CertificateInfo,
} from './certificates';
import { signingText, type SigningMessageCode, type SigningParams } from './messages';
import { PdfDocument, PdfEncryptedError } from './pdf-document';
import { decodeTextString, latin1, readIndirectObject, type PdfDict } from './pdf-objects';
import { laterRevisions, type RevisionChange } from './revisions';
import { attachedAssessmentText } from './attachments';

export type Integrity = 'valid' | 'changed' | 'broken';
export type Trust = 'trusted' | 'notTrusted' | 'notChecked';

export interface SignatureReport {
  /** 1-based, in the order the signatures were made. */
  index: number;
  fieldName?: string;
  subFilter?: string;
  byteRange: [number, number, number, number];
  /** `valid`: digest and signature check out; `changed`: signed bytes differ; `broken`: unreadable or bad signature. */
  integrity: Integrity;
  digestMatches: boolean | null;
  signatureValid: boolean | null;
  brokenDetail?: string;
  /** For `changed`: the smallest byte span the change must be in, as far as the signatures tell. */
  changedRegion?: { from: number; to: number; afterSignature?: number };
  signer?: CertificateInfo;
  /** As stated by the signer (CMS signing-time or the PDF's /M); not proven without a timestamp. */
  signingTime?: { iso: string; source: 'cms' | 'pdf' };
  hasTimestampToken: boolean;
  signingCertificateAttribute: 'v2' | 'v1' | 'absent' | 'mismatch';
  trust: Trust;
  trustDetail?: string;
  trustAnchor?: string;
  /** Whether the certificate's validity period includes the stated signing time. */
  certValidAtSigning: boolean | null;
  certExpiredNow: boolean;
  coversWholeDocument: boolean;
  /** Signatures added in later revisions. */
  laterSignatures: number;
}

export type AssessmentCheck =
  | { state: 'absent' }
  | { state: 'unreadable'; embeddedError?: EmbeddedReadError; problems: FileProblem[] }
  | {
      state: 'checked';
      assessment: Assessment;
      seal: SealResult;
      /** When the seal is broken and an intact signed revision holds an earlier copy: what differs. */
      changed?: { paths: ContentPath[]; signed: Assessment };
    };

export type VerifyStatus = 'valid' | 'failed' | 'unsigned';

export interface PdfVerifyReport {
  kind: 'pdf';
  status: VerifyStatus;
  signatures: SignatureReport[];
  /** Prepared signature fields that nobody signed yet. */
  emptyFields: string[];
  /** Changes in revisions after the last signature that are not themselves signatures. */
  changesAfterLastSignature: RevisionChange[];
  /** Bytes after the end of the last complete revision. */
  trailingBytes: number;
  /** The PDF structure could not be read (signatures were still checked from their byte ranges). */
  structureProblem?: string;
  assessment: AssessmentCheck;
}

export interface AssessmentVerifyReport {
  kind: 'assessment';
  status: VerifyStatus;
  assessment: AssessmentCheck;
}

export type VerifyReport = PdfVerifyReport | AssessmentVerifyReport;

export interface VerifyOptions {
  /** Certificates the user trusts (PEM or DER files). Without them, trust is not checked. */
  trusted?: Uint8Array[];
  /** "Now" for expiry notes; default the current time. */
  now?: Date;
  /** Reads the attached assessment from PDF bytes; default src/pdf/read-embedded.ts. */
  readEmbeddedAssessment?: (pdf: Uint8Array) => Promise<EmbeddedReadResult>;
}

/** Verifies a PDF or an assessment file, telling them apart by their first bytes. */
export async function verifyFile(
  bytes: Uint8Array,
  opts: VerifyOptions = {},
): Promise<VerifyReport> {
  const head = latin1(bytes, 0, Math.min(bytes.length, 1024));
  if (head.includes('%PDF-')) return verifyPdf(bytes, opts);
  return verifyAssessmentFile(new TextDecoder().decode(bytes));
}

/** Checks an assessment file's seal. */
export async function verifyAssessmentFile(text: string): Promise<AssessmentVerifyReport> {
  const check = await checkAssessmentText(text);
  return { kind: 'assessment', status: assessmentStatus(check), assessment: check };
}

async function checkAssessmentText(text: string): Promise<AssessmentCheck> {
  const parsed = parseAssessmentText(text);
  if (!parsed.ok) return { state: 'unreadable', problems: parsed.problems };
  return { state: 'checked', assessment: parsed.value, seal: await verifySeal(parsed.value) };
}

function assessmentStatus(check: AssessmentCheck): VerifyStatus {
  if (check.state === 'unreadable') return 'failed';
  if (check.state !== 'checked') return 'unsigned';
  if (check.seal.status === 'changed') return 'failed';
  if (check.seal.status === 'valid') return 'valid';
  return 'unsigned';
}

interface FoundSignature {
  dict: PdfDict;
  objectNum: number;
  byteRange: [number, number, number, number];
  contents: Uint8Array;
  /** The /Contents string sits exactly in the hole between the two ranges. */
  holeMatches: boolean;
}

/** Finds signature dictionaries by their /ByteRange, independent of the file's structure. */
function findSignatures(bytes: Uint8Array): FoundSignature[] {
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

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  [OID.sha256]: 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Verifies a PDF. */
export async function verifyPdf(
  bytes: Uint8Array,
  opts: VerifyOptions = {},
): Promise<PdfVerifyReport> {
  const now = opts.now ?? new Date();
  const trusted = (opts.trusted ?? []).flatMap((t) => parseCertificates(t));
  const found = findSignatures(bytes);
  let doc: PdfDocument | undefined;
  let structureProblem: string | undefined;
  try {
    doc = await PdfDocument.open(bytes);
  } catch (e) {
    structureProblem =
      e instanceof PdfEncryptedError ? 'encrypted' : e instanceof Error ? e.message : String(e);
  }
  const fieldNames = new Map<number, string>();
  const emptyFields: string[] = [];
  if (doc) {
    try {
      const cat = await doc.catalog();
      const af = await doc.resolveDict(cat.entries.get('AcroForm'));
      const fields = await doc.resolve(af?.entries.get('Fields'));
      for (const f of fields?.kind === 'array' ? fields.items : []) {
        const d = await doc.resolveDict(f);
        if (!d) continue;
        const t = d.entries.get('T');
        const fname = t?.kind === 'str' ? decodeTextString(t.bytes) : '';
        const ft = d.entries.get('FT');
        const v = d.entries.get('V');
        if (ft?.kind !== 'name' || ft.value !== 'Sig') continue;
        if (v?.kind === 'ref') fieldNames.set(v.num, fname);
        else emptyFields.push(fname);
      }
    } catch (e) {
      structureProblem = e instanceof Error ? e.message : String(e);
    }
  }

  const signatures: SignatureReport[] = [];
  for (const [i, s] of found.entries()) {
    const r = await checkSignature(bytes, s, i + 1, trusted, now).catch(
      // Damaged certificates or structures inside the CMS: broken, never a crash.
      (e: unknown): SignatureReport => ({
        ...emptyReport(i + 1, s.byteRange),
        brokenDetail: `the signature data is damaged (${e instanceof Error ? e.message : String(e)})`,
      }),
    );
    const fname = fieldNames.get(s.objectNum);
    if (fname !== undefined) r.fieldName = fname;
    signatures.push(r);
  }
  // A signed field whose signature dictionary was not found (damaged so that its /ByteRange or
  // /Contents no longer reads): report it as broken rather than let the signature disappear.
  const foundNums = new Set(found.map((f) => f.objectNum));
  for (const [num, fname] of fieldNames) {
    if (foundNums.has(num)) continue;
    signatures.push({
      ...emptyReport(signatures.length + 1, [0, 0, 0, 0]),
      fieldName: fname,
      brokenDetail: 'the signature data cannot be found or read',
    });
  }
  // Where a change is: between the end of the last intact signature and the end of a broken one.
  for (const s of signatures) {
    if (s.integrity !== 'changed') continue;
    const end = s.byteRange[2] + s.byteRange[3];
    const intact = signatures.filter(
      (o) => o.integrity === 'valid' && o.byteRange[2] + o.byteRange[3] < end,
    );
    const prev = intact[intact.length - 1];
    s.changedRegion = prev
      ? { from: prev.byteRange[2] + prev.byteRange[3], to: end, afterSignature: prev.index }
      : { from: 0, to: end };
  }

  let changesAfterLastSignature: RevisionChange[] = [];
  let trailingBytes = 0;
  if (doc) {
    const lastEnd = doc.sections[0]!.revisionEnd;
    const rest = bytes.subarray(lastEnd);
    trailingBytes = rest.every((b) => b === 0 || b === 9 || b === 10 || b === 13 || b === 32)
      ? 0
      : rest.length;
    for (const s of signatures) {
      const end = s.byteRange[2] + s.byteRange[3];
      s.coversWholeDocument = end === bytes.length || (end >= lastEnd && trailingBytes === 0);
      try {
        const later = await laterRevisions(doc, end);
        s.laterSignatures = later.reduce((n, r) => n + r.addsSignatures, 0);
        if (s === signatures[signatures.length - 1]) {
          changesAfterLastSignature = later.flatMap((r) => r.changes);
        }
      } catch (e) {
        structureProblem ??= e instanceof Error ? e.message : String(e);
      }
    }
  }

  const assessment = await embeddedAssessment(bytes, doc, signatures, opts);
  const report: PdfVerifyReport = {
    kind: 'pdf',
    status: 'valid',
    signatures,
    emptyFields,
    changesAfterLastSignature,
    trailingBytes,
    ...(structureProblem ? { structureProblem } : {}),
    assessment,
  };
  report.status = pdfStatus(report);
  return report;
}

/** A signature report with nothing established yet (integrity 'broken' until checked). */
function emptyReport(index: number, byteRange: SignatureReport['byteRange']): SignatureReport {
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

function pdfStatus(r: PdfVerifyReport): VerifyStatus {
  const failed =
    r.signatures.some(
      (s) =>
        s.integrity !== 'valid' ||
        s.trust === 'notTrusted' ||
        s.signingCertificateAttribute === 'mismatch',
    ) ||
    r.changesAfterLastSignature.some((c) => c.severity === 'content') ||
    // Bytes after the end that no signature covers: some readers "repair" files and would read them.
    (r.trailingBytes > 0 && r.signatures.length > 0) ||
    (r.assessment.state === 'checked' && r.assessment.seal.status === 'changed') ||
    (r.assessment.state === 'unreadable' && r.signatures.length > 0);
  if (failed) return 'failed';
  if (r.signatures.length > 0) return 'valid';
  return r.assessment.state === 'checked' && r.assessment.seal.status === 'valid'
    ? 'valid'
    : 'unsigned';
}

/**
 * The attached assessment as a PDF reader shows it (through the newest revision's structure),
 * falling back to the tolerant scanner of src/pdf/read-embedded.ts when the structure is unreadable.
 */
async function assessmentIn(
  bytes: Uint8Array,
  doc: PdfDocument | undefined,
  read: (pdf: Uint8Array) => Promise<EmbeddedReadResult>,
): Promise<{ ok: true; assessment: Assessment } | { ok: false; check: AssessmentCheck }> {
  const text = doc ? await attachedAssessmentText(doc).catch(() => null) : null;
  if (text !== null) {
    const parsed = parseAssessmentText(text);
    if (!parsed.ok) return { ok: false, check: { state: 'unreadable', problems: parsed.problems } };
    return { ok: true, assessment: parsed.value };
  }
  const result = await read(bytes);
  if (result.ok) return { ok: true, assessment: result.assessment };
  if (result.error === 'notFria' || result.error === 'notPdf')
    return { ok: false, check: { state: 'absent' } };
  return {
    ok: false,
    check: { state: 'unreadable', embeddedError: result.error, problems: result.problems },
  };
}

async function embeddedAssessment(
  bytes: Uint8Array,
  doc: PdfDocument | undefined,
  signatures: SignatureReport[],
  opts: VerifyOptions,
): Promise<AssessmentCheck> {
  const read = opts.readEmbeddedAssessment ?? readEmbeddedAssessment;
  const current = await assessmentIn(bytes, doc, read);
  if (!current.ok) return current.check;
  const seal = await verifySeal(current.assessment);
  const check: AssessmentCheck = { state: 'checked', assessment: current.assessment, seal };
  if (seal.status !== 'changed') return check;
  // Say where: compare with the assessment in the last intact signed revision, if there is one.
  const intact = signatures.filter((s) => s.integrity === 'valid');
  const last = intact[intact.length - 1];
  if (!last) return check;
  const prefix = bytes.subarray(0, last.byteRange[2] + last.byteRange[3]);
  const signedDoc = await PdfDocument.open(prefix).catch(() => undefined);
  const signed = await assessmentIn(prefix, signedDoc, read);
  if (!signed.ok) return check;
  const paths = changedPaths(signed.assessment, current.assessment);
  return paths.length ? { ...check, changed: { paths, signed: signed.assessment } } : check;
}

async function checkSignature(
  bytes: Uint8Array,
  s: FoundSignature,
  index: number,
  trusted: pkijs.Certificate[],
  now: Date,
): Promise<SignatureReport> {
  const sub = s.dict.entries.get('SubFilter');
  const base: SignatureReport = {
    index,
    ...(sub?.kind === 'name' ? { subFilter: sub.value } : {}),
    byteRange: s.byteRange,
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
  const m = s.dict.entries.get('M');
  const pdfTime = m?.kind === 'str' ? parsePdfDate(decodeTextString(m.bytes)) : undefined;
  if (pdfTime) base.signingTime = { iso: pdfTime.toISOString(), source: 'pdf' };
  const broken = (detail: string): SignatureReport => ({
    ...base,
    integrity: 'broken',
    brokenDetail: detail,
  });

  const [a, b, c, d] = s.byteRange;
  if (!s.holeMatches || a !== 0 || b > c || c + d > bytes.length) {
    return broken('the byte range does not match the signature contents');
  }
  let signedData: pkijs.SignedData;
  try {
    const asn1 = asn1js.fromBER(ownBuffer(s.contents));
    if (asn1.offset === -1) throw new Error('not DER');
    const ci = new pkijs.ContentInfo({ schema: asn1.result });
    if (ci.contentType !== OID.signedData) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: ci.content });
  } catch {
    return broken('the signature data cannot be read');
  }
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) return broken('no signer');
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
  if (!cert) return broken('the signer certificate is not included');
  base.signer = await certificateInfo(cert);

  const hashName = HASHES[signerInfo.digestAlgorithm.algorithmId];
  if (!hashName)
    return broken(`unknown digest algorithm ${signerInfo.digestAlgorithm.algorithmId}`);
  const data = new Uint8Array(b + d);
  data.set(bytes.subarray(0, b), 0);
  data.set(bytes.subarray(c, c + d), b);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest(hashName, data));

  const attrs = signerInfo.signedAttrs?.attributes ?? [];
  const attr = (oid: string) => attrs.find((x) => x.type === oid)?.values[0];
  const md = attr(OID.messageDigest) as asn1js.OctetString | undefined;
  let signedBytes: ArrayBuffer;
  if (signerInfo.signedAttrs) {
    if (!md) return broken('no message digest');
    base.digestMatches = bytesEqual(new Uint8Array(md.valueBlock.valueHexView), digest);
    const enc = new Uint8Array(signerInfo.signedAttrs.encodedValue.slice(0));
    enc[0] = 0x31; // the signature covers the attributes as a SET (RFC 5652 §5.4)
    signedBytes = enc.buffer;
  } else {
    // Without signed attributes the signature covers the content itself.
    base.digestMatches = null;
    signedBytes = data.buffer;
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
    if (t.detail) base.trustDetail = t.detail;
    if (t.anchor) base.trustAnchor = t.anchor;
  }

  if (base.signatureValid === false) {
    return {
      ...base,
      integrity: 'broken',
      brokenDetail: 'the cryptographic signature does not match the signer’s key',
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

/**
 * Builds a path from the signer to a certificate the user trusts, checking each link's
 * signature, that issuers are CAs, and validity at `when`. No revocation check (no network).
 */
async function chainToTrusted(
  leaf: pkijs.Certificate,
  pool: pkijs.Certificate[],
  trusted: pkijs.Certificate[],
  when: Date,
): Promise<{ trusted: boolean; detail?: string; anchor?: string }> {
  const der = (x: pkijs.Certificate) => new Uint8Array(x.toSchema(true).toBER(false));
  const trustedDer = trusted.map(der);
  const isTrusted = (x: pkijs.Certificate) => trustedDer.some((t) => bytesEqual(t, der(x)));
  const name = (x: pkijs.Certificate) => dnPart(x.subject, '2.5.4.3') ?? dnText(x.subject);
  if (!keyUsageAllowsSigning(leaf))
    return { trusted: false, detail: 'the certificate may not be used for signatures' };
  let current = leaf;
  for (let depth = 0; depth < 10; depth++) {
    if (when < current.notBefore.value || when > current.notAfter.value) {
      return { trusted: false, detail: `"${name(current)}" was not valid at the signing time` };
    }
    if (isTrusted(current)) return { trusted: true, anchor: name(current) };
    const candidates = [...trusted, ...pool].filter(
      (x) => x.subject.isEqual(current.issuer) && x !== current,
    );
    let next: pkijs.Certificate | undefined;
    for (const cand of candidates) {
      try {
        if (await current.verify(cand)) {
          next = cand;
          break;
        }
      } catch {
        // Not this one.
      }
    }
    if (!next)
      return { trusted: false, detail: `no trusted certificate issued "${name(current)}"` };
    if (!isCa(next) && !isTrusted(next))
      return { trusted: false, detail: `"${name(next)}" is not a certificate authority` };
    current = next;
  }
  return { trusted: false, detail: 'the certificate chain is too long' };
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

// ---------------------------------------------------------------------------------------------
// Texts for people

export type Tone = 'ok' | 'warn' | 'error' | 'info';
export interface ReportLine {
  tone: Tone;
  text: string;
  /** Which part of the report the line belongs to, for grouping on screen. */
  part: 'verdict' | 'signature' | 'document' | 'assessment';
  /** Lines that belong to a signature carry its index. */
  signature?: number;
}

const t = (code: SigningMessageCode, params: SigningParams, locale: string) =>
  signingText(code, params, locale);

function dateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** The whole report as plain sentences, in the user's language. */
export function reportLines(r: VerifyReport, locale: string, q?: Questionnaire): ReportLine[] {
  const lines: ReportLine[] = [];
  // A valid verdict says plainly when no signer was checked against trusted certificates.
  const untrusted = r.kind === 'pdf' && r.signatures.some((s) => s.trust === 'notChecked');
  const verdict: SigningMessageCode =
    r.status === 'valid'
      ? untrusted
        ? 'verdictValidUntrusted'
        : 'verdictValid'
      : r.status === 'failed'
        ? 'verdictFailed'
        : 'verdictUnsigned';
  lines.push({
    part: 'verdict',
    tone: r.status === 'valid' ? 'ok' : r.status === 'failed' ? 'error' : 'warn',
    text: t(verdict, {}, locale),
  });
  if (r.kind === 'pdf') {
    if (r.signatures.length === 0)
      lines.push({ part: 'document', tone: 'info', text: t('verifyNoSignatures', {}, locale) });
    for (const s of r.signatures) lines.push(...signatureLines(s, locale));
    for (const f of r.emptyFields)
      lines.push({
        part: 'document',
        tone: 'info',
        text: t('verifyEmptyField', { field: f }, locale),
      });
    const content = r.changesAfterLastSignature.filter((c) => c.severity === 'content');
    const meta = r.changesAfterLastSignature.filter((c) => c.severity === 'metadata');
    if (content.length) {
      lines.push({
        part: 'document',
        tone: 'error',
        text: t('verifyModifiedAfter', { changes: changeList(content, locale) }, locale),
      });
    } else if (meta.length) {
      lines.push({
        part: 'document',
        tone: 'info',
        text: t('verifyMetadataAfter', { changes: changeList(meta, locale) }, locale),
      });
    }
    if (r.trailingBytes > 0)
      lines.push({
        part: 'document',
        tone: 'error',
        text: t('verifyTrailingBytes', { count: r.trailingBytes }, locale),
      });
  }
  lines.push(...assessmentLines(r.assessment, locale, q));
  if (
    r.kind === 'pdf' &&
    r.assessment.state === 'checked' &&
    r.assessment.seal.status === 'valid' &&
    r.signatures.some((s) => s.integrity === 'changed')
  ) {
    lines.push({
      part: 'assessment',
      tone: 'info',
      text: t('verifySealHoldsElsewhere', {}, locale),
    });
  }
  return lines;
}

function changeList(changes: RevisionChange[], locale: string): string {
  return [...new Set(changes.map((c) => t(c.code, c.params, locale)))].join('; ');
}

function signatureLines(s: SignatureReport, locale: string): ReportLine[] {
  const out: ReportLine[] = [];
  const signer = s.signer?.name ?? '?';
  const at = (tone: Tone, text: string) =>
    out.push({ part: 'signature', tone, text, signature: s.index });
  if (s.integrity === 'valid')
    at('ok', t('verifySignatureValid', { index: s.index, signer }, locale));
  else if (s.integrity === 'changed') {
    const reg = s.changedRegion;
    const where = !reg
      ? ''
      : reg.afterSignature
        ? t(
            'verifyWhereBetween',
            { previous: reg.afterSignature, from: reg.from, to: reg.to },
            locale,
          )
        : t('verifyWhereFirst', { bytes: reg.to }, locale);
    at('error', t('verifySignatureChanged', { index: s.index, signer, where }, locale).trim());
  } else
    at(
      'error',
      t('verifySignatureBroken', { index: s.index, detail: s.brokenDetail ?? '?' }, locale),
    );
  if (s.signer) {
    at(
      'info',
      t(
        'verifyCertificate',
        {
          subject: s.signer.subject,
          issuer: s.signer.issuer,
          serial: s.signer.serial,
          from: s.signer.notBefore.slice(0, 10),
          to: s.signer.notAfter.slice(0, 10),
        },
        locale,
      ),
    );
  }
  if (s.signingTime)
    at('info', t('verifySigningTime', { time: dateTime(s.signingTime.iso) }, locale));
  if (s.integrity === 'valid') {
    if (s.trust === 'trusted')
      at('ok', t('verifyTrusted', { anchor: s.trustAnchor ?? '' }, locale));
    else if (s.trust === 'notTrusted')
      at('error', t('verifyNotTrusted', { detail: s.trustDetail ?? '' }, locale));
    else at('warn', t('verifyTrustNotChecked', {}, locale));
  }
  if (s.certValidAtSigning === false) at('warn', t('verifyCertInvalidAtSigning', {}, locale));
  else if (s.certExpiredNow && s.signer)
    at('info', t('verifyCertExpiredNow', { date: s.signer.notAfter.slice(0, 10) }, locale));
  if (s.signingCertificateAttribute === 'mismatch') at('error', t('verifyEssMismatch', {}, locale));
  if (s.coversWholeDocument) at('info', t('verifyCoversAll', {}, locale));
  else if (s.laterSignatures > 0)
    at('info', t('verifyLaterSignatures', { count: s.laterSignatures }, locale));
  return out;
}

function assessmentLines(a: AssessmentCheck, locale: string, q?: Questionnaire): ReportLine[] {
  switch (a.state) {
    case 'absent':
      return [{ part: 'assessment', tone: 'info', text: t('verifyNoAssessment', {}, locale) }];
    case 'unreadable': {
      const detail = [
        ...(a.embeddedError ? [embeddedErrorText(a.embeddedError, locale)] : []),
        ...a.problems.map((p) => `${p.path ? `${p.path}: ` : ''}${problemText(p, locale)}`),
      ].join(' ');
      return [
        {
          part: 'assessment',
          tone: 'error',
          text: t('verifyAssessmentUnreadable', { detail }, locale),
        },
      ];
    }
    case 'checked': {
      const questionnaire = q ?? a.assessment.questionnaireSnapshot;
      const tone: Tone =
        a.seal.status === 'valid' ? 'ok' : a.seal.status === 'changed' ? 'error' : 'warn';
      const out: ReportLine[] = [
        { part: 'assessment', tone, text: sealSummaryText(a.seal, locale) },
      ];
      for (const s of a.seal.signOffs) {
        out.push({
          part: 'assessment',
          tone: s.status === 'valid' ? 'ok' : s.status === 'changed' ? 'error' : 'warn',
          text: signOffSealText(s, a.seal.version, locale, questionnaire),
        });
      }
      if (a.changed?.paths.length) {
        const parts = describeChanges(
          a.changed.paths,
          a.changed.signed,
          a.assessment,
          locale,
          questionnaire,
        );
        out.push({
          part: 'assessment',
          tone: 'error',
          text: t('verifySealChangedWhere', { parts: parts.map((c) => c.text).join('; ') }, locale),
        });
      }
      return out;
    }
  }
}

// Re-exported for callers that parse trust files themselves.
export { parseCertificates };
