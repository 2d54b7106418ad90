import type { Assessment } from './assessment-schema';
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import type { AssessmentStatus, AssessmentSummary } from './repository';
import { score } from '../scoring/scoring';
import { currentSignOffs, signOffStatus } from '../signoff/signoff';

/** Draft, in review or signed, by the sign-off rules (without the questionnaire: never "signed"). */
export function assessmentStatus(a: Assessment, q: Questionnaire | null): AssessmentStatus {
  if (q) return signOffStatus(a, q);
  return currentSignOffs(a).length === 0 ? 'draft' : 'inReview';
}

/** The library line for an assessment. */
export function summarize(
  a: Assessment,
  q: Questionnaire | null,
  exportedAt: string | null = null,
): AssessmentSummary {
  return {
    id: a.id,
    title: a.meta.title,
    systemName: a.meta.systemName,
    questionnaireId: a.questionnaire.id,
    questionnaireVersion: a.questionnaire.version,
    status: assessmentStatus(a, q),
    overallLevel: q ? score(q, a).overall.level : null,
    updatedAt: a.updatedAt,
    exportedAt,
  };
}
