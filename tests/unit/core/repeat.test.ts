/**
 * Repeating groups: a section asked once per option chosen in an earlier multiple-choice question.
 * Answers are kept per instance (`question@option`), each instance scores and explains itself,
 * and clearing the option keeps the instance's answers aside exactly as a hidden question's.
 * The property tests print their seed; rerun one with FUZZ_SEED=<seed>.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { score } from '../../../src/core/scoring/scoring';
import { explainTrace } from '../../../src/core/scoring/explain';
import { sectionProgress } from '../../../src/core/scoring/progress';
import { toggleOption } from '../../../src/core/scoring/answers';
import { instanceScores, keptAsideInstances } from '../../../src/core/scoring/instances';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import {
  expandRepeats,
  questionInstance,
  questionTitle,
  sectionInstances,
} from '../../../src/core/questionnaire/repeat';
import { questionnaireSource } from '../../../src/core/questionnaire/questionnaire-format';
import { questionnaireHash } from '../../../src/core/assessment/assessment';
import { canonicalHash } from '../../../src/core/assessment/canonical';
import { problemText } from '../../../src/core/files/safe-json';
import { resolveQuestionnaire } from '../../../src/core/questionnaire/resolve';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import type { Questionnaire, Section } from '../../../src/core/questionnaire/questionnaire-schema';
import { multi, opt, questionnaire, section, single, yesNo } from './helpers';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
console.log(`repeating groups property seed: ${seed}`);

/**
 * rights: privacy, equality, none (exclusive). Roadmap per right: serious (a: 0/2),
 * milder (yes: b 3, flag), balance (a: 0/4, "not applicable" allowed), shown only when milder = no.
 */
const roadmap = (): Section => ({
  ...section('roadmap', [
    single('serious', [opt('light', { a: 0 }), opt('serious', { a: 2 })], { required: true }),
    yesNo('milder', { b: 3 }, { b: 0 }, { required: true }),
    single('balance', [opt('yes', { a: 0 }), opt('no', { a: 4 })], {
      required: true,
      notApplicable: true,
      condition: { op: 'equals', question: 'milder', value: false },
    }),
  ]),
  repeatFor: 'rights',
});
const build = (extra: Partial<Questionnaire> = {}) =>
  questionnaire(
    [
      section('start', [
        multi('rights', [opt('privacy'), opt('equality'), { ...opt('none'), exclusive: true }], {
          required: true,
        }),
      ]),
      roadmap(),
    ],
    {
      redFlags: [
        {
          id: 'milderExists',
          when: { op: 'equals', question: 'milder', value: true },
          domain: 'b',
          minLevel: 'veryHigh',
          text: { en: 'A milder way exists.' },
        },
      ],
      ...extra,
    },
  );

const both = {
  rights: ['privacy', 'equality'],
  'serious@privacy': 'serious',
  'milder@privacy': false,
  'balance@privacy': 'no',
  'serious@equality': 'light',
  'milder@equality': false,
  'balance@equality': 'yes',
};

const without = (id: string): Record<string, string | boolean | string[]> =>
  Object.fromEntries(Object.entries(both).filter(([k]) => k !== id));

describe('repeating groups: expansion', () => {
  it('asks the group once per non-exclusive option, under instance ids, in option order', () => {
    const q = build();
    const s = q.sections[1]!;
    expect(s.questions.map((x) => x.id)).toEqual([
      'serious@privacy',
      'milder@privacy',
      'balance@privacy',
      'serious@equality',
      'milder@equality',
      'balance@equality',
    ]);
    expect(questionInstance(q, 'balance@equality')).toEqual({
      section: 'roadmap',
      source: 'rights',
      option: 'equality',
      base: 'balance',
    });
    expect(questionInstance(q, 'rights')).toBeNull();
    expect(sectionInstances(q, s).map((i) => [i.option, i.questions.length])).toEqual([
      ['privacy', 3],
      ['equality', 3],
    ]);
    expect(questionTitle(q, 'milder@privacy', 'en')).toBe('privacy — milder');
  });

  it('keeps the file as written as the source: hash and embedded copy are of the unexpanded file', async () => {
    const q = build();
    const src = questionnaireSource(q);
    expect(src).not.toBe(q);
    expect(src.sections[1]!.questions.map((x) => x.id)).toEqual(['serious', 'milder', 'balance']);
    expect(await questionnaireHash(q)).toBe(await canonicalHash(src));
    // The embedded copy validates again to the same expanded questionnaire.
    const again = validateQuestionnaire(JSON.parse(JSON.stringify(src)));
    expect(again.valid && again.questionnaire).toEqual(q);
  });

  it('validates an expanded questionnaire again from its file, so a built-in copy resolves', async () => {
    const q = build();
    const again = validateQuestionnaire(q);
    expect(again.valid && again.questionnaire).toEqual(q);
    const a = {
      questionnaire: { id: q.id, version: q.version, hash: await questionnaireHash(q) },
    } as Assessment;
    const r = await resolveQuestionnaire(a, { byId: () => [{ data: q }] });
    expect(r.ok && r.hashMatches).toBe(true);
  });

  it('leaves a questionnaire without repeating sections as it is', () => {
    const q = questionnaire([section('s', [single('x', [opt('a', { a: 1 }), opt('b')])])]);
    expect(expandRepeats(q)).toBe(q);
  });
});

describe('repeating groups: scoring', () => {
  it('scores each chosen instance; a domain maximum counts every instance', () => {
    const r = score(build(), { answers: both });
    // a: serious 2/2 + balance 4/4 (privacy), serious 0/2 + balance 0/4 (equality) = 6 of 12.
    expect(r.byDomain.a).toMatchObject({ raw: 6, max: 12 });
    // b: milder 0/3 twice.
    expect(r.byDomain.b).toMatchObject({ raw: 0, max: 6 });
    expect(r.complete).toBe(true);
  });

  it('names the instance in every explanation line', () => {
    const q = build();
    const r = score(q, { answers: both });
    const lines = r.byDomain.a!.trace.map((t) => explainTrace(t, q, 'en'));
    expect(lines).toContain('privacy — “balance”: no → 4 of 4 points');
    expect(lines).toContain('equality — “serious”: light → 0 of 2 points');
    const nl = r.byDomain.a!.trace.map((t) => explainTrace(t, q, 'nl'));
    expect(nl).toContain('privacy — “balance”: no → 4 van 4 punten');
  });

  it('leaves every instance question open when rights are chosen and the roadmap is not answered', () => {
    const r = score(build(), { answers: { rights: ['privacy', 'equality'] } });
    expect(r.openRequired).toEqual([
      'serious@privacy',
      'milder@privacy',
      'serious@equality',
      'milder@equality',
    ]);
    expect(r.complete).toBe(false);
    expect(sectionProgress(build(), { rights: ['privacy'] })[1]).toMatchObject({
      answered: 0,
      total: 2,
      openRequired: 2,
    });
  });

  it('asks nothing for the exclusive "none", nor for a mixed (not fitting) answer', () => {
    for (const rights of [['none'], ['privacy', 'none']]) {
      const r = score(build(), { answers: { ...both, rights } });
      // No instance: no (empty) step either.
      expect(r.visibility.sections.has('roadmap')).toBe(false);
      expect([...r.visibility.questions].filter((id) => id.includes('@'))).toEqual([]);
      expect(r.byDomain.a!.max).toBe(0);
    }
    // The mixed answer is itself open: the roadmap cannot be skipped by it.
    expect(score(build(), { answers: { rights: ['privacy', 'none'] } }).openRequired).toEqual([
      'rights',
    ]);
  });

  it('fires a red flag per instance, named by its option', () => {
    const q = build();
    const r = score(q, {
      answers: { ...without('balance@equality'), 'milder@equality': true },
    });
    expect(r.redFlags.map((f) => [f.id, f.questions])).toEqual([
      ['milderExists@equality', ['rights', 'milder@equality']],
    ]);
    expect(r.byDomain.b!.final).toBe('veryHigh');
    expect(q.redFlags!.find((f) => f.id === 'milderExists@equality')!.text.en).toBe(
      'equality: A milder way exists.',
    );
  });

  it('takes an instance question answered "not applicable" out of the maximum of that instance only', () => {
    const r = score(build(), {
      answers: without('balance@privacy'),
      notApplicable: { 'balance@privacy': 'Decided by law for this right.' },
    });
    // a: serious 2/2 (privacy), serious 0/2 + balance 0/4 (equality) = 2 of 8.
    expect(r.byDomain.a).toMatchObject({ raw: 2, max: 8 });
    expect(r.notApplicable).toEqual([
      { questionId: 'balance@privacy', reason: 'Decided by law for this right.' },
    ]);
    expect(r.complete).toBe(true);
    const line = r.byDomain.a!.trace.find((t) => t.kind === 'notApplicable')!;
    expect(explainTrace(line, build(), 'en')).toMatch(/^privacy — “balance”: not applicable/);
  });

  it('clearing the option keeps its answers aside (not counted); ticking it again restores them and the score', () => {
    const q = build();
    const before = score(q, { answers: both });
    const rights = toggleOption(q.sections[0]!.questions[0]!, both.rights, 'privacy', false);
    const cleared = { ...both, rights };
    const r = score(q, { answers: cleared });
    expect(cleared['balance@privacy']).toBe('no');
    expect(r.visibility.questions.has('balance@privacy')).toBe(false);
    expect(r.byDomain.a).toMatchObject({ raw: 0, max: 6 });
    const back = toggleOption(q.sections[0]!.questions[0]!, rights, 'privacy', true);
    const again = score(q, { answers: { ...cleared, rights: back } });
    expect(again.byDomain).toEqual(before.byDomain);
  });

  it('with denominator "all" counts hidden questions of chosen instances only', () => {
    const q = build({ denominator: 'all' });
    // privacy chosen, milder = yes: balance@privacy hidden but counts 4; equality not chosen.
    const r = score(q, {
      answers: { rights: ['privacy'], 'serious@privacy': 'light', 'milder@privacy': true },
    });
    expect(r.byDomain.a).toMatchObject({ raw: 0, max: 6 });
    expect(r.byDomain.a!.trace.filter((t) => t.kind === 'hidden')).toEqual([
      { kind: 'hidden', questionId: 'balance@privacy', max: 4 },
    ]);
  });
});

describe('repeating groups: per instance', () => {
  it('gives each chosen instance its points, open questions and red flags; they add up to the domain', () => {
    const q = build();
    const answers = { ...without('balance@equality'), 'milder@equality': true };
    const r = score(q, { answers });
    expect(instanceScores(q, r, 'en')).toEqual([
      {
        section: 'roadmap',
        option: 'privacy',
        label: 'privacy',
        points: { a: { raw: 6, max: 6 }, b: { raw: 0, max: 3 } },
        openRequired: [],
        notApplicable: [],
        redFlags: [],
      },
      {
        section: 'roadmap',
        option: 'equality',
        label: 'equality',
        points: { a: { raw: 0, max: 2 }, b: { raw: 3, max: 3 } },
        openRequired: [],
        notApplicable: [],
        redFlags: ['milderExists@equality'],
      },
    ]);
    const open = score(q, { answers: { rights: ['equality'], 'serious@equality': 'light' } });
    expect(instanceScores(q, open, 'en').map((i) => i.openRequired)).toEqual([['milder@equality']]);
  });

  it('lists the instances whose option is cleared but whose answers are kept', () => {
    const q = build();
    const answers = { ...both, rights: ['equality'] };
    const r = score(q, { answers });
    expect(keptAsideInstances(q, { answers }, r, 'en')).toEqual([
      {
        section: 'roadmap',
        option: 'privacy',
        label: 'privacy',
        questions: ['serious@privacy', 'milder@privacy', 'balance@privacy'],
      },
    ]);
    expect(keptAsideInstances(q, { answers: both }, score(q, { answers: both }), 'en')).toEqual([]);
  });
});

describe('repeating groups: validator', () => {
  const base = () => build();
  const withRepeat = (repeatFor: string, at = 1) => {
    const src = JSON.parse(JSON.stringify(questionnaireSource(base()))) as Questionnaire;
    src.sections[at]!.repeatFor = repeatFor;
    return src;
  };
  const problems = (data: unknown) => {
    const v = validateQuestionnaire(data);
    return v.valid ? [] : v.problems;
  };

  it('refuses an unknown source, with a located message in English and Dutch', () => {
    const [p] = problems(withRepeat('unknownRights'));
    expect(p).toMatchObject({ path: 'sections[1].repeatFor', code: 'repeatUnknown' });
    expect(problemText(p!, 'en')).toBe(
      'Section "roadmap" repeats for question "unknownRights", but the questionnaire has no question with that id.',
    );
    expect(problemText(p!, 'nl')).toBe(
      'Onderdeel "roadmap" herhaalt voor vraag "unknownRights", maar de vragenlijst heeft geen vraag met die id.',
    );
  });

  it('refuses a source in the group itself or after it', () => {
    const own = problems(withRepeat('serious'));
    expect(own.map((p) => [p.path, p.code])).toContainEqual([
      'sections[1].repeatFor',
      'repeatNotBefore',
    ]);
    expect(
      problemText(
        own.find((p) => p.code === 'repeatNotBefore')!,
        'nl',
      ),
    ).toMatch(/moet eerder komen/);
    const src = withRepeat('rights');
    src.sections.reverse();
    src.sections[1]!.repeatFor = undefined;
    src.sections[0]!.repeatFor = 'rights';
    expect(problems(src).map((p) => p.code)).toContain('repeatNotBefore');
  });

  it('refuses a source that is not multiple choice, a nested repeat, and a source with only exclusive options', () => {
    const q = withRepeat('rights');
    q.sections.splice(1, 0, {
      id: 'pick',
      title: { en: 'pick' },
      questions: [single('one', [opt('x'), opt('y')])],
    });
    q.sections[2]!.repeatFor = 'one';
    const [p] = problems(q);
    expect(p).toMatchObject({ path: 'sections[2].repeatFor', code: 'repeatNotMulti' });
    expect(problemText(p!, 'en')).toMatch(/question "one" is of type singleChoice/);

    const nested = withRepeat('rights');
    nested.sections.push({ ...section('again', [yesNo('more')]), repeatFor: 'serious' });
    expect(problems(nested).map((p) => p.code)).toContain('repeatNotMulti');
    const nested2 = withRepeat('rights');
    nested2.sections[1]!.questions.push(multi('which', [opt('p'), opt('q')]));
    nested2.sections.push({ ...section('again', [yesNo('more')]), repeatFor: 'which' });
    const n = problems(nested2).find((x) => x.code === 'repeatNested')!;
    expect(n.path).toBe('sections[2].repeatFor');
    expect(problemText(n, 'nl')).toMatch(/Herhalingen binnen herhalingen kunnen niet/);

    const onlyNone = withRepeat('rights');
    const rights = onlyNone.sections[0]!.questions[0]!;
    if (rights.type !== 'multiChoice') throw new Error('fixture');
    rights.options = [{ ...opt('none'), exclusive: true }];
    expect(problems(onlyNone).map((x) => [x.path, x.code])).toContainEqual([
      'sections[1].repeatFor',
      'repeatNoOptions',
    ]);
  });

  it('refuses "not applicable" on the source, and "@" in any id', () => {
    const src = withRepeat('rights');
    (src.sections[0]!.questions[0] as { notApplicable?: boolean }).notApplicable = true;
    expect(problems(src).map((p) => p.code)).toContain('notApplicableCondition');
    const at = withRepeat('rights');
    at.sections[1]!.questions[0]!.id = 'serious@privacy';
    expect(problems(at).length).toBeGreaterThan(0);
  });
});

describe('repeating groups: properties', () => {
  const q = build();
  const instanceAnswer = fc.record(
    {
      serious: fc.constantFrom('light', 'serious'),
      milder: fc.boolean(),
      balance: fc.constantFrom('yes', 'no'),
      na: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const arb = fc.record({
    privacy: instanceAnswer,
    equality: instanceAnswer,
    chosen: fc.subarray(['privacy', 'equality'], { minLength: 1 }),
  });
  type Inst = { serious?: string; milder?: boolean; balance?: string; na?: boolean };
  const answersOf = (instances: Record<string, Inst>, chosen: string[]) => {
    const answers: Record<string, string | boolean | string[]> = { rights: chosen };
    const notApplicable: Record<string, string> = {};
    for (const [o, x] of Object.entries(instances)) {
      if (x.serious !== undefined) answers[`serious@${o}`] = x.serious;
      if (x.milder !== undefined) answers[`milder@${o}`] = x.milder;
      if (x.balance !== undefined) answers[`balance@${o}`] = x.balance;
      if (x.na) notApplicable[`balance@${o}`] = 'reason';
    }
    return { answers, notApplicable };
  };

  it('per-instance scores sum to the domain score (each instance scored alone adds up)', () => {
    fc.assert(
      fc.property(arb, ({ privacy, equality, chosen }) => {
        const all = score(q, answersOf({ privacy, equality }, chosen));
        const parts = chosen.map((o) =>
          score(q, answersOf({ [o]: o === 'privacy' ? privacy : equality }, [o])),
        );
        for (const d of ['a', 'b']) {
          expect(all.byDomain[d]!.raw).toBe(parts.reduce((s, p) => s + p.byDomain[d]!.raw, 0));
          expect(all.byDomain[d]!.max).toBe(parts.reduce((s, p) => s + p.byDomain[d]!.max, 0));
        }
      }),
      { seed, numRuns: 200 },
    );
  });

  it('clearing and ticking an option again gives back the same score, answers untouched', () => {
    fc.assert(
      fc.property(arb, fc.constantFrom('privacy', 'equality'), (x, o) => {
        const input = answersOf({ privacy: x.privacy, equality: x.equality }, x.chosen);
        const before = score(q, input);
        const source = q.sections[0]!.questions[0]!;
        const cleared = toggleOption(source, x.chosen, o, false);
        if (cleared.length > 0) {
          const mid = score(q, { ...input, answers: { ...input.answers, rights: cleared } });
          // Nothing of the cleared instance counts.
          for (const d of ['a', 'b'])
            expect(
              mid.byDomain[d]!.trace.some(
                (t) => 'questionId' in t && t.questionId.endsWith(`@${o}`),
              ),
            ).toBe(false);
        }
        const back = x.chosen.includes(o) ? toggleOption(source, cleared, o, true) : x.chosen;
        const after = score(q, { ...input, answers: { ...input.answers, rights: back } });
        for (const d of ['a', 'b']) {
          expect(after.byDomain[d]!.raw).toBe(before.byDomain[d]!.raw);
          expect(after.byDomain[d]!.max).toBe(before.byDomain[d]!.max);
          expect(after.byDomain[d]!.final).toBe(before.byDomain[d]!.final);
        }
      }),
      { seed: seed + 1, numRuns: 200 },
    );
  });
});
