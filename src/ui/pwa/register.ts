/**
 * Service worker of the hosted build (dist/): registers the Workbox worker that vite-plugin-pwa
 * generates, and tells the UI when a new version is waiting. The worker never takes over on its own
 * (`registerType: 'prompt'`): the user chooses when to reload, so the app does not change under their
 * feet halfway through an answer.
 *
 * The single-file build (`--mode single`) must never register a worker (file:// cannot, and an intranet
 * copy of the single file must stay a single file): there `startServiceWorker` is an empty function and
 * the rest of this module is left out of the bundle.
 */

/** What the update notice shows. */
export interface PwaState {
  /** A new version is installed and waiting, or another tab activated one: reload to use it. */
  needReload: boolean;
  /** The app has just been stored for offline use (first visit). */
  offlineReady: boolean;
}

/** The worker's address, relative to the page (base './'). */
export const SW_URL = './sw.js';
/**
 * The one Trusted Types policy of the hosted build. Under `require-trusted-types-for 'script'`,
 * `navigator.serviceWorker.register()` only takes a TrustedScriptURL; this policy turns exactly the
 * app's own worker address into one and refuses everything else. post-build.ts lists its name in the
 * CSP `trusted-types` directive.
 */
export const SW_POLICY = 'fria-sw';

let state: PwaState = { needReload: false, offlineReady: false };
const listeners = new Set<() => void>();
let waiting: ServiceWorker | null = null;
let started = false;
let reloading = false;

function set(next: Partial<PwaState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getState(): PwaState {
  return state;
}

export function dismissOfflineReady(): void {
  set({ offlineReady: false });
}

interface TrustedTypePolicyLike {
  createScriptURL(input: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(
    name: string,
    rules: { createScriptURL: (input: string) => string },
  ): TrustedTypePolicyLike;
}

/** The worker URL as a TrustedScriptURL where the browser has Trusted Types, else the string. */
function workerUrl(): string {
  const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!tt) return SW_URL;
  const policy = tt.createPolicy(SW_POLICY, {
    createScriptURL: (input) => {
      if (input !== SW_URL) throw new TypeError(`${SW_POLICY}: only ${SW_URL} may be registered`);
      return input;
    },
  });
  // A TrustedScriptURL stringifies to the URL; register() accepts it where the CSP demands one.
  return policy.createScriptURL(SW_URL) as string;
}

function track(reg: ServiceWorkerRegistration): void {
  const onInstalled = (sw: ServiceWorker) => {
    if (navigator.serviceWorker.controller) {
      // An older version controls this page: keep the new one waiting and ask the user.
      waiting = sw;
      set({ needReload: true });
    } else {
      // First visit: nothing to replace, the app is now stored for offline use.
      set({ offlineReady: true });
    }
  };
  if (reg.waiting && navigator.serviceWorker.controller) onInstalled(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const sw = reg.installing;
    if (!sw) return;
    sw.addEventListener('statechange', () => {
      if (sw.state === 'installed') onInstalled(sw);
    });
  });
  // Look for a new version whenever the user comes back to the app (the browser also looks on
  // every navigation). Failing to look (offline) is normal and not worth a message.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') reg.update().catch(() => undefined);
  });
}

function startHosted(): void {
  if (started) return;
  started = true;
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  const hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) {
      location.reload();
      return;
    }
    // Another tab chose to reload into a new version: this tab still runs the old code, whose lazy
    // parts may no longer be cached. Ask this user to reload too.
    if (hadController) set({ needReload: true });
  });
  navigator.serviceWorker
    .register(workerUrl(), { scope: './', updateViaCache: 'none' })
    .then(track)
    // No worker (a browser setting, a private window): the app still works online; nothing to say.
    .catch(() => undefined);
}

/** Switches to the waiting version: the worker takes over and the page reloads once it has. */
export function reloadToUpdate(): void {
  reloading = true;
  if (waiting) waiting.postMessage({ type: 'SKIP_WAITING' });
  else location.reload();
}

/**
 * Registers the service worker in the hosted build; does nothing in the single file, nor under the
 * development server (`npm start`), which has no worker to serve.
 */
export const startServiceWorker: () => void =
  import.meta.env.MODE === 'single' || import.meta.env.DEV ? () => undefined : startHosted;
