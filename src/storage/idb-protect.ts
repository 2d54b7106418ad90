/**
 * The library of a passphrase-protected database (vault.ts): listing it by opening every sealed
 * summary, and moving every record into sealed form or back (docs/storage.md "Passphrase
 * protection").
 *
 * A move converts one record per transaction: the record is read, converted and checked (a sealed
 * text is opened again and compared with the clear one) before the transaction that replaces it
 * re-reads it and writes the new form only if the record did not change meanwhile. Each record is
 * therefore always stored whole, in one form or the other; the lock's state ('enabling',
 * 'disabling') says that both forms are expected, and the next unlock finishes the move.
 */
import type { AssessmentSummary } from '../core/assessment';
import { StorageError } from '../core/assessment/repository';
import type { ChangeMirror } from './change-mirror';
import type { Connection } from './idb-connection';
import { toStorageError } from './idb-connection';
import { lineOf } from './idb-library-index';
import { problemSummary, textOf } from './idb-records';
import type { StorageFaults, WriteStore } from './idb-schema';
import { isSealed } from './seal';
import type { Vault } from './vault';

type RecordChecks = typeof import('./record-checks');

/** The library lines of a protected library; a summary that fails authentication is named so. */
export async function listSealed(
  run: Connection['run'],
  vault: Vault,
  _loadChecks: () => Promise<RecordChecks>,
): Promise<AssessmentSummary[]> {
  const [summaries, keys] = await run((d) => {
    const tx = d.transaction(['summaries', 'assessments'], 'readonly');
    return Promise.all([
      tx.objectStore('summaries').getAll() as Promise<unknown[]>,
      tx.objectStore('assessments').getAllKeys(),
    ]);
  });
  const seen = new Set<string>();
  const lines = await Promise.all(
    summaries.map(async (raw) => {
      const id = textOf(raw, 'id');
      if (!id) return null;
      seen.add(id);
      try {
        return lineOf(await vault.openSummary(raw)) ?? problemSummary(id, {}, 'corrupt');
      } catch (e) {
        const code = toStorageError(e).code;
        return problemSummary(id, {}, code === 'tampered' ? 'tampered' : 'corrupt');
      }
    }),
  );
  const out = lines.filter((l): l is AssessmentSummary => l !== null);
  for (const id of keys) if (!seen.has(id)) out.push(problemSummary(id, {}, 'corrupt'));
  return out;
}

type Direction = 'seal' | 'open';
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function convertRecord(vault: Vault, raw: unknown, dir: Direction): Promise<unknown> {
  const json = (raw as { json?: unknown } | null)?.json;
  if (typeof json !== 'string') return null; // not a record of this app: left as it is
  if (dir === 'seal') {
    if (isSealed(json)) return null;
    const sealed = await vault.sealRecord(raw as { json: string });
    const back = (await vault.openRecord(sealed)) as { json: string };
    if (back.json !== json) throw new StorageError('failed', 'A sealed record did not read back');
    return sealed;
  }
  // One that fails authentication stays sealed (kept aside, never shown as the user's work).
  return isSealed(json) ? vault.openRecord(raw).catch(() => null) : null;
}

async function convertSummary(vault: Vault, raw: unknown, dir: Direction): Promise<unknown> {
  if (raw === null || raw === undefined) return null;
  const sealed = isSealed((raw as { sealed?: unknown }).sealed);
  if (dir === 'seal') {
    if (sealed) return null;
    const next = await vault.sealSummary(raw as { id: string });
    if (!same(await vault.openSummary(next), raw)) {
      throw new StorageError('failed', 'A sealed summary did not read back');
    }
    return next;
  }
  return sealed ? vault.openSummary(raw).catch(() => null) : null;
}

async function convertTrash(vault: Vault, raw: unknown, dir: Direction): Promise<unknown> {
  const t = raw as { record?: unknown; summary?: unknown; versions?: unknown } | null;
  if (!t || typeof t !== 'object') return null;
  const record = await convertRecord(vault, t.record, dir);
  const summary = await convertSummary(vault, t.summary, dir);
  const versions = Array.isArray(t.versions) ? t.versions : [];
  const nextVersions = await Promise.all(versions.map((v) => convertRecord(vault, v, dir)));
  if (record === null && summary === null && nextVersions.every((v) => v === null)) return null;
  return {
    ...t,
    record: record ?? t.record,
    summary: summary ?? t.summary,
    versions: versions.map((v: unknown, i) => nextVersions[i] ?? v),
  };
}

/**
 * Moves every record into sealed form ('seal') or back ('open'). Records changed meanwhile are
 * converted in a further pass.
 */
export async function moveRecords(opts: {
  run: Connection['run'];
  write: Connection['write'];
  vault: Vault;
  direction: Direction;
  faults: () => StorageFaults | undefined;
  journal: Storage | null;
  mirror: ChangeMirror | null;
  /** Moves the change journal (both copies); after the stores. */
  moveJournal?: (dir: Direction) => Promise<void>;
}): Promise<void> {
  const { run, write, vault, direction: dir, faults } = opts;
  let written = 0;
  if (dir === 'seal') {
    // The library index holds the lines in clear: a protected library lists from the sealed
    // summaries instead.
    await write(['meta'], async (tx) => {
      await tx.objectStore('meta').delete(IDBKeyRange.bound('lib:', 'lib;', false, true));
    });
  }
  const stores: WriteStore[] = ['assessments', 'versions', 'summaries', 'trash'];
  for (let pass = 0; pass < 3; pass++) {
    let skipped = 0;
    for (const store of stores) {
      const keys = (await run((d) => d.getAllKeys(store))) as IDBValidKey[];
      for (const key of keys) {
        const raw: unknown = await run((d) => d.get(store, key as never));
        if (raw === undefined) continue;
        const next =
          store === 'summaries'
            ? await convertSummary(vault, raw, dir)
            : store === 'trash'
              ? await convertTrash(vault, raw, dir)
              : await convertRecord(vault, raw, dir);
        if (next === null) continue;
        const stop = faults()?.protectStopAfter;
        if (stop !== undefined && written >= stop) {
          throw new StorageError('failed', 'Simulated stop in the middle of a move (test hook)');
        }
        const done = await write([store], async (tx) => {
          const s = tx.objectStore(store);
          if (!same(await s.get(key as never), raw)) return false;
          if (store === 'versions') await s.put(next as never, key as never);
          else await s.put(next as never);
          return true;
        });
        if (done) written += 1;
        else skipped += 1;
      }
    }
    if (skipped === 0) break;
  }
  await opts.moveJournal?.(dir);
}
