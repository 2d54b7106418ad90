/**
 * The change journal: every change to an open assessment is written synchronously to localStorage
 * the moment it happens, as one small record per changed field ("answers → purpose", "notes → q3",
 * "risks → 2 → title"), never the whole assessment. A reload, a closed tab or a killed browser
 * therefore loses nothing that reached the page, and the journal fits whatever the assessment's size.
 *
 * Records carry a per-assessment sequence number. The database keeps, per assessment, the number of
 * the newest change its stored state contains (its revision). A record newer than that revision is
 * work the database does not hold yet; the others are obsolete and removed. After a save the records
 * it contains are removed ("trimmed"), so the journal holds only what is not saved.
 *
 * Key: `fria-wizard:change:` + JSON `[id, ...path]`; value: JSON `{ f: 1, s: seq, v?: value }`
 * (no `v`: the field was removed). One key per field, holding only its newest value.
 */

import type { ChangeMirror } from './change-mirror';

const PREFIX = 'fria-wizard:change:';
const FORMAT = 1;
/** How deep a change is followed into the assessment before the whole value is written. */
const MAX_DEPTH = 5;
/** A change touching more fields than this is written as whole top-level fields. */
const MAX_PATHS = 200;

export type JournalPath = (string | number)[];

export interface ChangeRecord {
  id: string;
  path: JournalPath;
  seq: number;
  /** The new value; `deleted` when the field was removed. */
  value?: unknown;
  deleted: boolean;
  /**
   * In a passphrase-protected library: the value sealed (`{ v }`, or `{}` when removed), opened by
   * `openSealedChanges`; `value` and `deleted` mean nothing until then.
   */
  sealed?: string;
}

/** The additional data a journal record's sealed value is bound to: its assessment, field, number. */
export const changeAad = (id: string, path: JournalPath, seq: number) =>
  `change\n${id}\n${JSON.stringify(path)}\n${seq}`;

/** The stored form of a record: `{ f: 1, s, v? }` in clear, `{ f: 2, s, c }` sealed. */
export function storedForm(r: ChangeRecord): { f: number; s: number; v?: unknown; c?: string } {
  if (r.sealed !== undefined) return { f: 2, s: r.seq, c: r.sealed };
  return r.deleted ? { f: FORMAT, s: r.seq } : { f: FORMAT, s: r.seq, v: r.value };
}

/** A stored value read as a record (`null` when it is none of the two forms). */
export function fromStored(id: string, path: JournalPath, value: unknown): ChangeRecord | null {
  const r = value as { f?: unknown; s?: unknown; v?: unknown; c?: unknown } | null;
  if (!r || typeof r !== 'object' || typeof r.s !== 'number' || !Number.isSafeInteger(r.s)) {
    return null;
  }
  if (r.f === 2 && typeof r.c === 'string') {
    return { id, path, seq: r.s, value: undefined, deleted: false, sealed: r.c };
  }
  if (r.f !== FORMAT) return null;
  const deleted = !Object.hasOwn(r, 'v');
  return { id, path, seq: r.s, value: deleted ? undefined : r.v, deleted };
}

/** Writes one record to the localStorage copy as it is (a move into or out of sealed form). */
export function storeRecord(storage: Storage | null, r: ChangeRecord): void {
  storage?.setItem(keyOf(r.id, r.path), JSON.stringify(storedForm(r)));
}

/** Seals a record's value, bound to its assessment, field and number. */
export async function sealRecord(
  r: ChangeRecord,
  seal: (text: string, aad: string) => Promise<string>,
): Promise<ChangeRecord> {
  const text = JSON.stringify(r.deleted ? {} : { v: r.value });
  return {
    ...r,
    value: undefined,
    deleted: false,
    sealed: await seal(text, changeAad(r.id, r.path, r.seq)),
  };
}

/**
 * The records with their sealed values opened. In a protected library (`protectedLib`) a record in
 * clear was not written by this app and is left out, as is one that fails authentication; the
 * ids of such records are in `tampered`. Unprotected, sealed records cannot be read and are left out.
 */
export async function openSealedChanges(
  all: Map<string, ChangeRecord[]>,
  open: ((text: string, aad: string) => Promise<string>) | null,
  protectedLib: boolean,
): Promise<{ changes: Map<string, ChangeRecord[]>; tampered: Set<string> }> {
  const changes = new Map<string, ChangeRecord[]>();
  const tampered = new Set<string>();
  for (const [id, list] of all) {
    const out: ChangeRecord[] = [];
    for (const r of list) {
      if (r.sealed === undefined) {
        if (protectedLib) tampered.add(id);
        else out.push(r);
        continue;
      }
      if (!open) continue;
      try {
        const v = JSON.parse(await open(r.sealed, changeAad(r.id, r.path, r.seq))) as {
          v?: unknown;
        };
        const deleted = !Object.hasOwn(v, 'v');
        out.push({ id, path: r.path, seq: r.seq, value: deleted ? undefined : v.v, deleted });
      } catch {
        tampered.add(id);
      }
    }
    if (out.length) changes.set(id, out);
  }
  return { changes, tampered };
}

export interface FieldChange {
  path: JournalPath;
  value: unknown;
  deleted: boolean;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields that differ between two states of an assessment. States are updated immutably, so an
 * unchanged part is the same object and is skipped at once: the cost follows the change, not the size.
 */
export function diffFields(prev: unknown, next: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  const walk = (a: unknown, b: unknown, path: JournalPath): void => {
    if (Object.is(a, b)) return;
    const deeper = path.length < MAX_DEPTH;
    if (deeper && isPlainObject(a) && isPlainObject(b)) {
      for (const k of Object.keys(b)) {
        if (!Object.hasOwn(a, k)) out.push({ path: [...path, k], value: b[k], deleted: false });
        else walk(a[k], b[k], [...path, k]);
      }
      for (const k of Object.keys(a)) {
        if (!Object.hasOwn(b, k)) out.push({ path: [...path, k], value: undefined, deleted: true });
      }
      return;
    }
    if (deeper && Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      for (let i = 0; i < b.length; i++) walk(a[i], b[i], [...path, i]);
      return;
    }
    // A primitive, or a change of shape: the whole value, unless it is the same in content.
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
      out.push({ path, value: b, deleted: b === undefined });
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, value: b, deleted: false });
  };
  walk(prev, next, []);
  if (out.length <= MAX_PATHS) return out;
  // A sweeping change (rare: e.g. a new version started): whole top-level fields instead.
  const top = new Set(out.map((c) => c.path[0]));
  return [...top].map((k) => {
    const key = k as string;
    const deleted = !isPlainObject(next) || !Object.hasOwn(next, key);
    return {
      path: [key],
      value: deleted ? undefined : (next as Record<string, unknown>)[key],
      deleted,
    };
  });
}

const keyOf = (id: string, path: JournalPath) => PREFIX + JSON.stringify([id, ...path]);

function parseKey(key: string): { id: string; path: JournalPath } | null {
  if (!key.startsWith(PREFIX)) return null;
  try {
    const parts = JSON.parse(key.slice(PREFIX.length)) as unknown;
    if (!Array.isArray(parts) || typeof parts[0] !== 'string' || parts.length < 2) return null;
    const path = parts.slice(1) as unknown[];
    if (!path.every((p) => typeof p === 'string' || (typeof p === 'number' && p >= 0))) {
      return null;
    }
    return { id: parts[0], path: path as JournalPath };
  } catch {
    return null;
  }
}

function parseRecord(key: string, text: string | null): ChangeRecord | null {
  const k = parseKey(key);
  if (!k || text === null) return null;
  try {
    return fromStored(k.id, k.path, JSON.parse(text));
  } catch {
    return null;
  }
}

/** localStorage when the browser lets the app use it (a policy or private mode may not). */
export function defaultChangeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Every readable record, per assessment, oldest first. */
export function readChanges(storage: Storage | null, onlyId?: string): Map<string, ChangeRecord[]> {
  const out = new Map<string, ChangeRecord[]>();
  if (!storage) return out;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) {
      const r = parseRecord(key, storage.getItem(key));
      if (!r || (onlyId !== undefined && r.id !== onlyId)) continue;
      const list = out.get(r.id) ?? [];
      list.push(r);
      out.set(r.id, list);
    }
  } catch {
    // Storage switched off meanwhile: what was read is returned.
  }
  for (const list of out.values()) list.sort((a, b) => a.seq - b.seq);
  return out;
}

/**
 * The two copies of the journal (localStorage and the IndexedDB mirror, change-mirror.ts) as one:
 * per field the record with the higher number (the newer change), per assessment oldest first.
 * A copy that lost its newest records (localStorage after a killed browser) never wins over one
 * that kept them.
 */
export function mergeChanges(
  ...copies: Map<string, ChangeRecord[]>[]
): Map<string, ChangeRecord[]> {
  const byField = new Map<string, Map<string, ChangeRecord>>();
  for (const copy of copies) {
    for (const [id, list] of copy) {
      const fields = byField.get(id) ?? new Map<string, ChangeRecord>();
      byField.set(id, fields);
      for (const r of list) {
        const k = JSON.stringify(r.path);
        const had = fields.get(k);
        if (!had || r.seq > had.seq) fields.set(k, r);
      }
    }
  }
  const out = new Map<string, ChangeRecord[]>();
  for (const [id, fields] of byField) {
    out.set(
      id,
      [...fields.values()].sort((a, b) => a.seq - b.seq),
    );
  }
  return out;
}

/** The newest sequence number in the journal for this assessment (0 when none). */
export function newestSeq(storage: Storage | null, id: string): number {
  const list = readChanges(storage, id).get(id) ?? [];
  return list.length ? list[list.length - 1]!.seq : 0;
}

/** Removes the records of `id` up to and including `upTo` (all of them when `upTo` is Infinity). */
export function trimChanges(storage: Storage | null, id: string, upTo: number): void {
  if (!storage) return;
  for (const r of readChanges(storage, id).get(id) ?? []) {
    if (r.seq > upTo) continue;
    try {
      storage.removeItem(keyOf(id, r.path));
    } catch {
      // An obsolete record is recognised as such by its number at the next start.
    }
  }
}

/** The value at `path`, or undefined. */
export function valueAt(root: unknown, path: JournalPath): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** A copy of `root` with the records applied in order (unchanged parts are shared). */
export function applyChanges<T>(root: T, records: readonly ChangeRecord[]): T {
  let out: unknown = root;
  for (const r of records) out = setAt(out, r.path, r.deleted ? undefined : r.value, r.deleted);
  return out as T;
}

function setAt(node: unknown, path: JournalPath, value: unknown, deleted: boolean): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...JournalPath];
  const base: Record<string | number, unknown> | unknown[] = Array.isArray(node)
    ? [...(node as unknown[])]
    : isPlainObject(node)
      ? { ...node }
      : typeof head === 'number'
        ? []
        : {};
  const child = (base as Record<string | number, unknown>)[head];
  if (rest.length === 0 && deleted) {
    if (Array.isArray(base)) base[head as number] = undefined;
    else delete (base as Record<string | number, unknown>)[head];
  } else {
    (base as Record<string | number, unknown>)[head] = setAt(child, rest, value, deleted);
  }
  return base;
}

export interface ChangeJournal {
  /**
   * Writes the fields that differ between the two states, synchronously. Returns the change's
   * sequence number and whether every record could be written.
   */
  record(prev: unknown, next: unknown): { seq: number; ok: boolean };
  /** The sequence number of the newest change recorded. */
  seq(): number;
  /** Removes the records a successful save of the state up to `seq` contains. */
  trim(seq: number): void;
}

/**
 * The journal of one assessment. Numbering goes on from `after` (the stored revision) or from the
 * newest record already in the journal, whichever is higher: a new record is never taken for older
 * than one it replaces.
 */
export function openChangeJournal(
  storage: Storage | null,
  id: string,
  after: number,
  mirror: ChangeMirror | null = null,
  /**
   * In a passphrase-protected library: seals each value (vault key, AES-GCM). Sealing is
   * asynchronous, so the records are written a moment after the change (in order), not within it.
   */
  seal: ((text: string, aad: string) => Promise<string>) | null = null,
): ChangeJournal {
  let seq = Math.max(after, newestSeq(storage, id));
  let queue: Promise<void> = Promise.resolve();
  return {
    record(prev, next) {
      seq += 1;
      const changes = diffFields(prev, next);
      if (seal) {
        const n = seq;
        const records = changes.map((c): ChangeRecord => ({
          id,
          path: c.path,
          seq: n,
          value: c.value,
          deleted: c.deleted,
        }));
        queue = queue
          .then(async () => {
            const sealed = await Promise.all(records.map((r) => sealRecord(r, seal)));
            mirror?.writeRecords(sealed);
            for (const r of sealed) {
              try {
                storeRecord(storage, r);
              } catch {
                try {
                  storage?.removeItem(keyOf(id, r.path));
                } catch {
                  // Nothing more can be done here.
                }
              }
            }
          })
          .catch(() => {});
        return { seq, ok: storage !== null };
      }
      // The IndexedDB copy first: it is committed at once and survives a killed browser, which the
      // localStorage copy below may not (change-mirror.ts).
      mirror?.write(id, seq, changes);
      if (!storage) return { seq, ok: false };
      let ok = true;
      for (const c of changes) {
        const key = keyOf(id, c.path);
        try {
          storage.setItem(
            key,
            JSON.stringify(c.deleted ? { f: FORMAT, s: seq } : { f: FORMAT, s: seq, v: c.value }),
          );
        } catch {
          ok = false;
          // An older value of this field must not be written back over the newer one in memory.
          try {
            storage.removeItem(key);
          } catch {
            // Nothing more can be done here; the caller tells the user.
          }
        }
      }
      return { seq, ok };
    },
    seq: () => seq,
    trim: (upTo) => {
      trimChanges(storage, id, upTo);
      void mirror?.trim(id, upTo);
    },
  };
}
