/** The report language of an assessment: the one chosen at the start, else the interface's. */
export function reportLanguageOf(locale: string, uiLanguage: string): 'nl' | 'en' {
  if (locale === 'nl' || locale === 'en') return locale;
  return uiLanguage === 'en' ? 'en' : 'nl';
}
