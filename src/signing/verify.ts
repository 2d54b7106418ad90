/**
 * Verification (docs/signing.md, "Verify"): for a PDF, every signature's integrity (the digest of the
 * signed byte ranges against the CMS message digest, and the CMS signature itself), who signed
 * and when, and trust — only against certificates the user supplies; then what changed after the
 * signatures, and the embedded assessment's seal. For an assessment file: the seal.
 *
 * This file establishes facts (a report of codes and values); src/signing/verify-text.ts turns
 * them into sentences. One signature is checked in verify-signature.ts, trust in trust-path.ts.
 * Nothing here claims more than was checked: without trusted certificates the result says
 * "integrity valid, signer not verified"; a signing time without a timestamp is "as stated".
 */
import type { Assessment } from '../core/assessment';
import { parseAssessmentText } from '../core/assessment';
import type { FileProblem } from '../core/files';
import {
  attachmentOf,
  embeddedResult,
  type EmbeddedReadError,
  type EmbeddedReadResult,
} from '../pdf/read-embedded';
import { changedPaths, verifySeal, type ContentPath, type SealResult } from '../core/assessment';
import { canonicalJson } from '../core/assessment';
import { missingRoles, type SignOffRole } from '../core/signoff';
import {
  checkEmbeddedQuestionnaire,
  resolveQuestionnaire,
  type Questionnaire,
  type QuestionnaireSources,
} from '../core/questionnaire';
import { parseCertificates, type CertificateInfo } from './certificates';
import { PdfDocument, PdfEncryptedError } from '../pdf-file/document';
import { decodeTextString, latin1 } from '../pdf-file/objects';
import {
  analyseRevisions,
  type AddedSignature,
  type RevisionChange,
  type RevisionReport,
  type ValidSignature,
} from './revisions';
import { checkSignature, emptyReport, findSignatures } from './verify-signature';
import { checkDetachedSignature } from './detached';
import type { SigningReason } from './messages';

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
  /** Why the signature is broken, as a message code (said in the reader's language). */
  brokenReason?: SigningReason;
  /** The crypto library's own words when it failed on the data, for developers (not shown). */
  technicalDetail?: string;
  /** For `changed`: the smallest byte span the change must be in, as far as the signatures tell. */
  changedRegion?: { from: number; to: number; afterSignature?: number };
  signer?: CertificateInfo;
  /** As stated by the signer (CMS signing-time or the PDF's /M); not proven without a timestamp. */
  signingTime?: { iso: string; source: 'cms' | 'pdf' };
  hasTimestampToken: boolean;
  signingCertificateAttribute: 'v2' | 'v1' | 'absent' | 'mismatch';
  trust: Trust;
  /** Why the certificate is not trusted, as a message code. */
  trustReason?: SigningReason;
  trustAnchor?: string;
  /** Whether the certificate's validity period includes the stated signing time. */
  certValidAtSigning: boolean | null;
  certExpiredNow: boolean;
  coversWholeDocument: boolean;
  /** Signatures added in later revisions. */
  laterSignatures: number;
  /** Valid signatures made after this one, with the pages their appearance is on. */
  signaturesAddedAfter?: AddedSignature[];
  /**
   * What later revisions changed that is not a valid later signature (each with its pages).
   * For the last signature this is `changesAfterLastSignature`.
   */
  changesAfter?: RevisionChange[];
}

export type AssessmentCheck =
  | { state: 'absent' }
  | { state: 'unreadable'; embeddedError?: EmbeddedReadError; problems: FileProblem[] }
  | {
      state: 'checked';
      assessment: Assessment;
      seal: SealResult;
      /**
       * Required roles that have not signed the current version (from the questionnaire copy in
       * the file); absent when the file carries no questionnaire to tell.
       */
      missingRoles?: SignOffRole[];
      /** The questionnaire the roles and labels were read from, when one could be used. */
      questionnaire?: Questionnaire;
      /** When the seal is broken and an intact signed revision holds an earlier copy: what differs. */
      changed?: { paths: ContentPath[]; signed: Assessment };
      /**
       * In a PDF with intact digital signatures: whether the assessment a reader extracts today
       * is the one in the signed revision (`same`), another one (`differs`: replaced after
       * signing), or whether the signed revision held none (`absent`: attached after signing).
       */
      signedCopy?: SignedCopy;
    };

export type SignedCopy =
  | { state: 'same'; signature: number }
  | { state: 'differs'; signature: number; signed: Assessment; paths: ContentPath[] }
  | { state: 'absent'; signature: number };

/**
 * - `valid`: a digital signature covers the file and holds (and nothing else failed);
 * - `consistent`: no digital signature, but the file is internally consistent (its seal holds) —
 *   an unkeyed hash that anyone can recompute, so this proves neither who signed nor that
 *   nothing changed;
 * - `failed`: something changed, is damaged or is not trusted;
 * - `unsigned`: nothing to check.
 */
export type VerifyStatus = 'valid' | 'consistent' | 'failed' | 'unsigned';

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
  /** The detached signature (`.p7s`) over the file's bytes, when one was given. */
  detached?: SignatureReport;
}

export type VerifyReport = PdfVerifyReport | AssessmentVerifyReport;

export interface VerifyOptions {
  /** Certificates the user trusts (PEM or DER files). Without them, trust is not checked. */
  trusted?: Uint8Array[];
  /** "Now" for expiry notes; default the current time. */
  now?: Date;
  /** A detached signature (`.p7s`) for an assessment file. */
  detachedSignature?: Uint8Array;
  /**
   * Where the questionnaire a file names can be found when it embeds no copy (the built-in ones):
   * used only for its roles and labels, and only when its content hash is the one recorded.
   */
  questionnaires?: Pick<QuestionnaireSources, 'byId'>;
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
  return verifyAssessmentBytes(bytes, opts);
}

/** Checks an assessment file's seal, and its detached signature when one is given. */
export async function verifyAssessmentBytes(
  bytes: Uint8Array,
  opts: VerifyOptions = {},
): Promise<AssessmentVerifyReport> {
  const check = await checkAssessmentText(new TextDecoder().decode(bytes), opts);
  if (!opts.detachedSignature) {
    return { kind: 'assessment', status: assessmentStatus(check), assessment: check };
  }
  const trusted = (opts.trusted ?? []).flatMap((t) => parseCertificates(t));
  const detached = await checkDetachedSignature(
    bytes,
    opts.detachedSignature,
    trusted,
    opts.now ?? new Date(),
  );
  const bad =
    detached.integrity !== 'valid' ||
    detached.trust === 'notTrusted' ||
    detached.signingCertificateAttribute === 'mismatch' ||
    check.state !== 'checked' ||
    check.seal.status === 'changed';
  return { kind: 'assessment', status: bad ? 'failed' : 'valid', assessment: check, detached };
}

/** Checks an assessment file's seal (no digital signature). */
export async function verifyAssessmentFile(text: string): Promise<AssessmentVerifyReport> {
  return verifyAssessmentBytes(new TextEncoder().encode(text));
}

async function checkAssessmentText(text: string, opts: VerifyOptions): Promise<AssessmentCheck> {
  const parsed = parseAssessmentText(text);
  if (!parsed.ok) return { state: 'unreadable', problems: parsed.problems };
  return checkedAssessment(parsed.value, opts);
}

/** The seal and the completeness of an assessment that could be read. */
async function checkedAssessment(
  a: Assessment,
  opts: VerifyOptions,
): Promise<Extract<AssessmentCheck, { state: 'checked' }>> {
  const seal = await verifySeal(a);
  // Roles come from the questionnaire copy in the file when it has one (and the validator accepts
  // it); else from a known copy with the recorded content hash, by the core's one rule.
  const embedded = checkEmbeddedQuestionnaire(a);
  let q = embedded?.ok ? embedded.questionnaire : undefined;
  if (!embedded && opts.questionnaires) {
    const r = await resolveQuestionnaire(a, opts.questionnaires);
    if (r.ok && r.hashMatches) q = r.questionnaire;
  }
  return {
    state: 'checked',
    assessment: a,
    seal,
    ...(q ? { questionnaire: q, missingRoles: missingRoles(a, q) } : {}),
  };
}

function assessmentStatus(check: AssessmentCheck): VerifyStatus {
  if (check.state === 'unreadable') return 'failed';
  if (check.state !== 'checked') return 'unsigned';
  if (check.seal.status === 'changed') return 'failed';
  // An unkeyed hash that holds: consistent, never "valid" (anyone can recompute it).
  if (check.seal.status === 'valid') return 'consistent';
  return 'unsigned';
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
        brokenReason: { code: 'brokenDamaged', params: {} },
        technicalDetail: e instanceof Error ? e.message : String(e),
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
      brokenReason: { code: 'brokenNotFound', params: {} },
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
    // Valid signatures, so a later revision that is exactly one of them is recognised as such.
    const valid: ValidSignature[] = [];
    for (const [i, f] of found.entries()) {
      const s = signatures[i];
      if (s?.integrity === 'valid')
        valid.push({
          index: s.index,
          signer: s.signer?.name ?? '?',
          objectNum: f.objectNum,
          end: s.byteRange[2] + s.byteRange[3],
        });
    }
    let revisions: RevisionReport[] = [];
    let unexamined = false;
    try {
      revisions = await analyseRevisions(doc, valid);
    } catch (e) {
      structureProblem ??= e instanceof Error ? e.message : String(e);
      unexamined = true;
    }
    for (const s of signatures) {
      const end = s.byteRange[2] + s.byteRange[3];
      s.coversWholeDocument = end === bytes.length || (end >= lastEnd && trailingBytes === 0);
      const later = revisions.filter((r) => r.offset >= end);
      s.laterSignatures = later.reduce((n, r) => n + r.addsSignatures, 0);
      s.signaturesAddedAfter = later.flatMap((r) => (r.signature ? [r.signature] : []));
      s.changesAfter = later.flatMap((r) => r.changes);
      // Later revisions that could not be examined: never taken as "nothing changed".
      if (unexamined && doc.sections.some((x) => x.offset >= end))
        s.changesAfter = [...s.changesAfter, unreadableUpdate()];
      if (s === signatures[signatures.length - 1]) changesAfterLastSignature = s.changesAfter;
    }
  } else if (signatures.length > 0) {
    // The structure cannot be read, so later revisions cannot be examined: whatever comes after
    // the last signed byte counts as a change (a viewer that repairs the file may show it).
    const lastEnd = Math.max(...signatures.map((s) => s.byteRange[2] + s.byteRange[3]));
    const white = (b: number) => b === 0 || b === 9 || b === 10 || b === 12 || b === 13 || b === 32;
    for (const s of signatures) {
      const end = s.byteRange[2] + s.byteRange[3];
      const after = bytes.subarray(Math.min(end, bytes.length));
      s.coversWholeDocument = after.every(white);
      s.changesAfter = s.coversWholeDocument ? [] : [unreadableUpdate()];
    }
    changesAfterLastSignature = bytes.subarray(Math.min(lastEnd, bytes.length)).every(white)
      ? []
      : [unreadableUpdate()];
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

/** A later part of the file that could not be examined. */
function unreadableUpdate(): RevisionChange {
  return { code: 'changeUnreadable', params: {}, severity: 'content', object: 0, pages: [] };
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
    // A change after any signature that no later valid signature is: what that signer signed is
    // no longer what the pages show.
    r.signatures.some((s) => s.changesAfter?.some((c) => c.severity === 'content')) ||
    // Bytes after the end that no signature covers: some readers "repair" files and would read them.
    (r.trailingBytes > 0 && r.signatures.length > 0) ||
    (r.assessment.state === 'checked' && r.assessment.seal.status === 'changed') ||
    (r.assessment.state === 'checked' &&
      (r.assessment.signedCopy?.state === 'differs' ||
        r.assessment.signedCopy?.state === 'absent')) ||
    (r.assessment.state === 'unreadable' && r.signatures.length > 0);
  if (failed) return 'failed';
  if (r.signatures.length > 0) return 'valid';
  // No digital signature: the seal alone shows consistency, not that nothing changed.
  return r.assessment.state === 'checked' && r.assessment.seal.status === 'valid'
    ? 'consistent'
    : 'unsigned';
}

/**
 * The attached assessment as a PDF reader shows it: one rule for the whole app
 * (src/pdf-file/attachments.ts). When that attachment cannot be read, that is the answer — never
 * an older copy still in the file.
 */
async function assessmentIn(
  bytes: Uint8Array,
  doc: PdfDocument | undefined,
  read: ((pdf: Uint8Array) => Promise<EmbeddedReadResult>) | undefined,
): Promise<{ ok: true; assessment: Assessment } | { ok: false; check: AssessmentCheck }> {
  const result = read
    ? await read(bytes)
    : embeddedResult(await attachmentOf(bytes, doc), false, true);
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
  const read = opts.readEmbeddedAssessment;
  const current = await assessmentIn(bytes, doc, read);
  if (!current.ok) return current.check;
  const check = await checkedAssessment(current.assessment, opts);
  const seal = check.seal;
  // Compare what a reader extracts today with the copy in each intact signed revision: a copy
  // replaced after signing may carry a seal of its own that holds (anyone can recompute it).
  const intact = signatures.filter((s) => s.integrity === 'valid');
  if (intact.length === 0) return check;
  const today = canonicalJson(current.assessment);
  let differs: Extract<SignedCopy, { state: 'differs' }> | undefined;
  let same: number | undefined;
  let lastSigned: Assessment | undefined;
  for (const s of intact) {
    const prefix = bytes.subarray(0, s.byteRange[2] + s.byteRange[3]);
    const signedDoc = await PdfDocument.open(prefix).catch(() => undefined);
    const signed = await assessmentIn(prefix, signedDoc, read);
    if (!signed.ok) continue;
    lastSigned = signed.assessment;
    if (canonicalJson(signed.assessment) === today) same = s.index;
    else if (!differs) {
      differs = {
        state: 'differs',
        signature: s.index,
        signed: signed.assessment,
        paths: assessmentPaths(signed.assessment, current.assessment),
      };
    }
  }
  const signedCopy: SignedCopy =
    differs ??
    (same !== undefined
      ? { state: 'same', signature: same }
      : { state: 'absent', signature: intact[intact.length - 1]!.index });
  const withCopy = { ...check, signedCopy };
  if (seal.status !== 'changed' || !lastSigned) return withCopy;
  // Say where the seal broke: compare with the last signed copy.
  const paths = changedPaths(lastSigned, current.assessment);
  return paths.length ? { ...withCopy, changed: { paths, signed: lastSigned } } : withCopy;
}

/** Where two whole assessment files differ: their content, then their sign-off records. */
function assessmentPaths(before: Assessment, after: Assessment): ContentPath[] {
  const paths = changedPaths(before, after);
  if (canonicalJson(before.signOffs) !== canonicalJson(after.signOffs)) paths.push(['signOffs']);
  return paths;
}
