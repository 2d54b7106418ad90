import { describe, expect, it } from 'vitest';
import { explainTrace } from '../../../src/core/explain';
import { loadQuestionnaire } from '../questionnaires/builtin';

const q = loadQuestionnaire('fria-core');

describe('a reason names the answer as the user chose it', () => {
  it('a choice whose option id is "yes" shows its own words, not a bare yes', () => {
    const entry = {
      kind: 'answer',
      questionId: 'groupsConsulted',
      options: ['yes'],
      got: 0,
      max: 2,
    } as const;
    expect(explainTrace(entry, q, 'nl')).toContain(
      ': Ja, en hun inbreng staat in deze toets → 0 van 2 punten',
    );
    expect(explainTrace({ ...entry, options: ['no'] }, q, 'en')).toMatch(/: No → 0 of 2 points$/);
  });

  it('a yes/no question reads Ja / Nee, Yes / No, capitalised like every other answer', () => {
    const yesNo = q.sections.flatMap((s) => s.questions).find((x) => x.type === 'yesNo')!;
    const entry = {
      kind: 'answer',
      questionId: yesNo.id,
      options: ['yes'],
      got: 1,
      max: 1,
    } as const;
    expect(explainTrace(entry, q, 'nl')).toContain(': Ja → 1 van 1 punten');
    expect(explainTrace({ ...entry, options: ['no'] }, q, 'en')).toContain(': No → 1 of 1 points');
  });
});
