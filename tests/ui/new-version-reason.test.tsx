/**
 * "Nieuwe versie maken" asks why: without a reason no version is made; the reason is stored with
 * the closed version (and its signed content) and shown with the earlier signatures.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository, summarize, type Assessment } from '../../src/core/assessment';
import { addSignOff } from '../../src/core/signoff';
import { miniQuestionnaire, renderApp, seedAssessment, testServices } from './harness';

afterEach(() => cleanup());
// jsdom has no canvas: the drawing pad gets a context that accepts every call and draws nothing.
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
    return new Proxy(
      { canvas: this },
      { get: (t, k) => (k === 'canvas' ? t.canvas : () => undefined), set: () => true },
    );
  } as unknown as HTMLCanvasElement['getContext'];
});

describe('starting a new version', () => {
  it('asks why, stores the reason and shows it with the earlier signatures', async () => {
    const repository = createMemoryRepository();
    const q = miniQuestionnaire();
    let a: Assessment = await seedAssessment(repository, {
      answers: { purpose: 'Fraude vinden', personalData: false, automated: 'advice' },
      conclusion: { decision: 'proceed', reasoning: 'Een mens beslist.', conditions: [] },
    });
    a = await addSignOff(
      a,
      q,
      {
        role: 'preparer',
        name: 'Anna de Vries',
        function: 'Adviseur',
        organisation: 'Gemeente Test',
        date: '2026-11-28',
        place: 'Utrecht',
        signature: { kind: 'typed', data: 'Anna de Vries' },
      },
      { id: 'so-1', now: '2026-11-28T11:00:00.000Z' },
    );
    await repository.put(a, summarize(a, q));
    await renderApp(testServices(repository), { hash: '#/a/a1/signoff' });
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole(
        'button',
        { name: 'Nieuwe versie maken om te wijzigen' },
        { timeout: 15_000 },
      ),
    );
    const why = screen.getByLabelText('Waarom maakt u een nieuwe versie?');
    expect(why).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Ja, maak versie 2' }));
    expect(await screen.findByText('Schrijf op waarom u een nieuwe versie maakt.')).toBeVisible();
    expect((await repository.get('a1'))?.version).toBe(1);

    await user.type(why, 'Het model is opnieuw getraind.');
    await user.click(screen.getByRole('button', { name: 'Ja, maak versie 2' }));
    await waitFor(async () => expect((await repository.get('a1'))?.version).toBe(2), {
      timeout: 5000,
    });
    const stored = (await repository.get('a1'))!;
    expect(stored.versions).toEqual([
      expect.objectContaining({ version: 1, reason: 'Het model is opnieuw getraind.' }),
    ]);
    const previous = screen.getByRole('region', { name: 'Ondertekend bij een eerdere versie' });
    expect(previous).toHaveTextContent('Reden: Het model is opnieuw getraind.');
  });
});
