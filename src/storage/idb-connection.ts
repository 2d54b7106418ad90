/**
 * The connection to the database: opening (with the schema upgrade), what happens when another tab
 * blocks or supersedes it, the mapping of browser errors to StorageError codes, and the two ways
 * every operation reaches the database: `run` (any operation) and `write` (one transaction that a
 * fault or an error aborts as a whole).
 */
import { openDB, type IDBPDatabase } from 'idb';
import { StorageError, type StorageErrorCode } from '../core/assessment/repository';
import {
  DB_VERSION,
  type FriaDb,
  type StorageEvent,
  type StorageFaults,
  type WriteStore,
  type WriteTx,
} from './idb-schema';

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

export interface Connection {
  /** The open database (opened on first use; refused once a newer app took over). */
  db(): Promise<IDBPDatabase<FriaDb>>;
  /** Runs an operation, with its errors mapped to StorageError codes. */
  run<T>(op: (d: IDBPDatabase<FriaDb>) => Promise<T>): Promise<T>;
  /** Runs a write transaction; a fault or an error aborts it, so nothing of it is kept. */
  write<T>(stores: WriteStore[], body: (tx: WriteTx) => Promise<T>): Promise<T>;
  close(): void;
}

export function createConnection(opts: {
  name: string;
  faults: () => StorageFaults | undefined;
  emit: (e: StorageEvent) => void;
}): Connection {
  const { name, faults, emit } = opts;
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

  const write = <T>(stores: WriteStore[], body: (tx: WriteTx) => Promise<T>): Promise<T> =>
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

  return {
    db,
    run,
    write,
    close() {
      void connection?.then((d) => d.close()).catch(() => {});
      connection = null;
    },
  };
}

/** Other tabs' changes, heard and told over a BroadcastChannel (`<name>:changes`). */
export function createChangeChannel(name: string, emit: (e: StorageEvent) => void) {
  const channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${name}:changes`);
  if (channel) {
    channel.onmessage = (m: MessageEvent<unknown>) => {
      const ids = (m.data as { ids?: unknown } | null)?.ids;
      if (Array.isArray(ids)) emit({ kind: 'externalChange', ids: ids.map(String) });
    };
  }
  return {
    announce(ids: string[]) {
      try {
        channel?.postMessage({ ids });
      } catch {
        // Telling other tabs is a courtesy; the write itself has succeeded.
      }
    },
    close() {
      channel?.close();
    },
  };
}
