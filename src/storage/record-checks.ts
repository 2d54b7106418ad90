/**
 * The zod-based checks of stored assessment records: loaded with the first read or write of an
 * assessment, not at start-up. The start screen only lists summaries (summary-record.ts), so zod and
 * the assessment schemas stay out of its JavaScript (docs/performance.md).
 */
import { z } from '../core/files/zod-setup';
import { parseAssessment } from '../core/assessment';
import { ASSESSMENT_FORMAT_VERSION, AssessmentSchema, type Assessment } from '../core/assessment';
import { QuestionnaireSchema } from '../core/questionnaire';
import type { StorageErrorCode } from '../core/assessment';
import { isNewerRecord, RECORD_FORMAT } from './summary-record';

/**
 * One stored state of an assessment. The assessment is kept as its `.fria.json` text: writing a
 * string costs about half of cloning the object tree, reading the previous state inside a save
 * costs nothing, and the text is exactly what "export" would give.
 */
export interface AssessmentRecord {
  recordFormat: number;
  id: string;
  /** When this state was written (the repository's clock, not the assessment's updatedAt). */
  savedAt: string;
  /** The assessment's file format, readable without parsing the text (newer ones are refused). */
  formatVersion: number;
  /** The assessment's own version number (a new one starts after sign-off). */
  version: number;
  json: string;
}

const AssessmentRecordSchema = z.strictObject({
  recordFormat: z.literal(RECORD_FORMAT),
  id: z.string().min(1).max(100),
  savedAt: z.string().max(40),
  formatVersion: z.int().min(1),
  version: z.int().min(1),
  json: z.string(),
});

// The questionnaire copy inside an assessment is large (a few ms to check) and changes rarely:
// it is checked once per object, the rest of the assessment on every save.
const AssessmentWithoutSnapshotSchema = AssessmentSchema.omit({ questionnaireSnapshot: true });
const checkedSnapshots = new WeakSet<object>();

/** Checks an assessment before it is written; the first problem's path when it fails. */
export function checkForWrite(a: Assessment): string | null {
  const { questionnaireSnapshot: snapshot, ...rest } = a;
  const r = AssessmentWithoutSnapshotSchema.safeParse(rest);
  if (!r.success) return r.error.issues[0]?.path.join('.') ?? '';
  if (snapshot !== undefined && !checkedSnapshots.has(snapshot)) {
    const q = QuestionnaireSchema.safeParse(snapshot);
    if (!q.success) return `questionnaireSnapshot.${q.error.issues[0]?.path.join('.') ?? ''}`;
    checkedSnapshots.add(snapshot);
  }
  return null;
}

/** The record's envelope when it is one this app wrote (or can read), without parsing the text. */
export function envelope(value: unknown): AssessmentRecord | null {
  const rec = AssessmentRecordSchema.safeParse(value);
  return rec.success ? rec.data : null;
}

/** True when the record was written by a newer app (its envelope or its assessment format). */
export function isNewerAssessmentRecord(value: unknown): boolean {
  const rec = envelope(value);
  return isNewerRecord(value) || (rec !== null && rec.formatVersion > ASSESSMENT_FORMAT_VERSION);
}

/** The JSON text parsed, or undefined. Records are written by this app, so no size guard here. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A stored assessment record → the assessment, or the reason it cannot be opened here. */
export function readRecord(
  value: unknown,
): { ok: true; assessment: Assessment; savedAt: string } | { ok: false; code: StorageErrorCode } {
  if (isNewerRecord(value)) return { ok: false, code: 'newerFormat' };
  const rec = envelope(value);
  if (!rec) return { ok: false, code: 'corrupt' };
  if (rec.formatVersion > ASSESSMENT_FORMAT_VERSION) return { ok: false, code: 'newerFormat' };
  const data = parseJson(rec.json);
  if (data === undefined) return { ok: false, code: 'corrupt' };
  const parsed = parseAssessment(data);
  if (!parsed.ok) {
    const newer = parsed.problems.some((p) => p.code === 'newerFormat');
    return { ok: false, code: newer ? 'newerFormat' : 'corrupt' };
  }
  return { ok: true, assessment: parsed.value, savedAt: rec.savedAt };
}

/** An assessment from the rescue journal's text, or null when it does not parse. */
export function parseJournalAssessment(json: string): Assessment | null {
  const parsed = parseAssessment(parseJson(json));
  return parsed.ok ? parsed.value : null;
}
