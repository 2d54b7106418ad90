import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import { renderApp, seedAssessment, testServices } from './harness';

afterEach(cleanup);

// Health data without a legal ground: the red flag "Bijzondere gegevens zonder grondslag" fires.
const FLAGGED = {
  purpose: 'x',
  personalData: true,
  dataKinds: ['health'],
  legalGround: 'no',
  automated: 'advice',
};

describe('the response to a red flag', () => {
  it('is written on the summary, saved, and no longer blocks signing', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: FLAGGED });
    await renderApp(testServices(repo), { hash: '#/a/a1/signoff' });
    const user = userEvent.setup();
    // Before: the sign-off screen names the flag without a response.
    expect(
      await screen.findByText(
        /Rode vlag zonder reactie: "Bijzondere gegevens zonder grondslag"/,
        {},
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();

    window.location.hash = '#/a/a1/summary';
    await screen.findByRole('heading', { level: 1, name: 'Samenvatting' }, { timeout: 15_000 });
    const flags = screen.getByRole('heading', { name: 'Rode vlaggen' }).parentElement!;
    const field = within(flags).getByLabelText(
      'Uw reactie op “Bijzondere gegevens zonder grondslag” (nodig voor ondertekening)',
    );
    expect(field).toHaveAccessibleDescription(/Wat u eraan doet/);
    await user.type(field, 'Grondslag vastgelegd in de verwerkersovereenkomst; FG akkoord.');
    await user.tab();
    await waitFor(
      async () =>
        expect((await repo.get('a1'))?.redFlagResponses).toEqual({
          specialNoGround: 'Grondslag vastgelegd in de verwerkersovereenkomst; FG akkoord.',
        }),
      { timeout: 5000 },
    );

    window.location.hash = '#/a/a1/signoff';
    await screen.findByRole('heading', { level: 1, name: /Ondertekenen/ });
    expect(screen.queryByText(/Rode vlag zonder reactie/)).toBeNull();
  });

  it('is asked in English too, and emptying it takes the response away again', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, {
      answers: FLAGGED,
      redFlagResponses: { specialNoGround: 'Eerder antwoord' },
    });
    await renderApp(testServices(repo), { lang: 'en', hash: '#/a/a1/summary' });
    const user = userEvent.setup();
    const field = await screen.findByLabelText(
      /^Your response to “.+” \(needed before signing\)$/,
      {},
      { timeout: 15_000 },
    );
    expect(field).toHaveValue('Eerder antwoord');
    await user.clear(field);
    await user.tab();
    await waitFor(async () => expect((await repo.get('a1'))?.redFlagResponses).toEqual({}), {
      timeout: 5000,
    });
  });

  it('the level dialog warns when an override goes below the level a red flag sets', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: FLAGGED });
    await renderApp(testServices(repo), { hash: '#/a/a1/summary' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Samenvatting' }, { timeout: 15_000 });
    await user.click(screen.getByRole('button', { name: /^Niveau aanpassen.*: Privacy/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).not.toHaveTextContent(/een rode vlag zet dit domein/);
    await user.click(within(dialog).getByRole('radio', { name: /^Laag/ }));
    expect(dialog).toHaveTextContent('Let op: een rode vlag zet dit domein op minstens Zeer hoog.');
    await user.click(within(dialog).getByRole('radio', { name: /^Zeer hoog/ }));
    expect(dialog).not.toHaveTextContent(/een rode vlag zet dit domein/);
  });
});
