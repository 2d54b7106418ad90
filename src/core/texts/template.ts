/**
 * The one way texts are filled in: `{name}` placeholders in a template, replaced by the values of
 * `params`. Only the template is read for placeholders, so a value that itself holds `{…}` (a
 * justification someone typed) is shown as it is. A placeholder without a value stays visible as
 * `{name}` (a test then finds the missing value), unless `missing: 'empty'` asks for nothing.
 *
 * `{name|one|other}` writes the word that fits the number in `name`: "1 punt", "2 punten"
 * (`{max} {max|punt|punten}`). Dutch and English both use the singular for exactly 1 only.
 */
export type TemplateParams = Readonly<Record<string, string | number | undefined>>;

export interface FillOptions {
  /** How a value is shown; by default as `String(value)`. */
  format?: (key: string, value: string | number) => string;
  /** What a placeholder without a value becomes: itself (default) or nothing. */
  missing?: 'keep' | 'empty';
}

export function fillTemplate(
  template: string,
  params: TemplateParams,
  options: FillOptions = {},
): string {
  return template.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, key: string, one?: string, other?: string) => {
      const v = Object.prototype.hasOwnProperty.call(params, key) ? params[key] : undefined;
      if (one !== undefined && other !== undefined) {
        if (v === undefined) return options.missing === 'empty' ? '' : whole;
        return Number(v) === 1 ? one : other;
      }
      if (v === undefined) return options.missing === 'empty' ? '' : whole;
      return options.format ? options.format(key, v) : String(v);
    },
  );
}

/** The table for a locale, English when there is none for it. */
export function textsFor<T>(tables: { en: T } & Record<string, T>, locale: string): T {
  return Object.prototype.hasOwnProperty.call(tables, locale) ? tables[locale]! : tables.en;
}
