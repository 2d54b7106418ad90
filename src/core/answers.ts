/** The value of one answer, by question type: choice ids, a list of ids, a number, yes/no, text or ISO date. */
export type AnswerValue = string | number | boolean | string[];

export type Answers = Record<string, AnswerValue | undefined>;

/** True when a value counts as an answer: empty text, empty lists and NaN do not. */
export function isAnswered(value: AnswerValue | undefined | null): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'boolean';
}
