import { describe, expect, it } from 'vitest';
import {
  migrateAssessment,
  migrateChain,
  steps,
  type MigrationStep,
} from '../../src/core/assessment/migrations';
import {
  parseAssessment,
  parseAssessmentText,
  serializeAssessment,
} from '../../src/core/assessment/assessment';
import { ASSESSMENT_FORMAT_VERSION } from '../../src/core/assessment/assessment-schema';
import { problemText } from '../../src/core/files/safe-json';
import { makeAssessment } from './storage/helpers';

// A test-only chain: format 1 keeps a single "name"; format 2 splits it; format 3 renames a field.
const testSteps: Record<number, MigrationStep> = {
  1: (old) => {
    const [first = '', ...rest] = String(old.name ?? '').split(' ');
    const { name: _n, ...other } = old;
    return { ...other, firstName: first, lastName: rest.join(' ') };
  },
  2: (old) => {
    const { lastName, ...other } = old;
    return { ...other, familyName: lastName };
  },
};

describe('migration chain', () => {
  it('runs every step in order from the file’s format to the target', () => {
    const r = migrateChain({ formatVersion: 1, name: 'Ada King Lovelace' }, testSteps, 3);
    expect(r).toEqual({
      ok: true,
      value: { formatVersion: 3, firstName: 'Ada', familyName: 'King Lovelace' },
    });
  });

  it('starts in the middle of the chain for a file of a later format', () => {
    const r = migrateChain({ formatVersion: 2, firstName: 'Ada', lastName: 'L' }, testSteps, 3);
    expect(r).toEqual({ ok: true, value: { formatVersion: 3, firstName: 'Ada', familyName: 'L' } });
  });

  it('leaves data of the current format as it is', () => {
    const data = { formatVersion: 3, firstName: 'A', familyName: 'B' };
    expect(migrateChain(data, testSteps, 3)).toEqual({ ok: true, value: data });
  });

  it('does not change the caller’s data, even when a step mutates its argument', () => {
    const mutating: Record<number, MigrationStep> = {
      1: (old) => {
        old.touched = true;
        return old;
      },
    };
    const data = { formatVersion: 1, x: 1 };
    const r = migrateChain(data, mutating, 2);
    expect(data).toEqual({ formatVersion: 1, x: 1 });
    expect(r).toEqual({ ok: true, value: { formatVersion: 2, x: 1, touched: true } });
  });

  it('refuses data newer than the target and says which versions', () => {
    const r = migrateChain({ formatVersion: 4 }, testSteps, 3);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems[0]).toMatchObject({
        code: 'newerFormat',
        params: { found: 4, supported: 3 },
      });
  });

  it('refuses a missing, zero, negative or fractional format version', () => {
    for (const formatVersion of [undefined, 0, -1, 1.5, '1']) {
      const r = migrateChain({ formatVersion }, testSteps, 3);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]?.code).toBe('invalid');
    }
  });

  it('refuses when a step of the chain is missing', () => {
    const r = migrateChain({ formatVersion: 1 }, { 2: testSteps[2]! }, 3);
    expect(r.ok).toBe(false);
  });
});

describe('assessment formats', () => {
  it('format 1 is current and needs no steps yet', () => {
    expect(ASSESSMENT_FORMAT_VERSION).toBe(1);
    expect(Object.keys(steps)).toEqual([]);
  });

  it('reads a current file unchanged', async () => {
    const a = await makeAssessment('a1');
    const r = parseAssessmentText(serializeAssessment(a));
    expect(r).toEqual({ ok: true, value: a });
    expect(migrateAssessment(a as unknown as Record<string, unknown>)).toEqual({
      ok: true,
      value: a,
    });
  });

  it('refuses a file from a newer app with a clear message in both languages', async () => {
    const a = await makeAssessment('a1');
    const newer = { ...a, formatVersion: ASSESSMENT_FORMAT_VERSION + 1, somethingNew: [1, 2] };
    const copy = structuredClone(newer);
    const r = parseAssessment(newer);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.code).toBe('newerFormat');
    expect(problemText(r.problems[0]!, 'en')).toContain(
      'newer version of FRIA Wizard (format 2; this app reads up to 1)',
    );
    expect(problemText(r.problems[0]!, 'nl')).toContain(
      'nieuwere versie van FRIA Wizard (formaat 2',
    );
    // Left untouched: an older app never "upgrades" newer data.
    expect(newer).toEqual(copy);
  });
});
