/**
 * How far an assessment is, per section: the same answered/open the engine uses for scoring, the
 * summary, the report and sign-off (visibility's effective answers), so the step list can never
 * call a section done that the rest of the product calls open.
 */
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import { isAnswered, mixesExclusive, type Answers } from './answers';
import { computeVisibility, openRequiredQuestions } from './visibility';

export interface SectionProgress {
  index: number;
  id: string;
  visible: boolean;
  /** Visible questions with an answer that fits them, or "not applicable" with a reason. */
  answered: number;
  /** Visible questions. */
  total: number;
  /** Visible required questions without an answer that fits them. */
  openRequired: number;
  /**
   * Visible questions whose stored answer does not fit them (an option the questionnaire does not
   * have, say): they count as open, and the wizard asks to choose again.
   */
  notFitting: string[];
  /**
   * Of those, the multiple-choice answers that mix an exclusive option ("None of these") with
   * others: the wizard says that this is why they do not fit.
   */
  mixedExclusive: string[];
}

/** Per section: visible, answered, total and open required, by the engine's own rules. */
export function sectionProgress(
  q: Questionnaire,
  answers: Answers,
  notApplicable: Readonly<Record<string, string>> = {},
): SectionProgress[] {
  const vis = computeVisibility(q, answers, notApplicable);
  const open = new Set(openRequiredQuestions(q, vis));
  return q.sections.map((s, index) => {
    const shown = s.questions.filter((x) => vis.questions.has(x.id));
    return {
      index,
      id: s.id,
      visible: vis.sections.has(s.id),
      answered: shown.filter((x) => isAnswered(vis.effective[x.id]) || vis.notApplicable.has(x.id))
        .length,
      total: shown.length,
      openRequired: shown.filter((x) => open.has(x.id)).length,
      notFitting: shown
        .filter(
          (x) =>
            Object.prototype.hasOwnProperty.call(answers, x.id) &&
            isAnswered(answers[x.id]) &&
            !vis.notApplicable.has(x.id) &&
            !isAnswered(vis.effective[x.id]),
        )
        .map((x) => x.id),
      mixedExclusive: shown
        .filter(
          (x) =>
            Object.prototype.hasOwnProperty.call(answers, x.id) &&
            !vis.notApplicable.has(x.id) &&
            mixesExclusive(x, answers[x.id]),
        )
        .map((x) => x.id),
    };
  });
}
