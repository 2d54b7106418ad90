import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessmentJson } from '../../../src/storage/serialize';
import { assessmentArb } from './arbitraries';
import { makeAssessment } from './helpers';

describe('assessment JSON for records', () => {
  it('parses back to the same assessment, with and without an embedded questionnaire (property)', () => {
    fc.assert(
      fc.property(assessmentArb, (a) => {
        expect(JSON.parse(assessmentJson(a))).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it('reuses the questionnaire text only for the very same questionnaire object', async () => {
    const a = await makeAssessment('a1', 'T', { embed: true });
    const first = assessmentJson(a);
    // An immutable update elsewhere keeps the questionnaire object: same text for it.
    const b = { ...a, answers: { purpose: 'x' } };
    expect(JSON.parse(assessmentJson(b))).toEqual(b);
    // A changed questionnaire is a new object: its new text is used.
    const snapshot = structuredClone(a.questionnaireSnapshot!);
    snapshot.version = '2.0.0';
    const c = { ...a, questionnaireSnapshot: snapshot };
    expect(JSON.parse(assessmentJson(c)).questionnaireSnapshot.version).toBe('2.0.0');
    expect(JSON.parse(first)).toEqual(a);
  });
});
