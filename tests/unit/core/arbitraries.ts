/**
 * fast-check generators for questionnaires that are valid by construction (conditions only use
 * earlier questions, with operators and values that fit their type) and for answers to them.
 */
import fc from 'fast-check';
import type { Answers, AnswerValue } from '../../../src/core/scoring/answers';
import type {
  Condition,
  Option,
  Points,
  Question,
  Questionnaire,
  RedFlag,
  Section,
} from '../../../src/core/questionnaire/questionnaire-schema';
import { LEVELS } from './helpers';

export const DOMAINS = ['a', 'b', 'c'] as const;
type Gen = fc.GeneratorValue;

const en = (s: string) => ({ en: s });

function points(g: Gen): Points | undefined {
  const p: Points = {};
  for (const d of DOMAINS) {
    if (g(fc.boolean)) p[d] = g(fc.integer, { min: 0, max: 6 });
  }
  return Object.keys(p).length > 0 ? p : undefined;
}

function options(g: Gen, n: number): Option[] {
  return Array.from({ length: n }, (_, i) => {
    const p = points(g);
    return p ? { id: `o${i}`, label: en(`o${i}`), points: p } : { id: `o${i}`, label: en(`o${i}`) };
  });
}

/** A condition on one earlier question that fits its type. */
function leaf(g: Gen, target: Question): Condition {
  const question = target.id;
  const ids = 'options' in target ? target.options.map((o) => o.id) : [];
  const pick = () => ids[g(fc.integer, { min: 0, max: ids.length - 1 })]!;
  const generic = (): Condition => ({
    op: g(fc.constantFrom, 'answered' as const, 'notAnswered' as const),
    question,
  });
  if (g(fc.integer, { min: 0, max: 4 }) === 0) return generic();
  switch (target.type) {
    case 'singleChoice':
    case 'scale':
      return g(fc.boolean)
        ? {
            op: g(fc.constantFrom, 'equals' as const, 'notEquals' as const),
            question,
            value: pick(),
          }
        : { op: 'in', question, values: [pick(), pick()] };
    case 'multiChoice':
      return { op: 'includes', question, value: pick() };
    case 'yesNo':
      return {
        op: g(fc.constantFrom, 'equals' as const, 'notEquals' as const),
        question,
        value: g(fc.boolean),
      };
    case 'number':
      return {
        op: g(fc.constantFrom, 'gt' as const, 'gte' as const, 'lt' as const, 'lte' as const),
        question,
        value: g(fc.integer, { min: 0, max: 10 }),
      };
    default:
      return generic();
  }
}

/** A condition over questions in `earlier` (non-empty), possibly combined with all/any/not. */
export function conditionOver(g: Gen, earlier: Question[], depth = 0): Condition {
  const kind = depth >= 2 ? 0 : g(fc.integer, { min: 0, max: 5 });
  if (kind === 4) return { op: 'not', condition: conditionOver(g, earlier, depth + 1) };
  if (kind === 5) {
    const n = g(fc.integer, { min: 1, max: 3 });
    return {
      op: g(fc.constantFrom, 'all' as const, 'any' as const),
      conditions: Array.from({ length: n }, () => conditionOver(g, earlier, depth + 1)),
    };
  }
  return leaf(g, earlier[g(fc.integer, { min: 0, max: earlier.length - 1 })]!);
}

function question(g: Gen, i: number, earlier: Question[]): Question {
  const id = `q${i}`;
  const type = g(
    fc.constantFrom,
    'singleChoice' as const,
    'multiChoice' as const,
    'scale' as const,
    'yesNo' as const,
    'number' as const,
    'shortText' as const,
  );
  const base = {
    id,
    label: en(id),
    ...(g(fc.boolean) ? { required: true } : {}),
    ...(earlier.length > 0 && g(fc.integer, { min: 0, max: 2 }) === 0
      ? { condition: conditionOver(g, earlier) }
      : {}),
  };
  switch (type) {
    case 'singleChoice':
    case 'scale':
      return { ...base, type, options: options(g, g(fc.integer, { min: 2, max: 4 })) };
    case 'multiChoice': {
      const cap = g(fc.boolean) ? points(g) : undefined;
      return {
        ...base,
        type,
        options: options(g, g(fc.integer, { min: 1, max: 4 })),
        ...(cap ? { maxPoints: cap } : {}),
      };
    }
    case 'yesNo': {
      const y = points(g);
      const n = points(g);
      return { ...base, type, ...(y ? { yesPoints: y } : {}), ...(n ? { noPoints: n } : {}) };
    }
    default:
      return { ...base, type };
  }
}

/** A random valid questionnaire: 1–8 questions in 1–3 sections, red flags, maybe mitigation. */
export const questionnaireArb: fc.Arbitrary<Questionnaire> = fc.gen().map((g) => {
  const n = g(fc.integer, { min: 1, max: 8 });
  const all: Question[] = [];
  for (let i = 0; i < n; i++) all.push(question(g, i, all.slice()));
  const sections: Section[] = [];
  let start = 0;
  let s = 0;
  while (start < n) {
    const size = g(fc.integer, { min: 1, max: n - start });
    const qs = all.slice(start, start + size);
    const earlier = all.slice(0, start);
    sections.push({
      id: `s${s}`,
      title: en(`s${s}`),
      questions: qs,
      ...(earlier.length > 0 && g(fc.integer, { min: 0, max: 2 }) === 0
        ? { condition: conditionOver(g, earlier) }
        : {}),
    });
    start += size;
    s++;
  }
  const redFlags: RedFlag[] = Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, (_, i) => ({
    id: `rf${i}`,
    when: conditionOver(g, all),
    domain: g(fc.constantFrom, ...DOMAINS, 'overall'),
    minLevel: g(fc.constantFrom, ...LEVELS),
    text: en(`rf${i}`),
  }));
  const t: number[] = g(() =>
    fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 3, maxLength: 3 }),
  );
  const thresholds = [...t].sort((x, y) => x - y).map((x) => x / 100);
  const mitigation = g(fc.boolean);
  if (mitigation) {
    sections.push({
      id: 'mit',
      title: en('mit'),
      questions: [
        {
          id: 'm0',
          type: 'yesNo',
          label: en('m0'),
          mitigation: true,
          yesPoints: { mitigation: g(fc.integer, { min: 1, max: 5 }) },
        },
      ],
    });
  }
  return {
    id: 'gen',
    version: '1.0.0',
    locales: ['en'],
    title: en('gen'),
    domains: DOMAINS.map((id) => ({ id, label: en(id) })),
    levels: LEVELS.map((id) => ({ id, label: en(id), color: '#000000' })),
    thresholds,
    riskBands: [
      { min: 1, max: 4, level: 'low' },
      { min: 5, max: 9, level: 'medium' },
      { min: 10, max: 16, level: 'high' },
      { min: 17, max: 25, level: 'veryHigh' },
    ],
    aggregation: g(fc.constantFrom, 'max' as const, 'mean' as const),
    ...(mitigation
      ? {
          mitigation: {
            threshold: g(fc.integer, { min: 1, max: 100 }) / 100,
            reduction: g(fc.integer, { min: 1, max: 99 }) / 100,
          },
        }
      : {}),
    sections,
    ...(redFlags.length > 0 ? { redFlags } : {}),
  } satisfies Questionnaire;
});

/** A plausible answer for a question (or an odd one now and then: wrong type, blank, NaN). */
export function answerFor(g: Gen, q: Question): AnswerValue {
  if (g(fc.integer, { min: 0, max: 9 }) === 0) {
    return g(fc.constantFrom<AnswerValue[]>, '', '  ', [], Number.NaN, 'zz', true, 7, ['zz']);
  }
  const ids = 'options' in q ? q.options.map((o) => o.id) : [];
  switch (q.type) {
    case 'singleChoice':
    case 'scale':
      return g(fc.constantFrom, ...ids);
    case 'multiChoice':
      return g(fc.subarray, ids);
    case 'yesNo':
      return g(fc.boolean);
    case 'number':
      return g(fc.integer, { min: -2, max: 12 });
    default:
      return g(fc.string);
  }
}

/** Answers to a random subset of the questions. */
export function answersFor(g: Gen, q: Questionnaire): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const s of q.sections) {
    for (const question of s.questions) {
      if (g(fc.integer, { min: 0, max: 3 }) > 0) out[question.id] = answerFor(g, question);
    }
  }
  return out;
}

/** A questionnaire with answers to it. */
export const scoredArb = questionnaireArb.chain((q) =>
  fc.gen().map((g) => ({ q, answers: answersFor(g, q) as Answers & Record<string, AnswerValue> })),
);
