/**
 * The UI texts of every screen but the start screen (both languages), as one chunk: loaded by
 * `loadAllTexts()` (i18n.ts) together with the first of those screens (routes.tsx).
 */
export const files = import.meta.glob<Record<string, unknown>>(
  ['../../locales/*/*.json', '!../../locales/*/{common,start,library,pwa}.json'],
  { eager: true, import: 'default' },
);
