import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import { createAssessment } from '../../src/core/assessment/assessment';
import { summarize } from '../../src/core/assessment/summary';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import { miniQuestionnaire, renderApp, testServices } from './harness';

// privacy: personal data yes 2/2, health 3/7, no legal basis 4/4, and the red flag → very high.
const ANSWERS = {
  purpose: 'Toeslagen controleren',
  personalData: true,
  dataKinds: ['health'],
  legalGround: 'no',
  automated: 'advice',
};

async function showSummary(answers: Assessment['answers']) {
  const q = miniQuestionnaire();
  q.levels[3]!.obligations = [
    {
      id: 'notice',
      kind: 'notice',
      text: { nl: 'Informeer de mensen om wie het gaat.', en: 'Inform the people affected.' },
    },
  ];
  q.levels[3]!.requiredRoles = ['reviewer'];
  q.signOff = {
    roles: [
      { id: 'preparer', label: { nl: 'Opsteller', en: 'Preparer' }, required: true },
      { id: 'reviewer', label: { nl: 'Beoordelaar', en: 'Reviewer' }, required: false },
    ],
    declaration: { nl: 'Ik verklaar.', en: 'I declare.' },
  };
  const repo = createMemoryRepository();
  const a = {
    ...(await createAssessment(
      q,
      { title: 'T', systemName: 'Systeem', organisation: '', owner: '', locale: 'nl' },
      { id: 'a1', now: '2026-11-28T10:00:00.000Z' },
    )),
    answers,
  };
  await repo.put(a, summarize(a, q));
  await renderApp(testServices(repo), { hash: '#/a/a1/summary' });
  await screen.findByRole('heading', { level: 1, name: 'Samenvatting' }, { timeout: 10_000 });
  return screen.getByRole('region', { name: 'Totaalniveau' });
}

describe('summary: what the overall level requires', { timeout: 20_000 }, () => {
  it('lists the obligations and required roles of the final level', async () => {
    const overall = await showSummary(ANSWERS);
    expect(overall).toHaveTextContent('Wat er moet gebeuren bij niveau Zeer hoog');
    expect(overall).toHaveTextContent(
      'Mensen informeren om wie het gaat: Informeer de mensen om wie het gaat.',
    );
    expect(overall).toHaveTextContent(
      'Bij dit niveau moeten deze rollen ondertekenen: Beoordelaar.',
    );
    expect(overall).not.toHaveTextContent('Nog niet definitief');
  });

  it('says they are not final while a required question is open', async () => {
    const overall = await showSummary({ ...ANSWERS, purpose: '' });
    expect(overall).toHaveTextContent('Nog niet definitief');
    expect(overall).toHaveTextContent('zouden deze rollen moeten ondertekenen: Beoordelaar.');
    expect(overall).not.toHaveTextContent('moeten deze rollen ondertekenen');
  });
});
