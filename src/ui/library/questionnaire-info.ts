import type { Questionnaire } from '../../core/questionnaire';

/**
 * What a library item shows of its questionnaire: title, version and levels. A built-in
 * questionnaire's comes from the catalogue made at build time (library-list.ts), without loading
 * and checking the questionnaire; an assessment with its own questionnaire gives the whole
 * questionnaire, which has these fields too.
 */
export interface QuestionnaireInfo {
  id: string;
  version: string;
  title: Questionnaire['title'];
  levels: readonly Pick<Questionnaire['levels'][number], 'id' | 'label' | 'color'>[];
  /**
   * The questionnaires its assessments can carry their answers into (its `carryOver` targets), so
   * the item can offer "Start de volledige beoordeling met deze antwoorden"; set for built-in
   * questionnaires (from the catalogue); absent: none.
   */
  carryTargets?: readonly string[];
}
