import type { Condition } from '../questionnaire/questionnaire-schema';
import { isAnswered, type Answers, type AnswerValue } from './answers';

/**
 * Evaluates a condition over plain answers (docs/scoring.md §2). No code is ever evaluated: the operator
 * set is closed and checked by the validator. Answers passed in should already leave out hidden
 * questions, so that hiding cascades.
 */
export function evaluate(condition: Condition, answers: Answers): boolean {
  switch (condition.op) {
    case 'all':
      return condition.conditions.every((c) => evaluate(c, answers));
    case 'any':
      return condition.conditions.some((c) => evaluate(c, answers));
    case 'not':
      return !evaluate(condition.condition, answers);
    case 'answered':
      return isAnswered(answers[condition.question]);
    case 'notAnswered':
      return !isAnswered(answers[condition.question]);
    case 'equals':
      return same(answers[condition.question], condition.value);
    case 'notEquals': {
      // "not equal" holds only for an answer that is something else: an open question is neither.
      const v = answers[condition.question];
      return isAnswered(v) && !same(v, condition.value);
    }
    case 'in': {
      const v = answers[condition.question];
      return condition.values.some((x) => same(v, x));
    }
    case 'includes': {
      const v = answers[condition.question];
      return Array.isArray(v) && v.includes(condition.value);
    }
    case 'count': {
      // The number of options chosen; an open question has chosen none, but is not answered.
      const v = answers[condition.question];
      if (!Array.isArray(v) || v.length === 0) return false;
      const n = new Set(v).size;
      return (
        (condition.min === undefined || n >= condition.min) &&
        (condition.max === undefined || n <= condition.max)
      );
    }
    case 'before':
    case 'after': {
      // yyyy-mm-dd compares as text in date order; an open or malformed date holds neither.
      const v = answers[condition.question];
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
      return condition.op === 'before' ? v < condition.value : v > condition.value;
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const v = answers[condition.question];
      if (typeof v !== 'number' || !Number.isFinite(v)) return false;
      const x = condition.value;
      if (condition.op === 'gt') return v > x;
      if (condition.op === 'gte') return v >= x;
      if (condition.op === 'lt') return v < x;
      return v <= x;
    }
  }
}

function same(answer: AnswerValue | undefined, value: string | number | boolean): boolean {
  if (!isAnswered(answer)) return false;
  if (Array.isArray(answer)) return false;
  return answer === value;
}

/** All question ids a condition refers to. */
export function referencedQuestions(condition: Condition): string[] {
  switch (condition.op) {
    case 'all':
    case 'any':
      return condition.conditions.flatMap(referencedQuestions);
    case 'not':
      return referencedQuestions(condition.condition);
    default:
      return [condition.question];
  }
}
