import type { Assessment } from './assessment-schema';
import type { Questionnaire } from './questionnaire-schema';
import type { AssessmentStatus, AssessmentSummary } from './repository';
import { score } from './scoring';

/** Draft until someone signs; in review after the preparer signs; signed once every required role has. */
export function assessmentStatus(a: Assessment, q: Questionnaire | null): AssessmentStatus {
  const current = a.signOffs.filter((s) => s.version === a.version);
  if (current.length === 0) return 'draft';
  const required = (q?.signOff?.roles ?? []).filter((r) => r.required !== false).map((r) => r.id);
  const signedRoles = new Set(current.map((s) => s.role));
  if (required.length === 0) return 'signed';
  return required.every((r) => signedRoles.has(r)) ? 'signed' : 'inReview';
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
