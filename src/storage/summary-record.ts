/**
 * The library's line for one assessment, as stored in the `summaries` store, checked by hand.
 *
 * The start screen lists these, so this check is on the start path: it is written without zod to keep
 * zod (and the assessment schemas) out of the start screen's JavaScript (docs/performance.md).
 * It accepts exactly what the record format allows and nothing else: a key it does not know, a wrong
 * type or an out-of-range value makes the record unreadable ("damaged" in the library), as before.
 * tests/unit/storage/summary-record.test.ts holds it against the equivalent zod schema.
 */
import type { AssessmentStatus, AssessmentSummary } from '../core/assessment';

/** Format of the stored records (the envelope around an assessment or a summary). */
export const RECORD_FORMAT = 1;

export type SummaryRecord = AssessmentSummary & { recordFormat: number };

const STATUSES: readonly AssessmentStatus[] = ['draft', 'inReview', 'signed'];
const PROBLEMS: readonly NonNullable<AssessmentSummary['problem']>[] = ['newerFormat', 'corrupt'];
/** ISO times are short; a longer text is not one this app wrote. */
const MAX_ISO = 40;

const SUMMARY_KEYS = new Set([
  'id',
  'title',
  'systemName',
  'questionnaireId',
  'questionnaireVersion',
  'status',
  'overallLevel',
  'updatedAt',
  'exportedAt',
  'problem',
  'version',
]);

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIso = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_ISO;
const isStr = (v: unknown): v is string => typeof v === 'string';
const isPositiveInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

/** True when the value is a record of a newer format than this app writes (never rewritten). */
export function isNewerRecord(value: unknown): boolean {
  if (!isObject(value)) return false;
  const f = value.recordFormat;
  return isPositiveInt(f) && f > RECORD_FORMAT;
}

/**
 * A summary as given to `put` (no `recordFormat`), or null when it is not one. With
 * `withRecordFormat`, the stored form: `recordFormat` must be this app's format.
 */
export function readSummary(value: unknown, withRecordFormat = false): AssessmentSummary | null {
  if (!isObject(value)) return null;
  for (const key of Object.keys(value)) {
    if (!SUMMARY_KEYS.has(key) && !(withRecordFormat && key === 'recordFormat')) return null;
  }
  if (withRecordFormat && value.recordFormat !== RECORD_FORMAT) return null;
  const v = value;
  if (!isStr(v.id) || v.id.length < 1 || v.id.length > 100) return null;
  if (!isStr(v.title) || !isStr(v.systemName)) return null;
  if (!isStr(v.questionnaireId) || !isStr(v.questionnaireVersion)) return null;
  if (!STATUSES.includes(v.status as AssessmentStatus)) return null;
  if (v.overallLevel !== null && !isStr(v.overallLevel)) return null;
  if (!isIso(v.updatedAt)) return null;
  if (v.exportedAt !== null && !isIso(v.exportedAt)) return null;
  if (v.problem !== undefined && !PROBLEMS.includes(v.problem as 'corrupt')) return null;
  if (v.version !== undefined && !isPositiveInt(v.version)) return null;
  const out: AssessmentSummary = {
    id: v.id,
    title: v.title,
    systemName: v.systemName,
    questionnaireId: v.questionnaireId,
    questionnaireVersion: v.questionnaireVersion,
    status: v.status as AssessmentStatus,
    overallLevel: v.overallLevel,
    updatedAt: v.updatedAt,
    exportedAt: v.exportedAt,
  };
  if (v.problem !== undefined) out.problem = v.problem as NonNullable<AssessmentSummary['problem']>;
  if (v.version !== undefined) out.version = v.version as number;
  return out;
}
