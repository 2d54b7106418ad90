/**
 * How the report writes answers, in the report language, with the shared formatters of
 * texts/format.ts for dates, numbers and percentages.
 */
import type { Question } from '../questionnaire/questionnaire-schema';
import type { AnswerValue } from '../scoring/answers';
import { isAnswered } from '../scoring/answers';
import { pick } from '../texts/localized';
import { formatDay, formatMoment, formatNumber, formatPercent } from '../texts/format';
import { reportText, type ReportLocale } from './report-texts';

// Dates, moments, numbers and percentages: the shared formatters, also used by the app.
export { formatDay, formatMoment, formatNumber, formatPercent };

/**
 * An answer as the lines a reader sees: option labels (one line per chosen option), yes/no, a
 * formatted number with its unit, a date, or the text as typed. Empty when not answered.
 */
export function answerLines(
  question: Question,
  value: AnswerValue | undefined,
  locale: ReportLocale,
): string[] {
  if (!isAnswered(value)) return [];
  const optionLabel = (id: string) => {
    if (!('options' in question)) return id;
    const o = question.options.find((x) => x.id === id);
    return o ? pick(o.label, locale) : reportText('unknownOption', locale, { id });
  };
  switch (question.type) {
    case 'singleChoice':
    case 'scale':
      return [optionLabel(String(value))];
    case 'multiChoice': {
      const ids = Array.isArray(value) ? value : [String(value)];
      // In the questionnaire's order, so reports of the same answers always read the same.
      const order = new Map(question.options.map((o, i) => [o.id, i]));
      return [...ids]
        .sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9))
        .map(optionLabel);
    }
    case 'yesNo':
      if (value === true) return [reportText('yes', locale)];
      if (value === false) return [reportText('no', locale)];
      return [String(value)];
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      const unit = question.unit ? ` ${pick(question.unit, locale)}` : '';
      return [Number.isFinite(n) ? `${formatNumber(n, locale)}${unit}` : String(value)];
    }
    case 'date':
      return [formatDay(String(value), locale)];
    default:
      return [Array.isArray(value) ? value.join(', ') : String(value)];
  }
}
