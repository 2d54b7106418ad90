import { describe, expect, it } from 'vitest';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import { score } from '../../../src/core/scoring/scoring';
import { levelObligations } from '../../../src/core/scoring/obligations';
import { signOffRoles } from '../../../src/core/signoff/signoff';
import { guideBlock } from './builtin';

/** The worked example in the authoring guide must stay valid, and its hand computation right. */
describe('docs/authoring-questionnaires.md worked example', () => {
  const block = guideBlock('json', '"id": "waste-chatbot"');

  it('is a complete questionnaire the validator accepts', () => {
    expect(block).toBeDefined();
    const result = validateQuestionnaire(JSON.parse(block!));
    expect(result.problems).toEqual([]);
  });

  const q = () => {
    const r = validateQuestionnaire(JSON.parse(block!));
    if (!r.valid) throw new Error('invalid example');
    return r.questionnaire;
  };
  const answers = {
    purpose: 'Vragen over ophaaldagen beantwoorden.',
    personalData: true,
    dataKinds: ['address'],
    alternative: 'slower',
    plainLanguage: 'partly',
  };

  it('scores as the guide computes by hand: privacy 3/4 high, inclusion 2/5 medium, overall high', () => {
    const r = score(q(), { answers });
    expect([r.byDomain['privacy']!.raw, r.byDomain['privacy']!.max]).toEqual([3, 4]);
    expect(r.byDomain['privacy']!.final).toBe('high');
    expect([r.byDomain['inclusion']!.raw, r.byDomain['inclusion']!.max]).toEqual([2, 5]);
    expect(r.byDomain['inclusion']!.final).toBe('medium');
    expect(r.overall.level).toBe('high');
    expect(r.redFlags).toEqual([]);
  });

  it('at level high requires a peer review and the reviewer; at medium nothing; open questions: not final', () => {
    const r = score(q(), { answers });
    expect(levelObligations(q(), r)).toMatchObject({
      level: 'high',
      requiredRoles: ['reviewer'],
      settled: true,
      obligations: [{ id: 'peerReview', kind: 'peerReview' }],
    });
    expect(signOffRoles(q(), { answers }).find((x) => x.id === 'reviewer')!.required).toBe(true);
    const medium = { answers: { ...answers, personalData: false } };
    expect(levelObligations(q(), score(q(), medium))).toBeNull();
    expect(signOffRoles(q(), medium).find((x) => x.id === 'reviewer')!.required).toBe(false);
    const open = score(q(), { answers: { ...answers, purpose: '' } });
    expect(levelObligations(q(), open)).toMatchObject({ level: 'high', settled: false });
  });

  it('hides the data question when no personal data are asked, keeping privacy low', () => {
    const r = score(q(), { answers: { ...answers, personalData: false } });
    expect(r.visibility.questions.has('dataKinds')).toBe(false);
    expect([r.byDomain['privacy']!.raw, r.byDomain['privacy']!.max]).toEqual([0, 2]);
    expect(r.byDomain['privacy']!.final).toBe('low');
    expect(r.overall.level).toBe('medium');
  });

  it('raises the red flag when there is no alternative to the chatbot', () => {
    const r = score(q(), { answers: { ...answers, alternative: 'no' } });
    expect([r.byDomain['inclusion']!.raw, r.byDomain['inclusion']!.max]).toEqual([4, 5]);
    expect(r.byDomain['inclusion']!.redFlags).toEqual(['noAlternative']);
    expect(r.byDomain['inclusion']!.final).toBe('high');
  });

  it('counts an answer that ticks the exclusive "none" beside "address" as open: privacy 2/4 medium', () => {
    const r = score(q(), { answers: { ...answers, dataKinds: ['address', 'none'] } });
    expect(r.visibility.effective['dataKinds']).toBeUndefined();
    expect([r.byDomain['privacy']!.raw, r.byDomain['privacy']!.max]).toEqual([2, 4]);
    expect(r.byDomain['privacy']!.final).toBe('medium');
    expect(r.overall.level).toBe('medium');
  });

  it('"not applicable" on plainLanguage: inclusion 1/3 low, never above the "no" answer (3/5)', () => {
    const na = score(q(), {
      answers,
      notApplicable: { plainLanguage: 'The chatbot only shows a calendar.' },
    });
    expect([na.byDomain['inclusion']!.raw, na.byDomain['inclusion']!.max]).toEqual([1, 3]);
    expect(na.byDomain['inclusion']!.final).toBe('low');
    const no = score(q(), { answers: { ...answers, plainLanguage: 'no' } });
    expect([no.byDomain['inclusion']!.raw, no.byDomain['inclusion']!.max]).toEqual([3, 5]);
    expect(no.byDomain['inclusion']!.final).toBe('medium');
  });
});
