/**
 * The change journal's second copy, in IndexedDB. The records of change-journal.ts are written to
 * localStorage synchronously, but Chromium keeps localStorage in memory and writes it to disk later
 * (in batches, seconds apart), so killing the whole browser loses the newest ones. An IndexedDB
 * write reaches the browser's database at once. So every change record is also `put` here, on
 * input, as one small transaction (the record only, never the assessment); at start the newer of
 * the two copies of each field counts (by sequence number), so an older record never replaces a
 * newer one.
 *
 * Its own database (`<name>-journal`, store `changes`): journal writes never wait behind a save of
 * the assessment (those hold the main database's stores for their whole transaction), and the main
 * database needs no new schema version (which an older copy of the app would refuse to open).
 *
 * Key: `[id, ...path]`; value: `{ f: 1, s: seq, v?: value }` (no `v`: the field was removed).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { fromStored, storedForm, type ChangeRecord, type FieldChange } from './change-journal';

const FORMAT = 1;
const VERSION = 1;

interface MirrorDb extends DBSchema {
  changes: { key: (string | number)[]; value: { f: number; s: number; v?: unknown; c?: string } };
}

export interface ChangeMirror {
  /** Queues the records of one change (one small transaction); never throws, never waits. */
  write(id: string, seq: number, changes: readonly FieldChange[]): void;
  /** Queues records in their stored form (sealed ones, or a move into or out of sealed form). */
  writeRecords(records: readonly ChangeRecord[]): void;
  /** Removes the records of `id` up to and including `upTo` (all when Infinity). */
  trim(id: string, upTo: number): Promise<void>;
  /** Every readable record, per assessment, oldest first (of one assessment with `onlyId`). */
  read(onlyId?: string): Promise<Map<string, ChangeRecord[]>>;
  close(): void;
}

/**
 * How the browser commits a journal write. 'relaxed' hands it to the operating system (it survives
 * the browser process being killed; a power cut may lose it) without waiting on the disk, so a
 * burst of typing does not queue behind disk flushes. See docs/storage.md for the figures.
 */
export type MirrorDurability = 'relaxed' | 'strict';

const rangeOf = (id: string) => IDBKeyRange.bound([id], [id, []]);

function parse(key: unknown, value: unknown): ChangeRecord | null {
  if (!Array.isArray(key) || key.length < 2 || typeof key[0] !== 'string') return null;
  const path = key.slice(1) as unknown[];
  if (!path.every((p) => typeof p === 'string' || (typeof p === 'number' && p >= 0))) return null;
  return fromStored(key[0], path as (string | number)[], value);
}

/**
 * Opens the mirror next to the database `name`; null when IndexedDB cannot be used for it (the
 * localStorage journal then works alone, as before).
 */
export async function openChangeMirror(
  name: string,
  opts: { durability?: MirrorDurability } = {},
): Promise<ChangeMirror | null> {
  const durability = opts.durability ?? 'relaxed';
  if (typeof indexedDB === 'undefined') return null;
  let db: IDBPDatabase<MirrorDb> | null;
  try {
    db = await openDB<MirrorDb>(`${name}-journal`, VERSION, {
      upgrade(d, oldVersion) {
        if (oldVersion < 1) d.createObjectStore('changes');
      },
      blocking() {
        // A newer app wants to change this database: step aside (the localStorage copy goes on).
        db?.close();
        db = null;
      },
      terminated() {
        db = null;
      },
    });
  } catch {
    return null;
  }
  const tx = <M extends 'readonly' | 'readwrite'>(mode: M) => {
    if (!db) return null;
    try {
      return db.transaction('changes', mode, mode === 'readwrite' ? { durability } : undefined);
    } catch {
      // Closed meanwhile (site data cleared, a newer app took over).
      return null;
    }
  };
  return {
    write(id, seq, changes) {
      const t = tx('readwrite');
      if (!t) return;
      t.done.catch(() => {
        // Full or gone: the localStorage copy holds the change; the caller was told about that one.
      });
      for (const c of changes) {
        const value = c.deleted ? { f: FORMAT, s: seq } : { f: FORMAT, s: seq, v: c.value };
        t.store.put(value, [id, ...c.path]).catch(() => {});
      }
      // Commit now rather than when this task ends: the browser writes it without waiting on us.
      try {
        (t as unknown as IDBTransaction).commit();
      } catch {
        // No commit() (older browsers): the transaction commits when the task ends.
      }
    },
    writeRecords(records) {
      const t = tx('readwrite');
      if (!t) return;
      t.done.catch(() => {});
      for (const r of records) {
        t.store
          .put(storedForm(r) as MirrorDb['changes']['value'], [r.id, ...r.path])
          .catch(() => {});
      }
      try {
        (t as unknown as IDBTransaction).commit();
      } catch {
        // The transaction commits when the task ends.
      }
    },
    async trim(id, upTo) {
      const t = tx('readwrite');
      if (!t) return;
      try {
        let cursor = await t.store.openCursor(rangeOf(id));
        while (cursor) {
          const r = parse(cursor.key, cursor.value);
          if (!r || r.seq <= upTo) await cursor.delete();
          cursor = await cursor.continue();
        }
        await t.done;
      } catch {
        // An obsolete record is recognised as such by its number at the next start.
      }
    },
    async read(onlyId) {
      const out = new Map<string, ChangeRecord[]>();
      const t = tx('readonly');
      if (!t) return out;
      try {
        const range = onlyId === undefined ? undefined : rangeOf(onlyId);
        const [keys, values] = await Promise.all([
          t.store.getAllKeys(range),
          t.store.getAll(range),
        ]);
        keys.forEach((key, i) => {
          const r = parse(key, values[i]);
          if (!r) return;
          const list = out.get(r.id) ?? [];
          list.push(r);
          out.set(r.id, list);
        });
      } catch {
        // Unreadable: the localStorage copy is used alone.
      }
      for (const list of out.values()) list.sort((a, b) => a.seq - b.seq);
      return out;
    },
    close() {
      db?.close();
      db = null;
    },
  };
}
