import { createAssessment } from '../../../src/core/assessment/assessment';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import { miniQuestionnaire } from '../core/helpers';

/**
 * An assessment of the mini questionnaire whose embedded copy has a red flag with the level
 * "veryHihg": the shape is fine, the validator refuses it (no such level). The answers raise that
 * red flag, so a copy used anyway would give a different level than the valid questionnaire.
 */
export async function brokenEmbedded(): Promise<Assessment> {
  const q = miniQuestionnaire();
  const a = await createAssessment(
    q,
    {
      title: 'Broken copy',
      systemName: 'Model',
      organisation: 'City',
      owner: 'Team',
      locale: 'en',
    },
    { id: 'broken-1', now: '2025-01-01T00:00:00.000Z' },
  );
  const copy = structuredClone(q);
  copy.redFlags![0]!.minLevel = 'veryHihg';
  return {
    ...a,
    questionnaireSnapshot: copy,
    answers: {
      purpose: 'Allocate benefits',
      personalData: true,
      dataKinds: ['health', 'ethnicity'],
      legalGround: 'no',
      automated: 'checked',
      usersPerYear: 100,
    },
  };
}
