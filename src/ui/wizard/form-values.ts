import type { Question } from '../../core/questionnaire';
import type { AnswerValue } from '../../core/scoring';
import { z } from '../../core/files/zod-setup';

/** What a form control holds, per question type (radio groups use null for "nothing chosen"). */
export type FormValue = string | string[] | number | null;

/** Form field names: question ids may contain dots, which react-hook-form reads as paths. */
export const fieldName = (index: number) => `f${index}`;
export const noteName = (index: number) => `n${index}`;
/** The DOM id of a question's (first) control, for labels and the error summary. */
export const controlId = (q: Question) => `q-${q.id}`;

export function toFormValue(q: Question, v: AnswerValue | undefined): FormValue {
  switch (q.type) {
    case 'yesNo':
      return v === true ? 'yes' : v === false ? 'no' : null;
    // A stored option the question does not have is not shown as chosen (the core counts it as
    // open; the wizard asks to choose again), so a new choice replaces it.
    case 'singleChoice':
    case 'scale':
      return typeof v === 'string' && q.options.some((o) => o.id === v) ? v : null;
    case 'multiChoice':
      return Array.isArray(v) ? v.filter((x) => q.options.some((o) => o.id === x)) : [];
    case 'number':
      return typeof v === 'number' ? String(v) : '';
    default:
      return typeof v === 'string' ? v : '';
  }
}

export function fromFormValue(q: Question, v: unknown): AnswerValue | undefined {
  switch (q.type) {
    case 'yesNo':
      return v === 'yes' ? true : v === 'no' ? false : undefined;
    case 'singleChoice':
    case 'scale':
      return typeof v === 'string' && v !== '' ? v : undefined;
    case 'multiChoice':
      return Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as string[]) : undefined;
    case 'number': {
      const n =
        typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    default:
      return typeof v === 'string' ? v : undefined;
  }
}

export interface StepMessages {
  required: string;
  tooLong: (max: number) => string;
  notANumber: string;
  min: (min: number) => string;
  max: (max: number) => string;
  date: string;
}

/** The zod schema for one step, built from its visible questions (react-hook-form resolver). */
export function stepSchema(
  questions: { q: Question; index: number }[],
  m: StepMessages,
  /** Questions answered "not applicable" with a reason: required no longer asks for an answer. */
  notApplicable: ReadonlySet<string> = new Set(),
) {
  const shape: Record<string, z.ZodType> = {};
  for (const { q, index } of questions) {
    const req = !!q.required && !notApplicable.has(q.id);
    let s: z.ZodType;
    switch (q.type) {
      case 'shortText':
      case 'longText': {
        const max = q.maxLength ?? (q.type === 'shortText' ? 1000 : 100000);
        s = z
          .string()
          .max(max, m.tooLong(max))
          .refine((v) => !req || v.trim() !== '', m.required);
        break;
      }
      case 'number':
        s = z
          .union([z.number(), z.nan(), z.string()])
          .transform((v) => (typeof v === 'string' ? (v.trim() === '' ? NaN : Number(v)) : v))
          .refine((v) => !req || !Number.isNaN(v), m.required)
          .refine((v) => q.min === undefined || Number.isNaN(v) || v >= q.min, m.min(q.min ?? 0))
          .refine((v) => q.max === undefined || Number.isNaN(v) || v <= q.max, m.max(q.max ?? 0));
        break;
      case 'date':
        s = z
          .string()
          .refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), m.date)
          .refine((v) => !req || v !== '', m.required);
        break;
      case 'multiChoice':
        s = z.array(z.string()).refine((v) => !req || v.length > 0, m.required);
        break;
      default:
        s = z
          .string()
          .nullable()
          .refine((v) => !req || (v !== null && v !== ''), m.required);
    }
    shape[fieldName(index)] = s;
  }
  return z.object(shape).passthrough();
}
