/**
 * Framework-free autosave. `schedule()` is what a keystroke calls: it writes the changed fields to
 * the change journal (change-journal.ts: small records, synchronously, so a reload, a closed tab or
 * a killed browser loses nothing that reached the page) and keeps a reference to the new state (the
 * caller updates immutably); typing never waits on saving. Saving runs later, at
 * most `maxWaitMs` after the first unsaved change, and at once when the page is hidden or closed.
 * A failed save keeps the state in memory (for "export now") and is tried again.
 */
import type { Assessment } from '../core/assessment';
import type { AssessmentRepository, AssessmentSummary, StorageErrorCode } from '../core/assessment';
import { StorageError } from '../core/assessment/repository';
import { defaultChangeStorage, openChangeJournal, type ChangeJournal } from './change-journal';
import type { ChangeMirror } from './change-mirror';

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
   * Where each change is journalled synchronously (change-journal.ts); defaults to localStorage,
   * null for none. `revisionOf` gives the stored revision the numbering goes on from.
   */
  journal?: {
    storage: Storage | null;
    /** The number the journal goes on from (the stored revision, or a newer journalled change). */
    revisionOf(id: string): number;
    /** The journal's IndexedDB copy (change-mirror.ts), which survives a killed browser. */
    mirror?: ChangeMirror | null;
    /** In a passphrase-protected library: how each value is sealed (idb-repository `journalSeal`). */
    seal?: ((text: string, aad: string) => Promise<string>) | null;
  } | null;
}

export interface Autosaver {
  /**
   * Remembers the new state and saves it soon; with `prev` (the state it replaces) the changed
   * fields are journalled at once. Cheap: call it on every change.
   */
  schedule(a: Assessment, prev?: Assessment): void;
  /**
   * False while a change could not be written to the journal (the browser's storage for it is full)
   * and has not been saved since: it then exists only on this page.
   */
  journalOk(): boolean;
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
  const journal =
    opts.journal === undefined
      ? { storage: defaultChangeStorage(), revisionOf: () => 0 }
      : opts.journal;
  const journals = new Map<string, ChangeJournal>();
  // Per assessment: the journal number of the newest change in the pending state.
  const pendingSeq = new Map<string, number>();
  // Per assessment: the newest change that could not be journalled and is not saved yet.
  const unjournalled = new Map<string, number>();

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
  const notify = () => {
    for (const l of listeners) l(status);
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
      const seq = pendingSeq.get(id);
      pending.delete(id);
      pendingSeq.delete(id);
      // While in error, keep showing the error until a save succeeds, rather than flickering.
      if (status.kind !== 'error') setStatus({ kind: 'saving' });
      try {
        const t0 = performance.now();
        const summary = opts.summarize(a);
        const t1 = performance.now();
        // Let a keystroke that arrived meanwhile in before the second half (checks, serialising).
        await yieldToMain();
        const t2 = performance.now();
        const write = opts.repository.put(a, summary, seq === undefined ? {} : { revision: seq });
        const t3 = performance.now();
        cost = t1 - t0 + (t3 - t2);
        await write;
        if (seq !== undefined) {
          // Saved: the journal records this state holds are no longer needed.
          journals.get(id)?.trim(seq);
          const lost = unjournalled.get(id);
          if (lost !== undefined && lost <= seq) {
            unjournalled.delete(id);
            notify();
          }
        }
        // Visible in the browser's performance panel, and read by the benchmarks: the main-thread
        // work of a save ("prepare") and the time until the browser confirmed it ("save").
        mark('fria:save-summary', t0, t1);
        mark('fria:save-write', t2, t3);
        mark('fria:save', t0, performance.now());
      } catch (e) {
        // Keep the state for the next try, unless a newer one came in meanwhile.
        if (!pending.has(id)) {
          pending.set(id, a);
          if (seq !== undefined) pendingSeq.set(id, seq);
        }
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
    schedule(a, prev) {
      pending.set(a.id, a);
      if (opts.readOnly) return showReadOnly();
      if (journal && prev) {
        let j = journals.get(a.id);
        if (!j) {
          j = openChangeJournal(
            journal.storage,
            a.id,
            journal.revisionOf(a.id),
            journal.mirror ?? null,
            journal.seal ?? null,
          );
          journals.set(a.id, j);
        }
        const r = j.record(prev, a);
        pendingSeq.set(a.id, r.seq);
        if (!r.ok) {
          const was = unjournalled.has(a.id);
          unjournalled.set(a.id, r.seq);
          if (!was) notify();
        }
      }
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
    journalOk: () => unjournalled.size === 0,
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
   * The page may be going away: every change is in the journal already (written on input); try to
   * save as usual. Whatever the browser cuts off is written back from the journal at the next start.
   */
  const rescue = () => {
    if (opts.readOnly || disposed) return;
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
