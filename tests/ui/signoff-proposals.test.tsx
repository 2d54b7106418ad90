/**
 * Open proposals block signing: the sign-off screen lists each proposed risk nobody handled as a
 * blocker, with a link that opens the register at that proposal (focused). Once it is dismissed
 * with a reason, signing is open.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment';
import { renderApp, seedAssessment, testServices } from './harness';

afterEach(() => cleanup());

/** Ready to sign but for the proposal the red flag "decision without a human" makes. */
const ready = {
  answers: { purpose: 'Fraude vinden', personalData: false, automated: 'alone' },
  redFlagResponses: { soloDecision: 'Een medewerker kijkt elke afwijzing na.' },
  conclusion: { decision: 'proceed' as const, reasoning: 'Een mens beslist.', conditions: [] },
};

describe('open proposals on the sign-off screen', () => {
  it('blocks signing with a link to the proposal, which the register focuses', async () => {
    const repository = createMemoryRepository();
    await seedAssessment(repository, ready);
    await renderApp(testServices(repository), { hash: '#/a/a1/signoff' });
    const blockers = await screen.findByRole(
      'region',
      { name: 'Ondertekenen kan nog niet' },
      { timeout: 15_000 },
    );
    const item = within(blockers)
      .getByText(/Voorgesteld risico nog niet behandeld/)
      .closest('li')!;
    expect(item).toHaveTextContent('Besluit zonder mens');
    const link = within(item).getByRole('link', { name: 'Naar het voorstel' });
    expect(link).toHaveAttribute('href', '#/a/a1/register/redFlag%3AsoloDecision');
    expect(screen.queryByRole('button', { name: 'Ondertekenen' })).toBeNull();

    await userEvent.setup().click(link);
    await screen.findByRole('heading', { level: 1, name: 'Risicoregister' }, { timeout: 15_000 });
    await waitFor(() =>
      expect(document.activeElement).toHaveAttribute('id', 'proposal-redFlag_soloDecision'),
    );
    expect(document.activeElement).toHaveTextContent('Besluit zonder mens');
  });

  it('lets the form show once the proposal is dismissed with a reason', async () => {
    const repository = createMemoryRepository();
    await seedAssessment(repository, {
      ...ready,
      proposals: {
        'redFlag:soloDecision': {
          status: 'dismissed',
          reason: 'Valt onder de werkinstructie',
          at: '2026-11-28T10:00:00.000Z',
        },
      },
    });
    await renderApp(testServices(repository), { hash: '#/a/a1/signoff' });
    await screen.findByRole('heading', { level: 1, name: 'Ondertekenen' }, { timeout: 15_000 });
    expect(screen.queryByText(/Voorgesteld risico nog niet behandeld/)).toBeNull();
    expect(await screen.findByRole('button', { name: 'Ondertekenen' })).toBeInTheDocument();
  });
});
