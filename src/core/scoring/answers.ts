import type { Question } from '../questionnaire/questionnaire-schema';

/** The value of one answer, by question type: choice ids, a list of ids, a number, yes/no, text or ISO date. */
export type AnswerValue = string | number | boolean | string[];

export type Answers = Record<string, AnswerValue | undefined>;

/**
 * True when a stored value is a possible answer to the question: a known option id for choices, a
 * list of known option ids for multi-choice, a boolean for yes/no, a finite number, an ISO date.
 * A value that does not fit (an edited file, an option removed in a new version) counts as open,
 * so it can never make a system look safer than its real answers.
 */
export function answerFits(question: Question, value: AnswerValue | undefined): boolean {
  if (!isAnswered(value)) return false;
  switch (question.type) {
    case 'singleChoice':
    case 'scale':
      return typeof value === 'string' && question.options.some((o) => o.id === value);
    case 'multiChoice':
      return Array.isArray(value) && value.every((v) => question.options.some((o) => o.id === v));
    case 'yesNo':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    default:
      return typeof value === 'string';
  }
}

/** True when a value counts as an answer: empty text, empty lists and NaN do not. */
export function isAnswered(value: AnswerValue | undefined | null): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'boolean';
}
