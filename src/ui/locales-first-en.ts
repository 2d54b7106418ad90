/**
 * The English texts of the app's frame and the start screen: loaded by `initI18n()` when the app
 * starts in this language, or when the user switches to it (i18n.ts). One language per chunk, so the
 * start screen does not load the other language's texts.
 */
export const files = import.meta.glob<Record<string, unknown>>(
  '../../locales/en/{common,start,library,pwa}.json',
  { eager: true, import: 'default' },
);
