/**
 * The single file opened from disk (`file://`): Chromium gives every local HTML file one storage
 * origin, so any other local HTML file the user opens can read, change or delete what this app
 * stores (docs/storage.md "Who else can read the library").
 */
export function isFileMode(): boolean {
  return typeof location !== 'undefined' && location.protocol === 'file:';
}

const DISMISSED_KEY = 'fria-wizard:notice:file-origin';

/** Whether the user closed the one-time notice about the shared file:// storage. */
export function fileNoticeDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** Remembers that the notice was closed (when the browser lets the app remember anything). */
export function dismissFileNotice(): void {
  try {
    localStorage.setItem(DISMISSED_KEY, '1');
  } catch {
    // Not remembered: the notice shows again at the next start, which is the safe side.
  }
}
