/**
 * A signed version is locked: its steps do not look editable and offer no "Opslaan en verder" —
 * nothing would be saved. The button only moves on, and says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createAssessment, createMemoryRepository, summarize } from '../../src/core/assessment';
import type { Assessment } from '../../src/core/assessment';
import { addSignOff, isLocked, signOffRoles } from '../../src/core/signoff';
import { miniQuestionnaire, renderApp, testServices } from './harness';

afterEach(() => cleanup());

async function signedRepository() {
  const q = miniQuestionnaire();
  const repository = createMemoryRepository();
  let a: Assessment = {
    ...(await createAssessment(
      q,
      { title: 'T', systemName: 'S', organisation: 'Gemeente', owner: 'Team', locale: 'nl' },
      { id: 'a1', now: '2026-12-07T09:00:00.000Z' },
    )),
    answers: { purpose: 'Fraude vinden', personalData: false, automated: 'advice' },
    conclusion: { decision: 'proceed', reasoning: 'Een mens beslist.', conditions: [] },
  };
  let n = 0;
  for (const role of signOffRoles(q).filter((r) => r.required)) {
    a = await addSignOff(
      a,
      q,
      {
        role: role.id,
        name: `Persoon ${++n}`,
        function: 'Adviseur',
        organisation: 'Gemeente',
        date: '2026-12-07',
        place: 'Rivierstad',
        signature: { kind: 'typed', data: `Persoon ${n}` },
      },
      { id: `so-${n}`, now: '2026-12-07T10:00:00.000Z' },
    );
  }
  expect(isLocked(a)).toBe(true);
  await repository.put(a, summarize(a, q));
  return repository;
}

describe('a signed, locked step', { timeout: 30_000 }, () => {
  it('shows no "Opslaan en verder", its fields are read-only, and the button moves on', async () => {
    await renderApp(testServices(await signedRepository()), { hash: '#/a/a1/step/0' });
    await screen.findByRole(
      'region',
      { name: /getekend|ondertekend|vergrendeld/i },
      {
        timeout: 15_000,
      },
    );
    expect(screen.queryByRole('button', { name: /Opslaan/ })).toBeNull();
    const form = document.querySelector('form')!;
    expect(form).toHaveClass('wizard__form--read-only');
    for (const el of form.querySelectorAll('input[type="text"], textarea'))
      expect(el).toHaveAttribute('readonly');
    for (const el of form.querySelectorAll('input[type="radio"], input[type="checkbox"]'))
      expect(el).toBeDisabled();
    const first = screen.getByRole('heading', { level: 1 }).textContent;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Volgende stap' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).not.toBe(first),
    );
  });
});
