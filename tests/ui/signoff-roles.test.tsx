/**
 * The sign-off form takes its role from the record: after a reload with the preparer signed, the
 * required approver is selected, not the optional reviewer; the same person cannot sign the same
 * role twice; a signer withdraws their own sign-off with a reason and it stays visible as withdrawn.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment';
import { createAssessment } from '../../src/core/assessment';
import { summarize } from '../../src/core/assessment';
import { addSignOff } from '../../src/core/signoff';
import type { Questionnaire } from '../../src/core/questionnaire';
import type { Assessment } from '../../src/core/assessment';
import { miniQuestionnaire, renderApp, testServices } from './harness';

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

function threeRoles(): Questionnaire {
  return {
    ...miniQuestionnaire(),
    signOff: {
      roles: [
        { id: 'preparer', label: { nl: 'Opsteller', en: 'Preparer' }, required: true },
        { id: 'reviewer', label: { nl: 'Beoordelaar', en: 'Reviewer' }, required: false },
        { id: 'approver', label: { nl: 'Vaststeller', en: 'Approver' }, required: true },
      ],
      declaration: { nl: 'Ik verklaar dat dit klopt.', en: 'I declare this is right.' },
    },
  };
}

/** Ready to sign, signed by the preparer; stored in the repository as a reload would find it. */
async function seeded() {
  const q = threeRoles();
  const repository = createMemoryRepository();
  let a: Assessment = {
    ...(await createAssessment(
      q,
      {
        title: 'Fraude',
        systemName: 'Risicoscore',
        organisation: 'Gemeente Rivierstad',
        owner: 'Team',
        locale: 'nl',
      },
      { id: 'a1', now: '2026-12-07T09:00:00.000Z' },
    )),
    answers: { purpose: 'Fraude vinden', personalData: false, automated: 'advice' },
    conclusion: { decision: 'proceed', reasoning: 'Een mens beslist.', conditions: [] },
  };
  a = await addSignOff(
    a,
    q,
    {
      role: 'preparer',
      name: 'Anna de Vries',
      function: 'Adviseur',
      organisation: 'Gemeente Rivierstad',
      date: '2026-12-07',
      place: 'Rivierstad',
      signature: { kind: 'typed', data: 'Anna de Vries' },
    },
    { id: 'so-anna', now: '2026-12-07T10:00:00.000Z' },
  );
  await repository.put(a, summarize(a, q));
  return repository;
}

async function openSignOff() {
  const services = testServices(await seeded());
  await renderApp(services, { hash: '#/a/a1/signoff' });
  await screen.findByRole('heading', { level: 1, name: 'Ondertekenen' }, { timeout: 15_000 });
  return screen.getByRole('region', { name: 'Ondertekenen' });
}

async function signTyped(form: HTMLElement, name: string) {
  const user = userEvent.setup();
  await user.type(within(form).getByLabelText(/^Naam/), name);
  await user.click(within(form).getByLabelText('Ik ga akkoord met deze verklaring'));
  await user.click(within(form).getByRole('radio', { name: /Mijn naam typen/ }));
  await user.type(within(form).getByLabelText('Typ uw volledige naam als handtekening'), name);
  await user.click(within(form).getByRole('button', { name: 'Ondertekenen' }));
}

describe('sign-off roles', () => {
  it('selects the required approver after a reload, not the optional reviewer', async () => {
    const form = await openSignOff();
    expect(within(form).getByRole('radio', { name: /^Vaststeller/ })).toBeChecked();
    expect(within(form).getByRole('radio', { name: /^Beoordelaar/ })).not.toBeChecked();
  });

  it('refuses a second signature of the same role by the same person', async () => {
    const form = await openSignOff();
    await userEvent.setup().click(within(form).getByRole('radio', { name: /^Opsteller/ }));
    await signTyped(form, 'Anna de Vries');
    // Other alerts may be on the page (e.g. a storage notice): the error summary is one of them.
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('alert')
          .map((el) => el.textContent)
          .join(' '),
      ).toContain(
        'Anna de Vries heeft deze versie al ondertekend als Opsteller. Iemand tekent een rol maar één keer',
      ),
    );
    expect(screen.getAllByRole('heading', { level: 3, name: /Anna de Vries/ })).toHaveLength(1);
  });

  it('lets the signer withdraw their own sign-off with a reason, kept in view', async () => {
    await openSignOff();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Mijn ondertekening intrekken' }));
    const wd = screen.getByRole('form', { name: 'Ondertekening van Anna de Vries intrekken' });
    await user.type(within(wd).getByLabelText(/^Uw naam/), 'Bram Bakker');
    await user.type(within(wd).getByLabelText(/^Waarom/), 'Verkeerde versie gelezen.');
    await user.click(within(wd).getByRole('button', { name: 'Ondertekening intrekken' }));
    expect(await within(wd).findByRole('alert')).toHaveTextContent(
      'Alleen wie tekende kan deze ondertekening intrekken: typ de naam zoals die is ondertekend (Anna de Vries).',
    );
    await user.clear(within(wd).getByLabelText(/^Uw naam/));
    await user.type(within(wd).getByLabelText(/^Uw naam/), 'Anna de Vries');
    await user.click(within(wd).getByRole('button', { name: 'Ondertekening intrekken' }));
    const withdrawn = await screen.findByRole('region', { name: 'Ingetrokken ondertekeningen' });
    expect(withdrawn).toHaveTextContent(
      'Anna de Vries (Opsteller) tekende versie 1 op 7 december 2026 en trok die ondertekening in op',
    );
    expect(withdrawn).toHaveTextContent('Reden: Verkeerde versie gelezen.');
    expect(screen.getByText('Nog niemand heeft deze versie ondertekend.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('radio', { name: /^Opsteller/ })).toBeChecked());
  });
});
