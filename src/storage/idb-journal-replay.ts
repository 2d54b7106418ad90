/** Writing the rescue journal back when the database opens (docs/storage.md "The rescue journal"). */
import type { Assessment } from '../core/assessment';
import type { AssessmentRepository, AssessmentSummary, StorageErrorCode } from '../core/assessment';
import { StorageError } from '../core/assessment/repository';
import {
  applyChanges,
  readChanges,
  trimChanges,
  valueAt,
  type ChangeRecord,
  type JournalPath,
} from './change-journal';
import type { Connection } from './idb-connection';
import { toStorageError } from './idb-connection';
import { parseJson, textOf } from './idb-records';
import { revisionKey } from './idb-schema';
import { dropJournal, readJournal } from './journal';
import { readSummary } from './summary-record';

/** What became of the journalled changes of one assessment when the app opened. */
export type Recovery =
  /** Written to the database and read back equal to what was journalled: nothing was lost. */
  | { id: string; outcome: 'restored' }
  /**
   * Not written yet (the code says why, e.g. a full disk). The changes stay in the journal, are
   * shown when the assessment is opened, and are written back at a later start.
   */
  | { id: string; outcome: 'pending'; code: StorageErrorCode }
  /** Written, but these fields read back differently from what was journalled. */
  | { id: string; outcome: 'partial'; missing: JournalPath[] }
  /** Changes to an assessment that is not stored (nothing to apply them to); they are kept. */
  | { id: string; outcome: 'orphaned' };

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
  /** Opens a sealed record (vault.ts); the record as it is when not given. */
  open: (raw: unknown) => Promise<unknown> = async (raw) => raw,
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
    const stored = envelope(await open(raw).catch(() => null));
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

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes back the change journal (change-journal.ts): for every assessment with changes newer than
 * its stored revision, the stored state with those changes applied is saved through the normal
 * save, then read back and compared, field by field, with what was journalled. Only then are the
 * records removed. Obsolete records (at or below the stored revision) are removed at once; the
 * changes of an assessment deleted on purpose are dropped.
 */
export async function replayChanges(opts: {
  journal: Storage | null;
  /** The records to write back (both copies merged); read from `journal` when not given. */
  changes?: Map<string, ChangeRecord[]>;
  /** Removes records from every copy; `journal` only when not given. */
  trim?: (id: string, upTo: number) => Promise<void>;
  run: Connection['run'];
  loadChecks: () => Promise<RecordChecks>;
  put: AssessmentRepository['put'];
  summarize?: (a: Assessment) => Promise<AssessmentSummary | null>;
  /** Opens a sealed record or summary (vault.ts); as they are when not given. */
  open?: (raw: unknown) => Promise<unknown>;
  openSummary?: (raw: unknown) => Promise<unknown>;
}): Promise<Recovery[]> {
  const { journal, run, loadChecks, put } = opts;
  const out: Recovery[] = [];
  const all = opts.changes ?? readChanges(journal);
  if (all.size === 0) return out;
  const trim = opts.trim ?? ((id: string, upTo: number) => trimChanges(journal, id, upTo));
  const { readRecord } = await loadChecks();
  for (const [id, records] of all) {
    const open = opts.open ?? (async (raw: unknown) => raw);
    const [sealed, trashed, rev, sealedSummary] = await run(async (d) => {
      const tx = d.transaction(['assessments', 'trash', 'meta', 'summaries'], 'readonly');
      return Promise.all([
        tx.objectStore('assessments').get(id) as Promise<unknown>,
        tx.objectStore('trash').get(id) as Promise<unknown>,
        tx.objectStore('meta').get(revisionKey(id)),
        tx.objectStore('summaries').get(id) as Promise<unknown>,
      ]);
    });
    if (sealed === undefined) {
      if (trashed !== undefined) await trim(id, Infinity);
      else out.push({ id, outcome: 'orphaned' });
      continue;
    }
    const revision = typeof rev?.value === 'number' ? rev.value : 0;
    const newer = records.filter((r) => r.seq > revision);
    if (newer.length < records.length) await trim(id, revision);
    if (newer.length === 0) continue;
    let raw: unknown;
    try {
      raw = await open(sealed);
    } catch (e) {
      out.push({ id, outcome: 'pending', code: toStorageError(e).code });
      continue;
    }
    const summaryRaw = opts.openSummary ? await opts.openSummary(sealedSummary) : sealedSummary;
    const stored = readRecord(raw);
    if (!stored.ok) {
      out.push({ id, outcome: 'pending', code: stored.code });
      continue;
    }
    const upTo = newer[newer.length - 1]!.seq;
    const candidate = applyChanges(stored.assessment, newer);
    try {
      const summary =
        (await opts.summarize?.(candidate).catch(() => null)) ??
        fallbackSummary(candidate, summaryRaw);
      await put(candidate, summary, { revision: upTo });
    } catch (e) {
      out.push({ id, outcome: 'pending', code: toStorageError(e).code });
      continue;
    }
    // Read back what the database now holds, and compare it with what was journalled.
    const back = await open(await run((d) => d.get('assessments', id) as Promise<unknown>)).catch(
      () => undefined,
    );
    const json = (back as { json?: unknown } | undefined)?.json;
    const saved = typeof json === 'string' ? parseJson(json) : undefined;
    const expected = JSON.parse(JSON.stringify(candidate)) as unknown;
    const missing = newer
      .map((r) => r.path)
      .filter((path) => !same(valueAt(saved, path), valueAt(expected, path)));
    if (missing.length > 0) {
      out.push({ id, outcome: 'partial', missing });
      continue;
    }
    await trim(id, upTo);
    out.push({ id, outcome: 'restored' });
  }
  return out;
}

/** The stored library line with the new title and time (status and level follow at the next save). */
function fallbackSummary(a: Assessment, raw: unknown): AssessmentSummary {
  const s = readSummary(raw, true);
  if (!s) throw new StorageError('invalid', `No library line for assessment ${a.id}`);
  const { problem: _p, ...rest } = s;
  return {
    ...rest,
    title: a.meta.title,
    systemName: a.meta.systemName,
    updatedAt: a.updatedAt,
  };
}
