/**
 * Persistent storage: by default a browser may clear a site's data when space runs low; a granted
 * `navigator.storage.persist()` stops that. Every call is guarded: older browsers and some policies
 * offer no StorageManager, and the app must then still work (and say so).
 */

export interface PersistenceResult {
  /** False when the browser has no way to ask (no StorageManager). */
  supported: boolean;
  /** True when the browser promised not to clear this app's data by itself. */
  persisted: boolean;
}

export interface StorageUse {
  supported: boolean;
  /** Bytes used by this app (all stores), when known. */
  usage: number | null;
  /** Bytes the browser allows this app, when known. */
  quota: number | null;
}

type StorageManagerLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

function manager(nav: { storage?: StorageManagerLike } | undefined): StorageManagerLike | null {
  try {
    return nav?.storage ?? null;
  } catch {
    return null;
  }
}

const defaultNavigator = () =>
  typeof navigator === 'undefined' ? undefined : (navigator as { storage?: StorageManagerLike });

/** Whether the data is already persistent, without asking the user anything. */
export async function isPersisted(nav = defaultNavigator()): Promise<PersistenceResult> {
  const m = manager(nav);
  if (!m?.persisted) return { supported: false, persisted: false };
  try {
    return { supported: true, persisted: await m.persisted() };
  } catch {
    return { supported: true, persisted: false };
  }
}

/**
 * Asks for persistent storage. Chromium decides without a prompt (it grants installed or often used
 * sites); Firefox may show a prompt. Never throws.
 */
export async function requestPersistence(nav = defaultNavigator()): Promise<PersistenceResult> {
  const m = manager(nav);
  if (!m?.persist) return isPersisted(nav);
  try {
    if (m.persisted && (await m.persisted())) return { supported: true, persisted: true };
    return { supported: true, persisted: await m.persist() };
  } catch {
    return { supported: true, persisted: false };
  }
}

/** Space used and allowed, as far as the browser tells. Never throws. */
export async function storageUse(nav = defaultNavigator()): Promise<StorageUse> {
  const m = manager(nav);
  if (!m?.estimate) return { supported: false, usage: null, quota: null };
  try {
    const e = await m.estimate();
    return {
      supported: true,
      usage: typeof e.usage === 'number' ? e.usage : null,
      quota: typeof e.quota === 'number' ? e.quota : null,
    };
  } catch {
    return { supported: true, usage: null, quota: null };
  }
}
