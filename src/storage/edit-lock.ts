/**
 * One editor per assessment across tabs and windows. The first tab that opens an assessment may
 * edit it; a second one gets it read-only, with an explanation, so two tabs never overwrite each
 * other in silence. Web Locks where the browser has them (released by the browser itself when a
 * tab closes or crashes); a BroadcastChannel handshake as the fallback.
 */

export interface EditLock {
  /** True when another tab edits this assessment: show it, but do not save from here. */
  readOnly: boolean;
  /** How the decision was made; 'none' when the browser offers neither mechanism (no protection). */
  mechanism: 'locks' | 'broadcast' | 'none';
  /** Gives the assessment free for another tab (call on leaving the assessment). */
  release(): void;
  /** Settles once this tab no longer holds the lock after `release()` (Web Locks let go a moment later). */
  gone?: Promise<void>;
}

export interface EditLockOptions {
  /** Called in a read-only tab once the editing tab let go (closed it or left it): offer to reload. */
  onAvailable?: () => void;
  /** Web Locks to use; null to skip them (tests). Defaults to navigator.locks. */
  locks?: LockManager | null;
  /** Channel factory for the fallback; null to skip it. Defaults to BroadcastChannel. */
  channel?: ((name: string) => BroadcastChannel) | null;
  /** How long the fallback waits for an answer from a tab that holds the assessment. */
  waitMs?: number;
  /** This tab's name in the fallback handshake (tests simulate several tabs in one process). */
  tabId?: string;
}

const PREFIX = 'fria-edit:';
const CHANNEL = 'fria-edit-locks';

type Message =
  | { type: 'query'; id: string; from: string }
  | { type: 'held'; id: string; to: string }
  | { type: 'released'; id: string };

/** This tab's name in the fallback handshake; random, so that two tabs can break a tie. */
const thisTab = randomId();

function randomId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function defaultLocks(): LockManager | null {
  try {
    return (typeof navigator !== 'undefined' && navigator.locks) || null;
  } catch {
    return null;
  }
}

function defaultChannel(): ((name: string) => BroadcastChannel) | null {
  return typeof BroadcastChannel === 'undefined' ? null : (name) => new BroadcastChannel(name);
}

/** Takes the right to edit assessment `id` in this tab, or tells that another tab has it. */
export async function acquireEditLock(id: string, opts: EditLockOptions = {}): Promise<EditLock> {
  const locks = opts.locks === undefined ? defaultLocks() : opts.locks;
  if (locks) {
    try {
      return await withWebLocks(locks, id, opts);
    } catch {
      // Web Locks can be present but refused (e.g. an opaque origin): use the fallback.
    }
  }
  const channel = opts.channel === undefined ? defaultChannel() : opts.channel;
  if (channel) {
    try {
      return await withBroadcast(channel, id, opts);
    } catch {
      // No channel either: fall through.
    }
  }
  return { readOnly: false, mechanism: 'none', release() {} };
}

function withWebLocks(locks: LockManager, id: string, opts: EditLockOptions): Promise<EditLock> {
  return new Promise<EditLock>((resolve, reject) => {
    let letGo = () => {};
    const held = new Promise<void>((r) => (letGo = r));
    let gone: Promise<void> = Promise.resolve();
    const request = locks.request(PREFIX + id, { ifAvailable: true }, async (lock) => {
      if (!lock) {
        resolve(readOnlyWithLocks(locks, id, opts));
        return;
      }
      let released = false;
      resolve({
        readOnly: false,
        mechanism: 'locks',
        release() {
          if (released) return;
          released = true;
          letGo();
        },
        get gone() {
          return gone;
        },
      });
      // The lock is held for as long as this promise is pending.
      await held;
    });
    // The request settles when the browser has let go of the lock.
    gone = request.then(
      () => undefined,
      () => undefined,
    );
    request.catch(reject);
  });
}

function readOnlyWithLocks(locks: LockManager, id: string, opts: EditLockOptions): EditLock {
  const abort = new AbortController();
  if (opts.onAvailable) {
    const onAvailable = opts.onAvailable;
    // Queue behind the editing tab; when it lets go, say so and step back at once, so the
    // lock is free for this tab's reload (or for whichever tab asks first).
    locks
      .request(PREFIX + id, { signal: abort.signal }, async () => {
        onAvailable();
      })
      .catch(() => {
        // Aborted on release: nothing to do.
      });
  }
  return {
    readOnly: true,
    mechanism: 'locks',
    release: () => abort.abort(),
  };
}

function withBroadcast(
  open: (name: string) => BroadcastChannel,
  id: string,
  opts: EditLockOptions,
): Promise<EditLock> {
  const ch = open(CHANNEL);
  const waitMs = opts.waitMs ?? 150;
  const tabId = opts.tabId ?? thisTab;
  return new Promise<EditLock>((resolve) => {
    let state: 'asking' | 'holding' | 'reading' | 'closed' = 'asking';
    const post = (m: Message) => {
      try {
        ch.postMessage(m);
      } catch {
        // A closed channel: nothing to tell.
      }
    };
    const close = () => {
      state = 'closed';
      ch.close();
    };
    const becomeReader = () => {
      if (state !== 'asking') return;
      state = 'reading';
      clearTimeout(timer);
      resolve({ readOnly: true, mechanism: 'broadcast', release: close });
    };
    ch.onmessage = (e: MessageEvent<Message>) => {
      const m = e.data;
      if (!m || m.id !== id) return;
      if (m.type === 'query' && state === 'holding') post({ type: 'held', id, to: m.from });
      // Two tabs asking at the same moment: the smaller tab id wins, the other reads. The winner
      // answers too, because the other tab may have started listening after the winner asked.
      if (m.type === 'query' && state === 'asking') {
        if (m.from < tabId) becomeReader();
        else post({ type: 'held', id, to: m.from });
      }
      if (m.type === 'held' && m.to === tabId) becomeReader();
      if (m.type === 'released' && state === 'reading') opts.onAvailable?.();
    };
    post({ type: 'query', id, from: tabId });
    const timer = setTimeout(() => {
      if (state !== 'asking') return;
      state = 'holding';
      resolve({
        readOnly: false,
        mechanism: 'broadcast',
        release() {
          if (state !== 'holding') return;
          post({ type: 'released', id });
          close();
        },
      });
    }, waitMs);
  });
}

/**
 * One holder per assessment within this tab. A screen that closes gives its lock back a moment
 * later (after its last save); a screen that opens the same assessment right then — leaving and
 * reopening it at once, an action in the library just after leaving it, React's development double
 * mount — would otherwise find the lock taken and be told another tab edits it. This waits for this
 * tab's own earlier holder of the same assessment to let go first; at most `maxWaitMs`, so a holder
 * that never lets go cannot keep a screen from opening (it then opens read-only, as before).
 */
export function oneHolderPerTab(
  acquire: typeof acquireEditLock,
  maxWaitMs = 5000,
): typeof acquireEditLock {
  const last = new Map<string, Promise<void>>();
  return async (id, opts) => {
    const before = last.get(id);
    let freed = () => {};
    const mine = new Promise<void>((r) => (freed = r));
    last.set(id, mine);
    void mine.then(() => {
      if (last.get(id) === mine) last.delete(id);
    });
    if (before) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([before, new Promise<void>((r) => (timer = setTimeout(r, maxWaitMs)))]);
      clearTimeout(timer);
    }
    let lock: EditLock;
    try {
      lock = await acquire(id, opts);
    } catch (e) {
      freed();
      throw e;
    }
    // A read-only view holds nothing that the next one would wait for.
    if (lock.readOnly) freed();
    let released = false;
    return {
      readOnly: lock.readOnly,
      mechanism: lock.mechanism,
      release() {
        if (released) return;
        released = true;
        lock.release();
        void (lock.gone ?? Promise.resolve()).then(freed);
      },
    };
  };
}
