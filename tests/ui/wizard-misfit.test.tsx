/**
 * A stored answer that does not fit its question (an option id the questionnaire does not have, from
 * an edited file or an older version) is open for the step list exactly as for scoring, the summary
 * and the report; the wizard says so at the question instead of showing nothing chosen.
 */
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import { renderApp, seedAssessment, testServices } from './harness';

const LOAD = { timeout: 10_000 };
const ANSWERS = {
  purpose: 'Toeslagen toekennen',
  personalData: true,
  dataKinds: ['health'],
  // "maybe" is no option of legalGround (yes, unsure, no).
  legalGround: 'maybe',
  groundText: 'Wet',
};

describe('an answer that no longer fits its question', { timeout: 30_000 }, () => {
  it('is open in the step list, and the question says to choose again', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: ANSWERS });
    await renderApp(testServices(repo), { hash: '#/a/a1/step/1' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: /Privacy/ }, LOAD);
    const steps = screen.getByRole('navigation', { name: 'Stappen van de beoordeling' });
    const privacy = within(steps).getByRole('link', { name: /Privacy/ });
    expect(privacy).toHaveTextContent('1 van 2 beantwoord · 1 verplichte open');
    expect(privacy).not.toHaveTextContent('compleet');

    const group = screen.getByRole('radiogroup', { name: /grondslag/i });
    expect(group).toHaveAccessibleDescription(
      /Het opgeslagen antwoord past niet meer bij deze vraag\. Kies opnieuw\./,
    );
    await user.click(within(group).getAllByRole('radio')[0]!);
    await waitFor(() => expect(privacy).toHaveTextContent('compleet'));
    expect(group).not.toHaveAccessibleDescription(/past niet meer/);
  });

  it('in English', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: ANSWERS });
    await renderApp(testServices(repo), { lang: 'en', hash: '#/a/a1/step/1' });
    await screen.findByRole('heading', { level: 1, name: /Privacy/ }, LOAD);
    expect(
      screen.getByText('The saved answer no longer fits this question — choose again.'),
    ).toBeInTheDocument();
  });
});
