import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from '../../../src/core/files/zod-setup';
import { isNewerRecord, readSummary } from '../../../src/storage/summary-record';

// The stored summary's format as the storage layer checked it with zod before the hand-written
// check took zod off the start path: the check must accept and refuse exactly the same records.
const Iso = z.string().max(40);
const SummaryRecordSchema = z.strictObject({
  recordFormat: z.literal(1),
  id: z.string().min(1).max(100),
  title: z.string(),
  systemName: z.string(),
  questionnaireId: z.string(),
  questionnaireVersion: z.string(),
  status: z.enum(['draft', 'inReview', 'signed']),
  overallLevel: z.string().nullable(),
  updatedAt: Iso,
  exportedAt: Iso.nullable(),
  problem: z.enum(['newerFormat', 'corrupt']).optional(),
  version: z.int().min(1).optional(),
});
const SummaryInputSchema = SummaryRecordSchema.omit({ recordFormat: true });

const good = {
  recordFormat: 1,
  id: 'a1',
  title: 'Slimme camera’s',
  systemName: 'Camera',
  questionnaireId: 'fria-core',
  questionnaireVersion: '1.0.0',
  status: 'draft',
  overallLevel: 'high',
  updatedAt: '2026-03-01T09:00:00.000Z',
  exportedAt: null,
  version: 2,
};

/** Values close to valid ones, so both the accepting and the refusing paths are exercised. */
const field = fc.oneof(
  fc.constantFrom(
    '',
    'a1',
    'draft',
    'inReview',
    'signed',
    'corrupt',
    'newerFormat',
    'x'.repeat(41),
  ),
  fc.constantFrom(null, undefined, 0, 1, 2, 1.5, -1, Number.NaN, 2 ** 60, true, [], {}),
  fc.string({ maxLength: 45 }),
);
const keys = [
  'recordFormat',
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
  'extra',
] as const;
const mutated = fc
  .tuple(
    fc.subarray([...keys]),
    fc.array(field, { minLength: keys.length, maxLength: keys.length }),
  )
  .chain(([changed, values]) =>
    fc.boolean().map((drop) => {
      const rec: Record<string, unknown> = { ...good };
      changed.forEach((k, i) => {
        if (drop && i === 0) delete rec[k];
        else rec[k] = values[i];
      });
      return rec;
    }),
  );

describe('stored summary check (without zod)', () => {
  it('accepts a summary this app writes, and gives it back without the record format', () => {
    const { recordFormat: _f, ...summary } = good;
    expect(readSummary(good, true)).toEqual(summary);
    expect(readSummary(summary)).toEqual(summary);
  });

  it('refuses what the library must show as damaged', () => {
    expect(readSummary({ ...good, title: 42 }, true)).toBeNull();
    expect(readSummary({ ...good, status: 'approved' }, true)).toBeNull();
    expect(readSummary({ ...good, sneaky: 1 }, true)).toBeNull();
    expect(readSummary({ ...good, version: 0 }, true)).toBeNull();
    expect(readSummary({ ...good, updatedAt: 'x'.repeat(41) }, true)).toBeNull();
    expect(readSummary(good)).toBeNull(); // a summary to write carries no record format
    expect(readSummary({ ...good, recordFormat: 2 }, true)).toBeNull();
    expect(readSummary([good], true)).toBeNull();
    expect(readSummary(null, true)).toBeNull();
  });

  it('agrees with the zod schema it replaces on any record (property)', () => {
    fc.assert(
      fc.property(mutated, (rec) => {
        expect(readSummary(rec, true) !== null).toBe(SummaryRecordSchema.safeParse(rec).success);
        const { recordFormat: _f, ...input } = rec;
        expect(readSummary(input) !== null).toBe(SummaryInputSchema.safeParse(input).success);
      }),
      { numRuns: 3000 },
    );
  });

  it('recognises a record of a newer format only by a whole record format above this one', () => {
    expect(isNewerRecord({ recordFormat: 2 })).toBe(true);
    expect(isNewerRecord({ recordFormat: 1 })).toBe(false);
    expect(isNewerRecord({ recordFormat: 2.5 })).toBe(false);
    expect(isNewerRecord({ recordFormat: '2' })).toBe(false);
    expect(isNewerRecord([2])).toBe(false);
    expect(isNewerRecord(null)).toBe(false);
  });
});
