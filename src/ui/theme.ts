export type Theme = 'system' | 'light' | 'dark' | 'contrast';
const KEY = 'fria.theme';

export function initialTheme(): Theme {
  try {
    const v = localStorage.getItem(KEY);
    if (v === 'light' || v === 'dark' || v === 'contrast' || v === 'system') return v;
  } catch {
    // Storage blocked: follow the system.
  }
  return 'system';
}

/** Sets the theme on <html>; "system" follows prefers-color-scheme in CSS. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export function rememberTheme(theme: Theme): void {
  applyTheme(theme);
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Not fatal.
  }
}
