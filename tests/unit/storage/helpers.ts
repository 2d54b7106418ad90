/** Assessments on the mini questionnaire for the storage, backup and migration tests. */
import { createAssessment } from '../../../src/core/assessment/assessment';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import { summarize } from '../../../src/core/assessment/summary';
import type { AssessmentSummary } from '../../../src/core/assessment/repository';
import { miniQuestionnaire } from '../core/helpers';

export const T0 = '2026-03-01T09:00:00.000Z';

export async function makeAssessment(
  id: string,
  title = `Assessment ${id}`,
  opts: { now?: string; embed?: boolean } = {},
): Promise<Assessment> {
  return createAssessment(
    miniQuestionnaire(),
    {
      title,
      systemName: `System ${id}`,
      organisation: 'Gemeente Test',
      owner: 'A. Owner',
      locale: 'nl',
    },
    { id, now: opts.now ?? T0, embedQuestionnaire: opts.embed ?? false },
  );
}

/** The assessment with one more answer and a later updatedAt: what a keystroke produces. */
export function edit(
  a: Assessment,
  questionId: string,
  value: Assessment['answers'][string],
  at: string,
): Assessment {
  return { ...a, updatedAt: at, answers: { ...a.answers, [questionId]: value } };
}

export function summaryOf(a: Assessment): AssessmentSummary {
  return summarize(a, miniQuestionnaire());
}
