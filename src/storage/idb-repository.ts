/**
 * The assessment repository on IndexedDB (through `idb`). Every write is one transaction, so a crash,
 * a full disk or a closed tab leaves the previous saved state intact. Records carry a format
 * version and are validated on read; a record from a newer app is refused and never rewritten.
 * See docs/storage.md for the stores, the transaction model and what the user sees on errors.
 *
 * The parts: idb-schema (stores and records), idb-connection (opening, errors, transactions,
 * other tabs), idb-list (the library list), idb-versions (which earlier states are kept),
 * idb-journal-replay (the rescue journal at start), idb-records (reading damaged or newer records).
 */
import { defaultJournalStorage } from './journal';
import {
  applyChanges,
  mergeChanges,
  openSealedChanges,
  readChanges,
  sealRecord as sealChange,
  storeRecord,
  trimChanges,
  type ChangeRecord,
} from './change-journal';
import { openChangeMirror, type ChangeMirror } from './change-mirror';
import { assessmentJson } from './serialize';
import {
  createMemoryRepository,
  StorageError,
  type AssessmentRepository,
  type AssessmentSummary,
  type PutOptions,
  type SavedVersion,
  type StorageErrorCode,
} from '../core/assessment/repository';
import type { AssessmentRecord } from './record-checks';
import type { Assessment } from '../core/assessment';
import { isNewerRecord, readSummary, RECORD_FORMAT } from './summary-record';
import { createChangeChannel, createConnection, toStorageError } from './idb-connection';
import { damagedAsVersion, textOf } from './idb-records';
import { listAssessments } from './idb-list';
import { lineOf, updateIndex } from './idb-library-index';
import { keepVersion } from './idb-versions';
import { replayChanges, replayJournal, type Recovery } from './idb-journal-replay';
import { createVault, LOCK_KEY, readStoredLock, type ProtectionState } from './vault';
import { createLock, openText, rewrapLock, sealText, unlock as unlockWith } from './seal';
import { listSealed, moveRecords } from './idb-protect';
import {
  DB_NAME,
  revisionKey,
  type StorageEvent,
  type StorageFaults,
  type VersionRecord,
} from './idb-schema';

export { RECORD_FORMAT } from './summary-record';
export { DB_NAME, DB_VERSION, type StorageEvent, type StorageFaults } from './idb-schema';
export { toStorageError } from './idb-connection';

/**
 * The zod-based record checks (record-checks.ts), loaded with the first read or write of an
 * assessment, so that listing the library at start-up needs no zod. Always awaited
 * before a transaction starts: awaiting anything else inside one would let it commit early.
 */
type RecordChecks = typeof import('./record-checks');
let recordChecks: Promise<RecordChecks> | null = null;
const loadChecks = (): Promise<RecordChecks> => (recordChecks ??= import('./record-checks'));

export interface IdbRepository extends AssessmentRepository {
  /** The stored record as it is (diagnostics and tests). */
  getRaw(id: string): Promise<unknown>;
  /**
   * The stored assessment's file text, also when this app cannot open it (a newer format, a
   * damaged record): "export anyway", so the user can take it to a newer app or ask for help.
   */
  exportText(id: string): Promise<string | null>;
  /**
   * What the journal held at opening that the database did not, per assessment, and what became of
   * it: written back and checked, not written back yet (and why), or written back in part.
   */
  recovered(): Recovery[];
  /**
   * In a protected, unlocked library: how the change journal seals each value (vault key); null
   * otherwise (the journal is written in clear).
   */
  journalSeal(): ((text: string, aad: string) => Promise<string>) | null;
  /** The stored revision of an assessment read or written in this visit (0 when unknown). */
  revisionOf(id: string): number;
  /**
   * The number the change journal of an assessment goes on from: its stored revision, or the
   * newest change in the journal's IndexedDB copy when it was read, whichever is higher.
   */
  journalFrom(id: string): number;
  /** The change journal's IndexedDB copy (change-mirror.ts); null when it could not be opened. */
  mirror(): ChangeMirror | null;
  /** Whether the library is protected with a passphrase ('enabling'/'disabling': a move under way). */
  protection(): ProtectionState;
  /** Protected and not unlocked in this tab: nothing can be read or written until `unlock`. */
  locked(): boolean;
  /**
   * Unlocks with the passphrase (WrongPassphraseError from seal.ts when it does not open the lock;
   * nothing is changed then), finishes a move that was under way, then writes back the journal.
   */
  unlock(passphrase: string): Promise<void>;
  /** Protects the library: every record moved into sealed form, resumable if the tab dies. */
  protect(passphrase: string, opts?: { iterations?: number }): Promise<void>;
  /** The same data key under a new passphrase. */
  changePassphrase(current: string, next: string, opts?: { iterations?: number }): Promise<void>;
  /** Removes the protection: every record moved back into clear form (after the passphrase). */
  unprotect(passphrase: string): Promise<void>;
  /** Listens to storage events; returns the unsubscribe function. */
  subscribe(listener: (e: StorageEvent) => void): () => void;
  close(): void;
}

export interface IdbRepositoryOptions {
  name?: string;
  /** How many earlier states to keep per assessment. */
  maxVersions?: number;
  /**
   * Earlier states closer together than this are merged into one (autosave writes every second;
   * keeping each of those would push out the states worth going back to). Default 5 minutes.
   */
  versionIntervalMs?: number;
  /** Deleted assessments older than this are removed for good when the database opens. Default 24 h. */
  trashKeepMs?: number;
  now?: () => Date;
  faults?: () => StorageFaults | undefined;
  /** The journals to write back on opening (change-journal.ts, journal.ts); defaults to localStorage. */
  journal?: Storage | null;
  /**
   * The library line for a state written back from the journal (the app passes the core summary);
   * without it the stored line is kept with the new title and time.
   */
  summarize?: (a: Assessment) => Promise<AssessmentSummary | null>;
  /**
   * The change journal's IndexedDB copy; by default `<name>-journal` is opened (null: none, only
   * the localStorage copy).
   */
  mirror?: ChangeMirror | null;
}

/**
 * Opens the repository on IndexedDB. Rejects with a StorageError ('unavailable', 'blocked',
 * 'newerDatabase') when the database cannot be used; `openRepository` falls back to memory then.
 */
export async function openIdbRepository(opts: IdbRepositoryOptions = {}): Promise<IdbRepository> {
  const name = opts.name ?? DB_NAME;
  const maxVersions = opts.maxVersions ?? 20;
  const interval = opts.versionIntervalMs ?? 5 * 60 * 1000;
  const trashKeepMs = opts.trashKeepMs ?? 24 * 60 * 60 * 1000;
  const now = opts.now ?? (() => new Date());
  const faults = opts.faults ?? (() => globalThis.__friaStorageFaults);
  const journal = opts.journal === undefined ? defaultJournalStorage() : opts.journal;
  let recovered: Recovery[] = [];
  const revisions = new Map<string, number>();
  const journalled = new Map<string, number>();
  let mirror: ChangeMirror | null = null;
  /**
   * Both copies of the change journal as one: per field the newer record; in a protected library
   * with the sealed values opened (records that fail authentication, or are in clear, left out).
   */
  const readBoth = async (onlyId?: string) => {
    const merged = mergeChanges(
      readChanges(journal, onlyId),
      (await mirror?.read(onlyId)) ?? new Map(),
    );
    const key = vault.key();
    const open = key ? (t: string, aad: string) => openText(key, t, aad) : null;
    return (await openSealedChanges(merged, open, vault.state() === 'on')).changes;
  };
  const trimBoth = async (id: string, upTo: number) => {
    trimChanges(journal, id, upTo);
    await mirror?.trim(id, upTo);
  };

  const vault = createVault();
  const listeners = new Set<(e: StorageEvent) => void>();
  const emit = (e: StorageEvent) => {
    for (const l of listeners) l(e);
  };
  const channel = createChangeChannel(name, emit);
  const announce = (ids: string[]) => channel.announce(ids);
  const { db, run, write, close } = createConnection({ name, faults, emit });
  const notLocked = () => {
    if (vault.locked()) throw new StorageError('locked', 'The library is locked');
  };

  const purgeTrash = async () => {
    const cutoff = now().getTime() - trashKeepMs;
    await write(['trash'], async (tx) => {
      const store = tx.objectStore('trash');
      for (const rec of await store.getAll()) {
        const at = Date.parse(textOf(rec, 'deletedAt'));
        if (Number.isFinite(at) && at < cutoff) await store.delete(rec.id);
      }
    });
  };

  type ProtectOps = Pick<IdbRepository, 'unlock' | 'protect' | 'changePassphrase' | 'unprotect'>;
  const ops = {} as ProtectOps;
  const repo: IdbRepository = {
    protection: () => vault.state(),
    locked: () => vault.locked(),
    unlock: (p) => ops.unlock(p),
    protect: (p, o) => ops.protect(p, o),
    changePassphrase: (c, n, o) => ops.changePassphrase(c, n, o),
    unprotect: (p) => ops.unprotect(p),
    list: async () => {
      notLocked();
      return vault.state() === 'off'
        ? listAssessments(run, write, loadChecks)
        : listSealed(run, vault, loadChecks);
    },

    async get(id) {
      notLocked();
      const [{ readRecord, parseJournalAssessment }, [stored, rev]] = await Promise.all([
        loadChecks(),
        run(async (d) => {
          const tx = d.transaction(['assessments', 'meta'], 'readonly');
          return Promise.all([
            tx.objectStore('assessments').get(id) as Promise<unknown>,
            tx.objectStore('meta').get(revisionKey(id)),
          ]);
        }),
      ]);
      if (stored === undefined) return null;
      // A sealed record is opened here; one changed outside the app is refused ('tampered').
      const raw = await vault.openRecord(stored);
      const r = readRecord(raw);
      if (!r.ok) {
        throw new StorageError(
          r.code,
          r.code === 'newerFormat'
            ? `Assessment ${id} was saved by a newer version of the app`
            : `Assessment ${id} is damaged`,
        );
      }
      const revision = typeof rev?.value === 'number' ? rev.value : 0;
      revisions.set(id, revision);
      // Changes in the journal that the database does not hold yet (it was full, or the page went
      // away before a save): the newest work is what the user sees and goes on from.
      const records = (await readBoth(id)).get(id) ?? [];
      journalled.set(id, Math.max(revision, records.at(-1)?.seq ?? 0));
      const newer = records.filter((c) => c.seq > revision);
      if (newer.length === 0) return r.assessment;
      const overlaid = parseJournalAssessment(JSON.stringify(applyChanges(r.assessment, newer)));
      return overlaid ?? r.assessment;
    },

    journalSeal: () => {
      const key = vault.key();
      return key && vault.sealing() ? (t, aad) => sealText(key, t, aad) : null;
    },
    revisionOf: (id) => revisions.get(id) ?? 0,
    journalFrom: (id) => Math.max(revisions.get(id) ?? 0, journalled.get(id) ?? 0),
    mirror: () => mirror,

    async getRaw(id) {
      return run((d) => d.get('assessments', id));
    },

    async exportText(id) {
      const stored: unknown = await run((d) => d.get('assessments', id));
      const raw = await vault.openRecord(stored).catch(() => null);
      const json = (raw as { json?: unknown } | null)?.json;
      return typeof json === 'string' ? json : null;
    },

    async put(assessment, summary, options: PutOptions = {}) {
      // Checked before writing: an invalid assessment would be refused on every later read, which
      // would look like lost work. The caller keeps it in memory and reports the bug.
      notLocked();
      const { checkForWrite, envelope, isNewerAssessmentRecord } = await loadChecks();
      const where = checkForWrite(assessment);
      if (where !== null) {
        throw new StorageError('invalid', `The assessment does not pass validation at "${where}"`);
      }
      const input = readSummary(summary);
      if (!input || input.id !== assessment.id) {
        throw new StorageError('invalid', 'The summary does not match the assessment');
      }
      const at = now();
      const record: AssessmentRecord = {
        recordFormat: RECORD_FORMAT,
        id: assessment.id,
        savedAt: at.toISOString(),
        formatVersion: assessment.formatVersion,
        version: assessment.version,
        json: assessmentJson(assessment),
      };
      const protectedLib = vault.state() !== 'off';
      // Sealing is asynchronous, so it happens before the transaction (awaiting it inside would
      // let the transaction commit early). The summary's `exportedAt` is read before it too.
      const sealedRecord = await vault.sealRecord(record);
      let sealedSummary: unknown = null;
      if (protectedLib) {
        const prev = await run((d) => d.get('summaries', assessment.id) as Promise<unknown>);
        const opened = await vault.openSummary(prev).catch(() => null);
        const { problem: _p, ...clean } = input;
        sealedSummary = await vault.sealSummary({
          ...clean,
          exportedAt: input.exportedAt ?? readSummary(opened, true)?.exportedAt ?? null,
          version: assessment.version,
          recordFormat: RECORD_FORMAT,
        });
      }
      const revision = await write(['assessments', 'summaries', 'versions', 'meta'], async (tx) => {
        const records = tx.objectStore('assessments');
        const meta = tx.objectStore('meta');
        const prevRev = (await meta.get(revisionKey(assessment.id)))?.value;
        const known = typeof prevRev === 'number' ? prevRev : 0;
        // The newest journalled change this state holds; a write without one keeps the number,
        // so journalled changes it does not hold are still written back over it later.
        const rev = Math.max(known, options.revision ?? 0);
        if (rev !== known) await meta.put({ key: revisionKey(assessment.id), value: rev });
        const prevRaw: unknown = await records.get(assessment.id);
        if (prevRaw !== undefined) {
          if (isNewerAssessmentRecord(prevRaw)) {
            // Never overwrite what a newer app wrote: it may hold fields this app does not know.
            throw new StorageError(
              'newerFormat',
              `Assessment ${assessment.id} was saved by a newer version of the app`,
            );
          }
          // A damaged previous record is kept as a version too, so nothing is thrown away.
          const prev = envelope(prevRaw) ?? damagedAsVersion(assessment.id, prevRaw);
          await keepVersion(tx, record, prev, options, { interval, maxVersions });
        }
        await records.put(sealedRecord);
        const summaries = tx.objectStore('summaries');
        if (protectedLib) {
          await summaries.put(sealedSummary as never);
          if (faults()?.quota) {
            throw new DOMException('Simulated full disk (test hook)', 'QuotaExceededError');
          }
          return rev;
        }
        const prevSummary: unknown = await summaries.get(assessment.id);
        const exportedAt = input.exportedAt ?? readSummary(prevSummary, true)?.exportedAt ?? null;
        const { problem: _p, ...clean } = input;
        const stored = {
          ...clean,
          exportedAt,
          version: assessment.version,
          recordFormat: RECORD_FORMAT,
        };
        await summaries.put(stored);
        await updateIndex(tx, [[assessment.id, lineOf(stored)]]);
        if (faults()?.quota) {
          // Fail where a real full disk fails: inside the transaction, after the writes were queued.
          throw new DOMException('Simulated full disk (test hook)', 'QuotaExceededError');
        }
        return rev;
      });
      revisions.set(assessment.id, revision);
      announce([assessment.id]);
    },

    async delete(id) {
      const deletedAt = now().toISOString();
      const done = await write(
        ['assessments', 'summaries', 'versions', 'trash', 'meta'],
        async (tx) => {
          const record = await tx.objectStore('assessments').get(id);
          if (!record) return false;
          const summary = (await tx.objectStore('summaries').get(id)) ?? null;
          const versionStore = tx.objectStore('versions');
          const keys = await versionStore.index('byAssessment').getAllKeys(IDBKeyRange.only(id));
          const versions: VersionRecord[] = [];
          for (const k of keys) {
            const v = await versionStore.get(k);
            if (v) versions.push(v);
            await versionStore.delete(k);
          }
          await tx.objectStore('trash').put({
            recordFormat: RECORD_FORMAT,
            id,
            deletedAt,
            record,
            summary,
            versions,
          });
          await tx.objectStore('assessments').delete(id);
          await tx.objectStore('summaries').delete(id);
          if (vault.state() === 'off') await updateIndex(tx, [[id, null]]);
          return true;
        },
      );
      if (done) announce([id]);
    },

    async restore(id) {
      const done = await write(
        ['assessments', 'summaries', 'versions', 'trash', 'meta'],
        async (tx) => {
          const trashed = await tx.objectStore('trash').get(id);
          if (!trashed || isNewerRecord(trashed)) return false;
          // A new assessment with the same id may have been imported meanwhile: never overwrite it.
          if (await tx.objectStore('assessments').get(id)) return false;
          await tx.objectStore('assessments').put(trashed.record);
          if (trashed.summary) await tx.objectStore('summaries').put(trashed.summary);
          if (vault.state() === 'off') {
            await updateIndex(tx, [[id, trashed.summary ? lineOf(trashed.summary) : null]]);
          }
          for (const v of trashed.versions) await tx.objectStore('versions').put(v);
          await tx.objectStore('trash').delete(id);
          return true;
        },
      );
      if (done) announce([id]);
      return done;
    },

    async versions(id) {
      notLocked();
      const [{ readRecord }, raw] = await Promise.all([
        loadChecks(),
        run((d) => d.getAllFromIndex('versions', 'byAssessment', IDBKeyRange.only(id))) as Promise<
          unknown[]
        >,
      ]);
      const out: SavedVersion[] = [];
      // Stored oldest first (auto-increment keys); the user wants the newest first.
      for (const sealed of raw.reverse()) {
        // A version changed outside the app is left out (never shown as the user's work).
        const v = await vault.openRecord(sealed).catch(() => null);
        if (v === null) continue;
        const r = readRecord(v);
        if (r.ok) out.push({ savedAt: r.savedAt, assessment: r.assessment });
      }
      return out;
    },

    async markExported(ids, at) {
      notLocked();
      if (vault.state() !== 'off') {
        const stored = await run((d) => {
          const tx = d.transaction('summaries', 'readonly');
          return Promise.all(ids.map((id) => tx.store.get(id) as Promise<unknown>));
        });
        const next: unknown[] = [];
        for (const raw of stored) {
          const s = readSummary(await vault.openSummary(raw).catch(() => null), true);
          if (s)
            next.push(
              await vault.sealSummary({ ...s, exportedAt: at, recordFormat: RECORD_FORMAT }),
            );
        }
        await write(['summaries'], async (tx) => {
          for (const v of next) await tx.objectStore('summaries').put(v as never);
        });
        announce(ids);
        return;
      }
      await write(['summaries', 'meta'], async (tx) => {
        const store = tx.objectStore('summaries');
        const lines: [string, AssessmentSummary | null][] = [];
        for (const id of ids) {
          const raw: unknown = await store.get(id);
          const s = readSummary(raw, true);
          if (!s) continue;
          const stored = { ...s, exportedAt: at, recordFormat: RECORD_FORMAT };
          await store.put(stored);
          lines.push([id, lineOf(stored)]);
        }
        await updateIndex(tx, lines);
      });
      announce(ids);
    },

    recovered: () => [...recovered],

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    close() {
      channel.close();
      close();
      mirror?.close();
    },
  };

  // Open now, so that an unusable database is known before the first save.
  await db();
  mirror = opts.mirror === undefined ? await openChangeMirror(name) : opts.mirror;
  const rawLock: unknown = (await run((d) => d.get('meta', LOCK_KEY)))?.value;
  const lock = readStoredLock(rawLock);
  if (lock) vault.set(lock.state, null);
  else if (rawLock !== undefined) vault.set('on', null); // a lock this app cannot read: stay locked

  /** Both copies of the journal moved into sealed form or back (after the stores). */
  const moveJournal = async (dir: 'seal' | 'open') => {
    const key = vault.key();
    if (!key) return;
    const copies: [Map<string, ChangeRecord[]>, (r: ChangeRecord[]) => void][] = [
      [readChanges(journal), (rs) => rs.forEach((r) => storeRecord(journal, r))],
      [(await mirror?.read()) ?? new Map(), (rs) => mirror?.writeRecords(rs)],
    ];
    for (const [copy, store] of copies) {
      const next: ChangeRecord[] = [];
      for (const list of copy.values()) {
        for (const r of list) {
          if (dir === 'seal' && r.sealed === undefined) {
            next.push(await sealChange(r, (t, aad) => sealText(key, t, aad)));
          } else if (dir === 'open' && r.sealed !== undefined) {
            const opened = await openSealedChanges(
              new Map([[r.id, [r]]]),
              (t, aad) => openText(key, t, aad),
              false,
            );
            next.push(...(opened.changes.get(r.id) ?? []));
          }
        }
      }
      store(next);
    }
  };
  const move = (direction: 'seal' | 'open') =>
    moveRecords({ run, write, vault, direction, faults, journal, mirror, moveJournal });
  const writeLock = (value: unknown) =>
    write(['meta'], async (tx) => {
      await tx.objectStore('meta').put({ key: LOCK_KEY, value });
    });
  const readLockNow = async () => {
    const l = readStoredLock((await run((d) => d.get('meta', LOCK_KEY)))?.value);
    if (!l) throw new StorageError('tampered', 'The lock record was changed outside the app');
    return l;
  };

  Object.assign(ops, {
    async unlock(passphrase: string) {
      const l = await readLockNow();
      const key = await unlockWith(l, passphrase);
      vault.set(l.state, key);
      // A move the tab did not finish (it was closed or crashed): finish it now.
      if (l.state === 'enabling') {
        await move('seal');
        await writeLock({ ...l, state: 'on' });
        vault.set('on', key);
      } else if (l.state === 'disabling') {
        await move('open');
        await write(['meta'], async (tx) => tx.objectStore('meta').delete(LOCK_KEY));
        vault.set('off', null);
      }
      await startUp();
    },
    async protect(passphrase: string, o: { iterations?: number } = {}) {
      notLocked();
      if (vault.state() !== 'off') throw new StorageError('failed', 'Already protected');
      const { lock: created, key } = await createLock(passphrase, o.iterations);
      // First the lock, marked 'enabling': a tab that dies in the middle of the move leaves a
      // library that is read in both forms and finished at the next unlock.
      await writeLock({ ...created, state: 'enabling' });
      vault.set('enabling', key);
      await move('seal');
      await writeLock({ ...created, state: 'on' });
      vault.set('on', key);
    },
    async changePassphrase(current: string, next: string, o: { iterations?: number } = {}) {
      notLocked();
      const l = await readLockNow();
      const rewrapped = await rewrapLock(l, current, next, o.iterations);
      await writeLock({ ...rewrapped, state: l.state });
    },
    async unprotect(passphrase: string) {
      notLocked();
      const l = await readLockNow();
      const key = await unlockWith(l, passphrase);
      await writeLock({ ...l, state: 'disabling' });
      vault.set('disabling', key);
      await move('open');
      await write(['meta'], async (tx) => tx.objectStore('meta').delete(LOCK_KEY));
      vault.set('off', null);
    },
  });

  // Before anything else is written: what the journals hold that the database does not. A locked
  // library does this after `unlock`.
  const startUp = async () => {
    const open = (raw: unknown) => vault.openRecord(raw);
    const legacy = await replayJournal(journal, run, loadChecks, repo.put, open).catch(
      () => [] as string[],
    );
    const changes = await replayChanges({
      journal,
      changes: await readBoth(),
      trim: trimBoth,
      run,
      loadChecks,
      put: repo.put,
      summarize: opts.summarize,
      open,
      openSummary: (raw) => vault.openSummary(raw).catch(() => null),
    }).catch(() => [] as Recovery[]);
    recovered = [...legacy.map((id): Recovery => ({ id, outcome: 'restored' })), ...changes];
    await purgeTrash().catch(() => {
      // Leftovers in the trash are harmless; a failure here must not keep the app from starting.
    });
  };
  if (!vault.locked()) await startUp();
  return repo;
}

export interface OpenedRepository {
  repository: AssessmentRepository;
  /** IndexedDB-only extras (events, raw export); null when running on the memory fallback. */
  idb: IdbRepository | null;
  /** Why the browser database could not be used; the work is then kept in memory for this visit. */
  problem: StorageErrorCode | null;
}

/**
 * The repository for the app: IndexedDB when it can be used, else memory with the reason, so the
 * app still works (and offers export) in a private window or under a strict policy.
 */
export async function openRepository(opts: IdbRepositoryOptions = {}): Promise<OpenedRepository> {
  try {
    const idb = await openIdbRepository(opts);
    return { repository: idb, idb, problem: null };
  } catch (e) {
    return { repository: createMemoryRepository(), idb: null, problem: toStorageError(e).code };
  }
}
