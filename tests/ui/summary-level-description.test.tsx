import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import { createAssessment } from '../../src/core/assessment/assessment';
import { summarize } from '../../src/core/assessment/summary';
import { miniQuestionnaire, renderApp, testServices } from './harness';

// privacy: personal data yes 2/2, health 3/7, no legal basis 4/4, and the red flag → very high.
const ANSWERS = {
  purpose: 'Toeslagen controleren',
  personalData: true,
  dataKinds: ['health'],
  legalGround: 'no',
  automated: 'advice',
};

describe('summary: what the overall level means', { timeout: 20_000 }, () => {
  it('shows the overall level’s description (markdown) under the overall level', async () => {
    const q = miniQuestionnaire();
    q.levels[3]!.description = {
      nl: 'Volgende stap: doe **eerst** de volledige FRIA.',
      en: 'Next step: do the full FRIA **first**.',
    };
    q.levels[0]!.description = { nl: 'Niets te doen.', en: 'Nothing to do.' };
    const repo = createMemoryRepository();
    const a = {
      ...(await createAssessment(
        q,
        { title: 'T', systemName: 'Systeem', organisation: '', owner: '', locale: 'nl' },
        { id: 'a1', now: '2026-11-28T10:00:00.000Z' },
      )),
      answers: ANSWERS,
    };
    await repo.put(a, summarize(a, q));
    await renderApp(testServices(repo), { hash: '#/a/a1/summary' });
    await screen.findByRole('heading', { level: 1, name: 'Samenvatting' }, { timeout: 10_000 });
    const overall = screen.getByRole('region', { name: 'Totaalniveau' });
    expect(overall).toHaveTextContent('Zeer hoog');
    expect(overall).toHaveTextContent('Volgende stap: doe eerst de volledige FRIA.');
    // Markdown is rendered, not shown as asterisks.
    expect(within(overall).getByText('eerst').tagName).toBe('STRONG');
    expect(overall).not.toHaveTextContent('Niets te doen.');
  });
});
