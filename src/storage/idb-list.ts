/** The library list: the stored summaries, plus a line for every record that cannot be opened. */
import type { AssessmentSummary } from '../core/assessment';
import type { Connection } from './idb-connection';
import { lineOf, readIndex, writeIndex } from './idb-library-index';
import { problemSummary } from './idb-records';

type RecordChecks = typeof import('./record-checks');

export async function listAssessments(
  run: Connection['run'],
  write: Connection['write'],
  loadChecks: () => Promise<RecordChecks>,
): Promise<AssessmentSummary[]> {
  // The usual way: the library index (a few records), when it is complete.
  const indexed = await readIndex(run).catch(() => null);
  if (indexed) return indexed;
  // Else every summary, and the index built from them in the same transaction (so no save
  // between reading and writing can be missed); read-only when writing is not possible.
  const readAll = async (reads: [Promise<unknown[]>, Promise<string[]>]) => {
    const [summaries, keys] = await Promise.all(reads);
    const out: AssessmentSummary[] = [];
    const seen = new Set<string>();
    for (const raw of summaries) {
      const line = lineOf(raw);
      if (!line) continue;
      seen.add(line.id);
      out.push(line);
    }
    return { out, orphans: keys.filter((id) => !seen.has(id)) };
  };
  const { out, orphans } = await write(['summaries', 'assessments', 'meta'], async (tx) => {
    const r = await readAll([
      tx.objectStore('summaries').getAll(),
      tx.objectStore('assessments').getAllKeys(),
    ]);
    await writeIndex(tx, r.out);
    return r;
  }).catch(() =>
    run((d) => {
      const tx = d.transaction(['summaries', 'assessments'], 'readonly');
      return readAll([
        tx.objectStore('summaries').getAll(),
        tx.objectStore('assessments').getAllKeys(),
      ]);
    }),
  );
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
}
