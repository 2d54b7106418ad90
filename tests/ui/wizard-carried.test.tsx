/**
 * Carry-over in the app: the quick scan's summary starts the full FRIA with its answers filled in;
 * each carried answer says where it came from until the user confirms it (per answer, or all of a
 * step at once); the summary lists the unconfirmed ones and the sign-off is blocked by them.
 */
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import { parseAssessment } from '../../src/core/assessment/assessment';
import { summarize } from '../../src/core/assessment/summary';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';
import { renderApp, testServices } from './harness';

const LOAD = { timeout: 15_000 };
const root = join(import.meta.dirname, '..', '..');

async function seedQuickScan(repo: ReturnType<typeof createMemoryRepository>) {
  const q = validateQuestionnaire(
    JSON.parse(readFileSync(join(root, 'questionnaires/quick-scan/questionnaire.json'), 'utf8')),
  );
  if (!q.valid) throw new Error('quick scan invalid');
  const file = JSON.parse(
    readFileSync(
      join(root, 'questionnaires/quick-scan/fixtures/youth-risk-signals.fria.json'),
      'utf8',
    ),
  );
  const r = parseAssessment({ ...file, id: 'scan1' });
  if (!r.ok) throw new Error('fixture invalid');
  await repo.put(r.value, summarize(r.value, q.questionnaire));
}

describe('answers carried over from the quick scan', { timeout: 90_000 }, () => {
  it('start from the summary, see where each came from, confirm one and then a whole step', async () => {
    const repo = createMemoryRepository();
    await seedQuickScan(repo);
    await renderApp(testServices(repo), { hash: '#/a/scan1/summary' });
    const user = userEvent.setup();
    const start = await screen.findByRole(
      'button',
      { name: 'Start de volledige beoordeling met deze antwoorden' },
      LOAD,
    );
    await user.click(start);

    // Step 1 of the full FRIA: "purpose" came from the quick scan's description.
    await screen.findByRole('heading', { level: 1, name: /Doel en grondslag/ }, LOAD);
    const from =
      'Overgenomen uit Quickscan grondrechten “Quick scan early signals for youth support” van 2 oktober 2025.';
    const purpose = screen.getByRole('textbox', { name: /^Welk probleem wilt u oplossen/ });
    expect((purpose as HTMLTextAreaElement).value).toContain(
      'A model that combines school absence',
    );
    expect(purpose).toHaveAccessibleDescription(expect.stringContaining(from));
    expect(purpose).toHaveAccessibleDescription(expect.stringContaining('Nog niet bevestigd'));

    await user.click(
      screen.getByRole('button', { name: /^Bevestigen: overgenomen antwoord op “Welk probleem/ }),
    );
    await waitFor(() =>
      expect(purpose).toHaveAccessibleDescription(
        expect.stringContaining('U hebt dit antwoord bevestigd.'),
      ),
    );
    expect(screen.queryByRole('button', { name: /^Bevestigen/ })).toBeNull();

    // Step 2: three carried answers; "confirm all in this step" confirms them together.
    const id = window.location.hash.split('/')[2]!;
    window.location.hash = `#/a/${id}/step/1`;
    await screen.findByRole('heading', { level: 1, name: /Het systeem/ }, LOAD);
    const note = screen.getByText(/antwoorden in deze stap zijn overgenomen/).closest('div')!;
    expect(note).toHaveTextContent(
      '2 antwoorden in deze stap zijn overgenomen uit Quickscan grondrechten',
    );
    await user.click(
      within(note).getByRole('button', { name: 'Alles bevestigen in deze stap (2)' }),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Bevestigen/ })).toBeNull());

    // The summary lists what is still unconfirmed, with links to the questions.
    const stored = await repo.get(id);
    expect(stored?.carried?.purpose?.confirmedAt).toBeDefined();
    expect(stored?.carried?.systemKind?.confirmedAt).toBeDefined();
    expect(stored?.carried?.legalEffect?.confirmedAt).toBeUndefined();
    window.location.hash = `#/a/${id}/summary`;
    const list = await screen.findByRole(
      'region',
      { name: 'Overgenomen antwoorden die nog niet bevestigd zijn' },
      LOAD,
    );
    expect(within(list).getAllByRole('link')).toHaveLength(8);
    expect(list).not.toHaveTextContent('Wat voor systeem is het?');
    // The quick scan itself is unchanged.
    expect((await repo.get('scan1'))?.carried).toBeUndefined();
  });
});

describe('the library offers the same start', { timeout: 90_000 }, () => {
  it('on the quick scan line, and says how many answers were taken over', async () => {
    const repo = createMemoryRepository();
    await seedQuickScan(repo);
    await renderApp(testServices(repo), { hash: '#/' });
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole(
        'button',
        { name: /^Start de volledige beoordeling met deze antwoorden/ },
        LOAD,
      ),
    );
    await screen.findByText(
      /Nieuwe beoordeling “FRIA: .*” gemaakt met 11 antwoorden uit “Quick scan early signals for youth support”/,
      {},
      LOAD,
    );
    const link = screen.getByRole('link', { name: 'Open de nieuwe beoordeling' });
    const id = link.getAttribute('href')!.split('/')[2]!;
    expect(Object.keys((await repo.get(id))?.carried ?? {})).toHaveLength(11);
  });
});
