/**
 * While a required question is open every level is provisional, everywhere, with the number of
 * open required questions: the live panel, the summary's total and both level columns. Before,
 * a domain whose own questions were all answered showed "Laag" without a word, and the final
 * level column never said "voorlopig".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRepository, createAssessment, summarize } from '../../src/core/assessment';
import { miniQuestionnaire, renderApp, testServices } from './harness';

afterEach(() => cleanup());

// Privacy fully answered (contact details, legal ground yes); the required purpose is open.
const ANSWERS = {
  personalData: true,
  dataKinds: ['contact'],
  legalGround: 'yes',
  automated: 'advice',
};

async function seeded() {
  const q = miniQuestionnaire();
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
  return testServices(repo);
}

describe('provisional levels', { timeout: 30_000 }, () => {
  it('marks every level on the summary provisional and says how many required questions are open', async () => {
    await renderApp(await seeded(), { hash: '#/a/a1/summary' });
    await screen.findByRole('heading', { level: 1, name: 'Samenvatting' }, { timeout: 15_000 });
    const overall = screen.getByRole('region', { name: 'Totaalniveau' });
    expect(overall).toHaveTextContent('(voorlopig — nog 1 verplichte vraag open)');
    const privacy = screen.getByRole('row', { name: /^Privacy/ });
    const cells = within(privacy).getAllByRole('cell');
    // "Berekend niveau" and "Eindniveau" both.
    expect(cells[0]).toHaveTextContent(/Laag\s*\(voorlopig\)/);
    expect(cells[1]).toHaveTextContent(/Laag\s*\(voorlopig\)/);
    expect(
      screen.getByText('Alle niveaus zijn voorlopig: er staat nog 1 verplichte vraag open.'),
    ).toBeInTheDocument();
  });

  it('marks the live levels provisional with the count beside the total', async () => {
    await renderApp(await seeded(), { hash: '#/a/a1/step/1', lang: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Privacy' }, { timeout: 15_000 });
    const live = screen.getByRole('region', { name: 'Levels so far' });
    await waitFor(() => expect(live).toHaveTextContent('(provisional — 1 required question open)'));
    const privacy = within(live).getByText('Privacy').closest('div')!;
    expect(privacy).toHaveTextContent(/Low\s*\(provisional\)/);
  });
});
