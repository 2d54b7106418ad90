/**
 * Exclusive options in multiple choice ("None of these", "I do not know"): ticking one clears the
 * others and the other way round; a stored answer that mixes them does not fit and counts as open.
 * The property tests print their seed; rerun one with FUZZ_SEED=<seed>.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answerFits, mixesExclusive, toggleOption } from '../../../src/core/scoring/answers';
import { score } from '../../../src/core/scoring/scoring';
import { sectionProgress } from '../../../src/core/scoring/progress';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import type { Question } from '../../../src/core/questionnaire/questionnaire-schema';
import { problemText } from '../../../src/core/files/safe-json';
import { multi, opt, questionnaire, section, miniData } from './helpers';
import { loadQuestionnaire } from '../questionnaires/builtin';
import { createAssessment } from '../../../src/core/assessment/assessment';
import { buildReport } from '../../../src/core/report/report';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
console.log(`exclusive options property seed: ${seed}`);

const kinds = (): Question =>
  multi(
    'kinds',
    [
      opt('bio', { a: 2 }),
      opt('emotion', { a: 1 }),
      { ...opt('none'), exclusive: true },
      { ...opt('unknown', { a: 1 }), exclusive: true },
    ],
    { required: true },
  );

describe('exclusive options', () => {
  it('ticking an exclusive option clears the others; ticking another clears it', () => {
    const q = kinds();
    expect(toggleOption(q, ['bio', 'emotion'], 'none', true)).toEqual(['none']);
    expect(toggleOption(q, ['none'], 'bio', true)).toEqual(['bio']);
    expect(toggleOption(q, ['none'], 'unknown', true)).toEqual(['unknown']);
    expect(toggleOption(q, ['bio'], 'emotion', true)).toEqual(['bio', 'emotion']);
    expect(toggleOption(q, ['bio', 'emotion'], 'bio', false)).toEqual(['emotion']);
  });

  it('a stored answer that mixes them does not fit: it counts as open, and progress names it', () => {
    const q = questionnaire([section('s', [kinds()])], { domainIds: ['a'] });
    const mixed = { kinds: ['bio', 'none'] };
    expect(mixesExclusive(q.sections[0]!.questions[0]!, mixed.kinds)).toBe(true);
    expect(answerFits(q.sections[0]!.questions[0]!, mixed.kinds)).toBe(false);
    const r = score(q, { answers: mixed });
    expect(r.openRequired).toEqual(['kinds']);
    // Counted as open: 0 of the 4 possible points, never the 2 of "bio" nor the 0 of "none".
    expect(r.byDomain.a).toMatchObject({ raw: 0, max: 4 });
    const p = sectionProgress(q, mixed)[0]!;
    expect(p.notFitting).toEqual(['kinds']);
    expect(p.mixedExclusive).toEqual(['kinds']);
    // On its own the exclusive option is an answer like any other.
    expect(score(q, { answers: { kinds: ['none'] } }).complete).toBe(true);
  });

  it('property: whatever is ticked and cleared, exclusive options never coexist in an answer the wizard stores', () => {
    const q = kinds();
    const ids = ['bio', 'emotion', 'none', 'unknown'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ids), fc.boolean()), { maxLength: 30 }),
        (clicks) => {
          let v: string[] = [];
          for (const [id, checked] of clicks) {
            v = toggleOption(q, v, id, checked);
            expect(mixesExclusive(q, v)).toBe(false);
            expect(new Set(v).size).toBe(v.length);
          }
        },
      ),
      { seed, numRuns: 300 },
    );
  });

  it('property: no fitting answer holds an exclusive option beside another option', () => {
    const q = kinds();
    fc.assert(
      fc.property(fc.subarray(['bio', 'emotion', 'none', 'unknown']), (v) => {
        const exclusive = v.filter((x) => x === 'none' || x === 'unknown');
        if (answerFits(q, v)) expect(exclusive.length === 0 || v.length === 1).toBe(true);
        else expect(v.length === 0 || (exclusive.length > 0 && v.length > 1)).toBe(true);
      }),
      { seed, numRuns: 200 },
    );
  });

  it('the validator refuses "exclusive" outside multiple choice and a question whose options are all exclusive, in nl and en', () => {
    const data = miniData() as { sections: { questions: Record<string, unknown>[] }[] };
    const all = data.sections.flatMap((s) => s.questions);
    const one = all.find((x) => x.type === 'singleChoice')!;
    (one.options as Record<string, unknown>[])[0]!.exclusive = true;
    const many = all.find((x) => x.type === 'multiChoice')!;
    for (const o of many.options as Record<string, unknown>[]) o.exclusive = true;
    const v = validateQuestionnaire(data);
    expect(v.valid).toBe(false);
    const codes = v.problems.map((p) => p.code);
    expect(codes).toContain('exclusiveNotMulti');
    expect(codes).toContain('allExclusive');
    const p = v.problems.find((x) => x.code === 'allExclusive')!;
    expect(problemText(p, 'en')).toMatch(/is exclusive/);
    expect(problemText(p, 'nl')).toMatch(/Geen van deze/);
  });

  it('the built-in questionnaires mark their "none" options exclusive', () => {
    const exclusive = (id: string) =>
      loadQuestionnaire(id)
        .sections.flatMap((s) => s.questions)
        .flatMap((x) =>
          x.type === 'multiChoice'
            ? x.options.filter((o) => o.exclusive).map((o) => `${x.id}.${o.id}`)
            : [],
        );
    expect(exclusive('fria-core')).toEqual([
      'emergingTech.none',
      'prohibitedPractices.none',
      'highRiskArea.noneOfThese',
      'affectedGroups.noOne',
      'vulnerableGroups.none',
      'companionDesign.none',
      'rightsAffected.none',
    ]);
    expect(exclusive('quick-scan')).toEqual(['emergingTech.none', 'vulnerableGroups.none']);
    // fria-core: "Biometrie" and "Geen van deze" together is no answer.
    const core = loadQuestionnaire('fria-core');
    const tech = core.sections.flatMap((s) => s.questions).find((x) => x.id === 'emergingTech')!;
    expect(answerFits(tech, ['biometrics', 'none'])).toBe(false);
    expect(answerFits(tech, ['none'])).toBe(true);
  });

  it('the report says a mixed answer is not counted and why, with what was saved, in nl and en', async () => {
    const q = loadQuestionnaire('fria-core');
    const a = await createAssessment(
      q,
      { title: 'T', systemName: 'S', organisation: 'O', owner: 'E', locale: 'nl' },
      { id: 'x1', now: '2026-11-28T10:00:00.000Z', embedQuestionnaire: false },
    );
    const withMix = { ...a, answers: { emergingTech: ['biometrics', 'none'] } };
    const line = async (lang: string) => {
      const r = await buildReport(withMix, q, lang, {
        appVersion: 't',
        generatedAt: '2026-11-28T10:00:00.000Z',
        timeZone: 'UTC',
      });
      return r.sections.flatMap((s) => s.questions).find((x) => x.id === 'emergingTech')?.answer;
    };
    expect(await line('nl')).toEqual([
      'Telt niet mee: het opgeslagen antwoord kiest “Geen van deze” samen met andere keuzes, en dat kan niet allebei waar zijn (Biometrie: mensen herkennen aan gezicht, vingerafdruk, stem of manier van lopen, Geen van deze)',
    ]);
    expect((await line('en'))?.[0]).toMatch(/^Not counted: the saved answer ticks “None of these”/);
  });
});
