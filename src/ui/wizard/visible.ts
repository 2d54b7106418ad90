import type { Questionnaire } from '../../core/questionnaire';
import type { Assessment } from '../../core/assessment';
import { computeVisibility } from '../../core/scoring';
import { sectionProgress as coreSectionProgress, type SectionProgress } from '../../core/scoring';

export type { SectionProgress };

/** Per section: visible, answered, total and open required — from the core, never recounted here. */
export function sectionProgress(q: Questionnaire, a: Assessment): SectionProgress[] {
  return coreSectionProgress(q, a.answers, a.notApplicable);
}

export const sameJson = <T>(x: T, y: T) => JSON.stringify(x) === JSON.stringify(y);

/** Ids of the visible questions of one section, in order. */
export function visibleInSection(q: Questionnaire, a: Assessment, sectionIndex: number): string[] {
  const vis = computeVisibility(q, a.answers, a.notApplicable);
  return (q.sections[sectionIndex]?.questions ?? [])
    .filter((x) => vis.questions.has(x.id))
    .map((x) => x.id);
}
