import type { Questionnaire } from '../../core/questionnaire';

// The questionnaire a user just loaded on the start screen, offered first on the "new" screen.
let preselected: Questionnaire | null = null;

export function setPreselectedQuestionnaire(q: Questionnaire | null): void {
  preselected = q;
}

export function takePreselectedQuestionnaire(): Questionnaire | null {
  const q = preselected;
  preselected = null;
  return q;
}
