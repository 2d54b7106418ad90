import { describe, expect, it } from 'vitest';
import { evaluate, referencedQuestions } from '../../../src/core/scoring/condition';
import { isAnswered, type Answers } from '../../../src/core/scoring/answers';
import type { Condition } from '../../../src/core/questionnaire/questionnaire-schema';

// docs/scoring.md §2: the closed operator set, evaluated over plain answers.
const answers: Answers = {
  choice: 'b',
  yes: true,
  no: false,
  count: 10,
  zero: 0,
  many: ['x', 'y'],
  none: [],
  blank: '   ',
  text: 'hello',
  nan: Number.NaN,
};

const ev = (c: Condition, a: Answers = answers) => evaluate(c, a);

describe('equals / notEquals', () => {
  it('equals holds for the same value of the same type only', () => {
    expect(ev({ op: 'equals', question: 'choice', value: 'b' })).toBe(true);
    expect(ev({ op: 'equals', question: 'choice', value: 'a' })).toBe(false);
    expect(ev({ op: 'equals', question: 'yes', value: true })).toBe(true);
    expect(ev({ op: 'equals', question: 'no', value: false })).toBe(true);
    expect(ev({ op: 'equals', question: 'no', value: true })).toBe(false);
    expect(ev({ op: 'equals', question: 'count', value: 10 })).toBe(true);
    expect(ev({ op: 'equals', question: 'zero', value: 0 })).toBe(true);
    // No coercion: the number 10 is not the text "10".
    expect(ev({ op: 'equals', question: 'count', value: '10' })).toBe(false);
  });

  it('equals never holds for an open question or a list answer', () => {
    expect(ev({ op: 'equals', question: 'missing', value: 'b' })).toBe(false);
    expect(ev({ op: 'equals', question: 'blank', value: '   ' })).toBe(false);
    expect(ev({ op: 'equals', question: 'many', value: 'x' })).toBe(false);
  });

  it('notEquals holds only for an answer that is something else', () => {
    expect(ev({ op: 'notEquals', question: 'choice', value: 'a' })).toBe(true);
    expect(ev({ op: 'notEquals', question: 'choice', value: 'b' })).toBe(false);
    expect(ev({ op: 'notEquals', question: 'no', value: true })).toBe(true);
    // An open question is neither equal nor not equal.
    expect(ev({ op: 'notEquals', question: 'missing', value: 'a' })).toBe(false);
    expect(ev({ op: 'notEquals', question: 'blank', value: 'a' })).toBe(false);
  });
});

describe('in', () => {
  it('holds when the answer is one of the values', () => {
    expect(ev({ op: 'in', question: 'choice', values: ['a', 'b'] })).toBe(true);
    expect(ev({ op: 'in', question: 'choice', values: ['a', 'c'] })).toBe(false);
    expect(ev({ op: 'in', question: 'count', values: [1, 10] })).toBe(true);
    expect(ev({ op: 'in', question: 'yes', values: [false] })).toBe(false);
  });
  it('does not hold for an open question', () => {
    expect(ev({ op: 'in', question: 'missing', values: ['a', 'b'] })).toBe(false);
  });
});

describe('includes (multi choice)', () => {
  it('holds when the chosen list contains the option', () => {
    expect(ev({ op: 'includes', question: 'many', value: 'x' })).toBe(true);
    expect(ev({ op: 'includes', question: 'many', value: 'z' })).toBe(false);
    expect(ev({ op: 'includes', question: 'none', value: 'x' })).toBe(false);
    expect(ev({ op: 'includes', question: 'missing', value: 'x' })).toBe(false);
  });
  it('is not a substring test on text answers', () => {
    expect(ev({ op: 'includes', question: 'text', value: 'ell' })).toBe(false);
  });
});

describe('answered / notAnswered', () => {
  it.each([
    ['choice', true],
    ['yes', true],
    ['no', true],
    ['zero', true],
    ['many', true],
    ['text', true],
    ['none', false],
    ['blank', false],
    ['nan', false],
    ['missing', false],
  ])('%s answered = %s', (question, expected) => {
    expect(ev({ op: 'answered', question })).toBe(expected);
    expect(ev({ op: 'notAnswered', question })).toBe(!expected);
    expect(isAnswered(answers[question])).toBe(expected);
  });
});

describe('gt / gte / lt / lte', () => {
  it('compare numbers, boundaries included only for gte/lte', () => {
    expect(ev({ op: 'gt', question: 'count', value: 9 })).toBe(true);
    expect(ev({ op: 'gt', question: 'count', value: 10 })).toBe(false);
    expect(ev({ op: 'gte', question: 'count', value: 10 })).toBe(true);
    expect(ev({ op: 'gte', question: 'count', value: 11 })).toBe(false);
    expect(ev({ op: 'lt', question: 'count', value: 11 })).toBe(true);
    expect(ev({ op: 'lt', question: 'count', value: 10 })).toBe(false);
    expect(ev({ op: 'lte', question: 'count', value: 10 })).toBe(true);
    expect(ev({ op: 'lte', question: 'count', value: 9 })).toBe(false);
    expect(ev({ op: 'lte', question: 'zero', value: 0 })).toBe(true);
  });
  it('never hold for open questions, NaN or non-numbers', () => {
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
      expect(ev({ op, question: 'missing', value: 0 })).toBe(false);
      expect(ev({ op, question: 'nan', value: 0 })).toBe(false);
      expect(ev({ op, question: 'text', value: 0 })).toBe(false);
      expect(ev({ op, question: 'yes', value: 0 })).toBe(false);
    }
    // The text "20" is not a number: no silent coercion.
    expect(ev({ op: 'gt', question: 't', value: 1 }, { t: '20' })).toBe(false);
  });
});

describe('all / any / not', () => {
  const T: Condition = { op: 'equals', question: 'choice', value: 'b' };
  const F: Condition = { op: 'equals', question: 'choice', value: 'a' };
  it('all needs every part, any needs one part', () => {
    expect(ev({ op: 'all', conditions: [T, T] })).toBe(true);
    expect(ev({ op: 'all', conditions: [T, F] })).toBe(false);
    expect(ev({ op: 'any', conditions: [F, T] })).toBe(true);
    expect(ev({ op: 'any', conditions: [F, F] })).toBe(false);
  });
  it('not inverts, also around an open question', () => {
    expect(ev({ op: 'not', condition: T })).toBe(false);
    expect(ev({ op: 'not', condition: F })).toBe(true);
    expect(ev({ op: 'not', condition: { op: 'equals', question: 'missing', value: 'a' } })).toBe(
      true,
    );
  });
  it('nests', () => {
    const c: Condition = {
      op: 'any',
      conditions: [
        { op: 'all', conditions: [T, { op: 'not', condition: F }] },
        { op: 'gt', question: 'count', value: 100 },
      ],
    };
    expect(ev(c)).toBe(true);
    expect(ev(c, { ...answers, choice: 'a' })).toBe(false);
  });
});

describe('answers under inherited names stay inert', () => {
  it('a question called toString or constructor is simply open', () => {
    for (const question of ['toString', 'constructor', 'hasOwnProperty', 'valueOf']) {
      expect(ev({ op: 'answered', question }, {})).toBe(false);
      expect(ev({ op: 'notEquals', question, value: 'x' }, {})).toBe(false);
      expect(ev({ op: 'includes', question, value: 'x' }, {})).toBe(false);
    }
  });
});

describe('referencedQuestions', () => {
  it('lists every question a nested condition uses, in order', () => {
    expect(
      referencedQuestions({
        op: 'all',
        conditions: [
          { op: 'answered', question: 'a' },
          { op: 'not', condition: { op: 'in', question: 'b', values: [1] } },
          { op: 'any', conditions: [{ op: 'includes', question: 'c', value: 'x' }] },
        ],
      }),
    ).toEqual(['a', 'b', 'c']);
  });
});
