import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import { answerFits, isAnswered, type Answers } from './answers';
import { evaluate } from './condition';
import { indexQuestionnaire } from '../questionnaire/questionnaire-index';

export interface Visibility {
  sections: Set<string>;
  questions: Set<string>;
  /**
   * Visible questions answered "not applicable" with a reason, where the questionnaire allows it
   * (docs/scoring.md §2): answered for completeness, left out of every maximum, and not in
   * `effective` (so no condition or red flag sees an answer for them).
   */
  notApplicable: Map<string, string>;
  /** Answers of visible questions that fit their question: what scoring, the report and completeness see. */
  effective: Answers;
}

/**
 * Which sections and questions are visible for these answers (docs/scoring.md §2). One pass in
 * questionnaire order works because conditions only refer to earlier questions; a hidden
 * question counts as unanswered for the conditions after it. Stored answers are never changed.
 */
export function computeVisibility(
  q: Questionnaire,
  answers: Answers,
  notApplicable: Readonly<Record<string, string>> = {},
): Visibility {
  const sections = new Set<string>();
  const questions = new Set<string>();
  const na = new Map<string, string>();
  const effective: Answers = {};
  for (const section of q.sections) {
    const sectionVisible = !section.condition || evaluate(section.condition, effective);
    if (sectionVisible) sections.add(section.id);
    for (const question of section.questions) {
      if (!sectionVisible) continue;
      if (question.condition && !evaluate(question.condition, effective)) continue;
      questions.add(question.id);
      const reason = Object.prototype.hasOwnProperty.call(notApplicable, question.id)
        ? notApplicable[question.id]
        : undefined;
      if (question.notApplicable === true && typeof reason === 'string' && reason.trim() !== '') {
        na.set(question.id, reason);
        continue;
      }
      const value = Object.prototype.hasOwnProperty.call(answers, question.id)
        ? answers[question.id]
        : undefined;
      // Only answers that fit the question count; the stored value itself is kept untouched.
      if (answerFits(question, value)) effective[question.id] = value;
    }
  }
  return { sections, questions, notApplicable: na, effective };
}

/** Visible required questions without an answer, in questionnaire order. */
export function openRequiredQuestions(q: Questionnaire, vis: Visibility): string[] {
  return indexQuestionnaire(q)
    .questions.filter(
      ({ question }) =>
        question.required &&
        vis.questions.has(question.id) &&
        !vis.notApplicable.has(question.id) &&
        !isAnswered(vis.effective[question.id]),
    )
    .map(({ question }) => question.id);
}
