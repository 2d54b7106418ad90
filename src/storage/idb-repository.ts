/**
 * The assessment repository on IndexedDB (through `idb`). Every write is one transaction, so a crash,
 * a full disk or a closed tab leaves the previous saved state intact. Records carry a format
 * version and are validated on read; a record from a newer app is refused and never rewritten.
 * See docs/storage.md for the stores, the transaction model and what the user sees on errors.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { defaultJournalStorage, dropJournal, readJournal } from './journal';
import { assessmentJson } from './serialize';
import {
  createMemoryRepository,
  StorageError,
  type AssessmentRepository,
  type AssessmentSummary,
  type PutOptions,
  type SavedVersion,
  type StorageErrorCode,
} from '../core/repository';

import type { AssessmentRecord } from './record-checks';
import { isNewerRecord, readSummary, RECORD_FORMAT, type SummaryRecord } from './summary-record';

export { RECORD_FORMAT } from './summary-record';

export const DB_NAME = 'fria-wizard';
/** IndexedDB schema version: bump only with an `upgrade` step; an older app then refuses to open. */
export const DB_VERSION = 1;

/**
 * The zod-based record checks (record-checks.ts), loaded with the first read or write of an
 * assessment, so that listing the library at start-up needs no zod (issue 8). Always awaited
 * before a transaction starts: awaiting anything else inside one would let it commit early.
 */
type RecordChecks = typeof import('./record-checks');
let recordChecks: Promise<RecordChecks> | null = null;
const loadChecks = (): Promise<RecordChecks> => (recordChecks ??= import('./record-checks'));

/** An earlier state: the same shape as the current record. */
type VersionRecord = AssessmentRecord;

interface TrashRecord {
  recordFormat: number;
  id: string;
  deletedAt: string;
  record: AssessmentRecord;
  summary: SummaryRecord | null;
  versions: VersionRecord[];
}

interface FriaDb extends DBSchema {
  assessments: { key: string; value: AssessmentRecord };
  summaries: { key: string; value: SummaryRecord };
  versions: { key: number; value: VersionRecord; indexes: { byAssessment: string } };
  trash: { key: string; value: TrashRecord };
  /** Small settings of the storage itself (reserved so a later need does not force an upgrade). */
  meta: { key: string; value: { key: string; value: unknown } };
}

/** Faults a test can switch on (see docs/storage.md "Test hooks"). */
export interface StorageFaults {
  /** Every put fails inside its transaction as if the disk were full (the transaction aborts). */
  quota?: boolean;
  /** Opening the database fails as in a private window where IndexedDB is switched off. */
  unavailable?: boolean;
}

declare global {
  // The e2e tests set this from the page (page.evaluate) to simulate a full disk at any moment.
  var __friaStorageFaults: StorageFaults | undefined;
}

export type StorageEvent =
  /** Another tab opened a newer version of the app: this connection is closed; reload to go on. */
  | { kind: 'versionChange' }
  /** An older version of the app in another tab keeps the database from opening. */
  | { kind: 'blocked' }
  /** Another tab saved, deleted or restored these assessments. */
  | { kind: 'externalChange'; ids: string[] };

export interface IdbRepository extends AssessmentRepository {
  /** The stored record as it is (diagnostics and tests). */
  getRaw(id: string): Promise<unknown>;
  /**
   * The stored assessment's file text, also when this app cannot open it (a newer format, a
   * damaged record): "export anyway", so the user can take it to a newer app or ask for help.
   */
  exportText(id: string): Promise<string | null>;
  /** Assessments whose unsaved changes were written back from the rescue journal on opening. */
  recovered(): string[];
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
  /** The rescue journal to write back on opening (see journal.ts); defaults to localStorage. */
  journal?: Storage | null;
}

/** The JSON text parsed, or undefined. Records are written by this app, so no size guard here. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A record this app cannot read, wrapped as a version so that a save never discards it. */
function damagedAsVersion(id: string, raw: unknown): AssessmentRecord {
  let json = '';
  try {
    json = JSON.stringify(raw) ?? '';
  } catch {
    // Not representable as JSON (it was not written by this app): keep what can be kept.
  }
  return { recordFormat: RECORD_FORMAT, id, savedAt: '', formatVersion: 0, version: 0, json };
}

function textOf(value: unknown, key: string): string {
  const v = (value as Record<string, unknown> | null)?.[key];
  return typeof v === 'string' ? v : '';
}

/** A library line for a record that cannot be opened, built from whatever can still be read. */
function problemSummary(
  id: string,
  raw: unknown,
  problem: 'newerFormat' | 'corrupt',
): AssessmentSummary {
  const json = (raw as { json?: unknown } | null)?.json;
  const a = typeof json === 'string' ? parseJson(json) : undefined;
  const meta = (a as { meta?: unknown } | null)?.meta;
  const q = (a as { questionnaire?: unknown } | null)?.questionnaire;
  return {
    id,
    title: textOf(raw, 'title') || textOf(meta, 'title'),
    systemName: textOf(raw, 'systemName') || textOf(meta, 'systemName'),
    questionnaireId: textOf(raw, 'questionnaireId') || textOf(q, 'id'),
    questionnaireVersion: textOf(raw, 'questionnaireVersion') || textOf(q, 'version'),
    status: 'draft',
    overallLevel: null,
    updatedAt: textOf(raw, 'updatedAt') || textOf(a, 'updatedAt'),
    exportedAt: null,
    problem,
  };
}

function errorName(e: unknown): string {
  return e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
}

/** Maps what the browser throws to a code the UI can explain. */
export function toStorageError(e: unknown, fallback: StorageErrorCode = 'failed'): StorageError {
  if (e instanceof StorageError) return e;
  const name = errorName(e);
  const message = e instanceof Error ? e.message : String(e);
  // Firefox has used its own name for a full quota in the past.
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return new StorageError('quotaExceeded', message, { cause: e });
  }
  if (name === 'VersionError') return new StorageError('newerDatabase', message, { cause: e });
  if (name === 'SecurityError') return new StorageError('unavailable', message, { cause: e });
  return new StorageError(fallback, message, { cause: e });
}

type WriteTx = IDBPTransaction<
  FriaDb,
  ('assessments' | 'summaries' | 'versions' | 'trash')[],
  'readwrite'
>;

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
  const recovered: string[] = [];

  const listeners = new Set<(e: StorageEvent) => void>();
  const emit = (e: StorageEvent) => {
    for (const l of listeners) l(e);
  };
  const channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${name}:changes`);
  if (channel) {
    channel.onmessage = (m: MessageEvent<unknown>) => {
      const ids = (m.data as { ids?: unknown } | null)?.ids;
      if (Array.isArray(ids)) emit({ kind: 'externalChange', ids: ids.map(String) });
    };
  }
  const announce = (ids: string[]) => {
    try {
      channel?.postMessage({ ids });
    } catch {
      // Telling other tabs is a courtesy; the write itself has succeeded.
    }
  };

  let connection: Promise<IDBPDatabase<FriaDb>> | null = null;
  // Set when another tab opened a newer version: we closed our connection and must not reopen it.
  let superseded = false;
  // While an open waits on an older tab, calls fail with 'blocked' instead of hanging.
  let blocked: Promise<never> | null = null;
  let signalBlocked = () => {};

  const open = (): Promise<IDBPDatabase<FriaDb>> => {
    if (faults()?.unavailable) {
      return Promise.reject(new StorageError('unavailable', 'IndexedDB is switched off (test)'));
    }
    if (typeof indexedDB === 'undefined') {
      return Promise.reject(new StorageError('unavailable', 'This browser offers no IndexedDB'));
    }
    blocked = new Promise<never>((_, reject) => {
      signalBlocked = () =>
        reject(new StorageError('blocked', 'Another tab keeps the database from opening'));
    });
    blocked.catch(() => {});
    let opening: Promise<IDBPDatabase<FriaDb>>;
    try {
      opening = openDB<FriaDb>(name, DB_VERSION, {
        upgrade(db, oldVersion) {
          // Version 0 → 1: the first schema. Later versions add steps here, never remove data.
          if (oldVersion < 1) {
            db.createObjectStore('assessments', { keyPath: 'id' });
            db.createObjectStore('summaries', { keyPath: 'id' });
            const versions = db.createObjectStore('versions', { autoIncrement: true });
            versions.createIndex('byAssessment', 'id');
            db.createObjectStore('trash', { keyPath: 'id' });
            db.createObjectStore('meta', { keyPath: 'key' });
          }
        },
        blocked() {
          signalBlocked();
          emit({ kind: 'blocked' });
        },
        blocking() {
          // A newer app wants to upgrade the database: step aside at once, so its upgrade does not
          // wait on us, and stop writing (our records could be of an older format than it expects).
          superseded = true;
          void connection?.then((db) => db.close());
          emit({ kind: 'versionChange' });
        },
        terminated() {
          // The browser closed the connection (e.g. site data cleared): open anew on the next call.
          connection = null;
        },
      });
    } catch (e) {
      // Some browsers throw at once (e.g. a SecurityError where storage is switched off).
      return Promise.reject(toStorageError(e, 'unavailable'));
    }
    return opening.then(
      (d) => {
        blocked = null;
        return d;
      },
      (e: unknown) => {
        blocked = null;
        connection = null;
        throw toStorageError(e, 'unavailable');
      },
    );
  };

  const db = async (): Promise<IDBPDatabase<FriaDb>> => {
    if (superseded) throw new StorageError('versionChange', 'A newer version of the app took over');
    connection ??= open();
    const c = connection;
    return blocked ? Promise.race([c, blocked]) : c;
  };

  const run = async <T>(op: (d: IDBPDatabase<FriaDb>) => Promise<T>): Promise<T> => {
    try {
      return await op(await db());
    } catch (e) {
      if (superseded && !(e instanceof StorageError)) {
        throw new StorageError('versionChange', 'A newer version of the app took over', {
          cause: e,
        });
      }
      throw toStorageError(e);
    }
  };

  /** Runs a write transaction; a fault or an error aborts it, so nothing of it is kept. */
  const write = <T>(
    stores: ('assessments' | 'summaries' | 'versions' | 'trash')[],
    body: (tx: WriteTx) => Promise<T>,
  ): Promise<T> =>
    run(async (d) => {
      // 'strict' asks the browser to flush to disk before reporting success: a power cut right after
      // "saved 14:02" must not lose what that status promised.
      const tx = d.transaction(stores, 'readwrite', { durability: 'strict' });
      // tx.done rejects on abort; it is awaited below, this only keeps the rejection from going unseen.
      tx.done.catch(() => {});
      let result: T;
      try {
        result = await body(tx);
      } catch (e) {
        try {
          tx.abort();
        } catch {
          // Already finished or aborted.
        }
        throw e;
      }
      await tx.done;
      return result;
    });

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

  const repo: IdbRepository = {
    async list() {
      return run(async (d) => {
        const tx = d.transaction(['summaries', 'assessments'], 'readonly');
        const [summaries, keys] = await Promise.all([
          tx.objectStore('summaries').getAll() as Promise<unknown[]>,
          tx.objectStore('assessments').getAllKeys(),
        ]);
        const out: AssessmentSummary[] = [];
        const seen = new Set<string>();
        for (const raw of summaries) {
          const id = textOf(raw, 'id');
          if (!id) continue;
          seen.add(id);
          if (isNewerRecord(raw)) {
            out.push(problemSummary(id, raw, 'newerFormat'));
            continue;
          }
          out.push(readSummary(raw, true) ?? problemSummary(id, raw, 'corrupt'));
        }
        return { out, orphans: keys.filter((id) => !seen.has(id)) };
      }).then(async ({ out, orphans }) => {
        if (orphans.length === 0) return out;
        // An assessment without a summary (should not happen: both are written in one
        // transaction) is still listed, so the user can see and rescue it.
        const { readRecord } = await loadChecks();
        const raws = await run(async (d) => {
          const tx = d.transaction('assessments', 'readonly');
          return Promise.all(orphans.map((id) => tx.store.get(id) as Promise<unknown>));
        });
        orphans.forEach((id, i) => {
          const raw = raws[i];
          if (raw === undefined) return; // deleted meanwhile
          const r = readRecord(raw);
          out.push(
            r.ok
              ? {
                  id,
                  title: r.assessment.meta.title,
                  systemName: r.assessment.meta.systemName,
                  questionnaireId: r.assessment.questionnaire.id,
                  questionnaireVersion: r.assessment.questionnaire.version,
                  status: 'draft',
                  overallLevel: null,
                  updatedAt: r.assessment.updatedAt,
                  exportedAt: null,
                }
              : problemSummary(id, raw, r.code === 'newerFormat' ? 'newerFormat' : 'corrupt'),
          );
        });
        return out;
      });
    },

    async get(id) {
      const [{ readRecord }, raw] = await Promise.all([
        loadChecks(),
        run((d) => d.get('assessments', id) as Promise<unknown>),
      ]);
      if (raw === undefined) return null;
      const r = readRecord(raw);
      if (!r.ok) {
        throw new StorageError(
          r.code,
          r.code === 'newerFormat'
            ? `Assessment ${id} was saved by a newer version of the app`
            : `Assessment ${id} is damaged`,
        );
      }
      return r.assessment;
    },

    async getRaw(id) {
      return run((d) => d.get('assessments', id));
    },

    async exportText(id) {
      const raw: unknown = await run((d) => d.get('assessments', id));
      const json = (raw as { json?: unknown } | null)?.json;
      return typeof json === 'string' ? json : null;
    },

    async put(assessment, summary, options: PutOptions = {}) {
      // Checked before writing: an invalid assessment would be refused on every later read, which
      // would look like lost work. The caller keeps it in memory and reports the bug.
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
      await write(['assessments', 'summaries', 'versions'], async (tx) => {
        const records = tx.objectStore('assessments');
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
          await keepVersion(tx, record, prev, options);
        }
        await records.put(record);
        const summaries = tx.objectStore('summaries');
        const prevSummary: unknown = await summaries.get(assessment.id);
        const exportedAt = input.exportedAt ?? readSummary(prevSummary, true)?.exportedAt ?? null;
        const { problem: _p, ...clean } = input;
        await summaries.put({
          ...clean,
          exportedAt,
          version: assessment.version,
          recordFormat: RECORD_FORMAT,
        });
        if (faults()?.quota) {
          // Fail where a real full disk fails: inside the transaction, after the writes were queued.
          throw new DOMException('Simulated full disk (test hook)', 'QuotaExceededError');
        }
      });
      announce([assessment.id]);
    },

    async delete(id) {
      const deletedAt = now().toISOString();
      const done = await write(['assessments', 'summaries', 'versions', 'trash'], async (tx) => {
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
        return true;
      });
      if (done) announce([id]);
    },

    async restore(id) {
      const done = await write(['assessments', 'summaries', 'versions', 'trash'], async (tx) => {
        const trashed = await tx.objectStore('trash').get(id);
        if (!trashed || isNewerRecord(trashed)) return false;
        // A new assessment with the same id may have been imported meanwhile: never overwrite it.
        if (await tx.objectStore('assessments').get(id)) return false;
        await tx.objectStore('assessments').put(trashed.record);
        if (trashed.summary) await tx.objectStore('summaries').put(trashed.summary);
        for (const v of trashed.versions) await tx.objectStore('versions').put(v);
        await tx.objectStore('trash').delete(id);
        return true;
      });
      if (done) announce([id]);
      return done;
    },

    async versions(id) {
      const [{ readRecord }, raw] = await Promise.all([
        loadChecks(),
        run((d) => d.getAllFromIndex('versions', 'byAssessment', IDBKeyRange.only(id))) as Promise<
          unknown[]
        >,
      ]);
      const out: SavedVersion[] = [];
      // Stored oldest first (auto-increment keys); the user wants the newest first.
      for (const v of raw.reverse()) {
        const r = readRecord(v);
        if (r.ok) out.push({ savedAt: r.savedAt, assessment: r.assessment });
      }
      return out;
    },

    async markExported(ids, at) {
      await write(['summaries'], async (tx) => {
        const store = tx.objectStore('summaries');
        for (const id of ids) {
          const raw: unknown = await store.get(id);
          const s = readSummary(raw, true);
          if (s) await store.put({ ...s, exportedAt: at, recordFormat: RECORD_FORMAT });
        }
      });
      announce(ids);
    },

    recovered: () => [...recovered],

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    close() {
      channel?.close();
      void connection?.then((d) => d.close()).catch(() => {});
      connection = null;
    },
  };

  /**
   * Keeps the state before this write as a saved version when it is worth going back to: always
   * on a checkpoint or a new assessment version; otherwise when it rested (no save for a while
   * after it) or when the newest kept version is older than the interval. Drops the oldest beyond
   * the limit.
   */
  async function keepVersion(
    tx: WriteTx,
    next: AssessmentRecord,
    prev: AssessmentRecord,
    options: PutOptions,
  ): Promise<void> {
    const store = tx.objectStore('versions');
    const index = store.index('byAssessment');
    const newest = await index.openCursor(IDBKeyRange.only(next.id), 'prev');
    const prevTime = Date.parse(prev.savedAt);
    const newestTime = newest ? Date.parse(textOf(newest.value, 'savedAt')) : NaN;
    const keep =
      options.checkpoint === true ||
      prev.version !== next.version ||
      !newest ||
      !(prevTime - newestTime < interval) ||
      !(Date.parse(next.savedAt) - prevTime < interval);
    if (!keep) return;
    // The previous record is copied as it is: no parsing inside the save.
    await store.add(prev);
    const keys = await index.getAllKeys(IDBKeyRange.only(next.id));
    for (const k of keys.slice(0, Math.max(0, keys.length - maxVersions))) await store.delete(k);
  }

  /**
   * Writes back what the journal holds when it is newer than what is stored, through the normal
   * save (checks, versions, refusal of newer records). An entry stays when that save fails, and is
   * dropped when it is obsolete or its assessment was deleted on purpose.
   */
  async function replayJournal(): Promise<void> {
    const entries = readJournal(journal);
    // Nothing to write back (the usual case): the record checks are not needed at start-up.
    if (entries.length === 0) return;
    const { envelope, parseJournalAssessment } = await loadChecks();
    for (const entry of entries) {
      const a = parseJournalAssessment(entry.json);
      if (!a) continue;
      const [raw, trashed] = await run(async (d) => {
        const tx = d.transaction(['assessments', 'trash'], 'readonly');
        return Promise.all([
          tx.objectStore('assessments').get(a.id) as Promise<unknown>,
          tx.objectStore('trash').get(a.id) as Promise<unknown>,
        ]);
      });
      if (raw === undefined && trashed !== undefined) {
        dropJournal(journal, a.id);
        continue;
      }
      const stored = envelope(raw);
      const storedAt = stored ? textOf(parseJson(stored.json), 'updatedAt') : '';
      if (storedAt && storedAt >= a.updatedAt) {
        dropJournal(journal, a.id);
        continue;
      }
      try {
        await repo.put(a, entry.summary);
        dropJournal(journal, a.id);
        recovered.push(a.id);
      } catch {
        // Kept for the next opening (e.g. the disk is still full).
      }
    }
  }

  // Open now, so that an unusable database is known before the first save.
  await db();
  await replayJournal().catch(() => {
    // The journal is a second line of defence; it must not keep the app from starting.
  });
  await purgeTrash().catch(() => {
    // Leftovers in the trash are harmless; a failure here must not keep the app from starting.
  });
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
