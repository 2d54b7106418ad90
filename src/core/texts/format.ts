/**
 * The one place where dates, moments, numbers and sizes are written for people, in the app, the
 * report and the command line: Dutch as in the Netherlands ("7 december 2026", "10,0 GB"), English
 * as in Britain ("7 December 2026", "10.0 GB"). Intl is part of JavaScript itself (browser and Node
 * alike), so this stays pure. Formatters are made once per language and kind: a new Intl formatter
 * per call costs time on long lists.
 */
import { intlLocale, type Locale } from './localized';

type DateKind = 'day' | 'moment' | 'short' | 'time';

const DATE_OPTIONS: Record<DateKind, Intl.DateTimeFormatOptions> = {
  // "7 december 2026": a calendar date (read in UTC, it has no time zone).
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  // "7 december 2026 om 14:05": a moment, in a given time zone.
  moment: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  // "7 dec 2026, 14:05": a moment in a list.
  short: { dateStyle: 'medium', timeStyle: 'short' },
  // "14:05": the time of day, as in "Opgeslagen om 14:05".
  time: { hour: '2-digit', minute: '2-digit' },
};

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const numberFormatters = new Map<string, Intl.NumberFormat>();

function dateFormatter(kind: DateKind, locale: Locale, timeZone?: string): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone ?? ''}`;
  let f = dateFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), {
      ...DATE_OPTIONS[kind],
      ...(timeZone ? { timeZone } : {}),
    });
    dateFormatters.set(key, f);
  }
  return f;
}

function numberFormatter(options: Intl.NumberFormatOptions, locale: Locale): Intl.NumberFormat {
  const key = `${JSON.stringify(options)}|${locale}`;
  let f = numberFormatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormatters.set(key, f);
  }
  return f;
}

/** A calendar date (yyyy-mm-dd) as "12 March 2025" / "12 maart 2025"; anything else as given. */
export function formatDay(day: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime())) return day;
  return dateFormatter('day', locale).format(date);
}

/**
 * A moment (ISO date-time) as date and time in the given time zone (the reader's, passed in by the
 * caller; undefined means the runtime's own). `short` gives the compact form for lists.
 * Unparseable text is shown as given; an unknown time zone falls back to UTC.
 */
export function formatMoment(
  iso: string,
  locale: Locale,
  timeZone?: string,
  style: 'long' | 'short' = 'long',
): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso;
  const kind = style === 'short' ? 'short' : 'moment';
  try {
    return dateFormatter(kind, locale, timeZone).format(date);
  } catch {
    return dateFormatter(kind, locale, 'UTC').format(date);
  }
}

/** The time of day of a moment ("14:05"), in the runtime's time zone. */
export function formatTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso;
  return dateFormatter('time', locale).format(date);
}

/** A number as written in the language: "1.234,5" / "1,234.5" (at most six decimals, or as given). */
export function formatNumber(n: number, locale: Locale, maxDecimals = 6): string {
  return numberFormatter({ maximumFractionDigits: maxDecimals }, locale).format(n);
}

/** A ratio 0..1 as a percentage with at most one decimal: "62,5%" / "62.5%". */
export function formatPercent(ratio: number, locale: Locale): string {
  return numberFormatter({ style: 'percent', maximumFractionDigits: 1 }, locale).format(ratio);
}

/**
 * A byte count as people read it (binary units, as the browser's storage estimate and file sizes
 * are): "512 B", "4 KB", "21,0 MB", "10,0 GB" (Dutch) / "10.0 GB" (English).
 */
export function formatSize(bytes: number, locale: Locale = 'en'): string {
  const one = (n: number) =>
    oneDecimal(n, locale) ??
    numberFormatter({ minimumFractionDigits: 1, maximumFractionDigits: 1 }, locale).format(n);
  if (bytes >= 1024 ** 3) return `${one(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 * 1024) return `${one(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/**
 * `n` (1 ≤ n < 999) with one decimal as Intl writes it in Dutch or English, without Intl: the first
 * Intl.NumberFormat of a page loads the number data, a task of 10–30 ms at start, where the library
 * shows the space used. Rounds the shortest decimal form of `n` half up, as Intl does (6.55 → 6.6,
 * although the double is just below 6.55). Null for anything else.
 */
function oneDecimal(n: number, locale: Locale): string | null {
  const sep = /^nl(-|$)/i.test(locale) ? ',' : /^en(-|$)/i.test(locale) ? '.' : null;
  if (sep === null || !(n >= 1 && n < 999)) return null;
  const m = /^(\d+)(?:\.(\d)(\d?))?/.exec(String(n));
  if (!m || /e/i.test(String(n))) return null;
  const tenths = Number(m[1]) * 10 + Number(m[2] ?? 0) + (Number(m[3] || 0) >= 5 ? 1 : 0);
  return `${Math.floor(tenths / 10)}${sep}${tenths % 10}`;
}
