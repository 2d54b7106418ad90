import type { Questionnaire } from '../../core/questionnaire-schema';
import type { Assessment } from '../../core/assessment-schema';
import { computeVisibility } from '../../core/visibility';
import { isAnswered } from '../../core/answers';

export interface SectionProgress {
  index: number;
  id: string;
  visible: boolean;
  answered: number;
  total: number;
  openRequired: number;
}

/** Per section: visible, and how many visible questions are answered (for the step list). */
export function sectionProgress(q: Questionnaire, a: Assessment): SectionProgress[] {
  const vis = computeVisibility(q, a.answers);
  return q.sections.map((s, index) => {
    const shown = s.questions.filter((x) => vis.questions.has(x.id));
    return {
      index,
      id: s.id,
      visible: vis.sections.has(s.id),
      answered: shown.filter((x) => isAnswered(a.answers[x.id])).length,
      total: shown.length,
      openRequired: shown.filter((x) => x.required && !isAnswered(a.answers[x.id])).length,
    };
  });
}

export const sameJson = <T>(x: T, y: T) => JSON.stringify(x) === JSON.stringify(y);

/** Ids of the visible questions of one section, in order. */
export function visibleInSection(q: Questionnaire, a: Assessment, sectionIndex: number): string[] {
  const vis = computeVisibility(q, a.answers);
  return (q.sections[sectionIndex]?.questions ?? [])
    .filter((x) => vis.questions.has(x.id))
    .map((x) => x.id);
}
