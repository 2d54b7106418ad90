/**
 * Labels say what they are: the register's likelihood and severity before measures are required
 * and marked so (as every required field is); a sign-off role carries its examples only where the
 * role is chosen, not in every place it is named.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createAssessment, createMemoryRepository, summarize } from '../../src/core/assessment';
import type { Assessment } from '../../src/core/assessment';
import type { Questionnaire } from '../../src/core/questionnaire';
import { addSignOff } from '../../src/core/signoff';
import { miniQuestionnaire, renderApp, seedAssessment, testServices } from './harness';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
    return new Proxy(
      { canvas: this },
      { get: (t, k) => (k === 'canvas' ? t.canvas : () => undefined), set: () => true },
    );
  } as unknown as HTMLCanvasElement['getContext'];
});

describe('required ratings are marked', { timeout: 30_000 }, () => {
  it('Kans and Ernst before measures say "(verplicht)"; the optional residual ones do not', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: { purpose: 'x', personalData: false } });
    await renderApp(testServices(repo), { hash: '#/a/a1/register' });
    await screen.findByRole('heading', { level: 1, name: 'Risicoregister' }, { timeout: 15_000 });
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: 'Risico toevoegen bij Autonomie' }));
    const before = screen.getByRole('group', { name: /Risico vóór maatregelen/ });
    const after = screen.getByRole('group', { name: /Risico na maatregelen/ });
    for (const name of [/^Kans/, /^Ernst/]) {
      const g = within(before).getByRole('radiogroup', { name });
      expect(g).toHaveAccessibleName(/\(verplicht\)$/);
      expect(g).toHaveAttribute('aria-required', 'true');
      const r = within(after).getByRole('radiogroup', { name });
      expect(r).not.toHaveAccessibleName(/verplicht/);
      expect(r).not.toHaveAttribute('aria-required');
    }
  });
});

function rolesWithExamples(): Questionnaire {
  return {
    ...miniQuestionnaire(),
    signOff: {
      roles: [
        { id: 'preparer', label: { nl: 'Opsteller', en: 'Preparer' }, required: true },
        {
          id: 'reviewer',
          label: {
            nl: 'Beoordelaar (bijvoorbeeld de functionaris gegevensbescherming)',
            en: 'Reviewer (for example the data protection officer)',
          },
          required: false,
        },
        {
          id: 'approver',
          label: {
            nl: 'Vaststeller (de verantwoordelijke bestuurder)',
            en: 'Approver (the accountable executive)',
          },
          required: true,
        },
      ],
      declaration: { nl: 'Ik verklaar dat dit klopt.', en: 'I declare this is right.' },
    },
  };
}

describe('role examples only where the role is chosen', { timeout: 30_000 }, () => {
  it('the role picker shows the examples; the signed card and the status do not', async () => {
    const q = rolesWithExamples();
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
    for (const [id, role, name] of [
      ['so-a', 'preparer', 'Anna'],
      ['so-b', 'reviewer', 'Bram'],
    ] as const) {
      a = await addSignOff(
        a,
        q,
        {
          role,
          name,
          function: 'Adviseur',
          organisation: 'Gemeente',
          date: '2026-12-07',
          place: 'Rivierstad',
          signature: { kind: 'typed', data: name },
        },
        { id, now: '2026-12-07T10:00:00.000Z' },
      );
    }
    await repository.put(a, summarize(a, q));
    await renderApp(testServices(repository), { hash: '#/a/a1/signoff' });
    await screen.findByRole('heading', { level: 1, name: 'Ondertekenen' }, { timeout: 15_000 });

    // Where the role is chosen: with its examples.
    const form = screen.getByRole('region', { name: 'Ondertekenen' });
    expect(
      within(form).getByRole('radio', { name: /Vaststeller \(de verantwoordelijke bestuurder\)/ }),
    ).toBeInTheDocument();
    // Where it is named: the name only.
    expect(screen.getByRole('heading', { level: 3, name: 'Bram — Beoordelaar' })).toBeVisible();
    const outside = document.body.textContent!.replace(form.textContent!, '');
    expect(outside).not.toContain('bijvoorbeeld de functionaris');
    expect(outside).not.toContain('de verantwoordelijke bestuurder');
  });
});
