/**
 * The library index: every library line (the list's view of the `summaries` store) packed into a
 * few `meta` records, so the start screen reads 128 small text records instead of one record per
 * assessment. Measured in Chromium with 10,000 assessments: reading the `summaries` store took
 * seconds, with main-thread tasks of 300 ms and more (docs/performance.md).
 *
 * `meta` `lib:index` marks the index as kept (`{ f: 1, shards: 128 }`); `lib:<n>` holds the lines
 * of the assessments whose id hashes to shard n, as JSON text. Every write that changes a summary
 * (put, delete, restore, markExported) updates its shard in the same transaction. The index is
 * trusted only when it is complete: its number of lines must equal the number of summaries and of
 * assessments; otherwise (first start after an update, a record without a summary, a database an
 * older app added to) the lines are read from the `summaries` store as before and the index is
 * built anew.
 */
import type { AssessmentSummary } from '../core/assessment';
import type { Connection } from './idb-connection';
import type { WriteTx } from './idb-schema';
import { problemSummary, textOf } from './idb-records';
import { isNewerRecord, readSummary } from './summary-record';

const FORMAT = 1;
export const SHARDS = 128;
const MARKER = 'lib:index';
const shardKey = (n: number) => `lib:${n}`;
/** Every `lib:` key ("lib:" up to "lib;", the next character). */
const RANGE = () => IDBKeyRange.bound('lib:', 'lib;', false, true);

/** FNV-1a of the id, modulo the number of shards. */
export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % SHARDS;
}

/** The library line of a stored summary record: as it is, or the reason it cannot be read. */
export function lineOf(raw: unknown): AssessmentSummary | null {
  const id = textOf(raw, 'id');
  if (!id) return null;
  if (isNewerRecord(raw)) return problemSummary(id, raw, 'newerFormat');
  return readSummary(raw, true) ?? problemSummary(id, raw, 'corrupt');
}

function parseShard(text: unknown): AssessmentSummary[] | null {
  if (typeof text !== 'string') return null;
  try {
    const list = JSON.parse(text) as unknown;
    if (!Array.isArray(list)) return null;
    const out: AssessmentSummary[] = [];
    for (const item of list) {
      const line = readSummary(item);
      if (!line) return null;
      out.push(line);
    }
    return out;
  } catch {
    return null;
  }
}

const SLICE_MS = 8;

/** Ends the current task, so input waiting behind it is handled first. */
const yieldToMain = () =>
  new Promise<void>((resolve) => {
    if (typeof MessageChannel === 'undefined') return resolve();
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });

/**
 * The library lines from the index, or null when the index is missing, damaged or incomplete. The
 * shards are parsed a few at a time, between which input is handled (no long task).
 */
export async function readIndex(run: Connection['run']): Promise<AssessmentSummary[] | null> {
  const [marker, keys, values, summaries, assessments] = await run(async (d) => {
    const tx = d.transaction(['meta', 'summaries', 'assessments'], 'readonly');
    const meta = tx.objectStore('meta');
    return Promise.all([
      meta.get(MARKER),
      meta.getAllKeys(RANGE()),
      meta.getAll(RANGE()),
      tx.objectStore('summaries').count(),
      tx.objectStore('assessments').count(),
    ]);
  });
  const m = marker?.value as { f?: unknown; shards?: unknown } | undefined;
  if (!m || m.f !== FORMAT || m.shards !== SHARDS || summaries !== assessments) return null;
  const out: AssessmentSummary[] = [];
  // A slice ends after about 8 ms (a shard of 10,000 lines takes about 1 ms on a quiet machine; a
  // fixed count of shards made tasks of over 100 ms on a busy one).
  let since = performance.now();
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === MARKER) continue;
    const lines = parseShard(values[i]?.value);
    if (!lines) return null;
    for (const l of lines) out.push(l);
    if (performance.now() - since > SLICE_MS) {
      await yieldToMain();
      since = performance.now();
    }
  }
  return out.length === summaries ? out : null;
}

/**
 * Puts the lines into their shards (null: removes the line of that id), inside the caller's
 * transaction; each shard concerned is read and written once. Does nothing while there is no index
 * (the next listing builds it).
 */
export async function updateIndex(
  tx: WriteTx,
  changes: readonly (readonly [id: string, line: AssessmentSummary | null])[],
): Promise<void> {
  const meta = tx.objectStore('meta');
  if (changes.length === 0 || !(await meta.get(MARKER))) return;
  const byShard = new Map<number, (readonly [string, AssessmentSummary | null])[]>();
  for (const c of changes) {
    const n = shardOf(c[0]);
    byShard.set(n, [...(byShard.get(n) ?? []), c]);
  }
  for (const [n, list] of byShard) {
    const lines = parseShard((await meta.get(shardKey(n)))?.value);
    if (!lines) {
      // A damaged shard: the index is dropped, and built anew at the next listing.
      await meta.delete(MARKER);
      return;
    }
    const ids = new Set(list.map(([id]) => id));
    const next = lines.filter((l) => !ids.has(l.id));
    for (const [, line] of list) if (line) next.push(line);
    await meta.put({ key: shardKey(n), value: JSON.stringify(next) });
  }
}

/** Writes the index for these lines (all the summaries there are), inside the caller's transaction. */
export async function writeIndex(tx: WriteTx, lines: readonly AssessmentSummary[]): Promise<void> {
  const shards: AssessmentSummary[][] = Array.from({ length: SHARDS }, () => []);
  for (const l of lines) shards[shardOf(l.id)]!.push(l);
  const meta = tx.objectStore('meta');
  await Promise.all(
    shards.map((list, n) => meta.put({ key: shardKey(n), value: JSON.stringify(list) })),
  );
  await meta.put({ key: MARKER, value: { f: FORMAT, shards: SHARDS } });
}
