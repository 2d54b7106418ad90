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
      return (
        Array.isArray(value) &&
        value.every((v) => question.options.some((o) => o.id === v)) &&
        !mixesExclusive(question, value)
      );
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

/**
 * True when a multiple-choice answer holds an exclusive option ("None of these") together with any
 * other option: such an answer says two contradicting things, so it does not fit and counts as open.
 */
export function mixesExclusive(question: Question, value: AnswerValue | undefined): boolean {
  if (question.type !== 'multiChoice' || !Array.isArray(value)) return false;
  const chosen = new Set(value);
  if (chosen.size < 2) return false;
  return question.options.some((o) => o.exclusive === true && chosen.has(o.id));
}

/**
 * The multiple-choice answer after ticking (`checked`) or clearing one option: ticking an
 * exclusive option leaves only it; ticking another option clears every exclusive one. The order
 * of ticking is kept. What the wizard does on every click, so it never stores a mix.
 */
export function toggleOption(
  question: Question,
  current: readonly string[],
  optionId: string,
  checked: boolean,
): string[] {
  const rest = current.filter((x) => x !== optionId);
  if (!checked) return rest;
  if (question.type !== 'multiChoice') return [...rest, optionId];
  const exclusive = new Set(question.options.filter((o) => o.exclusive).map((o) => o.id));
  if (exclusive.has(optionId)) return [optionId];
  return [...rest.filter((x) => !exclusive.has(x)), optionId];
}

/** True when a value counts as an answer: empty text, empty lists and NaN do not. */
export function isAnswered(value: AnswerValue | undefined | null): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'boolean';
}
