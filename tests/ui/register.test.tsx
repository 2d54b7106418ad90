import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import type { RiskItem } from '../../src/core/assessment/assessment-schema';
import { renderApp, seedAssessment, testServices } from './harness';

// personalData yes + health + no legal ground: red flag "Bijzondere gegevens zonder grondslag"
// (privacy) and the high answer "personalData" (2 of 2 points) are proposed.
const ANSWERS = {
  purpose: 'Toeslagen controleren',
  personalData: true,
  dataKinds: ['health'],
  legalGround: 'no',
  automated: 'advice',
};

function storedRisk(extra: Partial<RiskItem> = {}): RiskItem {
  return {
    id: 'r-1',
    domain: 'privacy',
    title: 'Profilering op postcode',
    description: '',
    affectedGroups: 'Aanvragers',
    likelihood: 4,
    severity: 5,
    residualLikelihood: 2,
    residualSeverity: 4,
    measures: [
      {
        id: 'm-1',
        text: 'Postcode uit het model halen',
        owner: 'Team Data',
        dueDate: '2027-03-01',
        status: 'planned',
      },
    ],
    ...extra,
  };
}

/** The session opens asynchronously; on a busy machine that can take longer than findBy's 1 s. */
const LOAD = { timeout: 5000 };

// The register keeps an unsaved form in sessionStorage; one test's leftovers must not open a form
// in the next (the shared setup clears localStorage only).
afterEach(() => sessionStorage.clear());

/** Chooses a rating in the "before" or "after" part of the open risk form. */
async function rate(user: UserEvent, part: RegExp, l: string, s: string) {
  const group = screen.getByRole('group', { name: part });
  await user.click(
    within(within(group).getByRole('radiogroup', { name: /^Kans/ })).getByRole('radio', {
      name: l,
    }),
  );
  await user.click(
    within(within(group).getByRole('radiogroup', { name: /^Ernst/ })).getByRole('radio', {
      name: s,
    }),
  );
}

describe('risk register screen', { timeout: 20_000 }, () => {
  it('accepts a proposed risk after the team rates it; the risk is stored and linked', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: ANSWERS });
    await renderApp(testServices(repo), { hash: '#/a/a1/register' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Risicoregister' }, LOAD);

    const proposals = screen.getByRole('region', { name: "Voorgestelde risico's" });
    expect(
      within(proposals)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual([
      '⚑ Rode vlag: Bijzondere gegevens zonder grondslag',
      // Written as a risk, not as "question — answer"; where it came from is beside it.
      'Mogelijk risico voor Privacy',
    ]);
    expect(proposals).toHaveTextContent(
      'Voorgesteld door het antwoord “ja” op “Verwerkt het systeem persoonsgegevens?”',
    );
    await user.click(
      within(proposals).getByRole('button', {
        name: 'Opnemen in het register…: Bijzondere gegevens zonder grondslag',
      }),
    );
    const heading = screen.getByRole('heading', {
      name: 'Voorgesteld risico opnemen in het register',
    });
    expect(heading).toHaveFocus();
    // The suggested measure of the domain comes along.
    expect(screen.getByRole('textbox', { name: /Wat wordt er gedaan/ })).toHaveValue(
      'Gebruik minder gegevens',
    );

    // Without ratings it is refused with an error summary that links to the first field.
    await user.click(screen.getByRole('button', { name: 'Opnemen in het register' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    await user.click(within(summary).getByRole('link', { name: 'Kies de kans vóór maatregelen' }));
    expect(screen.getAllByRole('radio', { name: '1 – zeer onwaarschijnlijk' })[0]).toHaveFocus();

    await rate(user, /Risico vóór maatregelen/, '4 – waarschijnlijk', '5 – zeer ernstig');
    expect(screen.getByText(/Vóór maatregelen: 4 × 5 = 20/)).toBeInTheDocument();
    await rate(user, /Risico na maatregelen/, '2 – onwaarschijnlijk', '4 – ernstig');
    await user.click(screen.getByRole('button', { name: 'Opnemen in het register' }));

    const card = await screen.findByRole('article', { name: /R1 Bijzondere gegevens/ }, LOAD);
    expect(within(card).getByRole('heading', { level: 3 })).toHaveFocus();
    expect(card).toHaveTextContent('4 × 5 = 20');
    expect(card).toHaveTextContent('2 × 4 = 8');
    expect(card).toHaveTextContent('Opgenomen uit een voorstel');
    // The accepted proposal is no longer open.
    expect(
      within(proposals).queryByRole('button', { name: /Bijzondere gegevens zonder grondslag/ }),
    ).toBeNull();
    await waitFor(async () => {
      const a = await repo.get('a1');
      expect(a?.register).toHaveLength(1);
      expect(a?.register[0]).toMatchObject({
        proposal: 'redFlag:specialNoGround',
        likelihood: 4,
        severity: 5,
        residualLikelihood: 2,
        residualSeverity: 4,
      });
      expect(a?.proposals['redFlag:specialNoGround']).toMatchObject({ status: 'accepted' });
    });
  });

  it('adds a risk with a measure; a residual above the inherent needs a justification', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: { purpose: 'x', personalData: false } });
    await renderApp(testServices(repo), { hash: '#/a/a1/register' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Risicoregister' }, LOAD);

    const add = screen.getByRole('button', { name: 'Risico toevoegen bij Autonomie' });
    await user.click(add);
    expect(screen.getByRole('heading', { name: 'Nieuw risico bij Autonomie' })).toHaveFocus();
    await user.type(screen.getByRole('textbox', { name: /Titel van het risico/ }), 'Geen bezwaar');
    await rate(user, /Risico vóór maatregelen/, '2 – onwaarschijnlijk', '2 – beperkt');
    await user.click(screen.getByRole('button', { name: 'Maatregel toevoegen' }));
    const text = screen.getByRole('textbox', { name: /Wat wordt er gedaan/ });
    expect(text).toHaveFocus();
    await user.type(text, 'Bezwaarprocedure inrichten');
    await user.type(screen.getByRole('textbox', { name: /Eigenaar/ }), 'Juridische zaken');
    await user.type(screen.getByLabelText('Klaar op'), '2027-01-15');
    // After: 3 × 2 = 6 > 2 × 2 = 4 → justification required.
    await rate(user, /Risico na maatregelen/, '3 – mogelijk', '2 – beperkt');
    const why = screen.getByRole('textbox', {
      name: /Waarom is het risico na de maatregelen hoger/,
    });
    await user.click(screen.getByRole('button', { name: 'Risico opslaan' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent(
      'Leg uit waarom het risico na de maatregelen hoger is dan ervoor',
    );
    expect(why).toHaveAttribute('aria-invalid', 'true');
    await user.type(why, 'De leverancier stopt met ondersteuning');
    await user.click(screen.getByRole('button', { name: 'Risico opslaan' }));

    const card = await screen.findByRole('article', { name: /R1 Geen bezwaar/ }, LOAD);
    expect(card).toHaveTextContent('Bezwaarprocedure inrichten');
    expect(card).toHaveTextContent('Juridische zaken · 15 januari 2027 · Gepland');
    expect(card).toHaveTextContent('Waarom hoger na maatregelen: De leverancier stopt');
    // Register level of autonomy: residual 6 → medium.
    expect(screen.getByRole('region', { name: 'Autonomie' })).toHaveTextContent(
      /Niveau uit het register:.*Middel/,
    );
    await waitFor(async () => {
      const a = await repo.get('a1');
      expect(a?.register[0]?.measures[0]).toMatchObject({
        text: 'Bezwaarprocedure inrichten',
        owner: 'Juridische zaken',
        dueDate: '2027-01-15',
        status: 'planned',
      });
      expect(a?.register[0]?.residualJustification).toBe('De leverancier stopt met ondersteuning');
    });
  });

  it('removes a risk with an undo, and cancelling an edit returns focus to "Edit"', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: ANSWERS, register: [storedRisk()] });
    await renderApp(testServices(repo), { hash: '#/a/a1/register' });
    const user = userEvent.setup();
    const card = await screen.findByRole('article', { name: /R1 Profilering op postcode/ }, LOAD);

    const edit = within(card).getByRole('button', { name: 'Wijzigen R1 Profilering op postcode' });
    await user.click(edit);
    expect(screen.getByRole('heading', { name: 'Risico R1 wijzigen' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: /Titel van het risico/ })).toHaveValue(
      'Profilering op postcode',
    );
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(
      screen.getByRole('button', { name: 'Wijzigen R1 Profilering op postcode' }),
    ).toHaveFocus();

    await user.click(
      screen.getByRole('button', { name: 'Verwijderen R1 Profilering op postcode' }),
    );
    expect(screen.queryByRole('article', { name: /Profilering/ })).toBeNull();
    const notice = screen.getByRole('group', { name: 'Risico verwijderd' });
    expect(notice).toHaveFocus();
    await waitFor(async () => expect((await repo.get('a1'))?.register).toEqual([]));
    await user.click(within(notice).getByRole('button', { name: 'Ongedaan maken' }));
    const back = await screen.findByRole('article', { name: /R1 Profilering op postcode/ }, LOAD);
    expect(within(back).getByRole('heading', { level: 3 })).toHaveFocus();
    await waitFor(async () => expect((await repo.get('a1'))?.register).toHaveLength(1));
  });

  it('asks before discarding unsaved changes when another form is opened', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: ANSWERS, register: [storedRisk()] });
    await renderApp(testServices(repo), { hash: '#/a/a1/register' });
    const user = userEvent.setup();
    await screen.findByRole('article', { name: /R1 Profilering/ }, LOAD);
    await user.click(screen.getByRole('button', { name: /^Wijzigen R1/ }));
    await user.type(screen.getByRole('textbox', { name: /Titel van het risico/ }), ' (extra)');
    await user.click(screen.getByRole('button', { name: 'Risico toevoegen bij Inclusie' }));
    const dialog = screen.getByRole('dialog', { name: 'Wijzigingen weggooien?' });
    expect(within(dialog).getByRole('button', { name: 'Verder met wijzigen' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('textbox', { name: /Titel van het risico/ })).toHaveValue(
      'Profilering op postcode (extra)',
    );
    await user.click(screen.getByRole('button', { name: 'Risico toevoegen bij Inclusie' }));
    await user.click(screen.getByRole('button', { name: 'Wijzigingen weggooien' }));
    expect(screen.getByRole('heading', { name: 'Nieuw risico bij Inclusie' })).toHaveFocus();
  });

  it('dismisses a proposal only with a reason, in a dialog that keeps focus and closes on Escape', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: ANSWERS });
    await renderApp(testServices(repo), { hash: '#/a/a1/register' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Risicoregister' }, LOAD);
    const opener = screen.getByRole('button', {
      name: 'Afwijzen…: Mogelijk risico voor Privacy',
    });
    await user.click(opener);
    let dialog = screen.getByRole('dialog', { name: 'Voorgesteld risico afwijzen' });
    const reason = within(dialog).getByRole('textbox', { name: /Waarom is dit niet/ });
    expect(reason).toHaveFocus();
    // Tab cycles inside the dialog: reason → confirm → cancel → back to reason.
    await user.tab();
    await user.tab();
    await user.tab();
    expect(reason).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();

    await user.click(opener);
    dialog = screen.getByRole('dialog', { name: 'Voorgesteld risico afwijzen' });
    await user.click(within(dialog).getByRole('button', { name: 'Voorstel afwijzen' }));
    expect(
      within(dialog).getByText(/Schrijf op waarom dit voorgestelde risico/),
    ).toBeInTheDocument();
    await user.type(
      within(dialog).getByRole('textbox', { name: /Waarom is dit niet/ }),
      'Alleen e-mailadressen van medewerkers',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Voorstel afwijzen' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    // Focus moves to the remaining proposal.
    expect(
      screen.getByRole('button', {
        name: 'Opnemen in het register…: Bijzondere gegevens zonder grondslag',
      }),
    ).toHaveFocus();
    expect(screen.getByText('1 afgewezen voorstel')).toBeInTheDocument();
    await waitFor(async () =>
      expect((await repo.get('a1'))?.proposals['answer:personalData:privacy']).toMatchObject({
        status: 'dismissed',
        reason: 'Alleen e-mailadressen van medewerkers',
      }),
    );

    // The summary lists it with the reason.
    window.location.hash = '#/a/a1/summary';
    await screen.findByRole('heading', { level: 1, name: 'Samenvatting' }, LOAD);
    const reg = screen.getByRole('region', { name: 'Risicoregister' });
    expect(reg).toHaveTextContent(
      'Mogelijk risico voor Privacy (Privacy) — Reden: Alleen e-mailadressen van medewerkers',
    );
    expect(reg).toHaveTextContent('1 voorgesteld risico is nog niet behandeld.');
  });

  it('groups proposals per domain; all of a domain can be dismissed with one reason or taken as one risk', async () => {
    const repo = createMemoryRepository();
    // privacy: personalData 2/2 and dataKinds 6/7; inclusion: dataKinds (ethnicity) 2/2.
    await seedAssessment(repo, {
      answers: { ...ANSWERS, dataKinds: ['health', 'ethnicity'], legalGround: 'yes' },
    });
    await renderApp(testServices(repo), { hash: '#/a/a1/register' });
    const user = userEvent.setup();
    const proposals = await screen.findByRole('region', { name: "Voorgestelde risico's" }, LOAD);
    expect(
      within(proposals)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Privacy (2 voorstellen)', 'Inclusie (1 voorstel)']);

    const privacy = within(proposals).getByRole('group', { name: /^Privacy/ });
    await user.click(
      within(privacy).getByRole('button', { name: 'Alle 2 opnemen als één risico…' }),
    );
    expect(
      screen.getByRole('heading', {
        name: "2 voorgestelde risico's als één risico opnemen in het register",
      }),
    ).toHaveFocus();
    const title = screen.getByRole('textbox', { name: /Titel van het risico/ });
    // The titles combined, the description left to the team; the sources beside the form.
    expect(title).toHaveValue(
      'Mogelijk risico voor Privacy; Mogelijk risico voor Privacy door “Gezondheid, Etniciteit”',
    );
    expect(screen.getByRole('textbox', { name: /^Beschrijving/ })).toHaveValue('');
    const sources = screen.getByRole('note');
    expect(sources).toHaveTextContent('Waarom de app dit risico voorstelt:');
    expect(
      within(sources)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Voorgesteld door het antwoord “ja” op “Verwerkt het systeem persoonsgegevens?”: 2 van 2 punten voor Privacy.',
      'Voorgesteld door het antwoord “Gezondheid, Etniciteit” op “Welke gegevens?”: 6 van 7 punten voor Privacy.',
    ]);
    await user.clear(title);
    await user.type(title, 'Gevoelige gegevens in het model');
    await rate(user, /Risico vóór maatregelen/, '3 – mogelijk', '4 – ernstig');
    await rate(user, /Risico na maatregelen/, '2 – onwaarschijnlijk', '4 – ernstig');
    await user.click(screen.getByRole('button', { name: 'Opnemen in het register' }));
    await screen.findByRole('article', { name: /R1 Gevoelige gegevens in het model/ }, LOAD);
    expect(within(proposals).queryByRole('group', { name: /^Privacy/ })).toBeNull();

    const inclusion = within(proposals).getByRole('group', { name: /^Inclusie/ });
    await user.click(within(inclusion).getByRole('button', { name: /^Afwijzen…/ }));
    const dialog = screen.getByRole('dialog', { name: 'Voorgesteld risico afwijzen' });
    await user.type(
      within(dialog).getByRole('textbox', { name: /Waarom is dit niet/ }),
      'Geen etniciteit in de echte gegevens',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Voorstel afwijzen' }));
    expect(screen.getByRole('heading', { name: "Voorgestelde risico's" })).toHaveFocus();
    await waitFor(async () => {
      const a = await repo.get('a1');
      expect(a?.proposals).toMatchObject({
        'answer:personalData:privacy': { status: 'accepted', riskId: a?.register[0]?.id },
        'answer:dataKinds:privacy': { status: 'accepted', riskId: a?.register[0]?.id },
        'answer:dataKinds:inclusion': {
          status: 'dismissed',
          reason: 'Geen etniciteit in de echte gegevens',
        },
      });
    });
  });

  it('dismisses all proposals of a domain with one reason', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: ANSWERS });
    await renderApp(testServices(repo), { hash: '#/a/a1/register' });
    const user = userEvent.setup();
    const proposals = await screen.findByRole('region', { name: "Voorgestelde risico's" }, LOAD);
    await user.click(within(proposals).getByRole('button', { name: 'Alle 2 afwijzen…' }));
    const dialog = screen.getByRole('dialog', { name: "2 voorgestelde risico's afwijzen" });
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Bijzondere gegevens zonder grondslag', 'Mogelijk risico voor Privacy']);
    await user.type(within(dialog).getByRole('textbox'), 'Proefopstelling zonder echte gegevens');
    await user.click(within(dialog).getByRole('button', { name: '2 voorstellen afwijzen' }));
    expect(screen.getByText('2 voorstellen afgewezen.')).toBeInTheDocument();
    expect(screen.getByText('2 afgewezen voorstellen')).toBeInTheDocument();
  });

  it('keeps an unsaved risk form when the page is left and opened again', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: ANSWERS });
    const view = await renderApp(testServices(repo), { hash: '#/a/a1/register' });
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Risico toevoegen bij Privacy' }, LOAD),
    );
    await user.type(screen.getByRole('textbox', { name: /Titel van het risico/ }), 'Half af');
    view.unmount();
    await renderApp(testServices(repo), { hash: '#/a/a1/register' });
    expect(await screen.findByRole('textbox', { name: /Titel van het risico/ })).toHaveValue(
      'Half af',
    );
    expect(screen.getByText(/Uw wijzigingen zijn teruggezet/)).toBeInTheDocument();
  });

  it('draws the heat map with counts and a text alternative', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, {
      answers: ANSWERS,
      register: [storedRisk(), storedRisk({ id: 'r-2', title: 'Tweede', domain: 'autonomy' })],
    });
    await renderApp(testServices(repo), { hash: '#/a/a1/register' });
    await screen.findByRole('heading', { level: 1, name: 'Risicoregister' }, LOAD);
    const before = screen.getByRole('img', { name: /^Vóór maatregelen/ });
    // Both risks at likelihood 4, severity 5 before; 2 × 4 after.
    expect(before).toHaveAccessibleName(
      "Vóór maatregelen 2 risico's. Kans 4, ernst 5 (20, Zeer hoog): 2 risico's, R1, R2.",
    );
    expect(screen.getByRole('img', { name: /^Na maatregelen/ })).toHaveAccessibleName(
      "Na maatregelen 2 risico's. Kans 2, ernst 4 (8, Middel): 2 risico's, R1, R2.",
    );
    const table = screen.getByRole('table', { name: /Alle risico's met kans × ernst/ });
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('R2 TweedeAutonomie4 × 5 = 20');
  });
});

describe('in English', { timeout: 20_000 }, () => {
  it('labels the register, the ratings and the CSV in English, with a comma separator', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: ANSWERS, register: [storedRisk()] });
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (b: Blob) => (blobs.push(b), 'blob:test'),
      revokeObjectURL: () => {},
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await renderApp(testServices(repo), { lang: 'en', hash: '#/a/a1/register' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Risk register' }, LOAD);
    expect(screen.getByRole('heading', { level: 4, name: /Special-category data/ })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Add a risk in Autonomy' }));
    const before = screen.getByRole('group', { name: /Risk before measures/ });
    expect(
      within(within(before).getByRole('radiogroup', { name: /^Likelihood/ }))
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual([
      '1 – very unlikely',
      '2 – unlikely',
      '3 – possible',
      '4 – likely',
      '5 – almost certain',
    ]);
    expect(
      within(within(before).getByRole('radiogroup', { name: /^Severity/ }))
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual([
      '1 – minimal',
      '2 – limited',
      '3 – considerable',
      '4 – serious',
      '5 – very serious',
    ]);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    window.location.hash = '#/a/a1/actions';
    await user.click(await screen.findByRole('button', { name: 'Download as CSV' }, LOAD));
    const text = new TextDecoder().decode(new Uint8Array(await blobs[0]!.arrayBuffer()).slice(3));
    expect(text.split('\r\n').slice(0, 2)).toEqual([
      'No.,Risk,Domain,Measure,Owner,Due date,Status',
      'R1,Profilering op postcode,Privacy,Postcode uit het model halen,Team Data,2027-03-01,Planned',
    ]);
    click.mockRestore();
  });
});

describe('summary: overrides, bars, conclusion', { timeout: 20_000 }, () => {
  it('overrides a domain with a required justification; computed and final stay side by side', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: ANSWERS });
    await renderApp(testServices(repo), { hash: '#/a/a1/summary' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Samenvatting' }, LOAD);
    const table = screen.getByRole('table', { name: /Niveau per domein/ });
    const row = within(table).getByRole('row', { name: /Privacy/ });
    const opener = within(row).getByRole('button', { name: 'Niveau aanpassen…: Privacy' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Niveau van Privacy aanpassen' });
    expect(dialog).toHaveTextContent('Berekend niveau: ●●●●Zeer hoog');
    await user.click(within(dialog).getByRole('radio', { name: 'Hoog' }));
    await user.click(within(dialog).getByRole('button', { name: 'Aanpassing opslaan' }));
    const justification = within(dialog).getByRole('textbox', { name: /Onderbouwing/ });
    expect(justification).toHaveFocus();
    expect(dialog).toHaveTextContent('Schrijf op waarom u het niveau aanpast');
    await user.type(justification, 'Grondslag ligt bij de Raad van State');
    // Who sets the level is asked too, and recorded with the moment.
    await user.click(within(dialog).getByRole('button', { name: 'Aanpassing opslaan' }));
    const by = within(dialog).getByRole('textbox', { name: /Uw naam en functie/ });
    expect(by).toHaveFocus();
    expect(dialog).toHaveTextContent('Vul uw naam in');
    await user.type(by, 'A. Jansen, privacyjurist');
    await user.click(within(dialog).getByRole('button', { name: 'Aanpassing opslaan' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(
      within(row).getByRole('button', { name: 'Aanpassing wijzigen…: Privacy' }),
    ).toHaveFocus();

    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('Zeer hoog'); // computed
    expect(cells[1]).toHaveTextContent('Hoog');
    expect(cells[1]).toHaveTextContent(
      'Aangepast door de beoordelaar: Grondslag ligt bij de Raad van State (A. Jansen, privacyjurist,',
    );
    expect(screen.getByText('Het niveau van Privacy is nu Hoog.')).toBeInTheDocument();
    // The bar view says both too.
    const bars = screen.getByRole('region', { name: 'Domeinen in één oogopslag' });
    expect(within(bars).getByText('Privacy').parentElement).toHaveTextContent(
      'Privacy●●●○Hoog berekend: ●●●●Zeer hoog',
    );
    await waitFor(async () =>
      expect((await repo.get('a1'))?.overrides.privacy).toMatchObject({
        level: 'high',
        justification: 'Grondslag ligt bij de Raad van State',
        by: 'A. Jansen, privacyjurist',
      }),
    );
  });

  it('says which adjustments in the file do not count, keeps the computed level, and removes them', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, {
      answers: ANSWERS,
      overrides: {
        // "laagst" is no level of the mini questionnaire, "eerlijkheid" no domain of it.
        privacy: { level: 'laagst', justification: 'Met de hand in het bestand gezet' },
        eerlijkheid: { level: 'low', justification: 'Uit een oudere versie' },
      },
    });
    await renderApp(testServices(repo), { hash: '#/a/a1/summary' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Samenvatting' }, LOAD);

    const note = screen.getByRole('note', { name: 'Aanpassingen die niet tellen' });
    expect(note).toHaveTextContent(
      'Privacy: de aanpassing naar niveau “laagst” telt niet, want deze vragenlijst heeft dat niveau niet.',
    );
    expect(note).toHaveTextContent(
      '“eerlijkheid”: de aanpassing naar niveau “low” telt niet, want deze vragenlijst heeft dat domein niet.',
    );
    // The final level is the computed one (red flag: Zeer hoog), never lower; the row says why.
    const table = screen.getByRole('table', { name: /Niveau per domein/ });
    const row = within(table).getByRole('row', { name: /Privacy/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('Zeer hoog');
    expect(cells[1]).toHaveTextContent('Zeer hoog');
    expect(cells[1]).toHaveTextContent('telt niet, want deze vragenlijst heeft dat niveau niet');

    // The dialog says the saved level does not exist and preselects nothing.
    await user.click(within(row).getByRole('button', { name: 'Aanpassing wijzigen…: Privacy' }));
    const dialog = screen.getByRole('dialog', { name: 'Niveau van Privacy aanpassen' });
    expect(dialog).toHaveAccessibleDescription(/niveau “laagst”.*telt niet/);
    expect(
      within(dialog)
        .getAllByRole('radio')
        .some((r) => (r as HTMLInputElement).checked),
    ).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Annuleren' }));

    // Removing the stray one: announced, stored, and the notice lists only the other.
    await user.click(within(note).getByRole('button', { name: /^Verwijderen: “eerlijkheid”/ }));
    expect(screen.getByText('De aanpassing van eerlijkheid is verwijderd.')).toBeInTheDocument();
    expect(note).not.toHaveTextContent('eerlijkheid');
    await waitFor(async () =>
      expect(Object.keys((await repo.get('a1'))!.overrides)).toEqual(['privacy']),
    );
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Niveaus per domein' })).toHaveFocus(),
    );
  });

  it('records the conclusion as it is written and says what is still missing', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: ANSWERS });
    await renderApp(testServices(repo), { hash: '#/a/a1/summary' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Samenvatting' }, LOAD);
    const section = screen.getByRole('region', { name: 'Conclusie' });
    expect(section).toHaveTextContent('Er is nog geen besluit vastgelegd.');
    await user.click(within(section).getByRole('radio', { name: /Doorgaan onder voorwaarden/ }));
    expect(section).toHaveTextContent('Schrijf de onderbouwing van het besluit op');
    expect(section).toHaveTextContent('Voeg minstens één voorwaarde toe');
    await user.type(
      within(section).getByRole('textbox', { name: /Onderbouwing/ }),
      'Risico aanvaardbaar met toezicht',
    );
    await user.click(within(section).getByRole('button', { name: 'Voorwaarde toevoegen' }));
    const c1 = within(section).getByRole('textbox', { name: 'Voorwaarde 1' });
    expect(c1).toHaveFocus();
    await user.type(c1, 'Jaarlijkse audit');
    expect(section).toHaveTextContent('De conclusie is compleet en opgeslagen.');
    await waitFor(async () =>
      expect((await repo.get('a1'))?.conclusion).toEqual({
        decision: 'proceedWithConditions',
        reasoning: 'Risico aanvaardbaar met toezicht',
        conditions: ['Jaarlijkse audit'],
      }),
    );
  });
});

describe('action plan', { timeout: 20_000 }, () => {
  const register = [
    storedRisk({
      measures: [
        { id: 'm-1', text: 'Audit', owner: 'Zoë', dueDate: '2027-03-01', status: 'planned' },
        { id: 'm-2', text: 'Training', owner: '', dueDate: '2026-12-01', status: 'done' },
      ],
    }),
    storedRisk({
      id: 'r-2',
      title: 'Tweede; met "quotes"',
      measures: [{ id: 'm-3', text: '=Formule', owner: 'anna', dueDate: '', status: 'inProgress' }],
    }),
  ];

  it('sorts by due date and by owner, and updates a status', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { register });
    await renderApp(testServices(repo), { hash: '#/a/a1/actions' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Actieplan' }, LOAD);
    const table = screen.getByRole('table', { name: 'Maatregelen met eigenaar, datum en status' });
    const firstCells = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[0]!.textContent);
    // Default: by due date, ascending, undated last.
    expect(firstCells()).toEqual(['Training', 'Audit', '=Formule']);
    const dueHeader = within(table).getByRole('columnheader', { name: /Klaar op/ });
    expect(dueHeader).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(dueHeader).getByRole('button'));
    expect(dueHeader).toHaveAttribute('aria-sort', 'descending');
    expect(firstCells()).toEqual(['Audit', 'Training', '=Formule']);
    const ownerHeader = within(table).getByRole('columnheader', { name: /Eigenaar/ });
    await user.click(within(ownerHeader).getByRole('button'));
    expect(ownerHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(dueHeader).toHaveAttribute('aria-sort', 'none');
    expect(firstCells()).toEqual(['=Formule', 'Audit', 'Training']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status van: Audit' }), 'done');
    expect(screen.getByText('3 maatregelen, 2 klaar.')).toBeInTheDocument();
    await waitFor(async () =>
      expect((await repo.get('a1'))?.register[0]?.measures[0]?.status).toBe('done'),
    );
  });

  it('downloads the plan as CSV with BOM, header, escaped quotes, in the order shown', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { register });
    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:test';
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: () => {} });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await renderApp(testServices(repo), { hash: '#/a/a1/actions' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Downloaden als CSV' }, LOAD));
    expect(click).toHaveBeenCalledTimes(1);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')).toEqual([
      'Nr.;Risico;Domein;Maatregel;Eigenaar;Klaar op;Status',
      'R1;Profilering op postcode;Privacy;Training;;2026-12-01;Klaar',
      'R1;Profilering op postcode;Privacy;Audit;Zoë;2027-03-01;Gepland',
      `R2;"Tweede; met ""quotes""";Privacy;'=Formule;anna;;Bezig`,
      '',
    ]);
    expect(screen.getByText('Het actieplan is gedownload.')).toBeInTheDocument();
    click.mockRestore();
  });
});
