import { describe, expect, it } from 'vitest';
import {
  bandLevel,
  levelIndexForRatio,
  questionPoints,
  riskProducts,
  score,
  type TraceEntry,
} from '../../../src/core/scoring/scoring';
import type { Question, Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';
import {
  miniQuestionnaire,
  multi,
  opt,
  plain,
  questionnaire,
  risk,
  scale,
  section,
  single,
  yesNo,
} from './helpers';

/** One question in one section; domains a, b, c. */
const one = (question: Question, extra: Partial<Questionnaire> = {}) =>
  questionnaire([section('s', [question])], extra);

describe('§2 points per question type', () => {
  const sq = single('q', [
    opt('none', { a: 0 }),
    opt('some', { a: 2 }),
    opt('lots', { a: 5, b: 1 }),
  ]);

  it('single choice: max = highest option per domain, got = chosen option', () => {
    expect(questionPoints(sq, 'some')).toEqual({
      max: { a: 5, b: 1 },
      got: { a: 2 },
      options: ['some'],
    });
    expect(questionPoints(sq, 'lots')).toEqual({
      max: { a: 5, b: 1 },
      got: { a: 5, b: 1 },
      options: ['lots'],
    });
    const r = score(one(sq), { answers: { q: 'some' } });
    expect(r.byDomain.a).toMatchObject({ raw: 2, max: 5, ratio: 0.4 });
    expect(r.byDomain.b).toMatchObject({ raw: 0, max: 1, ratio: 0 });
  });

  it('scale: scored like single choice', () => {
    const s = scale('q', [opt('l', { a: 0 }), opt('m', { a: 1 }), opt('h', { a: 3 })]);
    const r = score(one(s), { answers: { q: 'm' } });
    expect(r.byDomain.a).toMatchObject({ raw: 1, max: 3 });
  });

  it('multi choice without cap: max = sum of all options, got = sum of chosen', () => {
    const m = multi('q', [opt('x', { a: 1 }), opt('y', { a: 3 }), opt('z', { a: 2, b: 1 })]);
    expect(questionPoints(m, ['x', 'z'])).toEqual({
      max: { a: 6, b: 1 },
      got: { a: 3, b: 1 },
      options: ['x', 'z'],
    });
    const r = score(one(m), { answers: { q: ['x', 'z'] } });
    expect(r.byDomain.a).toMatchObject({ raw: 3, max: 6, ratio: 0.5 });
    expect(r.byDomain.b).toMatchObject({ raw: 1, max: 1, ratio: 1 });
  });

  it('multi choice with maxPoints: both max and got are capped per domain', () => {
    const m = multi('q', [opt('x', { a: 1 }), opt('y', { a: 3 }), opt('z', { a: 2, b: 1 })], {
      maxPoints: { a: 4 },
    });
    // All chosen: 6 capped to 4; the uncapped domain b keeps 1 of 1.
    const all = score(one(m), { answers: { q: ['x', 'y', 'z'] } });
    expect(all.byDomain.a).toMatchObject({ raw: 4, max: 4, ratio: 1 });
    expect(all.byDomain.b).toMatchObject({ raw: 1, max: 1 });
    // Under the cap nothing changes: x alone is 1 of 4.
    const some = score(one(m), { answers: { q: ['x'] } });
    expect(some.byDomain.a).toMatchObject({ raw: 1, max: 4, ratio: 0.25 });
  });

  it('a cap above the sum changes nothing', () => {
    const m = multi('q', [opt('x', { a: 1 }), opt('y', { a: 3 })], { maxPoints: { a: 10 } });
    expect(score(one(m), { answers: { q: ['y'] } }).byDomain.a).toMatchObject({ raw: 3, max: 4 });
  });

  it('yes/no: max = the higher of yes and no points per domain', () => {
    const yn = yesNo('q', { a: 3 }, { a: 1, b: 2 });
    const yes = score(one(yn), { answers: { q: true } });
    expect(yes.byDomain.a).toMatchObject({ raw: 3, max: 3 });
    expect(yes.byDomain.b).toMatchObject({ raw: 0, max: 2 });
    const no = score(one(yn), { answers: { q: false } });
    expect(no.byDomain.a).toMatchObject({ raw: 1, max: 3 });
    expect(no.byDomain.b).toMatchObject({ raw: 2, max: 2 });
    expect(questionPoints(yn, false).options).toEqual(['no']);
  });

  it('text, number and date questions give no points', () => {
    const t = questionnaire([
      section('s', [
        plain('st', 'shortText'),
        plain('lt', 'longText'),
        plain('n', 'number'),
        plain('d', 'date'),
      ]),
    ]);
    const r = score(t, { answers: { st: 'x', lt: 'y', n: 5, d: '2025-01-01' } });
    for (const d of ['a', 'b', 'c']) {
      expect(r.byDomain[d]).toMatchObject({ raw: 0, max: 0, ratio: null, final: null });
      expect(r.byDomain[d]!.trace).toEqual([]);
    }
  });

  it('sums over questions: raw(d) = Σ got, max(d) = Σ max', () => {
    const t = questionnaire([
      section('s1', [yesNo('y1', { a: 2 }), single('s', [opt('p', { a: 1 }), opt('q', { a: 4 })])]),
      section('s2', [multi('m', [opt('x', { a: 1 }), opt('z', { a: 1 })])]),
    ]);
    // y1 yes 2/2, s=p 1/4, m=[z] 1/2 → 4 of 8.
    const r = score(t, { answers: { y1: true, s: 'p', m: ['z'] } });
    expect(r.byDomain.a).toMatchObject({ raw: 4, max: 8, ratio: 0.5, final: 'medium' });
  });
});

describe('§2 unanswered questions and not-assessed domains', () => {
  it('an unanswered question gets 0 but its max still counts', () => {
    const t = questionnaire([
      section('s', [yesNo('y1', { a: 2 }), single('s1', [opt('p', { a: 1 }), opt('q', { a: 6 })])]),
    ]);
    // y1 yes: 2/2; s1 open: 0/6 → 2/8 = 0.25 → low.
    const r = score(t, { answers: { y1: true } });
    expect(r.byDomain.a).toMatchObject({ raw: 2, max: 8, ratio: 0.25, final: 'low' });
    expect(r.byDomain.a!.trace[1]).toEqual({ kind: 'unanswered', questionId: 's1', max: 6 });
  });

  it('an empty multi-choice list is unanswered', () => {
    const r = score(one(multi('m', [opt('x', { a: 1 })])), { answers: { m: [] } });
    expect(r.byDomain.a!.trace[0]).toEqual({ kind: 'unanswered', questionId: 'm', max: 1 });
  });

  it('a domain with max 0 is not assessed: ratio and every level null, never "low"', () => {
    const t = one(single('q', [opt('x', { a: 1 }), opt('y', { a: 0, b: 0 })]));
    const r = score(t, { answers: { q: 'y' } });
    expect(r.byDomain.b).toEqual(
      expect.objectContaining({
        raw: 0,
        max: 0,
        ratio: null,
        adjustedRatio: null,
        ratioLevel: null,
        answerLevel: null,
        registerLevel: null,
        computed: null,
        final: null,
      }),
    );
    expect(r.byDomain.c!.final).toBeNull();
    // Domain a scores 0 of 1: that is assessed, and low.
    expect(r.byDomain.a).toMatchObject({ ratio: 0, final: 'low' });
  });

  it('a domain whose only questions are hidden is not assessed', () => {
    const t = questionnaire([
      section('s', [
        yesNo('gate'),
        yesNo('inner', { b: 2 }, undefined, {
          condition: { op: 'equals', question: 'gate', value: true },
        }),
      ]),
    ]);
    expect(score(t, { answers: { gate: false, inner: true } }).byDomain.b!.final).toBeNull();
    expect(score(t, { answers: { gate: true, inner: true } }).byDomain.b!.final).toBe('veryHigh');
  });

  it('overall is null when no domain is assessed', () => {
    const t = one(plain('t', 'shortText'));
    expect(score(t, { answers: {} }).overall.level).toBeNull();
  });
});

describe('§4 thresholds', () => {
  it('the level index is the number of thresholds strictly below the ratio', () => {
    const th = [0.25, 0.5, 0.75];
    expect(levelIndexForRatio(0, th)).toBe(0);
    expect(levelIndexForRatio(0.25, th)).toBe(0);
    expect(levelIndexForRatio(0.2501, th)).toBe(1);
    expect(levelIndexForRatio(0.5, th)).toBe(1);
    expect(levelIndexForRatio(0.75, th)).toBe(2);
    expect(levelIndexForRatio(0.7501, th)).toBe(3);
    expect(levelIndexForRatio(1, th)).toBe(3);
  });

  // a: one yes/no worth `of` points … easiest is a single choice with options 0..max.
  const ratioQ = (max: number) =>
    one(
      single(
        'q',
        Array.from({ length: max + 1 }, (_, i) => opt(`p${i}`, { a: i })),
      ),
    );
  it.each([
    [0, 4, 'low'],
    [1, 4, 'low'], // 0.25 exactly → first level
    [2, 7, 'medium'], // 0.2857
    [2, 4, 'medium'], // 0.5 exactly
    [3, 5, 'high'], // 0.6
    [3, 4, 'high'], // 0.75 exactly
    [4, 5, 'veryHigh'], // 0.8
    [4, 4, 'veryHigh'], // 1
  ])('%i of %i → %s', (got, max, level) => {
    const r = score(ratioQ(max), { answers: { q: `p${got}` } });
    expect(r.byDomain.a!.ratio).toBe(got / max);
    expect(r.byDomain.a!.final).toBe(level);
  });

  it('0.2501 → second level, through the whole engine', () => {
    // Chosen 1000 + 1000 + 500 + 1 = 2501; all options sum to 10000.
    const points = [1000, 1000, 500, 1, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 499];
    const m = multi(
      'm',
      points.map((p, i) => opt(`o${i}`, { a: p })),
    );
    const r = score(one(m), { answers: { m: ['o0', 'o1', 'o2', 'o3'] } });
    expect(r.byDomain.a).toMatchObject({ raw: 2501, max: 10000, ratio: 0.2501, final: 'medium' });
    const r2 = score(one(m), { answers: { m: ['o0', 'o1', 'o2'] } });
    expect(r2.byDomain.a).toMatchObject({ ratio: 0.25, final: 'low' });
  });

  it('uses the questionnaire levels and thresholds, not built-in ones', () => {
    const t = questionnaire(
      [section('s', [single('q', [opt('x', { a: 0 }), opt('y', { a: 1 }), opt('z', { a: 2 })])])],
      {
        levels: [
          { id: 'ok', label: { en: 'ok' }, color: '#000000' },
          { id: 'bad', label: { en: 'bad' }, color: '#ffffff' },
        ],
        thresholds: [0.5],
        riskBands: [
          { min: 1, max: 9, level: 'ok' },
          { min: 10, max: 25, level: 'bad' },
        ],
      },
    );
    expect(score(t, { answers: { q: 'y' } }).byDomain.a!.final).toBe('ok'); // 0.5
    expect(score(t, { answers: { q: 'z' } }).byDomain.a!.final).toBe('bad'); // 1
  });
});

describe('§3 mitigation credit', () => {
  // Domain a: one single choice, options 0..5. Mitigation: two yes/no questions worth 2 each
  // (max 4). threshold 0.5 → credit from 2 points on; reduction 0.2.
  const mit = (threshold: number, reduction: number) =>
    questionnaire(
      [
        section('s', [
          single(
            'q',
            Array.from({ length: 6 }, (_, i) => opt(`p${i}`, { a: i })),
          ),
          yesNo('m1', { mitigation: 2 }, undefined, { mitigation: true }),
          yesNo('m2', { mitigation: 2 }, undefined, { mitigation: true }),
        ]),
      ],
      { mitigation: { threshold, reduction } },
    );

  it('threshold reached exactly: every ratio × (1 − reduction)', () => {
    // a: 3/5 = 0.6 → high without credit; mitigation 2 ≥ 0.5 × 4 → 0.6 × 0.8 = 0.48 → medium.
    const r = score(mit(0.5, 0.2), { answers: { q: 'p3', m1: true, m2: false } });
    expect(r.mitigation).toEqual({ raw: 2, max: 4, applied: true });
    expect(r.byDomain.a!.ratio).toBe(0.6);
    expect(r.byDomain.a!.adjustedRatio).toBeCloseTo(0.48, 12);
    expect(r.byDomain.a!.final).toBe('medium');
  });

  it('threshold reached exactly where floating point would miss it (0.28 × 25 = 7)', () => {
    const t = questionnaire(
      [
        section('s', [
          single('q', [opt('p0', { a: 0 }), opt('p1', { a: 1 })]),
          single(
            'mq',
            Array.from({ length: 26 }, (_, i) => opt(`m${i}`, { mitigation: i })),
            { mitigation: true },
          ),
        ]),
      ],
      { mitigation: { threshold: 0.28, reduction: 0.5 } },
    );
    // In floating point 0.28 × 25 = 7.000000000000001; by hand it is 7, so 7 of 25 earns the credit.
    // 1/1 → 1 × 0.5 = 0.5 → medium with the credit; 6 of 25 does not reach it → veryHigh.
    expect(score(t, { answers: { q: 'p1', mq: 'm7' } }).byDomain.a).toMatchObject({
      final: 'medium',
    });
    expect(score(t, { answers: { q: 'p1', mq: 'm6' } }).byDomain.a).toMatchObject({
      final: 'veryHigh',
    });
  });

  it('threshold not reached: no credit', () => {
    const r = score(mit(0.75, 0.2), { answers: { q: 'p3', m1: true, m2: false } });
    // 2 < 0.75 × 4 = 3.
    expect(r.mitigation).toEqual({ raw: 2, max: 4, applied: false });
    expect(r.byDomain.a).toMatchObject({ ratio: 0.6, adjustedRatio: 0.6, final: 'high' });
  });

  it('unanswered mitigation questions count in the mitigation max', () => {
    const r = score(mit(0.5, 0.2), { answers: { q: 'p3' } });
    expect(r.mitigation).toEqual({ raw: 0, max: 4, applied: false });
    expect(r.byDomain.a!.final).toBe('high');
  });

  it('mitigation points do not count towards any domain', () => {
    const r = score(mit(0.5, 0.2), { answers: { q: 'p0', m1: true, m2: true } });
    expect(r.byDomain.a).toMatchObject({ raw: 0, max: 5 });
    expect(r.byDomain.b!.max).toBe(0);
    expect(r.byDomain.a!.trace.some((e) => e.kind !== 'answer' || e.questionId === 'q')).toBe(true);
    expect(
      r.byDomain.a!.trace.filter((e) => e.kind === 'answer' || e.kind === 'unanswered'),
    ).toEqual([{ kind: 'answer', questionId: 'q', options: ['p0'], got: 0, max: 5 }]);
  });

  it('is off without a mitigation setting', () => {
    const t = one(single('q', [opt('x', { a: 0 }), opt('y', { a: 1 })]));
    const r = score(t, { answers: { q: 'y' } });
    expect(r.mitigation).toBeNull();
    expect(r.byDomain.a!.trace.some((e) => e.kind === 'mitigation')).toBe(false);
  });

  it('the trace shows the credit and the adjusted ratio', () => {
    const r = score(mit(0.5, 0.2), { answers: { q: 'p3', m1: true, m2: true } });
    const m = r.byDomain.a!.trace.find((e) => e.kind === 'mitigation');
    expect(m).toMatchObject({ applied: true, raw: 4, max: 4, threshold: 0.5, reduction: 0.2 });
  });

  it('a credit that lands exactly on a threshold stays at the lower level (as by hand)', () => {
    // 3/4 = 0.75; × (1 − 0.2) = 0.6 by hand, which equals the threshold 0.6, so the level index
    // is 1 (only 0.3 is strictly below). In floating point 0.75 × 0.8 = 0.6000000000000001.
    const t = questionnaire(
      [
        section('s', [
          single(
            'q',
            Array.from({ length: 5 }, (_, i) => opt(`p${i}`, { a: i })),
          ),
          yesNo('m1', { mitigation: 1 }, undefined, { mitigation: true }),
        ]),
      ],
      { mitigation: { threshold: 1, reduction: 0.2 }, thresholds: [0.3, 0.6, 0.8] },
    );
    const r = score(t, { answers: { q: 'p3', m1: true } });
    expect(r.mitigation!.applied).toBe(true);
    expect(r.byDomain.a!.final).toBe('medium');
  });
});

describe('§5 red flags', () => {
  // a: yes/no worth 1 of 4 on yes via single choice; flag fires on danger = yes.
  const flagged = (minLevel: string, domain = 'a') =>
    questionnaire(
      [
        section('s', [
          single('q', [opt('p0', { a: 0 }), opt('p1', { a: 1 }), opt('p4', { a: 4 })]),
          yesNo('danger'),
          yesNo('hiddenGate'),
          yesNo('hiddenDanger', undefined, undefined, {
            condition: { op: 'equals', question: 'hiddenGate', value: true },
          }),
        ]),
      ],
      {
        redFlags: [
          {
            id: 'rf',
            when: { op: 'equals', question: 'danger', value: true },
            domain,
            minLevel,
            text: { en: 'Danger' },
          },
          {
            id: 'rfHidden',
            when: { op: 'equals', question: 'hiddenDanger', value: true },
            domain: 'a',
            minLevel: 'veryHigh',
            text: { en: 'Hidden danger' },
          },
        ],
      },
    );

  it('raises the answer level to at least minLevel', () => {
    // q = p1: 1/4 = 0.25 → low; the flag raises it to high.
    const r = score(flagged('high'), { answers: { q: 'p1', danger: true } });
    expect(r.byDomain.a).toMatchObject({
      ratioLevel: 'low',
      answerLevel: 'high',
      computed: 'high',
      final: 'high',
      redFlags: ['rf'],
    });
    expect(r.byDomain.a!.trace).toContainEqual({
      kind: 'redFlag',
      flagId: 'rf',
      minLevel: 'high',
      questions: ['danger'],
      raised: true,
    });
    expect(r.redFlags).toEqual([
      { id: 'rf', domain: 'a', minLevel: 'high', questions: ['danger'] },
    ]);
  });

  it('never lowers a level, but is still listed', () => {
    // q = p4: 4/4 → veryHigh; a flag with minLevel medium keeps veryHigh.
    const r = score(flagged('medium'), { answers: { q: 'p4', danger: true } });
    expect(r.byDomain.a).toMatchObject({ answerLevel: 'veryHigh', redFlags: ['rf'] });
    expect(r.byDomain.a!.trace.find((e) => e.kind === 'redFlag')).toMatchObject({ raised: false });
  });

  it('at exactly its level it is listed but not "raised"', () => {
    const r = score(flagged('low'), { answers: { q: 'p1', danger: true } });
    expect(r.byDomain.a).toMatchObject({ answerLevel: 'low', redFlags: ['rf'] });
    expect(r.byDomain.a!.trace.find((e) => e.kind === 'redFlag')).toMatchObject({ raised: false });
  });

  it('does nothing when its condition does not hold', () => {
    const r = score(flagged('high'), { answers: { q: 'p1', danger: false } });
    expect(r.byDomain.a).toMatchObject({ answerLevel: 'low', redFlags: [] });
    expect(r.redFlags).toEqual([]);
  });

  it('does not fire on the kept answer of a hidden question', () => {
    const r = score(flagged('high'), {
      answers: { q: 'p1', hiddenGate: false, hiddenDanger: true },
    });
    expect(r.redFlags).toEqual([]);
    const shown = score(flagged('high'), {
      answers: { q: 'p1', hiddenGate: true, hiddenDanger: true },
    });
    expect(shown.redFlags.map((f) => f.id)).toEqual(['rfHidden']);
    expect(shown.byDomain.a!.final).toBe('veryHigh');
  });

  it('gives a not-assessed domain the flag level', () => {
    const r = score(flagged('high', 'b'), { answers: { q: 'p1', danger: true } });
    expect(r.byDomain.b).toMatchObject({ ratio: null, ratioLevel: null, answerLevel: 'high' });
    expect(r.byDomain.b!.trace).toEqual([
      { kind: 'redFlag', flagId: 'rf', minLevel: 'high', questions: ['danger'], raised: true },
    ]);
  });

  it("an 'overall' flag raises the overall level, not a domain", () => {
    const r = score(flagged('veryHigh', 'overall'), { answers: { q: 'p1', danger: true } });
    expect(r.byDomain.a).toMatchObject({ final: 'low', redFlags: [] });
    expect(r.overall).toEqual({ level: 'veryHigh', aggregation: 'max', redFlags: ['rf'] });
  });

  it("an 'overall' flag never lowers the overall level", () => {
    const r = score(flagged('low', 'overall'), { answers: { q: 'p4', danger: true } });
    expect(r.overall).toMatchObject({ level: 'veryHigh', redFlags: ['rf'] });
  });

  it('lists only the answered questions of its condition as the trigger', () => {
    const t = questionnaire([section('s', [yesNo('x'), yesNo('y'), yesNo('z')])], {
      redFlags: [
        {
          id: 'any',
          when: {
            op: 'any',
            conditions: [
              { op: 'equals', question: 'x', value: true },
              { op: 'notAnswered', question: 'y' },
              { op: 'equals', question: 'z', value: true },
              { op: 'equals', question: 'x', value: false },
            ],
          },
          domain: 'a',
          minLevel: 'medium',
          text: { en: 'x' },
        },
      ],
    });
    const r = score(t, { answers: { x: true } });
    expect(r.redFlags[0]!.questions).toEqual(['x']);
  });
});

describe('§6 register level (as §7 uses it)', () => {
  const t = one(single('q', [opt('p0', { a: 0 }), opt('p4', { a: 4 })]));

  it('products and bands', () => {
    expect(riskProducts(risk('r', 'a', 2, 3, [4, 5]))).toEqual({ inherent: 20, residual: 6 });
    expect([1, 4, 5, 9, 10, 16, 17, 20, 25].map((p) => bandLevel(t, p))).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'veryHigh',
      'veryHigh',
      'veryHigh',
    ]);
  });

  it('is the band of the highest residual product among the domain risks', () => {
    const r = score(t, {
      answers: { q: 'p0' },
      register: [
        risk('small', 'a', 2, 2), // 4 → low
        risk('mid', 'a', 3, 3), // 9 → medium
        risk('inherentOnly', 'a', 1, 1, [5, 5]), // inherent 25, residual 1 → low
        risk('otherDomain', 'b', 5, 5), // 25, but for b
      ],
    });
    expect(r.byDomain.a).toMatchObject({
      ratioLevel: 'low',
      registerLevel: 'medium',
      registerRisk: 'mid',
      computed: 'medium',
      final: 'medium',
    });
    expect(r.byDomain.a!.trace).toContainEqual({
      kind: 'register',
      riskId: 'mid',
      product: 9,
      level: 'medium',
    });
    // b has no answer points but a risk of 25: computed from the register alone.
    expect(r.byDomain.b).toMatchObject({
      ratio: null,
      registerLevel: 'veryHigh',
      final: 'veryHigh',
    });
  });

  it('§7 computed = max(answer level, register level)', () => {
    const up = score(t, { answers: { q: 'p0' }, register: [risk('r', 'a', 4, 4)] }); // 16 high
    expect(up.byDomain.a).toMatchObject({
      answerLevel: 'low',
      registerLevel: 'high',
      computed: 'high',
    });
    const keep = score(t, { answers: { q: 'p4' }, register: [risk('r', 'a', 1, 2)] }); // 2 low
    expect(keep.byDomain.a).toMatchObject({
      answerLevel: 'veryHigh',
      registerLevel: 'low',
      computed: 'veryHigh',
    });
  });

  it('an empty register leaves the answer level', () => {
    const r = score(t, { answers: { q: 'p4' }, register: [] });
    expect(r.byDomain.a).toMatchObject({
      registerLevel: null,
      registerRisk: null,
      computed: 'veryHigh',
    });
  });
});

describe('§7 overrides', () => {
  const t = questionnaire([
    section('s', [
      single('qa', [opt('p0', { a: 0 }), opt('p1', { a: 1 }), opt('p2', { a: 2 })]),
      single('qb', [opt('p0', { b: 0 }), opt('p1', { b: 1 })]),
    ]),
  ]);

  it('an override up: final is the override, computed stays visible', () => {
    // a: 1/2 = 0.5 → medium.
    const r = score(t, {
      answers: { qa: 'p1', qb: 'p0' },
      overrides: { a: { level: 'veryHigh', justification: 'Vulnerable group' } },
    });
    expect(r.byDomain.a).toMatchObject({
      computed: 'medium',
      override: { level: 'veryHigh', justification: 'Vulnerable group' },
      final: 'veryHigh',
    });
    expect(r.byDomain.a!.trace.at(-1)).toEqual({
      kind: 'override',
      from: 'medium',
      to: 'veryHigh',
      justification: 'Vulnerable group',
    });
    expect(r.overall.level).toBe('veryHigh');
  });

  it('an override down: final is lower, computed is still reported', () => {
    // a: 2/2 → veryHigh; overridden to low. b: 0/1 → low. Overall max → low.
    const r = score(t, {
      answers: { qa: 'p2', qb: 'p0' },
      overrides: { a: { level: 'low', justification: 'Measures in place' } },
    });
    expect(r.byDomain.a).toMatchObject({ computed: 'veryHigh', final: 'low' });
    expect(r.overall.level).toBe('low');
  });

  it('an override of a not-assessed domain records that nothing was computed', () => {
    const r = score(t, {
      answers: { qa: 'p1' },
      overrides: { c: { level: 'high', justification: 'Known issue' } },
    });
    expect(r.byDomain.c).toMatchObject({ computed: null, final: 'high' });
    expect(r.byDomain.c!.trace).toEqual([
      { kind: 'override', from: null, to: 'high', justification: 'Known issue' },
    ]);
  });

  it('an override to a level the questionnaire does not have is ignored', () => {
    const r = score(t, {
      answers: { qa: 'p1' },
      overrides: { a: { level: 'extreme', justification: 'x' } },
    });
    expect(r.byDomain.a).toMatchObject({ override: null, final: 'medium' });
  });
});

describe('§7 aggregation', () => {
  // Three domains each scored by its own single choice with options 0..4.
  const sc = (d: string) =>
    single(
      `q${d}`,
      [0, 1, 2, 3, 4].map((i) => opt(`p${i}`, { [d]: i })),
    );
  const agg = (aggregation?: 'max' | 'mean') =>
    questionnaire([section('s', [sc('a'), sc('b'), sc('c')])], aggregation ? { aggregation } : {});
  // p0 → 0 low, p2 → 0.5 medium, p3 → 0.75 high, p4 → 1 veryHigh.
  const levels = (q: Questionnaire, answers: Record<string, string>) =>
    score(q, { answers }).overall;

  it('max by default: one severe impact is not averaged away', () => {
    expect(levels(agg(), { qa: 'p0', qb: 'p3', qc: 'p2' })).toEqual({
      level: 'high',
      aggregation: 'max',
      redFlags: [],
    });
  });

  it.each([
    [{ qa: 'p0', qb: 'p3', qc: 'p2' }, 'medium'], // (0 + 2 + 1) / 3 = 1
    [{ qa: 'p0', qb: 'p2' }, 'low'], // c open: 0/4 → low. (0 + 1 + 0) / 3 = 0.33 → 0
    [{ qa: 'p0', qb: 'p2', qc: 'p2' }, 'medium'], // 2/3 = 0.67 → 1
    [{ qa: 'p4', qb: 'p4', qc: 'p0' }, 'high'], // 6/3 = 2
  ])('mean of level indexes %o → %s', (answers, level) => {
    expect(levels(agg('mean'), answers).level).toBe(level);
  });

  it('mean rounds half up and skips not-assessed domains', () => {
    const t = questionnaire([section('s', [sc('a'), sc('b')])], { aggregation: 'mean' });
    // c is not assessed; a low (0), b medium (1): 0.5 → 1 → medium.
    expect(levels(t, { qa: 'p0', qb: 'p2' })).toMatchObject({
      level: 'medium',
      aggregation: 'mean',
    });
  });
});

describe('completeness', () => {
  const t = questionnaire([
    section('s', [
      yesNo('r1', { a: 1 }, undefined, { required: true }),
      yesNo('opt1', { a: 1 }),
      plain('r2', 'shortText', { required: true }),
    ]),
  ]);
  it('is provisional while a visible required question is open', () => {
    const r = score(t, { answers: { r1: true } });
    expect(r.complete).toBe(false);
    expect(r.openRequired).toEqual(['r2']);
    // Scores are still given (provisional), with the open question's max counted.
    expect(r.byDomain.a).toMatchObject({ raw: 1, max: 2 });
  });
  it('is complete when every visible required question is answered; optional ones may stay open', () => {
    const r = score(t, { answers: { r1: false, r2: 'x' } });
    expect(r.complete).toBe(true);
    expect(r.openRequired).toEqual([]);
  });
});

describe('§8 trace', () => {
  it('explains a domain step by step, in a fixed order', () => {
    const t = questionnaire(
      [
        section('s', [
          yesNo('y', { a: 2 }),
          single('s1', [opt('p0', { a: 0 }), opt('p3', { a: 3 })]),
          multi('m', [opt('x', { a: 1 }), opt('z', { a: 2, b: 1 })]),
          yesNo('mit', { mitigation: 1 }, undefined, { mitigation: true }),
        ]),
      ],
      {
        mitigation: { threshold: 1, reduction: 0.5 },
        redFlags: [
          {
            id: 'flag',
            when: { op: 'includes', question: 'm', value: 'z' },
            domain: 'a',
            minLevel: 'high',
            text: { en: 'z chosen' },
          },
        ],
      },
    );
    const r = score(t, {
      answers: { y: true, m: ['z'], mit: false },
      register: [risk('r1', 'a', 2, 3)],
      overrides: { a: { level: 'veryHigh', justification: 'Because' } },
    });
    // y 2/2, s1 open 0/3, m z 2/3 → 4/8 = 0.5; mitigation 0/1 → not applied → 0.5 → medium;
    // flag raises to high; register 6 → medium; computed high; override veryHigh.
    const expected: TraceEntry[] = [
      { kind: 'answer', questionId: 'y', options: ['yes'], got: 2, max: 2 },
      { kind: 'unanswered', questionId: 's1', max: 3 },
      { kind: 'answer', questionId: 'm', options: ['z'], got: 2, max: 3 },
      { kind: 'ratio', raw: 4, max: 8, ratio: 0.5 },
      {
        kind: 'mitigation',
        applied: false,
        raw: 0,
        max: 1,
        threshold: 1,
        reduction: 0.5,
        ratio: 0.5,
      },
      { kind: 'thresholds', ratio: 0.5, thresholds: [0.25, 0.5, 0.75], level: 'medium' },
      { kind: 'redFlag', flagId: 'flag', minLevel: 'high', questions: ['m'], raised: true },
      { kind: 'register', riskId: 'r1', product: 6, level: 'medium' },
      { kind: 'override', from: 'high', to: 'veryHigh', justification: 'Because' },
    ];
    expect(r.byDomain.a!.trace).toEqual(expected);
    // Domain b only sees m, where z gives 1 of 1.
    expect(r.byDomain.b!.trace).toEqual([
      { kind: 'answer', questionId: 'm', options: ['z'], got: 1, max: 1 },
      { kind: 'ratio', raw: 1, max: 1, ratio: 1 },
      {
        kind: 'mitigation',
        applied: false,
        raw: 0,
        max: 1,
        threshold: 1,
        reduction: 0.5,
        ratio: 1,
      },
      { kind: 'thresholds', ratio: 1, thresholds: [0.25, 0.5, 0.75], level: 'veryHigh' },
    ]);
  });

  it('a question that gives a domain no points does not appear in its trace', () => {
    const t = one(single('q', [opt('x', { a: 1, b: 0 }), opt('y', { a: 0 })]));
    const r = score(t, { answers: { q: 'x' } });
    expect(r.byDomain.b!.trace).toEqual([]);
  });
});

describe('the mini questionnaire, by hand', () => {
  const mini = miniQuestionnaire();

  it('scores a full high-risk answer set', () => {
    const r = score(mini, {
      answers: {
        purpose: 'Allocate benefits',
        personalData: true,
        dataKinds: ['health', 'ethnicity'],
        legalGround: 'no',
        groundText: 'kept but hidden',
        automated: 'checked',
        usersPerYear: 100,
      },
    });
    // privacy: personalData 2/2 + dataKinds 6/7 + legalGround 4/4 = 12/13 → veryHigh.
    expect(r.byDomain.privacy).toMatchObject({ raw: 12, max: 13, final: 'veryHigh' });
    expect(r.byDomain.privacy!.redFlags).toEqual(['specialNoGround']);
    // autonomy: automated checked 2/4 = 0.5 → medium.
    expect(r.byDomain.autonomy).toMatchObject({ raw: 2, max: 4, ratio: 0.5, final: 'medium' });
    // inclusion: ethnicity 2/2 → veryHigh.
    expect(r.byDomain.inclusion).toMatchObject({ raw: 2, max: 2, final: 'veryHigh' });
    expect(r.overall.level).toBe('veryHigh');
    expect(r.complete).toBe(true);
    expect(r.visibility.questions.has('groundText')).toBe(false);
  });

  it('scores an answer set without personal data', () => {
    const r = score(mini, {
      answers: {
        personalData: false,
        dataKinds: ['health'],
        legalGround: 'no',
        automated: 'alone',
      },
    });
    // privacy: only personalData (no → 0 of 2) → low; the privacy section is hidden.
    expect(r.byDomain.privacy).toMatchObject({
      raw: 0,
      max: 2,
      ratio: 0,
      final: 'low',
      redFlags: [],
    });
    // inclusion: dataKinds is hidden → not assessed.
    expect(r.byDomain.inclusion!.final).toBeNull();
    // autonomy: 4/4 → veryHigh; soloDecision fires but does not raise.
    expect(r.byDomain.autonomy).toMatchObject({ final: 'veryHigh', redFlags: ['soloDecision'] });
    expect(r.openRequired).toEqual(['purpose']);
    expect(r.complete).toBe(false);
  });
});
