import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const UI_LOCALES = ['nl', 'en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];
const STORAGE_KEY = 'fria.lang';

// Every locales/<lng>/<namespace>.json is bundled: UI strings are small and needed offline.
const files = import.meta.glob<Record<string, unknown>>('../../locales/*/*.json', {
  eager: true,
  import: 'default',
});

function resources(): Record<string, Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, Record<string, unknown>>> = {};
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
  const res = resources();
  await i18next.use(initReactI18next).init({
    resources: res,
    lng,
    fallbackLng: 'en',
    ns: Object.keys(res.en ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
  return i18next;
}
