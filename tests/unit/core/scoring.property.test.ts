import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { score, type ScoreResult } from '../../../src/core/scoring/scoring';
import { computeVisibility } from '../../../src/core/scoring/visibility';
import { evaluate } from '../../../src/core/scoring/condition';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import type { AnswerValue } from '../../../src/core/scoring/answers';
import type {
  Condition,
  Question,
  Questionnaire,
} from '../../../src/core/questionnaire/questionnaire-schema';
import { DOMAINS, answerFor, questionnaireArb, scoredArb } from './arbitraries';
import { LEVELS } from './helpers';

const idx = (level: string | null) => (level === null ? -1 : LEVELS.indexOf(level as never));

/** Everything a user sees of a score (the visibility sets are compared separately). */
const visible = (r: ScoreResult) => ({
  domains: r.domains,
  overall: r.overall,
  redFlags: r.redFlags,
  mitigation: r.mitigation,
  openRequired: r.openRequired,
  complete: r.complete,
  effective: r.visibility.effective,
});

const questions = (q: Questionnaire) => q.sections.flatMap((s) => s.questions);

/**
 * Shrinking a generated questionnaire (fc.gen) can take many minutes; the first counterexample
 * is already small (at most 8 questions), so report it as found.
 */
const runs = (numRuns: number) => ({ numRuns, endOnFailure: true });

describe('generated questionnaires', () => {
  it('are accepted by the validator (generator and validator agree)', () => {
    fc.assert(
      fc.property(questionnaireArb, (q) => {
        expect(validateQuestionnaire(q).problems).toEqual([]);
      }),
      runs(200),
    );
  });
});

describe('scoring invariants', () => {
  it('ratio is always in [0, 1] or null; null exactly when max is 0', () => {
    fc.assert(
      fc.property(scoredArb, ({ q, answers }) => {
        const r = score(q, { answers });
        for (const d of r.domains) {
          expect(d.raw).toBeGreaterThanOrEqual(0);
          expect(d.raw).toBeLessThanOrEqual(d.max);
          if (d.max === 0) {
            expect(d.ratio).toBeNull();
            expect(d.ratioLevel).toBeNull();
          } else {
            expect(d.ratio).toBeGreaterThanOrEqual(0);
            expect(d.ratio).toBeLessThanOrEqual(1);
            expect(d.adjustedRatio).toBeGreaterThanOrEqual(0);
            expect(d.adjustedRatio).toBeLessThanOrEqual(d.ratio!);
            // The level follows from the thresholds, as docs/scoring.md §5 says.
            const n = q.thresholds.filter((t) => t < d.adjustedRatio! - 1e-9).length;
            expect(d.ratioLevel).toBe(LEVELS[n]);
          }
          // Red flags and register only raise: final ≥ ratio level without overrides.
          expect(idx(d.final)).toBeGreaterThanOrEqual(idx(d.ratioLevel));
        }
      }),
      runs(300),
    );
  });

  it('answers to hidden questions never change any score', () => {
    fc.assert(
      fc.property(
        scoredArb.chain(({ q, answers }) =>
          fc.gen().map((g) => {
            const vis = computeVisibility(q, answers);
            const changed: Record<string, AnswerValue> = { ...answers };
            for (const question of questions(q)) {
              if (vis.questions.has(question.id)) continue;
              if (g(fc.boolean)) changed[question.id] = answerFor(g, question);
              else delete changed[question.id];
            }
            return { q, answers, changed };
          }),
        ),
        ({ q, answers, changed }) => {
          const a = score(q, { answers });
          const b = score(q, { answers: changed });
          expect(visible(b)).toEqual(visible(a));
          expect([...b.visibility.questions]).toEqual([...a.visibility.questions]);
        },
      ),
      runs(300),
    );
  });

  it("hiding a question never changes the scores of other domains' visible questions", () => {
    fc.assert(
      fc.property(
        scoredArb.chain(({ q, answers }) =>
          fc
            .nat({ max: questions(q).length - 1 })
            .map((k) => ({ q: withHideSwitch(q, questions(q)[k]!.id), answers, target: k })),
        ),
        ({ q, answers, target }) => {
          // The switch question is answered: nothing extra hidden. Unanswered: the target hides.
          const shown = score(q, { answers: { ...answers, hideSwitch: 'show' } });
          const hidden = score(q, { answers });
          // questions(q)[0] is the switch itself, so the target sits one further.
          expect(hidden.visibility.questions.has(questions(q)[target + 1]!.id)).toBe(false);
          // Hiding one question may hide others (their conditions use it) or even show some
          // ("notAnswered"); those are the questions whose visibility changed.
          const inBoth = (id: string) =>
            hidden.visibility.questions.has(id) && shown.visibility.questions.has(id);
          const changed = (id: string) => !inBoth(id);
          for (const d of DOMAINS) {
            const entries = (r: ScoreResult, keep: (id: string) => boolean) =>
              r.byDomain[d]!.trace.filter(
                (e) => (e.kind === 'answer' || e.kind === 'unanswered') && keep(e.questionId),
              );
            // Every question visible either way keeps exactly its points in every domain.
            expect(entries(hidden, inBoth)).toEqual(entries(shown, inBoth));
            // A domain that no question with changed visibility gives points keeps raw and max.
            if (entries(shown, changed).length === 0 && entries(hidden, changed).length === 0) {
              expect(hidden.byDomain[d]!.raw).toBe(shown.byDomain[d]!.raw);
              expect(hidden.byDomain[d]!.max).toBe(shown.byDomain[d]!.max);
            }
          }
        },
      ),
      runs(300),
    );
  });

  it('adding points to a chosen option never lowers the level', () => {
    fc.assert(
      fc.property(
        scoredArb.chain(({ q, answers }) =>
          fc
            .record({
              d: fc.constantFrom(...DOMAINS),
              extra: fc.integer({ min: 1, max: 6 }),
              pick: fc.nat(),
            })
            .map((x) => ({ q, answers, ...x })),
        ),
        ({ q, answers, d, extra, pick }) => {
          const before = score(q, { answers });
          const answered = questions(q).filter(
            (x) =>
              !x.mitigation &&
              before.visibility.questions.has(x.id) &&
              chosenPoints(x, answers[x.id]) !== null,
          );
          fc.pre(answered.length > 0);
          const target = answered[pick % answered.length]!;
          const q2 = structuredClone(q);
          const t2 = questions(q2).find((x) => x.id === target.id)!;
          const pts = chosenPoints(t2, answers[t2.id])!;
          pts[d] = Math.min(1000, (pts[d] ?? 0) + extra);
          const after = score(q2, { answers });
          expect(idx(after.byDomain[d]!.final)).toBeGreaterThanOrEqual(
            idx(before.byDomain[d]!.final),
          );
          expect(after.byDomain[d]!.raw).toBeGreaterThanOrEqual(before.byDomain[d]!.raw);
          // The overall level never drops either, with one exception the mean brings (docs/scoring.md §8, docs/
          // authoring-questionnaires.md): a domain that was not assessed and now is joins the average, and if
          // its level is below the others (mitigation credit can make it "low") the mean falls.
          // Found by this test (seed 82292835): a at high, b at very high by red flags, c newly
          // assessed at low: mean 2.5 → 1.67.
          const joinsMean = q.aggregation === 'mean' && before.byDomain[d]!.final === null;
          if (!joinsMean)
            expect(idx(after.overall.level)).toBeGreaterThanOrEqual(idx(before.overall.level));
        },
      ),
      runs(300),
    );
  });

  it('an override never hides the computed level', () => {
    fc.assert(
      fc.property(
        scoredArb,
        fc.dictionary(
          fc.constantFrom(...DOMAINS),
          fc.record({
            level: fc.constantFrom(...LEVELS),
            justification: fc.string({ minLength: 1 }),
          }),
        ),
        ({ q, answers }, overrides) => {
          const plain = score(q, { answers });
          const over = score(q, { answers, overrides });
          for (const d of over.domains) {
            const base = plain.byDomain[d.domain]!;
            expect(d.computed).toBe(base.computed);
            const o = overrides[d.domain];
            // An override needs a written justification; a blank one does not count, is
            // listed, and leaves the computed level (docs/scoring.md §8).
            if (o && o.justification.trim() === '') {
              expect(d.final).toBe(base.final);
              expect(d.override).toBeNull();
              expect(over.ignoredOverrides).toContainEqual({
                domain: d.domain,
                level: o.level,
                reason: 'justificationRequired',
              });
            } else if (o) {
              expect(d.final).toBe(o.level);
              expect(d.override).toEqual(o);
              expect(d.trace.at(-1)).toEqual({
                kind: 'override',
                from: base.computed,
                to: o.level,
                justification: o.justification,
              });
            } else {
              expect(d.final).toBe(base.final);
            }
          }
        },
      ),
      runs(200),
    );
  });

  it('visibility and scores are stable and leave their inputs untouched', () => {
    fc.assert(
      fc.property(scoredArb, ({ q, answers }) => {
        const qBefore = JSON.stringify(q);
        const aBefore = JSON.stringify(answers);
        const v1 = computeVisibility(q, answers);
        const v2 = computeVisibility(q, answers);
        expect([...v2.questions]).toEqual([...v1.questions]);
        expect([...v2.sections]).toEqual([...v1.sections]);
        expect(v2.effective).toEqual(v1.effective);
        // Feeding the effective answers back changes nothing: hidden answers were already out.
        const v3 = computeVisibility(q, v1.effective as Record<string, AnswerValue>);
        expect([...v3.questions]).toEqual([...v1.questions]);
        expect(visible(score(q, { answers }))).toEqual(visible(score(q, { answers })));
        expect(JSON.stringify(q)).toBe(qBefore);
        expect(JSON.stringify(answers)).toBe(aBefore);
      }),
      runs(200),
    );
  });
});

describe('condition evaluation', () => {
  const ids = ['q0', 'q1', 'toString', 'constructor', '__proto__', 'hasOwnProperty'];
  const scalar = fc.oneof(fc.string(), fc.double(), fc.boolean());
  const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({
        op: fc.constantFrom('equals' as const, 'notEquals' as const),
        question: fc.constantFrom(...ids),
        value: scalar,
      }),
      fc.record({
        op: fc.constant('in' as const),
        question: fc.constantFrom(...ids),
        values: fc.array(scalar, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        op: fc.constant('includes' as const),
        question: fc.constantFrom(...ids),
        value: fc.string(),
      }),
      fc.record({
        op: fc.constantFrom('answered' as const, 'notAnswered' as const),
        question: fc.constantFrom(...ids),
      }),
      fc.record({
        op: fc.constantFrom('gt' as const, 'gte' as const, 'lt' as const, 'lte' as const),
        question: fc.constantFrom(...ids),
        value: fc.double(),
      }),
      fc.record({
        op: fc.constantFrom('all' as const, 'any' as const),
        conditions: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({ op: fc.constant('not' as const), condition: tie('condition') }),
    ),
  }));
  const answer: fc.Arbitrary<AnswerValue | undefined> = fc.oneof(
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.constant(undefined),
  );
  const answers = fc.dictionary(fc.constantFrom(...ids), answer);

  it('never throws and always gives a boolean; not/all/any behave as logic', () => {
    fc.assert(
      fc.property(condition, answers, (c, a) => {
        const v = evaluate(c, a);
        expect(typeof v).toBe('boolean');
        expect(evaluate({ op: 'not', condition: c }, a)).toBe(!v);
        expect(evaluate({ op: 'all', conditions: [c] }, a)).toBe(v);
        expect(evaluate({ op: 'any', conditions: [c, { op: 'not', condition: c }] }, a)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('answered and notAnswered are exact opposites; equals implies answered', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ids), scalar, answers, (question, value, a) => {
        const yes = evaluate({ op: 'answered', question }, a);
        expect(evaluate({ op: 'notAnswered', question }, a)).toBe(!yes);
        if (evaluate({ op: 'equals', question, value }, a)) expect(yes).toBe(true);
        if (evaluate({ op: 'notEquals', question, value }, a)) expect(yes).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

/** The points object the current answer earns on `q` (created when absent), or null if none. */
function chosenPoints(q: Question, answer: AnswerValue | undefined): Record<string, number> | null {
  switch (q.type) {
    case 'singleChoice':
    case 'scale': {
      const o = q.options.find((x) => x.id === answer);
      if (!o) return null;
      return (o.points ??= {});
    }
    case 'multiChoice': {
      const o = Array.isArray(answer) ? q.options.find((x) => answer.includes(x.id)) : undefined;
      if (!o) return null;
      return (o.points ??= {});
    }
    case 'yesNo':
      if (answer === true) return (q.yesPoints ??= {});
      if (answer === false) return (q.noPoints ??= {});
      return null;
    default:
      return null;
  }
}

/**
 * A copy of `q` with a text question "hideSwitch" first; question `id` is shown only while the
 * switch is answered (on top of its own condition), so leaving the switch open hides it.
 */
function withHideSwitch(q: Questionnaire, id: string): Questionnaire {
  const c = structuredClone(q);
  for (const s of c.sections) {
    for (const x of s.questions) {
      if (x.id !== id) continue;
      const gate: Condition = { op: 'answered', question: 'hideSwitch' };
      x.condition = x.condition ? { op: 'all', conditions: [gate, x.condition] } : gate;
    }
  }
  c.sections[0]!.questions.unshift({ id: 'hideSwitch', type: 'shortText', label: { en: 'h' } });
  return c;
}
