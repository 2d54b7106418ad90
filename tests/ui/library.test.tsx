import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createMemoryRepository,
  type AssessmentRepository,
} from '../../src/core/assessment/repository';
import { serializeAssessment } from '../../src/core/assessment/assessment';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import { readAssessmentFile } from '../../src/core/assessment/backup';
import { deletedThisVisit } from '../../src/ui/library/deleted-this-visit';
import { renderApp, seedAssessment, testServices } from './harness';
import { createAssessment } from '../../src/core/assessment/assessment';
import { summarize } from '../../src/core/assessment/summary';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';
import friaCore from '../../questionnaires/fria-core/questionnaire.json';

/** Files the app offered for download, as text. */
let downloads: { name: string; text: Promise<string> }[] = [];
beforeEach(() => {
  downloads = [];
  deletedThisVisit.reset();
  Object.assign(URL, {
    createObjectURL: (b: Blob) => {
      downloads.push({ name: '', text: b.text() });
      return 'blob:test';
    },
    revokeObjectURL: () => {},
  });
  // The file name is set on the link that is clicked.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const last = downloads.at(-1);
    if (last) last.name = this.download;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function seedThree(repo: AssessmentRepository): Promise<Assessment[]> {
  return [
    await seedAssessment(repo, {
      id: 'a1',
      updatedAt: '2026-11-20T10:00:00.000Z',
      meta: {
        title: 'Camera’s Centrum',
        systemName: 'Slimme camera',
        organisation: 'G',
        owner: 'O',
        locale: 'nl',
      },
    }),
    await seedAssessment(repo, {
      id: 'a2',
      updatedAt: '2026-11-27T10:00:00.000Z',
      answers: { personalData: true, dataKinds: ['health'], legalGround: 'no' },
      meta: {
        title: 'Bijstandsfraude',
        systemName: 'Risicoscore Łódź',
        organisation: 'G',
        owner: 'O',
        locale: 'nl',
      },
    }),
    await seedAssessment(repo, {
      id: 'a3',
      updatedAt: '2026-11-25T10:00:00.000Z',
      meta: {
        title: 'Afvalroutes',
        systemName: 'Routeplanner',
        organisation: 'G',
        owner: 'O',
        locale: 'nl',
      },
    }),
  ];
}

/** The library once its list has loaded. */
async function library(name = 'Verder met een beoordeling'): Promise<HTMLElement> {
  const region = await screen.findByRole('region', { name });
  await within(region).findByRole('list', { name });
  return region;
}
const titles = (region: HTMLElement) =>
  within(region)
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('h3')?.textContent)
    .filter(Boolean);

describe('library', () => {
  it('shows each assessment with questionnaire, version, status, level and last change', async () => {
    const repo = createMemoryRepository();
    await seedThree(repo);
    await renderApp(testServices(repo));
    const lib = await library();
    const item = within(lib).getByRole('listitem', { name: 'Bijstandsfraude' });
    // The level needs the questionnaire (embedded in the assessment), which loads after the list.
    expect(await within(item).findByText('Zeer hoog')).toBeInTheDocument();
    expect(item).toHaveTextContent('Risicoscore Łódź');
    expect(item).toHaveTextContent('Mini-vragenlijst 1.0.0');
    expect(item).toHaveTextContent('versie 1');
    expect(item).toHaveTextContent('concept');
    expect(item).toHaveTextContent('nog niet geëxporteerd');
    expect(within(item).getByRole('link', { name: 'Bijstandsfraude' })).toHaveAttribute(
      'href',
      '#/a/a2/step/0',
    );
  });

  it('searches without regard to accents, filters and sorts', async () => {
    const repo = createMemoryRepository();
    await seedThree(repo);
    await renderApp(testServices(repo));
    const user = userEvent.setup();
    const lib = await library();
    expect(titles(lib)).toEqual(['Bijstandsfraude', 'Afvalroutes', 'Camera’s Centrum']);
    expect(within(lib).getByText('3 van 3 beoordelingen')).toBeInTheDocument();

    await user.type(within(lib).getByLabelText('Zoeken'), 'lodz');
    expect(titles(lib)).toEqual(['Bijstandsfraude']);
    expect(within(lib).getByText('1 van 3 beoordelingen')).toBeInTheDocument();
    await user.clear(within(lib).getByLabelText('Zoeken'));

    await user.selectOptions(within(lib).getByLabelText('Sorteren op'), 'Titel');
    expect(titles(lib)).toEqual(['Afvalroutes', 'Bijstandsfraude', 'Camera’s Centrum']);
    await within(lib).findByText('Zeer hoog');
    await user.selectOptions(within(lib).getByLabelText('Sorteren op'), 'Niveau (hoogste eerst)');
    // Health data without a legal basis raises a red flag: "very high" comes first.
    expect(titles(lib)[0]).toBe('Bijstandsfraude');

    await user.selectOptions(within(lib).getByLabelText('Status'), 'ondertekend');
    expect(titles(lib)).toEqual([]);
    expect(
      within(lib).getByText('Geen beoordeling past bij uw zoekopdracht of filter.'),
    ).toBeInTheDocument();
  });

  it('deletes only after a confirmation that names it, and undoes it', async () => {
    const repo = createMemoryRepository();
    const [a1] = await seedThree(repo);
    await renderApp(testServices(repo));
    const user = userEvent.setup();
    const lib = await library();
    const del = within(lib).getByRole('button', { name: 'Verwijderen voor “Camera’s Centrum”' });
    await user.click(del);
    const confirm = within(lib).getByRole('group', { name: '“Camera’s Centrum” verwijderen?' });
    expect(confirm).toHaveTextContent('(Slimme camera, Mini-vragenlijst 1.0.0, versie 1)');
    expect(within(confirm).getByRole('heading', { level: 4 })).toHaveFocus();

    // Cancel: nothing happens, focus goes back to the button.
    await user.click(within(confirm).getByRole('button', { name: 'Annuleren' }));
    expect(del).toHaveFocus();
    expect(await repo.get('a1')).not.toBeNull();

    await user.click(del);
    await user.click(within(lib).getByRole('button', { name: 'Ja, verwijderen' }));
    const notice = await within(lib).findByText('“Camera’s Centrum” is verwijderd.');
    await waitFor(() => expect(notice).toHaveFocus());
    expect(await repo.get('a1')).toBeNull();
    expect(titles(lib)).not.toContain('Camera’s Centrum');

    await user.click(
      within(lib).getByRole('button', {
        name: 'Verwijderen van “Camera’s Centrum” ongedaan maken',
      }),
    );
    expect(await within(lib).findByText('“Camera’s Centrum” is terug.')).toBeInTheDocument();
    expect(await repo.get('a1')).toEqual(a1);
    await waitFor(() => expect(titles(lib)).toContain('Camera’s Centrum'));
    // Focus lands on the restored assessment, not on the page (the undo button is gone).
    await waitFor(() =>
      expect(within(lib).getByRole('link', { name: 'Camera’s Centrum' })).toHaveFocus(),
    );
  });

  it('does not delete an assessment that another tab is editing', async () => {
    const repo = createMemoryRepository();
    await seedThree(repo);
    const services = {
      ...testServices(repo),
      acquireEditLock: async () => ({ readOnly: true, mechanism: 'locks' as const, release() {} }),
    };
    await renderApp(services);
    const user = userEvent.setup();
    const lib = await library();
    await user.click(within(lib).getByRole('button', { name: 'Verwijderen voor “Afvalroutes”' }));
    await user.click(within(lib).getByRole('button', { name: 'Ja, verwijderen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“Afvalroutes” is open om te bewerken in een ander tabblad of venster.',
    );
    expect(await repo.get('a3')).not.toBeNull();
  });

  it('duplicates as a new version and leaves the original as it was', async () => {
    const repo = createMemoryRepository();
    const [a1] = await seedThree(repo);
    await renderApp(testServices(repo));
    const user = userEvent.setup();
    const lib = await library();
    await user.click(
      within(lib).getByRole('button', {
        name: 'Dupliceren als nieuwe versie voor “Camera’s Centrum”',
      }),
    );
    const link = await within(lib).findByRole('link', { name: 'Versie 2 openen' });
    const copyId = decodeURIComponent(link.getAttribute('href')!.split('/')[2]!);
    const copy = await repo.get(copyId);
    expect(copy).toMatchObject({ version: 2, answers: a1!.answers, meta: a1!.meta });
    expect(copy!.id).not.toBe('a1');
    expect(await repo.get('a1')).toEqual(a1);
    await waitFor(() => expect(within(lib).getAllByText(/versie 2/)).not.toHaveLength(0));
  });

  it('exports one assessment as a .fria.json file and notes that it was exported', async () => {
    const repo = createMemoryRepository();
    const [a1] = await seedThree(repo);
    await renderApp(testServices(repo));
    const user = userEvent.setup();
    const lib = await library();
    const item = within(lib).getByRole('listitem', { name: 'Camera’s Centrum' });
    await user.click(within(item).getByRole('button', { name: /^Bestand exporteren/ }));
    await within(lib).findByText(/is geëxporteerd naar het bestand/);
    expect(downloads.map((d) => d.name)).toEqual(['Camera-s-Centrum-v1.fria.json']);
    const r = readAssessmentFile(await downloads[0]!.text);
    expect(r.ok && r.value.assessments).toEqual([a1]);
    await waitFor(() => expect(item).not.toHaveTextContent('nog niet geëxporteerd'));
  });

  it('exports everything as one backup', async () => {
    const repo = createMemoryRepository();
    const seeded = await seedThree(repo);
    await renderApp(testServices(repo));
    const user = userEvent.setup();
    await library();
    const panel = screen.getByRole('region', { name: 'Back-up en importeren' });
    await user.click(within(panel).getByRole('button', { name: 'Alles exporteren (back-up)' }));
    expect(
      await screen.findByText(/Er is een back-up van 3 beoordelingen gemaakt: fria-wizard-backup-/),
    ).toBeInTheDocument();
    const r = readAssessmentFile(await downloads[0]!.text);
    expect(r.ok && r.value.kind).toBe('backup');
    expect(r.ok && [...r.value.assessments].sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      seeded,
    );
  });

  it('imports a file, and asks before replacing an assessment that is here in another state', async () => {
    const repo = createMemoryRepository();
    const [a1] = await seedThree(repo);
    await renderApp(testServices(repo));
    const user = userEvent.setup();
    await library();
    const input = screen.getByLabelText(
      'Bestanden importeren of terugzetten (.fria.json, back-up of pdf)',
    );
    const theirs = {
      ...a1!,
      updatedAt: '2026-11-28T09:00:00.000Z',
      answers: { purpose: 'Uit het bestand' },
    };
    const fresh = { ...a1!, id: 'new-one', meta: { ...a1!.meta, title: 'Nieuw uit bestand' } };
    await user.upload(input, [
      new File([serializeAssessment(theirs)], 'theirs.fria.json', { type: 'application/json' }),
      new File([serializeAssessment(fresh)], 'fresh.fria.json', { type: 'application/json' }),
      new File(['{ kapot'], 'kapot.json', { type: 'application/json' }),
    ]);
    expect(await screen.findByText(/1 beoordeling toegevoegd/)).toBeInTheDocument();
    expect(await repo.get('new-one')).toEqual(fresh);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'kapot.json: niet alles kon worden gelezen.',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Het bestand is geen geldige JSON');

    const heading = screen.getByRole('heading', {
      name: 'Staat al op dit apparaat: wat wilt u doen?',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    // Nothing is overwritten before the user chooses.
    expect(await repo.get('a1')).toEqual(a1);
    const group = screen.getByRole('group', { name: /“Camera’s Centrum”: hier gewijzigd/ });
    await user.click(within(group).getByRole('radio', { name: /vervangen door het bestand/ }));
    await user.click(screen.getByRole('button', { name: 'Deze keuzes uitvoeren' }));
    expect(await screen.findByText(/1 vervangen\./)).toBeInTheDocument();
    expect((await repo.get('a1'))?.answers).toEqual({ purpose: 'Uit het bestand' });
    // The state it replaced is kept as an earlier version.
    expect((await repo.versions('a1'))[0]?.assessment).toEqual(a1);
  });

  it('reminds gently when changes have not been exported for more than a day', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { updatedAt: '2026-11-20T10:00:00.000Z' });
    // testServices' clock says 2026-11-28.
    await renderApp(testServices(repo));
    const user = userEvent.setup();
    const reminder = await screen.findByRole('region', { name: 'Maak een back-up' });
    expect(reminder).toHaveTextContent(
      '“Test” heeft wijzigingen die al meer dan een dag niet in een bestand staan.',
    );
    await user.click(within(reminder).getByRole('button', { name: 'Alles exporteren (back-up)' }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Maak een back-up' })).toBeNull(),
    );
    expect(
      screen.getByText('Alle wijzigingen staan in een geëxporteerd bestand.'),
    ).toBeInTheDocument();
  });

  it('shows a record from a newer app without opening it, and exports it anyway', async () => {
    const repo = createMemoryRepository();
    const futureText = '{"format":"fria-assessment","formatVersion":9,"id":"f1"}';
    const odd: AssessmentRepository & { exportText(id: string): Promise<string | null> } = {
      ...repo,
      list: async () => [
        {
          id: 'f1',
          title: 'Uit de toekomst',
          systemName: 'Nieuw systeem',
          questionnaireId: 'fria-core',
          questionnaireVersion: '9.0.0',
          status: 'draft',
          overallLevel: null,
          updatedAt: '2030-01-01T00:00:00.000Z',
          exportedAt: null,
          problem: 'newerFormat',
        },
      ],
      exportText: async () => futureText,
    };
    await renderApp(testServices(odd));
    const user = userEvent.setup();
    const lib = await library();
    const item = within(lib).getByRole('listitem', { name: 'Uit de toekomst' });
    expect(item).toHaveTextContent('opgeslagen door een nieuwere versie van FRIA Wizard');
    expect(within(item).queryByRole('link')).toBeNull();
    await user.click(within(item).getByRole('button', { name: /Toch exporteren/ }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(await downloads[0]!.text).toBe(futureText);
  });

  it('says when the browser database cannot be used', async () => {
    await renderApp({ ...testServices(), storageProblem: 'unavailable' });
    const region = await screen.findByRole('region', { name: 'Verder met een beoordeling' });
    await within(region).findByText('Er staan nog geen beoordelingen op dit apparaat.');
    expect(region).toHaveTextContent(
      'Opslaan op dit apparaat werkt op dit moment niet. Deze browser laat de app hier niet opslaan',
    );
  });

  it('speaks English too', async () => {
    const repo = createMemoryRepository();
    await seedThree(repo);
    await renderApp(testServices(repo), { lang: 'en' });
    const lib = await library('Continue an assessment');
    expect(within(lib).getByText('3 of 3 assessments')).toBeInTheDocument();
    expect(
      within(lib).getByRole('button', { name: 'Delete for “Afvalroutes”' }),
    ).toBeInTheDocument();
    const panel = screen.getByRole('region', { name: 'Backup and import' });
    expect(
      within(panel).getByRole('button', { name: 'Export everything (backup)' }),
    ).toBeInTheDocument();
    // The seeded changes are more than a day old and never exported: the reminder says so.
    expect(screen.getByRole('region', { name: 'Make a backup' })).toHaveTextContent(
      '3 assessments have changes that have not been in a file for more than a day',
    );
    expect(screen.getByRole('region', { name: 'Storage on this device' })).toBeInTheDocument();
    await act(async () => {});
  });

  it('offers a newer questionnaire version, moves the answers and lists what it set aside', async () => {
    // Version 0.9.0 of the built-in questionnaire: one question and one choice that 1.0.0 lacks.
    const old = structuredClone(friaCore) as Record<string, unknown> & {
      version: string;
      sections: { questions: Record<string, unknown>[] }[];
    };
    old.version = '0.9.0';
    // Written before format 2 (no formatVersion), so an unscored old domain is only a warning.
    delete (old as { formatVersion?: number }).formatVersion;
    const first = old.sections[0]!;
    const legal = first.questions.find((q) => q.id === 'legalBasis') as {
      options: Record<string, unknown>[];
    };
    legal.options.push({ id: 'oldChoice', label: { nl: 'Oude keuze', en: 'Old choice' } });
    first.questions.push({
      id: 'oldQuestion',
      type: 'longText',
      label: { nl: 'Een vraag die verdwijnt', en: 'A question that goes' },
    });
    // A domain and a level that 1.0.0 lacks, both overridden, and a response to a gone red flag.
    (old as unknown as { domains: Record<string, unknown>[] }).domains.push({
      id: 'oldDomain',
      label: { nl: 'Oud domein', en: 'Old domain' },
      description: { nl: 'Verdwijnt', en: 'Goes' },
    });
    (old as unknown as { levels: Record<string, unknown>[] }).levels.push({
      id: 'extreme',
      label: { nl: 'Extreem', en: 'Extreme' },
      color: '#000000',
    });
    (old as unknown as { thresholds: number[] }).thresholds.push(0.9);
    const v = validateQuestionnaire(old);
    if (!v.valid) throw new Error(v.problems[0]?.message);
    const created = await createAssessment(
      v.questionnaire,
      { title: 'Oude lijst', systemName: 'S', organisation: 'O', owner: 'P', locale: 'nl' },
      { id: 'old1', now: '2026-11-27T10:00:00.000Z' },
    );
    const a = {
      ...created,
      answers: { purpose: 'Blijft staan', legalBasis: 'oldChoice', oldQuestion: 'Oud antwoord' },
      notes: { oldQuestion: 'Notitie bij de oude vraag' },
      overrides: {
        oldDomain: { level: 'high', justification: 'Omdat' },
        privacy: { level: 'extreme', justification: 'Omdat' },
        autonomy: { level: 'high', justification: 'Blijft gelden' },
      },
      redFlagResponses: { goneFlag: 'Reactie' },
    };
    const repo = createMemoryRepository();
    await repo.put(a, summarize(a, v.questionnaire));
    await renderApp(testServices(repo));
    const user = userEvent.setup();
    const lib = await library();
    const item = within(lib).getByRole('listitem', { name: 'Oude lijst' });
    expect(
      await within(item).findByText(
        `Er is een nieuwere versie van de vragenlijst: ${friaCore.version}.`,
        { exact: false },
      ),
    ).toBeInTheDocument();
    await user.click(
      within(item).getByRole('button', {
        name: `Overzetten naar versie ${friaCore.version} voor “Oude lijst”`,
      }),
    );

    const note = await within(lib).findByText(
      `gebruikt nu versie ${friaCore.version} van de vragenlijst`,
      { exact: false },
    );
    const box = note.closest('div')!;
    expect(box).toHaveTextContent('Overgenomen antwoorden: 1. Apart gezet: 2.');
    expect(box).toHaveTextContent(
      'Een vraag die verdwijnt: Oud antwoord (de vraag bestaat niet meer) — notitie: Notitie bij de oude vraag',
    );
    expect(box).toHaveTextContent(': Oude keuze (deze keuze bestaat niet meer)');
    // What the new version no longer uses is named, not silently kept aside.
    expect(box).toHaveTextContent(
      'Een bijgesteld niveau telt niet meer mee, omdat het domein of het niveau niet in deze versie staat: Oud domein, Privacy en gegevens.',
    );
    expect(box).toHaveTextContent(
      'Uw reactie op een rode vlag die niet in deze versie staat, is bewaard maar telt niet meer mee.',
    );
    expect(box).not.toHaveTextContent(/Autonomie/);

    const moved = await repo.get('old1');
    expect(moved?.questionnaire.version).toBe(friaCore.version);
    expect(moved?.answers).toEqual({ purpose: 'Blijft staan' });
    expect(moved?.setAside.map((x) => [x.questionId, x.value, x.reason])).toEqual([
      ['legalBasis', 'oldChoice', 'optionRemoved'],
      ['oldQuestion', 'Oud antwoord', 'questionRemoved'],
    ]);
    // The state before the move is kept to go back to.
    expect((await repo.versions('old1'))[0]?.assessment).toEqual(a);
    await waitFor(() =>
      expect(within(lib).queryByText(/Er is een nieuwere versie van de vragenlijst/)).toBeNull(),
    );
  });
});
