/**
 * Build time only (scripts/prerender.ts loads this module in Node through Vite): the start screen's
 * markup as the app's first render gives it, in one language, to be written into the HTML files. The
 * page then shows the heading and the "new assessment" link before any of the app's code has run,
 * and React hydrates this markup instead of replacing it (src/main.tsx).
 *
 * The library's area shows what the app's first render shows: "loading the assessments". The build
 * cannot know what is stored on the user's device, so the markup never says the library is empty.
 */
import { prerender } from 'react-dom/static';
import i18next from 'i18next';
import { AppRoot } from './AppRoot';
import { initI18n, type UiLocale } from './i18n';
import type { Services } from './services';

const never = <T,>() => new Promise<T>(() => undefined);

/** Services whose answers never come: only the first render is written, no effect runs. */
const buildTimeServices = {
  repository: { list: never, get: never, put: never, delete: never },
  storageProblem: null,
  recovered: [],
  createAutosaver: () => {
    throw new Error('not at build time');
  },
  acquireEditLock: never,
  now: () => new Date(0).toISOString(),
  newId: () => 'build',
} as unknown as Services;

export async function prerenderStart(lng: UiLocale): Promise<{ html: string; title: string }> {
  await initI18n(lng);
  // prerender (not renderToString) waits for the parts of the screen whose code loads lazily.
  const { prelude } = await prerender(<AppRoot services={buildTimeServices} />);
  const html = await new Response(prelude).text();
  return { html, title: `${i18next.t('start:title')} — FRIA Wizard` };
}
