/** Writing the rescue journal back when the database opens (docs/storage.md "The rescue journal"). */
import type { AssessmentRepository } from '../core/assessment';
import type { Connection } from './idb-connection';
import { parseJson, textOf } from './idb-records';
import { dropJournal, readJournal } from './journal';

type RecordChecks = typeof import('./record-checks');

/**
 * Writes back what the journal holds when it is newer than what is stored, through the normal
 * save (checks, versions, refusal of newer records). An entry stays when that save fails, and is
 * dropped when it is obsolete or its assessment was deleted on purpose. Returns the ids written back.
 */
export async function replayJournal(
  journal: Storage | null,
  run: Connection['run'],
  loadChecks: () => Promise<RecordChecks>,
  put: AssessmentRepository['put'],
): Promise<string[]> {
  const recovered: string[] = [];
  const entries = readJournal(journal);
  // Nothing to write back (the usual case): the record checks are not needed at start-up.
  if (entries.length === 0) return recovered;
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
      await put(a, entry.summary);
      dropJournal(journal, a.id);
      recovered.push(a.id);
    } catch {
      // Kept for the next opening (e.g. the disk is still full).
    }
  }
  return recovered;
}
