/** Assessments over the mini questionnaire for the seal and sign-off tests. */
import { createAssessment } from '../../../src/core/assessment/assessment';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import type { SignOffInput } from '../../../src/core/signoff/signoff';
import { miniQuestionnaire } from '../core/helpers';

export const NOW = '2025-03-01T10:00:00.000Z';

export async function blankAssessment(): Promise<Assessment> {
  return createAssessment(
    miniQuestionnaire(),
    {
      title: 'Toeslagen',
      systemName: 'Risicomodel',
      organisation: 'Gemeente',
      owner: 'A. Jansen',
      locale: 'nl',
    },
    { id: 'a1', now: NOW },
  );
}

/**
 * Ready to sign: the two required questions of the mini questionnaire answered (personal data
 * "no" hides the privacy section and its required question) and a conclusion with reasoning.
 */
export async function readyAssessment(): Promise<Assessment> {
  const a = await blankAssessment();
  return {
    ...a,
    answers: { purpose: 'Aanvragen sneller beoordelen', personalData: false, automated: 'advice' },
    conclusion: {
      decision: 'proceed',
      reasoning: 'Laag risico, menselijke controle.',
      conditions: [],
    },
  };
}

export function signer(role: string, name: string): SignOffInput {
  return {
    role,
    name,
    function: 'Beleidsmedewerker',
    organisation: 'Gemeente',
    date: '2025-03-01',
    place: 'Utrecht',
    signature: { kind: 'typed', data: name },
  };
}
