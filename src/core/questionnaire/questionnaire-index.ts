import type { Question, Questionnaire, Section } from './questionnaire-schema';

export interface IndexedQuestion {
  question: Question;
  section: Section;
  /** Position in questionnaire order (0-based, across sections). */
  order: number;
}

export interface QuestionnaireIndex {
  questions: IndexedQuestion[];
  byId: Map<string, IndexedQuestion>;
}

const cache = new WeakMap<Questionnaire, QuestionnaireIndex>();

/** Questions in questionnaire order with a lookup by id; cached per questionnaire object. */
export function indexQuestionnaire(q: Questionnaire): QuestionnaireIndex {
  const hit = cache.get(q);
  if (hit) return hit;
  const questions: IndexedQuestion[] = [];
  const byId = new Map<string, IndexedQuestion>();
  for (const section of q.sections) {
    for (const question of section.questions) {
      const entry = { question, section, order: questions.length };
      questions.push(entry);
      if (!byId.has(question.id)) byId.set(question.id, entry);
    }
  }
  const index = { questions, byId };
  cache.set(q, index);
  return index;
}
