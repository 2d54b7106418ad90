/** Texts per locale, e.g. `{ "nl": "Doel", "en": "Purpose" }`. */
export type LocalizedText = Record<string, string>;

export type Locale = string;

/** Picks the text for `locale`, falling back to `fallback`, then to any text present. */
export function pick(text: LocalizedText | undefined, locale: Locale, fallback = 'en'): string {
  if (!text) return '';
  return text[locale] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
