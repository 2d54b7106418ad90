/**
 * The questionnaire file format and its versions. Format 1 is every file without a
 * `formatVersion`; format 2 says `"formatVersion": 2`. A file of an older format is read by
 * moving it up one pure step at a time (`questionnaireFormatSteps`), before the schema check, so
 * the rest of the product only ever sees the current format.
 *
 * The file as read stays the questionnaire's content for its hash and for the copy embedded in an
 * assessment (`questionnaireSource`): an assessment made with a format-1 file keeps the hash it
 * recorded, so it still opens, verifies and signs as before, and its seal is untouched.
 */
import type { Questionnaire } from './questionnaire-schema';
import { migrateChain, type MigrationStep } from '../assessment/migrations';
import type { SafeParse } from '../files/safe-json';

/** The format this app writes and reads natively. */
export const QUESTIONNAIRE_FORMAT_VERSION = 2;

type Raw = Record<string, unknown>;

/**
 * Format 1 → 2: format 2 only adds to format 1, so every format-1 file says the same in format 2.
 * What changes is what the validator holds the file to: the stricter checks of format 2 are
 * warnings for a file that was written as format 1 (it may already be in use; see validate.ts).
 */
const formatOneToTwo: MigrationStep = (old) => old;

/** `steps[n]` turns a questionnaire of format n into format n + 1. */
export const questionnaireFormatSteps: Readonly<Record<number, MigrationStep>> = {
  1: formatOneToTwo,
};

export interface FormatMigration {
  /** The data in the current format (a new object when a step ran; the input otherwise). */
  value: unknown;
  /** The format the data was written in. */
  from: number;
}

/**
 * Brings questionnaire data of any known format to the current one. Data that is no object is
 * passed through for the schema to name; a format newer than this app's is refused. Pure: the
 * input is never changed.
 */
export function migrateQuestionnaireFormat(data: unknown): SafeParse<FormatMigration> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: true, value: { value: data, from: QUESTIONNAIRE_FORMAT_VERSION } };
  }
  const raw = data as Raw;
  const declared = raw.formatVersion;
  if (declared === QUESTIONNAIRE_FORMAT_VERSION) {
    return { ok: true, value: { value: data, from: QUESTIONNAIRE_FORMAT_VERSION } };
  }
  // Format 1 had no field for its version: its absence is what says "format 1".
  const start = declared === undefined ? { ...raw, formatVersion: 1 } : raw;
  const r = migrateChain(start, questionnaireFormatSteps, QUESTIONNAIRE_FORMAT_VERSION);
  if (!r.ok) return r;
  return {
    ok: true,
    value: { value: r.value, from: declared === undefined ? 1 : (declared as number) },
  };
}

const sources = new WeakMap<Questionnaire, unknown>();
const formats = new WeakMap<Questionnaire, number>();

/** Records that this (validated) questionnaire was read from `source`, written in format `from`. */
export function rememberSource(q: Questionnaire, source: unknown, from: number): void {
  // A questionnaire with repeating groups is used expanded (repeat.ts); its file stays the source.
  if (from !== QUESTIONNAIRE_FORMAT_VERSION || source !== q) {
    sources.set(q, source);
    formats.set(q, from);
  }
}

/**
 * The questionnaire as its file says it: the data it was read from when that was an older
 * format, else the questionnaire itself. Hashes and embedded copies use this, so they stay the
 * ones an assessment recorded.
 */
export function questionnaireSource(q: Questionnaire): Questionnaire {
  return (sources.get(q) as Questionnaire | undefined) ?? q;
}

/** The format the questionnaire's file was written in. */
export function sourceFormat(q: Questionnaire): number {
  return formats.get(q) ?? QUESTIONNAIRE_FORMAT_VERSION;
}
