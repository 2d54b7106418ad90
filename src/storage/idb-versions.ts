/** Which earlier states are kept (docs/storage.md "Which earlier states are kept"). */
import type { PutOptions } from '../core/assessment';
import type { AssessmentRecord } from './record-checks';
import type { WriteTx } from './idb-schema';
import { textOf } from './idb-records';

/**
 * Keeps the state before this write as a saved version when it is worth going back to: always
 * on a checkpoint or a new assessment version; otherwise when it rested (no save for a while
 * after it) or when the newest kept version is older than the interval. Drops the oldest beyond
 * the limit.
 */
export async function keepVersion(
  tx: WriteTx,
  next: AssessmentRecord,
  prev: AssessmentRecord,
  options: PutOptions,
  limits: { interval: number; maxVersions: number },
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
    !(prevTime - newestTime < limits.interval) ||
    !(Date.parse(next.savedAt) - prevTime < limits.interval);
  if (!keep) return;
  // The previous record is copied as it is: no parsing inside the save.
  await store.add(prev);
  const keys = await index.getAllKeys(IDBKeyRange.only(next.id));
  for (const k of keys.slice(0, Math.max(0, keys.length - limits.maxVersions))) {
    await store.delete(k);
  }
}
