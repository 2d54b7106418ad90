import i18next from 'i18next';
import { useSyncExternalStore } from 'react';
import { initReactI18next } from 'react-i18next';

export const UI_LOCALES = ['nl', 'en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];
const STORAGE_KEY = 'fria.lang';

// Every locales/<lng>/<namespace>.json is bundled (needed offline), in three parts: the texts of
// the app's frame and the start screen, one chunk per language (locales-first-<lng>.ts), loaded at
// start for the user's language only; those of the other screens in one lazy chunk
// (locales-rest.ts), loaded with the first of those screens (routes.tsx). That keeps 60 KB of text
// and the other language out of what the start screen loads (docs/performance.md). A component
// outside the start screen's chunk may use any namespace: its screen waits for loadAllTexts().
const firstTexts: Record<UiLocale, () => Promise<Record<string, Record<string, unknown>>>> = {
  nl: () => import('./locales-first-nl').then((m) => m.files),
  en: () => import('./locales-first-en').then((m) => m.files),
};

type Resources = Record<string, Record<string, Record<string, unknown>>>;

function resources(files: Record<string, Record<string, unknown>>): Resources {
  const out: Resources = {};
  for (const [path, data] of Object.entries(files)) {
    const m = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!m) continue;
    const [, lng, ns] = m as unknown as [string, string, string];
    (out[lng] ??= {})[ns] = data;
  }
  return out;
}

/** The remembered language, else the browser's (Dutch for nl-*, English otherwise). */
export function initialLocale(): UiLocale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // Storage may be blocked by policy: fall through to the browser's language.
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('en')
    ? 'en'
    : 'nl';
}

export function rememberLocale(locale: UiLocale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not fatal: the choice then lasts for this visit only.
  }
}

export async function initI18n(lng: UiLocale = initialLocale()): Promise<typeof i18next> {
  const res = resources(await firstTexts[lng]());
  await i18next.use(initReactI18next).init({
    resources: res,
    lng,
    fallbackLng: 'en',
    ns: Object.keys(res[lng] ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Initialised again (tests do, per test): screens already loaded will not ask for their texts again.
  if (rest) await loadAllTexts();
  // No document when the build prerenders the start screen (src/ui/prerender.tsx).
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lng;
    i18next.on('languageChanged', (l) => {
      document.documentElement.lang = l;
    });
  }
  return i18next;
}

let rest: Promise<Resources> | null = null;

/**
 * Switches the UI language, after loading its frame and start-screen texts if this visit has not
 * yet (the other screens' texts of both languages come with loadAllTexts()).
 */
export async function changeLanguage(lng: UiLocale): Promise<void> {
  if (!i18next.hasResourceBundle(lng, 'start')) {
    for (const [l, namespaces] of Object.entries(resources(await firstTexts[lng]()))) {
      for (const [ns, data] of Object.entries(namespaces)) i18next.addResourceBundle(l, ns, data);
    }
  }
  await i18next.changeLanguage(lng);
}

/**
 * Adds the texts of the other screens (once loaded; again after a new initI18n, which starts from
 * the start screen's texts only). Resolves when every namespace is available.
 */
export async function loadAllTexts(): Promise<void> {
  const res = await (rest ??= import('./locales-rest').then((m) => resources(m.files)));
  for (const [lng, namespaces] of Object.entries(res)) {
    for (const [ns, data] of Object.entries(namespaces)) {
      if (!i18next.hasResourceBundle(lng, ns)) i18next.addResourceBundle(lng, ns, data);
    }
  }
}

const onLanguage = (listener: () => void) => {
  i18next.on('languageChanged', listener);
  return () => i18next.off('languageChanged', listener);
};

/**
 * The current UI language, for components that need only that. Much cheaper than useTranslation(),
 * which (react-i18next 17) copies the i18next instance's property descriptors for every component
 * that mounts: a step with many questionnaire texts spent several milliseconds on it.
 */
export function useLanguage(): string {
  const language = () => i18next.language;
  return useSyncExternalStore(onLanguage, language, language);
}

/** A screen's module once it and the texts of every screen are loaded (routes.tsx). */
export async function withTexts<M>(module: Promise<M>): Promise<M> {
  const [m] = await Promise.all([module, loadAllTexts()]);
  return m;
}
