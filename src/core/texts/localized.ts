/** Texts per locale, e.g. `{ "nl": "Doel", "en": "Purpose" }`. */
export type LocalizedText = Record<string, string>;

export type Locale = string;

/** Picks the text for `locale`, falling back to `fallback`, then to any text present. */
export function pick(text: LocalizedText | undefined, locale: Locale, fallback = 'en'): string {
  if (!text) return '';
  return text[locale] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

/** Like `pick`, and says which language the text is in (it differs from `locale` on a fallback). */
export function pickWithLang(
  text: LocalizedText | undefined,
  locale: Locale,
  fallback = 'en',
): { text: string; lang: string } {
  if (!text) return { text: '', lang: locale };
  if (text[locale] !== undefined) return { text: text[locale], lang: locale };
  if (text[fallback] !== undefined) return { text: text[fallback], lang: fallback };
  const first = Object.entries(text)[0];
  return first ? { text: first[1], lang: first[0] } : { text: '', lang: locale };
}

/**
 * The locale for Intl (dates, numbers) of an app language: Dutch as in the Netherlands, English
 * as in Britain (29 Nov 2026, 12.5%), never the US default of a bare "en".
 */
export function intlLocale(lang: Locale): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB';
}

/**
 * A sign-off role's name without the examples its label may carry: "Beoordelaar (bijvoorbeeld de
 * functionaris gegevensbescherming of de CISO)" is "Beoordelaar" wherever the role is named (lists,
 * messages, the report, Verify). The full label, with its examples, is shown only where the role is
 * chosen. Only a closing bracketed part is dropped, and never the whole label.
 */
export function roleName(label: LocalizedText | undefined, locale: Locale): string {
  const full = pick(label, locale);
  const short = full.replace(/\s*\([^()]*\)\s*$/, '');
  return short || full;
}
