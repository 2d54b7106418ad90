import { ASSESSMENT_FORMAT_VERSION } from './assessment-schema';
import { problem, type SafeParse } from '../files/safe-json';

type Raw = Record<string, unknown>;

/** One pure step: takes data of format n and returns data of format n + 1 (the chain sets `formatVersion`). */
export type MigrationStep = (old: Raw) => Raw;

/**
 * Pure migration steps: `steps[n]` turns format n into n + 1. Each step gets its own test and a
 * fixture of the old format. Format 1 is the first published format, so there are none yet.
 */
export const steps: Record<number, MigrationStep> = {};

/**
 * Runs a chain of steps from the data's `formatVersion` up to `target`. Refuses data without a
 * whole, positive format version, data newer than `target` (an older app never "upgrades" newer
 * data) and a chain with a missing step. The input is never modified.
 */
export function migrateChain(
  data: Raw,
  chain: Readonly<Record<number, MigrationStep>>,
  target: number,
): SafeParse<Raw> {
  let cur = data;
  let v = typeof cur.formatVersion === 'number' ? cur.formatVersion : NaN;
  if (!Number.isInteger(v) || v < 1) {
    return { ok: false, problems: [problem('formatVersion', 'invalid')] };
  }
  if (v > target) {
    return {
      ok: false,
      problems: [problem('formatVersion', 'newerFormat', { found: v, supported: target })],
    };
  }
  while (v < target) {
    const step = chain[v];
    if (!step) return { ok: false, problems: [problem('formatVersion', 'invalid')] };
    // structuredClone keeps a step that mutates its argument from touching the caller's data.
    cur = { ...step(structuredClone(cur)), formatVersion: v + 1 };
    v++;
  }
  return { ok: true, value: cur };
}

/** Brings an assessment of any older format up to the current one, step by step. */
export function migrateAssessment(data: Raw): SafeParse<Raw> {
  return migrateChain(data, steps, ASSESSMENT_FORMAT_VERSION);
}
