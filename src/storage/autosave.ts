/**
 * Framework-free autosave. `schedule()` is what a keystroke calls: it only keeps a reference to the
 * new state (the caller updates immutably), so typing never waits on saving. Saving runs later, at
 * most `maxWaitMs` after the first unsaved change, and at once when the page is hidden or closed.
 * A failed save keeps the state in memory (for "export now") and is tried again.
 */
import type { Assessment } from '../core/assessment';
import type { AssessmentRepository, AssessmentSummary, StorageErrorCode } from '../core/assessment';
import { StorageError } from '../core/assessment/repository';
import { clearJournal, defaultJournalStorage, writeJournal } from './journal';

/** Why the latest state is not saved: a storage error, or this tab may only read. */
export type AutosaveErrorCode = StorageErrorCode | 'readOnly';

export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  /** `at`: when the save finished (ISO time), for "saved 14:02". */
  | { kind: 'saved'; at: string }
  | {
      kind: 'error';
      code: AutosaveErrorCode;
      message: string;
      /** True when the autosaver tries again by itself; false when only the user can resolve it. */
      retrying: boolean;
    };

export interface AutosaverOptions {
  repository: AssessmentRepository;
  /** The library line for an assessment (core `summarize` with its questionnaire). */
  summarize: (a: Assessment) => AssessmentSummary;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
  /** Longest time a change may wait while the user keeps typing (the "within a second" promise). */
  maxWaitMs?: number;
  /** Waits before each retry after a failure; the last one repeats. */
  retryMs?: readonly number[];
  /** The tab only reads this assessment (another tab edits it): nothing is written. */
  readOnly?: boolean;
  now?: () => string;
  /**
   * Where to listen for `visibilitychange` (hidden) and `pagehide`, to save before the page goes
   * away. Defaults to the global document and window; null listens to nothing (tests, workers).
   */
  events?: { document: Document; window: Window } | null;
  /**
   * Where unsaved states go synchronously when the page is hidden or closed (see journal.ts);
   * defaults to localStorage, null for none.
   */
  journal?: Storage | null;
}

export interface Autosaver {
  /** Remembers the new state and saves it soon. Cheap: call it on every change. */
  schedule(a: Assessment): void;
  /** Saves everything pending now; resolves true when all is saved, false when something failed. */
  flush(): Promise<boolean>;
  status(): AutosaveStatus;
  /** Calls the listener on every status change; returns the unsubscribe function. */
  subscribe(listener: (s: AutosaveStatus) => void): () => void;
  /** States not saved yet (newest per assessment): what "export now" must offer after an error. */
  unsaved(): Assessment[];
  /**
   * Milliseconds of main-thread work of the last save: the summary, plus (in a separate task) the
   * checks and serialising before the write.
   */
  lastCostMs(): number | null;
  /** Saves what is pending and stops listening. */
  dispose(): Promise<boolean>;
}

// Retrying cannot help these: the user must reload, use the newer app, or export.
const final = new Set<AutosaveErrorCode>([
  'versionChange',
  'newerDatabase',
  'newerFormat',
  'invalid',
  'readOnly',
]);

let measured = 0;

/**
 * Ends the current task so that input waiting behind it is handled first. scheduler.yield where
 * the browser has it; else a message to ourselves (faster than setTimeout, which is clamped, and
 * not postponed by test fake timers).
 */
function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  if (typeof MessageChannel === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

function mark(name: string, start: number, end: number): void {
  try {
    // Entries stay until cleared: keep the buffer small in a tab that is open all day.
    if (++measured % 200 === 0) performance.clearMeasures(name);
    performance.measure(name, { start, end });
  } catch {
    // User Timing is a diagnostic; a browser without it saves all the same.
  }
}

export function createAutosaver(opts: AutosaverOptions): Autosaver {
  const delayMs = opts.delayMs ?? 400;
  const maxWaitMs = opts.maxWaitMs ?? 1000;
  const retryMs = opts.retryMs ?? [1000, 2000, 5000, 10000, 30000];
  const now = opts.now ?? (() => new Date().toISOString());

  const pending = new Map<string, Assessment>();
  const listeners = new Set<(s: AutosaveStatus) => void>();
  let status: AutosaveStatus = { kind: 'idle' };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPendingAt: number | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let running: Promise<boolean> | null = null;
  let cost: number | null = null;
  let disposed = false;
  // The state being written right now: a reload can abort its transaction, so it is journalled too.
  let inFlight: Assessment | null = null;
  const journal = opts.journal === undefined ? defaultJournalStorage() : opts.journal;
  const journalled = new Set<string>();

  const setStatus = (s: AutosaveStatus) => {
    const same =
      s.kind === status.kind &&
      (s.kind !== 'error' ||
        (status.kind === 'error' && s.code === status.code && s.retrying === status.retrying)) &&
      (s.kind !== 'saved' || (status.kind === 'saved' && s.at === status.at));
    status = s;
    // Repeating the same status would make screen readers announce it again and again.
    if (!same) for (const l of listeners) l(s);
  };

  const clearTimers = () => {
    if (timer) clearTimeout(timer);
    if (retryTimer) clearTimeout(retryTimer);
    timer = retryTimer = null;
  };

  const fail = (e: unknown) => {
    const code: AutosaveErrorCode = e instanceof StorageError ? e.code : 'failed';
    const retrying = !final.has(code);
    setStatus({
      kind: 'error',
      code,
      message: e instanceof Error ? e.message : String(e),
      retrying,
    });
    if (retrying && !disposed) {
      const wait = retryMs[Math.min(failures, retryMs.length - 1)] ?? 30000;
      failures++;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = setTimeout(() => {
        retryTimer = null;
        void save();
      }, wait);
    }
  };

  const showReadOnly = () =>
    setStatus({
      kind: 'error',
      code: 'readOnly',
      message: 'The assessment is open for editing in another tab; this tab only reads',
      retrying: false,
    });

  /** Writes pending states one at a time until none is left or one fails. */
  const drain = async (): Promise<boolean> => {
    while (pending.size > 0) {
      const [id, a] = pending.entries().next().value as [string, Assessment];
      pending.delete(id);
      // While in error, keep showing the error until a save succeeds, rather than flickering.
      if (status.kind !== 'error') setStatus({ kind: 'saving' });
      try {
        inFlight = a;
        const t0 = performance.now();
        const summary = opts.summarize(a);
        const t1 = performance.now();
        // Let a keystroke that arrived meanwhile in before the second half (checks, serialising).
        await yieldToMain();
        const t2 = performance.now();
        const write = opts.repository.put(a, summary);
        const t3 = performance.now();
        cost = t1 - t0 + (t3 - t2);
        await write;
        inFlight = null;
        if (journalled.delete(a.id)) clearJournal(journal, a.id, a.updatedAt);
        // Visible in the browser's performance panel, and read by the benchmarks: the main-thread
        // work of a save ("prepare") and the time until the browser confirmed it ("save").
        mark('fria:save-summary', t0, t1);
        mark('fria:save-write', t2, t3);
        mark('fria:save', t0, performance.now());
      } catch (e) {
        inFlight = null;
        // Keep the state for the next try, unless a newer one came in meanwhile.
        if (!pending.has(id)) pending.set(id, a);
        fail(e);
        return false;
      }
    }
    failures = 0;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    setStatus({ kind: 'saved', at: now() });
    return true;
  };

  const save = (): Promise<boolean> => {
    if (timer) clearTimeout(timer);
    timer = null;
    firstPendingAt = null;
    if (opts.readOnly) {
      if (pending.size > 0) showReadOnly();
      return Promise.resolve(pending.size === 0);
    }
    // Nothing to write: leave the status alone, so "saved 14:02" keeps meaning the last real save.
    if (pending.size === 0 && !running) return Promise.resolve(true);
    // One save at a time; a change that arrives during a save is written right after it.
    running ??= drain().finally(() => {
      running = null;
    });
    const current = running;
    return current.then((ok) => (ok && pending.size > 0 && !disposed ? save() : ok));
  };

  const saver: Autosaver = {
    schedule(a) {
      pending.set(a.id, a);
      if (opts.readOnly) return showReadOnly();
      const t = Date.now();
      firstPendingAt ??= t;
      const wait = Math.max(0, Math.min(delayMs, firstPendingAt + maxWaitMs - t));
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void save(), wait);
    },
    flush() {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      return save();
    },
    status: () => status,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    unsaved: () => [...pending.values()],
    lastCostMs: () => cost,
    async dispose() {
      detach();
      const ok = await saver.flush();
      disposed = true;
      clearTimers();
      return ok;
    },
  };

  const events =
    opts.events === undefined
      ? typeof document !== 'undefined' && typeof window !== 'undefined'
        ? { document, window }
        : null
      : opts.events;
  /**
   * The page may be going away: put every state not yet saved (or being saved) in the journal,
   * synchronously, then try to save as usual. Whatever the browser cuts off is written back from
   * the journal when the app opens again.
   */
  const rescue = () => {
    if (opts.readOnly || disposed) return;
    const states = new Map(pending);
    if (inFlight && !states.has(inFlight.id)) states.set(inFlight.id, inFlight);
    for (const a of states.values()) {
      try {
        if (writeJournal(journal, a, opts.summarize(a))) journalled.add(a.id);
      } catch {
        // A summary that fails must not keep the normal save from being tried.
      }
    }
    void saver.flush();
  };
  const onVisibility = () => {
    if (events?.document.visibilityState === 'hidden') rescue();
  };
  const onPageHide = () => rescue();
  events?.document.addEventListener('visibilitychange', onVisibility);
  events?.window.addEventListener('pagehide', onPageHide);
  const detach = () => {
    events?.document.removeEventListener('visibilitychange', onVisibility);
    events?.window.removeEventListener('pagehide', onPageHide);
  };

  return saver;
}
