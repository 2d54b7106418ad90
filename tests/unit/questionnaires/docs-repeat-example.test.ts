import { describe, expect, it } from 'vitest';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import { score } from '../../../src/core/scoring/scoring';
import { explainTrace } from '../../../src/core/scoring/explain';
import { guideBlock } from './builtin';

/** The repeating-group example in the authoring guide: valid, and its hand computation right. */
describe('docs/authoring-questionnaires.md repeating-group example', () => {
  const block = guideBlock('json', '"id": "rights-roadmap-example"');
  const q = () => {
    const r = validateQuestionnaire(JSON.parse(block!));
    if (!r.valid) throw new Error(JSON.stringify(r.problems));
    return r.questionnaire;
  };
  const answers = {
    rightsAffected: ['privacy', 'equality'],
    'seriousness@privacy': 'serious',
    'milderWay@privacy': false,
    'balance@privacy': 'doubtful',
    'seriousness@equality': 'light',
    'milderWay@equality': false,
  };
  const notApplicable = { 'balance@equality': 'set by law' };
  const points = (r: ReturnType<typeof score>, d: string) => [
    r.byDomain[d]!.raw,
    r.byDomain[d]!.max,
    r.byDomain[d]!.final,
  ];

  it('is a complete questionnaire the validator accepts', () => {
    expect(block).toBeDefined();
    expect(validateQuestionnaire(JSON.parse(block!)).problems).toEqual([]);
  });

  it('scores as the guide computes by hand: impact 2/4 medium, justification 2/10 low', () => {
    const r = score(q(), { answers, notApplicable });
    expect(points(r, 'impact')).toEqual([2, 4, 'medium']);
    expect(points(r, 'justification')).toEqual([2, 10, 'low']);
    expect(r.overall.level).toBe('medium');
    expect(r.complete).toBe(true);
    const lines = r.byDomain['impact']!.trace.map((t) => explainTrace(t, q(), 'en'));
    expect(lines).toContain(
      'Privacy — “How serious is the intrusion into this right?”: Serious → 2 of 2 points',
    );
  });

  it('unticking equal treatment keeps its answers aside; ticking it again restores the result', () => {
    const without = score(q(), {
      answers: { ...answers, rightsAffected: ['privacy'] },
      notApplicable,
    });
    expect(points(without, 'impact')).toEqual([2, 2, 'veryHigh']);
    expect(points(without, 'justification')).toEqual([2, 7, 'medium']);
    const again = score(q(), { answers, notApplicable });
    expect(again.byDomain).toEqual(score(q(), { answers, notApplicable }).byDomain);
    expect(points(again, 'impact')).toEqual([2, 4, 'medium']);
  });

  it('fires the red flag for equal treatment only, naming it', () => {
    const r = score(q(), { answers: { ...answers, 'milderWay@equality': true }, notApplicable });
    expect(r.redFlags.map((f) => f.id)).toEqual(['milderWayExists@equality']);
    expect(q().redFlags!.find((f) => f.id === 'milderWayExists@equality')!.text.en).toBe(
      'Equal treatment: A milder way exists: the intrusion is not necessary.',
    );
    expect(r.byDomain['justification']!.final).toBe('high');
  });
});
