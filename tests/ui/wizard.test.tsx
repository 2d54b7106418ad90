import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import { renderApp, seedAssessment, testServices } from './harness';

describe('wizard', () => {
  it('shows and hides a section live as the answer that controls it changes', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo);
    await renderApp(testServices(repo), { hash: '#/a/a1/step/0' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Context' }, { timeout: 15_000 });
    const steps = screen.getByRole('navigation', { name: 'Stappen van de beoordeling' });
    expect(within(steps).queryByRole('link', { name: /Privacy/ })).toBeNull();

    const group = screen.getByRole('radiogroup', { name: /Verwerkt het systeem persoonsgegevens/ });
    await user.click(within(group).getByRole('radio', { name: 'Ja' }));
    expect(await within(steps).findByRole('link', { name: /Privacy/ })).toBeInTheDocument();

    await user.click(within(group).getByRole('radio', { name: 'Nee' }));
    await waitFor(() => expect(within(steps).queryByRole('link', { name: /Privacy/ })).toBeNull());
  });

  it('blocks "next" on an open required question with an error summary that links to the field', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo);
    await renderApp(testServices(repo), { hash: '#/a/a1/step/0' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Context' }, { timeout: 15_000 });
    await user.click(screen.getByRole('button', { name: 'Opslaan en verder' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    const link = within(summary).getByRole('link', {
      name: /^Wat is het doel van het systeem\? Beantwoord deze vraag$/,
    });
    await user.click(link);
    expect(screen.getByRole('textbox', { name: /^Wat is het doel van het systeem/ })).toHaveFocus();
    // Still on the same step.
    expect(screen.getByRole('heading', { level: 1, name: 'Context' })).toBeInTheDocument();
  });

  it('says "no answers yet" in the live levels until something counts for a domain', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: {} });
    await renderApp(testServices(repo), { hash: '#/a/a1/step/0' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Context' }, { timeout: 15_000 });
    const live = screen.getByRole('region', { name: 'Niveaus tot nu toe' });
    await waitFor(() =>
      expect(within(live).getAllByText('nog geen antwoorden').length).toBeGreaterThan(1),
    );
    expect(live).not.toHaveTextContent(/voorlopig/);
    const group = screen.getByRole('radiogroup', { name: /Verwerkt het systeem persoonsgegevens/ });
    await user.click(within(group).getByRole('radio', { name: 'Ja' }));
    // An answer that scores privacy: now a (provisional) level there, and in the total.
    await waitFor(() => expect(live).toHaveTextContent(/voorlopig/), { timeout: 5000 });
  });

  it('goes from the last step to the risk register, which leads on to the summary', async () => {
    const repo = createMemoryRepository();
    // Privacy is hidden (no personal data): "Besluiten" is the last visible step.
    await seedAssessment(repo, { answers: { purpose: 'x', personalData: false } });
    await renderApp(testServices(repo), { hash: '#/a/a1/step/2' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: /Besluiten/ });
    expect(screen.queryByRole('button', { name: 'Opslaan en verder' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Opslaan en naar het risicoregister' }));
    await screen.findByRole('heading', { level: 1, name: 'Risicoregister' }, { timeout: 10_000 });
    expect(window.location.hash).toBe('#/a/a1/register');
    await user.click(screen.getByRole('link', { name: 'Naar de samenvatting' }));
    await screen.findByRole('heading', { level: 1, name: 'Samenvatting' }, { timeout: 10_000 });
    expect(window.location.hash).toBe('#/a/a1/summary');
  });

  it('names the risk register on the last step in English too', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: { purpose: 'x', personalData: false } });
    await renderApp(testServices(repo), { lang: 'en', hash: '#/a/a1/step/2' });
    expect(
      await screen.findByRole('button', { name: 'Save and go to the risk register' }),
    ).toBeInTheDocument();
  });

  it('saves answers and notes to the repository, and they are there when the assessment is opened again', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo);
    const view = await renderApp(testServices(repo), { hash: '#/a/a1/step/0' });
    const user = userEvent.setup();
    const purpose = await screen.findByRole('textbox', {
      name: /^Wat is het doel van het systeem/,
    });
    await user.type(purpose, 'Fraude opsporen');
    await user.click(screen.getAllByText('Notitie of bewijs toevoegen')[0]!);
    await user.type(
      screen.getByRole('textbox', { name: /Notitie of bewijs bij: Wat is het doel/ }),
      'Zie memo 12',
    );
    await waitFor(async () => {
      const stored = await repo.get('a1');
      expect(stored?.answers.purpose).toBe('Fraude opsporen');
      expect(stored?.notes.purpose).toBe('Zie memo 12');
    });
    view.unmount();

    await renderApp(testServices(repo), { hash: '#/a/a1/step/0' });
    expect(
      await screen.findByRole('textbox', { name: /^Wat is het doel van het systeem/ }),
    ).toHaveValue('Fraude opsporen');
  });

  it('shows the live level of a domain and the red flag on the summary, with the reasons', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, {
      answers: {
        purpose: 'x',
        personalData: true,
        dataKinds: ['health'],
        legalGround: 'no',
        automated: 'advice',
      },
    });
    await renderApp(testServices(repo), { hash: '#/a/a1/summary' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Samenvatting' });
    const table = screen.getByRole('table');
    const privacyRow = within(table).getByRole('row', { name: /Privacy/ });
    // privacy: 2 (yes) + 3 (health) + 4 (no ground) = 9 of 13 → 0.69 → high; red flag raises to very high.
    expect(privacyRow).toHaveTextContent('Zeer hoog');
    expect(privacyRow).toHaveTextContent('9 van 13');
    await user.click(within(privacyRow).getByText('Toon de redenen'));
    expect(
      within(privacyRow).getByText(/Rode vlag “Bijzondere gegevens zonder grondslag”/),
    ).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Rode vlaggen' }).parentElement).toHaveTextContent(
      'Bijzondere gegevens zonder grondslag',
    );
  });

  it('switches the interface and the questionnaire to English and sets the page language', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo);
    await renderApp(testServices(repo), { hash: '#/a/a1/step/0' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Context' }, { timeout: 15_000 });
    await user.click(screen.getByRole('button', { name: /English/ }));
    expect(
      await screen.findByRole('radiogroup', { name: /Does the system process personal data/ }),
    ).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('fria.lang')).toBe('en');
  });
});
