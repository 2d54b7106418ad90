/** The library list: the stored summaries, plus a line for every record that cannot be opened. */
import type { AssessmentSummary } from '../core/assessment';
import type { Connection } from './idb-connection';
import { problemSummary, textOf } from './idb-records';
import { isNewerRecord, readSummary } from './summary-record';

type RecordChecks = typeof import('./record-checks');

export async function listAssessments(
  run: Connection['run'],
  loadChecks: () => Promise<RecordChecks>,
): Promise<AssessmentSummary[]> {
  const { out, orphans } = await run(async (d) => {
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
  });
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
