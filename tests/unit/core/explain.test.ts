import { describe, expect, it } from 'vitest';
import { explainTrace } from '../../../src/core/scoring/explain';
import type { TraceEntry } from '../../../src/core/scoring/scoring';
import { loadQuestionnaire } from '../questionnaires/builtin';

const q = loadQuestionnaire('fria-core');
const answer = (questionId: string, options: string[], got: number, max: number): TraceEntry => ({
  kind: 'answer',
  questionId,
  options,
  got,
  max,
});

describe('a reason names the answer as the user chose it', () => {
  it('a choice whose option id is "yes" shows its own words, not a bare yes', () => {
    expect(explainTrace(answer('groupsConsulted', ['yes'], 0, 2), q, 'nl')).toContain(
      ': Ja, en hun inbreng staat in deze toets → 0 van 2 punten',
    );
    expect(explainTrace(answer('groupsConsulted', ['no'], 2, 2), q, 'en')).toMatch(
      /: No → 2 of 2 points$/,
    );
  });

  it('a yes/no question reads Ja / Nee, Yes / No, capitalised like every other answer', () => {
    const yesNo = q.sections.flatMap((s) => s.questions).find((x) => x.type === 'yesNo')!;
    expect(explainTrace(answer(yesNo.id, ['yes'], 1, 1), q, 'nl')).toContain(': Ja → 1 van 1 punt');
    expect(explainTrace(answer(yesNo.id, ['no'], 0, 1), q, 'en')).toContain(': No → 0 of 1 point');
  });
});

describe('points are counted in words that fit the number', () => {
  it('"1 van 1 punt" and "0 van 1 punt", "of 2 points": singular for exactly one', () => {
    const yesNo = q.sections.flatMap((s) => s.questions).find((x) => x.type === 'yesNo')!;
    const one = explainTrace(answer(yesNo.id, ['yes'], 1, 1), q, 'nl');
    expect(one).toMatch(/1 van 1 punt$/);
    expect(one).not.toContain('1 van 1 punten');
    expect(explainTrace(answer(yesNo.id, ['yes'], 1, 1), q, 'en')).toMatch(/1 of 1 point$/);
    expect(explainTrace(answer('groupsConsulted', ['no'], 2, 2), q, 'nl')).toMatch(
      /2 van 2 punten$/,
    );
    expect(explainTrace({ kind: 'unanswered', questionId: yesNo.id, max: 1 }, q, 'nl')).toContain(
      '0 van 1 punt (voorlopig)',
    );
  });
});
