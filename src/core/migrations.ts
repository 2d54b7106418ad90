import { ASSESSMENT_FORMAT_VERSION } from './assessment-schema';
import { problem, type SafeParse } from './safe-json';

type Raw = Record<string, unknown>;

/**
 * Pure migration steps: `steps[n]` turns format n into n + 1. Each step gets its own test and a
 * fixture of the old format. Format 1 is the first published format, so there are none yet.
 */
export const steps: Record<number, (old: Raw) => Raw> = {};

/** Brings an assessment of any older format up to the current one, step by step. */
export function migrateAssessment(data: Raw): SafeParse<Raw> {
  let cur = data;
  let v = typeof cur.formatVersion === 'number' ? cur.formatVersion : NaN;
  if (!Number.isInteger(v) || v < 1) {
    return { ok: false, problems: [problem('formatVersion', 'invalid')] };
  }
  while (v < ASSESSMENT_FORMAT_VERSION) {
    const step = steps[v];
    if (!step) return { ok: false, problems: [problem('formatVersion', 'invalid')] };
    cur = { ...step(cur), formatVersion: v + 1 };
    v++;
  }
  return { ok: true, value: cur };
}
