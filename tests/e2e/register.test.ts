/**
 * The risk register end to end in real Chromium, over the single HTML file from file:// with the network
 * blocked: answer the mini questionnaire so that proposals appear, record two risks with measures
 * (one from a proposal, one by hand), dismiss a proposal with a reason, download the action plan as
 * CSV, override one domain, conclude, and find all of it on the summary and in the exported PDF.
 * Screenshots of the register, heat map, dialog and summary in light and dark go to $SHOTS_DIR
 * (or a temporary folder) for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL, tempDir } from './browser';
import { axeViolations, describeViolations } from './axe';

const MINI = resolve('tests/fixtures/mini-questionnaire.json');
const SHOTS = process.env.SHOTS_DIR ?? tempDir('fria-register-shots-');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const axeProblems: string[] = [];

/** Screenshots in light and dark, and axe-core in light, dark and high contrast. */
async function shoot(page: Page, name: string, target?: Locator) {
  for (const theme of ['light', 'dark', 'contrast'] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    const v = await axeViolations(page);
    if (v.length) axeProblems.push(describeViolations(`${name} [${theme}]`, v));
    if (theme === 'contrast') continue;
    const path = join(SHOTS, `${name}-${theme}.png`);
    if (target) await target.screenshot({ path });
    else await page.screenshot({ path, fullPage: true });
  }
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
}

/** Picks likelihood and severity in the "before" or "after" part of the open risk form. */
async function rate(page: Page, part: RegExp, likelihood: string, severity: string) {
  const group = page.getByRole('group', { name: part });
  await group
    .getByRole('radiogroup', { name: /^Kans/ })
    .getByRole('radio', { name: likelihood })
    .check();
  await group
    .getByRole('radiogroup', { name: /^Ernst/ })
    .getByRole('radio', { name: severity })
    .check();
}

async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await click();
  const d = await pending;
  const file = join(tempDir(), name);
  await d.saveAs(file);
  return file;
}

describe('risk register, override and conclusion, end to end', () => {
  it('records two risks, overrides a domain, concludes, and finds it all on the summary and in the PDF', async () => {
    const w = await openPage(browser, { locale: 'nl-NL' });
    const { page } = w;
    await page.goto(SINGLE_FILE_URL);
    await page.getByLabel('Kies een bestand met een vragenlijst (.json)').setInputFiles(MINI);
    await page.getByRole('heading', { level: 1, name: 'Nieuwe beoordeling' }).waitFor();
    await page.getByLabel(/Naam van het systeem/).fill('Toeslagencheck Noordstad');
    await page.getByRole('button', { name: 'Beoordeling starten' }).click();

    // Answers that make proposals: personal data, health data without a legal ground (red flag),
    // decisions without a human (red flag).
    await page.getByRole('heading', { level: 1, name: 'Context' }).waitFor();
    await page
      .getByLabel(/^Wat is het doel van het systeem/)
      .fill('Aanvragen voor toeslagen controleren');
    await page
      .getByRole('radiogroup', { name: /persoonsgegevens/ })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await page.getByRole('button', { name: 'Opslaan en verder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    await page.getByRole('checkbox', { name: 'Gezondheid' }).check();
    await page
      .getByRole('radiogroup', { name: /wettelijke grondslag/ })
      .getByRole('radio', { name: 'Nee' })
      .check();
    await page.getByRole('button', { name: 'Opslaan en verder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Besluiten' }).waitFor();
    await page.getByRole('radio', { name: 'Besluit zonder mens' }).check();

    // The register is a step of its own.
    await page
      .getByRole('navigation', { name: 'Stappen van de beoordeling' })
      .getByRole('link', { name: /Risicoregister/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Risicoregister' }).waitFor();
    const proposals = page.getByRole('region', { name: "Voorgestelde risico's" });
    await expect(proposals.getByRole('heading', { level: 4 }).allInnerTexts()).resolves.toEqual([
      '⚑ Rode vlag: Bijzondere gegevens zonder grondslag',
      'Mogelijk risico voor Privacy',
      '⚑ Rode vlag: Besluit zonder mens',
    ]);

    // Risk 1: accept the red-flag proposal; its suggested measure comes along.
    await proposals
      .getByRole('button', {
        name: /^Opnemen in het register… ?: Bijzondere gegevens zonder grondslag$/,
      })
      .click();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Voorgesteld risico opnemen in het register',
    );
    await page.getByLabel(/Betrokken groepen/).fill('Aanvragers van zorgtoeslag');
    await rate(page, /Risico vóór maatregelen/, '4 – waarschijnlijk', '5 – zeer ernstig');
    await expect(page.getByLabel(/Wat wordt er gedaan/).inputValue()).resolves.toBe(
      'Gebruik minder gegevens',
    );
    await page.getByLabel(/^Eigenaar/).fill('Team Privacy');
    await page.getByLabel('Klaar op').fill('2027-03-01');
    await rate(page, /Risico na maatregelen/, '2 – onwaarschijnlijk', '4 – ernstig');
    await page.getByRole('button', { name: 'Opnemen in het register', exact: true }).click();
    await page.getByRole('article', { name: /R1 Bijzondere gegevens zonder grondslag/ }).waitFor();

    // Risk 2: by hand, in Autonomie, with a measure in progress.
    await page.getByRole('button', { name: 'Risico toevoegen bij Autonomie' }).click();
    await page.getByLabel(/Titel van het risico/).fill('Geen menselijke toets op afwijzingen');
    await rate(page, /Risico vóór maatregelen/, '4 – waarschijnlijk', '4 – ernstig');
    await page.getByRole('button', { name: 'Maatregel toevoegen' }).click();
    await page
      .getByLabel(/Wat wordt er gedaan/)
      .fill('Elke afwijzing door een medewerker laten toetsen');
    await page.getByLabel(/^Eigenaar/).fill('Afdeling Handhaving');
    await page.getByLabel('Klaar op').fill('2027-06-30');
    await page.getByLabel('Status').selectOption('inProgress');
    await rate(page, /Risico na maatregelen/, '2 – onwaarschijnlijk', '3 – aanzienlijk');
    await shoot(page, 'risk-form', page.getByRole('form', { name: 'Nieuw risico bij Autonomie' }));
    await page.getByRole('button', { name: 'Risico opslaan' }).click();
    const risk2 = page.getByRole('article', { name: /R2 Geen menselijke toets op afwijzingen/ });
    await risk2.waitFor();
    await expect(risk2.innerText()).resolves.toContain(
      'Afdeling Handhaving · 30 juni 2027 · Bezig',
    );

    // Dismiss the answer proposal with a reason.
    await proposals
      .getByRole('button', { name: /^Afwijzen… ?: Mogelijk risico voor Privacy$/ })
      .click();
    const dismiss = page.getByRole('dialog', { name: 'Voorgesteld risico afwijzen' });
    await dismiss.getByLabel(/Waarom is dit niet/).fill('Gedekt door risico R1');
    await shoot(page, 'dismiss-dialog', dismiss);
    await dismiss.getByRole('button', { name: 'Voorstel afwijzen' }).click();
    await dismiss.waitFor({ state: 'detached' });

    await page
      .getByText(/Opgeslagen om/)
      .first()
      .waitFor();
    await shoot(page, 'register');
    await shoot(page, 'heatmap', page.getByRole('region', { name: 'Risicokaart' }));

    // The action plan and its CSV.
    await page.getByRole('link', { name: 'Actieplan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Actieplan' }).waitFor();
    await shoot(page, 'action-plan');
    const csvFile = await download(
      page,
      () => page.getByRole('button', { name: 'Downloaden als CSV' }).click(),
      'plan.csv',
    );
    const csv = readFileSync(csvFile);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8').split('\r\n')).toEqual([
      'Nr.;Risico;Domein;Maatregel;Eigenaar;Klaar op;Status',
      'R1;Bijzondere gegevens zonder grondslag;Privacy;Gebruik minder gegevens;Team Privacy;2027-03-01;Gepland',
      'R2;Geen menselijke toets op afwijzingen;Autonomie;Elke afwijzing door een medewerker laten toetsen;Afdeling Handhaving;2027-06-30;Bezig',
      '',
    ]);

    // Summary: override Autonomie.
    await page.getByRole('link', { name: 'Naar de samenvatting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Samenvatting' }).waitFor();
    const domains = page.getByRole('table', { name: /Niveau per domein/ });
    const autonomy = domains.getByRole('row', { name: /Autonomie/ });
    await autonomy.getByRole('button', { name: /^Niveau aanpassen… ?: Autonomie$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Niveau van Autonomie aanpassen' });
    await dialog.waitFor();
    // Escape closes it and focus goes back to the button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      'override-autonomy',
    );
    await autonomy.getByRole('button', { name: /^Niveau aanpassen… ?: Autonomie$/ }).click();
    await dialog.getByRole('radio', { name: /^Middel/ }).check();
    await dialog
      .getByLabel(/Onderbouwing/)
      .fill('Toetsing door medewerkers is per 1 januari ingevoerd');
    await dialog.getByLabel(/Uw naam en functie/).fill('B. de Vries, teamleider');
    await shoot(page, 'override-dialog', dialog);
    await dialog.getByRole('button', { name: 'Aanpassing opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const cells = autonomy.getByRole('cell');
    await expect(cells.nth(0).innerText()).resolves.toContain('Zeer hoog');
    await expect(cells.nth(1).innerText()).resolves.toContain('Middel');
    await expect(cells.nth(1).innerText()).resolves.toContain(
      'Toetsing door medewerkers is per 1 januari ingevoerd',
    );

    // The conclusion.
    const conclusion = page.getByRole('region', { name: 'Conclusie' });
    await conclusion.getByRole('radio', { name: /Doorgaan onder voorwaarden/ }).check();
    await conclusion.getByLabel(/Onderbouwing/).fill('Aanvaardbaar als de grondslag is vastgelegd');
    await conclusion.getByRole('button', { name: 'Voorwaarde toevoegen' }).click();
    await conclusion.getByLabel('Voorwaarde 1').fill('Grondslag vastgelegd vóór de start');
    await conclusion.getByText('De conclusie is compleet en opgeslagen.').waitFor();
    await page
      .getByText(/Opgeslagen om/)
      .first()
      .waitFor();

    // Everything is on the summary.
    const summary = await page.locator('main').innerText();
    for (const text of [
      'R1 Bijzondere gegevens zonder grondslag',
      'R2 Geen menselijke toets op afwijzingen',
      'Gebruik minder gegevens',
      'Elke afwijzing door een medewerker laten toetsen',
      'Toetsing door medewerkers is per 1 januari ingevoerd',
      'Gedekt door risico R1',
    ]) {
      expect(summary).toContain(text);
    }
    // The conclusion stays in its (saved) fields.
    await expect(conclusion.getByLabel('Voorwaarde 1').inputValue()).resolves.toBe(
      'Grondslag vastgelegd vóór de start',
    );
    await shoot(page, 'summary');

    // And in the PDF.
    const pdf = await download(
      page,
      () => page.getByRole('button', { name: 'Pdf-rapport downloaden' }).click(),
      'rapport.pdf',
    );
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    for (const t of [
      'Bijzondere gegevens zonder grondslag',
      'Geen menselijke toets op afwijzingen',
      'Aanvragers van zorgtoeslag',
      'Gebruik minder gegevens',
      'Team Privacy',
      'Elke afwijzing door een medewerker laten toetsen',
      'Afdeling Handhaving',
      'Toetsing door medewerkers is per 1 januari ingevoerd',
      'Doorgaan onder voorwaarden',
      'Aanvaardbaar als de grondslag is vastgelegd',
      'Grondslag vastgelegd vóór de start',
      'Reden: Gedekt door risico R1',
    ]) {
      expect(text).toContain(t);
    }

    // Narrow screens: the register reflows to one column.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('link', { name: 'Naar het risicoregister' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Risicoregister' }).waitFor();
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth),
    ).resolves.toBeLessThanOrEqual(375);
    await shoot(page, 'register-narrow');

    expect(axeProblems).toEqual([]);
    expect(w.blocked).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
    console.log(`register screenshots in ${SHOTS}`);
  });

  it('adds a risk with a measure by keyboard alone, and removes it again with undo', async () => {
    const w = await openPage(browser, { locale: 'nl-NL' });
    const { page } = w;
    await page.goto(SINGLE_FILE_URL);
    await page.getByLabel('Kies een bestand met een vragenlijst (.json)').setInputFiles(MINI);
    await page.getByRole('heading', { level: 1, name: 'Nieuwe beoordeling' }).waitFor();
    await page.getByLabel(/Naam van het systeem/).fill('Toetsenbordtest');
    await page.getByRole('button', { name: 'Beoordeling starten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Context' }).waitFor();
    await page.goto(page.url().replace(/\/step\/\d+$/, '/register'));
    await page.getByRole('heading', { level: 1, name: 'Risicoregister' }).waitFor();

    const active = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return {
          tag: el?.tagName ?? '',
          type: el?.getAttribute('type') ?? '',
          name: el?.getAttribute('name') ?? '',
          text: (el?.textContent ?? '').trim(),
          label: el?.labels?.[0]?.textContent?.trim() ?? '',
          checked: !!el?.checked,
        };
      });
    type Active = Awaited<ReturnType<typeof active>>;
    const tabTo = async (match: (a: Active) => boolean, max = 80) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        if (match(await active())) return;
      }
      throw new Error('not reached by Tab');
    };

    await tabTo((a) => a.tag === 'BUTTON' && a.text === 'Risico toevoegen bij Inclusie');
    await page.keyboard.press('Enter');
    await expect(active()).resolves.toMatchObject({ tag: 'H3', text: 'Nieuw risico bij Inclusie' });
    await tabTo((a) => a.tag === 'INPUT' && a.label.startsWith('Titel van het risico'));
    await page.keyboard.type('Uitsluiting van mensen zonder DigiD');
    // Radio groups: Space picks the first, arrow keys move the choice.
    for (const name of ['likelihood', 'severity']) {
      await tabTo((a) => a.type === 'radio' && a.name === name);
      await page.keyboard.press('Space');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      const picked = await active();
      expect(picked.checked).toBe(true);
      expect(picked.label).toMatch(/^4 – /);
    }
    await tabTo((a) => a.tag === 'BUTTON' && a.text === 'Maatregel toevoegen');
    await page.keyboard.press('Enter');
    await expect(active()).resolves.toMatchObject({ tag: 'TEXTAREA' });
    await page.keyboard.type('Inloggen met eHerkenning of op de balie mogelijk maken');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Klantcontactcentrum');
    for (const name of ['residualLikelihood', 'residualSeverity']) {
      await tabTo((a) => a.type === 'radio' && a.name === name);
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
    }
    await tabTo((a) => a.tag === 'BUTTON' && a.text === 'Risico opslaan');
    await page.keyboard.press('Enter');
    const card = page.getByRole('article', { name: /R1 Uitsluiting van mensen zonder DigiD/ });
    await card.waitFor();
    await expect(active()).resolves.toMatchObject({
      tag: 'H3',
      text: 'R1 Uitsluiting van mensen zonder DigiD',
    });
    const text = await card.innerText();
    expect(text).toContain('4 × 4 = 16');
    expect(text).toContain('2 × 2 = 4');
    expect(text).toContain('Klantcontactcentrum · geen datum · Gepland');

    await tabTo((a) => a.tag === 'BUTTON' && a.text.startsWith('Verwijderen'));
    await page.keyboard.press('Enter');
    await card.waitFor({ state: 'detached' });
    await tabTo((a) => a.tag === 'BUTTON' && a.text === 'Ongedaan maken', 3);
    await page.keyboard.press('Enter');
    await card.waitFor();
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
