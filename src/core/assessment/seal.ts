/**
 * The integrity seal (docs/signing.md, level 2): each sign-off records the content hash it
 * signed and a chain hash over its own fields (src/core/signoff/signoff-chain.ts); the seal holds while
 * the current content still has that hash and the records still match their chain.
 *
 * Both are unkeyed hashes: anyone can recompute them after an edit. A holding seal shows that the
 * file is internally consistent, never on its own that nothing changed since signing — only a
 * digital signature over the file can show that (src/signing).
 */
import type { Assessment, SignOff } from './assessment-schema';
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import { assessmentContent, assessmentHash } from './assessment';
import { canonicalJson } from './canonical';
import { versionHash } from './versions';
import { indexQuestionnaire } from '../questionnaire/questionnaire-index';
import { pick, roleName } from '../texts/localized';
import { formatPath } from '../files/safe-json';
import { partLabel, signOffMessage, type PartCode } from '../signoff/signoff-messages';
import { signOffRoles, standingSignOffs } from '../signoff/signoff';
import { checkSignOffChain, type SignOffRecordStatus } from '../signoff/signoff-chain';

/**
 * - `valid`: the sign-off's hash is the current content hash.
 * - `previousVersion`: it signed an earlier version; a new version was started since (expected).
 * - `changed`: it claims this version (or a later one), but the content no longer has its hash.
 */
export type SignOffSealStatus = 'valid' | 'previousVersion' | 'changed';

export interface SignOffSeal {
  signOff: SignOff;
  status: SignOffSealStatus;
  /** Whether the sign-off's own record (name, role, date …) still matches its chain hash. */
  record: SignOffRecordStatus;
  /**
   * For a sign-off of an earlier version: whether the kept copy of that version has the hash it
   * signed (`matches`), not (`differs`), or no copy of that version is kept (`none`).
   */
  versionCopy?: 'matches' | 'differs' | 'none';
}

/**
 * Whole-file verdict: `changed` when any sign-off of the current version no longer matches, or
 * any sign-off record was altered,
 * `valid` when at least one does and none fails, `previousVersion` when only earlier versions
 * were signed, `unsigned` when there is no sign-off at all.
 */
export type SealStatus = 'valid' | 'changed' | 'previousVersion' | 'unsigned';

export interface SealResult {
  status: SealStatus;
  /** The hash of the content as it is now. */
  contentHash: string;
  version: number;
  signOffs: SignOffSeal[];
}

/** Checks each sign-off's recorded hash against the current content hash. */
export async function verifySeal(a: Assessment): Promise<SealResult> {
  const contentHash = await assessmentHash(a);
  // Every record is in the chain, withdrawals and withdrawn ones included.
  const records = await checkSignOffChain(a.signOffs);
  const recordOf = new Map(a.signOffs.map((s, i) => [s, records[i]!]));
  // A withdrawn signature, and the record that withdrew it, no longer vouch for anything.
  const copies = new Map<number, string | null>();
  for (const s of standingSignOffs(a))
    if (s.version < a.version && !copies.has(s.version))
      copies.set(s.version, await versionHash(a, s.version));
  const signOffs = standingSignOffs(a).map((signOff): SignOffSeal => {
    const record = recordOf.get(signOff) ?? 'altered';
    if (signOff.contentHash === contentHash) return { signOff, status: 'valid', record };
    if (signOff.version < a.version) {
      const copy = copies.get(signOff.version) ?? null;
      const versionCopy =
        copy === null ? 'none' : copy === signOff.contentHash ? 'matches' : 'differs';
      return { signOff, status: 'previousVersion', record, versionCopy };
    }
    return { signOff, status: 'changed', record };
  });
  let status: SealStatus = 'unsigned';
  if (
    signOffs.some((s) => s.status === 'changed' || s.versionCopy === 'differs') ||
    records.includes('altered')
  )
    status = 'changed';
  else if (signOffs.some((s) => s.status === 'valid')) status = 'valid';
  else if (signOffs.length > 0) status = 'previousVersion';
  return { status, contentHash, version: a.version, signOffs };
}

/** The role's label in the locale (from the questionnaire when known, else the id). */
function roleLabel(roleId: string, q: Questionnaire | undefined, locale: string): string {
  const role = q ? signOffRoles(q).find((r) => r.id === roleId) : undefined;
  return role ? roleName(role.label, locale) : roleId;
}

/** One line per sign-off, in the user's language. */
export function signOffSealText(
  s: SignOffSeal,
  current: number,
  locale: string,
  q?: Questionnaire,
): string {
  const params = {
    name: s.signOff.name,
    role: roleLabel(s.signOff.role, q, locale),
    date: s.signOff.date,
    version: s.signOff.version,
    current,
  };
  if (s.record === 'altered') return signOffMessage('sealRecordAltered', params, locale);
  const code =
    s.status === 'valid'
      ? 'sealValid'
      : s.status === 'previousVersion'
        ? 'sealPreviousVersion'
        : 'sealChanged';
  const text = signOffMessage(code, params, locale);
  return s.record === 'unchained'
    ? `${text} ${signOffMessage('sealRecordUnchained', params, locale)}`
    : text;
}

/**
 * The seal's verdict in one sentence, in the user's language. `coveredBySignature`: a valid
 * digital signature covers this very file, so "consistent" may be said without the warning that
 * the hash alone proves nothing about later changes.
 */
export function sealSummaryText(r: SealResult, locale: string, coveredBySignature = false): string {
  const code = (
    {
      valid: coveredBySignature ? 'sealSummaryValidSigned' : 'sealSummaryValid',
      changed: 'sealSummaryChanged',
      previousVersion: 'sealSummaryPrevious',
      unsigned: 'sealSummaryUnsigned',
    } as const
  )[r.status];
  return signOffMessage(code, { current: r.version }, locale);
}

/**
 * Whether going from `before` to `after` changes what the seal covers (sync, for guards that must
 * decide at once, e.g. refusing an edit of a locked version). Saving time and history do not count.
 */
export function changesSignedContent(before: Assessment, after: Assessment): boolean {
  if (before === after) return false;
  return canonicalJson(assessmentContent(before)) !== canonicalJson(assessmentContent(after));
}

/** A place in the assessment content where two versions differ. */
export type ContentPath = (string | number)[];

/**
 * Where two assessments' signed content differs, as JSON paths (at most `limit`). Used when an
 * earlier signed copy is available (e.g. the assessment in a PDF's signed revision) to say where a
 * change is; a recorded hash alone cannot tell that.
 */
export function changedPaths(before: Assessment, after: Assessment, limit = 100): ContentPath[] {
  const out: ContentPath[] = [];
  diff(assessmentContent(before), assessmentContent(after), [], out, limit);
  return out;
}

function diff(a: unknown, b: unknown, path: ContentPath, out: ContentPath[], limit: number): void {
  if (out.length >= limit) return;
  if (a === b) return;
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  const bothObjects =
    !bothArrays &&
    a !== null &&
    b !== null &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b);
  if (bothArrays) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length || i >= b.length) {
        out.push([...path, i]);
        if (out.length >= limit) return;
      } else diff(a[i], b[i], [...path, i], out, limit);
    }
  } else if (bothObjects) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort();
    for (const k of keys) {
      const inA = Object.prototype.hasOwnProperty.call(ra, k);
      const inB = Object.prototype.hasOwnProperty.call(rb, k);
      if (inA !== inB) {
        out.push([...path, k]);
        if (out.length >= limit) return;
      } else diff(ra[k], rb[k], [...path, k], out, limit);
    }
  } else out.push(path);
}

export interface ChangedPart {
  code: PartCode;
  /** The JSON path as text, e.g. `answers.purpose`. */
  path: string;
  /** Human text in the locale, e.g. `answer to "What is the purpose?"`. */
  text: string;
}

/**
 * Turns changed paths into plain descriptions ("answer to …", "the conclusion"), one per part, in
 * first-seen order. Labels come from the questionnaire and the assessments themselves.
 */
export function describeChanges(
  paths: ContentPath[],
  before: Assessment,
  after: Assessment,
  locale: string,
  q?: Questionnaire,
): ChangedPart[] {
  const index = q ? indexQuestionnaire(q) : undefined;
  const questionLabel = (id: string) => {
    const label = index?.byId.get(id)?.question.label;
    return label ? pick(label, locale) : id;
  };
  const seen = new Set<string>();
  const out: ChangedPart[] = [];
  for (const path of paths) {
    const [head, key] = path;
    let code: PartCode;
    let params: Record<string, string> = {};
    let shownPath = formatPath(path);
    if ((head === 'answers' || head === 'notes') && typeof key === 'string') {
      code = head === 'answers' ? 'answer' : 'note';
      params = { label: questionLabel(key) };
      shownPath = formatPath([head, key]);
    } else if (head === 'redFlagResponses' && typeof key === 'string') {
      const flag = q?.redFlags?.find((f) => f.id === key);
      code = 'redFlagResponse';
      params = { label: flag ? pick(flag.text, locale) : key };
      shownPath = formatPath([head, key]);
    } else if (head === 'register' && typeof key === 'number') {
      const item = after.register[key] ?? before.register[key];
      code = 'risk';
      params = { label: item?.title || `#${key + 1}` };
      shownPath = formatPath([head, key]);
    } else if (head === 'register') {
      code = 'register';
    } else if (head === 'overrides' && typeof key === 'string') {
      const domain = q?.domains.find((d) => d.id === key);
      code = 'override';
      params = { label: domain ? pick(domain.label, locale) : key };
      shownPath = formatPath([head, key]);
    } else if (head === 'proposals') {
      code = 'proposal';
      shownPath = formatPath(path.slice(0, 2));
    } else if (head === 'conclusion') {
      code = 'conclusion';
      shownPath = 'conclusion';
    } else if (head === 'meta') {
      code = 'meta';
      params = { field: typeof key === 'string' ? key : '' };
      shownPath = formatPath(path.slice(0, 2));
    } else if (head === 'questionnaire' || head === 'questionnaireSnapshot') {
      code = 'questionnaire';
      shownPath = String(head);
    } else if (head === 'version') {
      code = 'version';
    } else if (head === 'setAside') {
      code = 'setAside';
      shownPath = 'setAside';
    } else if (head === 'signOffs') {
      code = 'signOffs';
      shownPath = 'signOffs';
    } else {
      code = 'other';
      params = { path: shownPath };
    }
    if (seen.has(shownPath)) continue;
    seen.add(shownPath);
    out.push({ code, path: shownPath, text: partLabel(code, params, locale) });
  }
  return out;
}
