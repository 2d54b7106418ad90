/**
 * How the report writes values: dates, numbers, percentages and answers, in the report language.
 * Intl is part of JavaScript itself (browser and Node alike), so this stays pure.
 */
import type { Question } from '../questionnaire/questionnaire-schema';
import type { AnswerValue } from '../scoring/answers';
import { isAnswered } from '../scoring/answers';
import { intlLocale, pick } from '../texts/localized';
import { reportText, type ReportLocale } from './report-texts';

/** A calendar date (yyyy-mm-dd) as "12 March 2025" / "12 maart 2025"; anything else as given. */
export function formatDay(day: string, locale: ReportLocale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/**
 * A moment (ISO date-time) as date and time in the given time zone (the reader's, passed in by the
 * caller; undefined means the runtime's own). Unparseable text is shown as given.
 */
export function formatMoment(iso: string, locale: ReportLocale, timeZone?: string): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(intlLocale(locale), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }).format(date);
  } catch {
    // An unknown time zone name: fall back to UTC rather than failing the whole report.
    return new Intl.DateTimeFormat(intlLocale(locale), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    }).format(date);
  }
}

export function formatNumber(n: number, locale: ReportLocale): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 6 }).format(n);
}

/** A ratio 0..1 as a percentage with at most one decimal: "62,5%" / "62.5%". */
export function formatPercent(ratio: number, locale: ReportLocale): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(ratio);
}

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
