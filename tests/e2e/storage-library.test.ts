/**
 * The library and the storage in real Chromium, from the single file on file://: two tabs
 * on one assessment, a simulated full disk, delete with undo, backup and restore of ten
 * assessments, and import conflicts — with axe on the library's states.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL, tempDir } from './browser';
import { axeViolations, describeViolations } from './axe';
import {
  importFiles,
  library,
  libraryWithSamples,
  sampleAssessments,
  storedPurpose,
} from './storage-helpers';
import { readAssessmentFile } from '../../src/core/assessment/backup';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import { renderReportPdf } from '../../src/pdf/render';
import { miniQuestionnaire } from './storage-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PURPOSE = 'Wat is het doel van het systeem?';

const libraryWith = (n: number) => libraryWithSamples(browser, n);

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const d = page.waitForEvent('download');
  await click();
  const file = join(tempDir(), (await d).suggestedFilename());
  await (await d).saveAs(file);
  return readFileSync(file, 'utf8');
}

async function expectNoAxe(page: Page, where: string) {
  const v = await axeViolations(page);
  expect(v, describeViolations(where, v)).toEqual([]);
}

describe('storage in the browser', () => {
  it('a second tab on the same assessment is read-only and says why; the first keeps editing', async () => {
    const { w, samples } = await libraryWith(1);
    const a = samples[0]!;
    await library(w.page).getByRole('link', { name: a.meta.title, exact: true }).click();
    await w.page.getByRole('heading', { level: 1, name: 'Context' }).waitFor();
    const url = w.page.url();

    const second = await w.context.newPage();
    await second.goto(url);
    await second.getByRole('heading', { level: 1, name: 'Context' }).waitFor();
    await second.getByText('Deze beoordeling is open in een ander tabblad of venster').waitFor();
    const field2 = second.getByLabel(PURPOSE, { exact: false }).first();
    expect(await field2.isEditable()).toBe(false);

    // The first tab edits and saves as usual; the second did not overwrite anything.
    const field1 = w.page.getByLabel(PURPOSE, { exact: false }).first();
    await field1.fill('Alleen in het eerste tabblad');
    await w.page.locator('.save-status--saved').waitFor();
    expect(await storedPurpose(w.page, a.id)).toBe('Alleen in het eerste tabblad');

    // Once the first tab is closed, a reload of the second may edit.
    await w.page.close();
    await second.reload();
    await second.getByRole('heading', { level: 1, name: 'Context' }).waitFor();
    expect(await second.getByLabel(PURPOSE, { exact: false }).first().isEditable()).toBe(true);
    expect(await second.getByText('Deze beoordeling is open in een ander tabblad').count()).toBe(0);
    expect(await second.getByLabel(PURPOSE, { exact: false }).first().inputValue()).toBe(
      'Alleen in het eerste tabblad',
    );
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('a full disk keeps the work on the page, offers export, and saves once there is space', async () => {
    const { w, samples } = await libraryWith(1);
    const { page } = w;
    const a = samples[0]!;
    await library(page).getByRole('link', { name: a.meta.title, exact: true }).click();
    const field = page.getByLabel(PURPOSE, { exact: false }).first();
    await field.fill('Vóór de volle schijf.');
    await page.locator('.save-status--saved').waitFor();

    // The test hook of the storage adapter (docs/storage.md): every save now fails as on a full disk.
    await page.evaluate(() => {
      (window as unknown as { __friaStorageFaults: unknown }).__friaStorageFaults = { quota: true };
    });
    await field.press('Control+End');
    await field.pressSequentially(' Getypt terwijl de schijf vol is.');
    const status = page
      .getByRole('status')
      .filter({ hasText: 'De schijf of de opslag van de browser is vol' });
    await status.waitFor();
    expect(await storedPurpose(page, a.id)).toBe('Vóór de volle schijf.');
    await expectNoAxe(page, 'wizard with a full disk');

    const text = await download(page, () =>
      page.getByRole('button', { name: 'Nu exporteren' }).click(),
    );
    const exported = readAssessmentFile(text);
    expect(exported.ok && exported.value.assessments[0]?.answers.purpose).toBe(
      'Vóór de volle schijf. Getypt terwijl de schijf vol is.',
    );

    // Space again: the autosaver tries again by itself.
    await page.evaluate(() => {
      (window as unknown as { __friaStorageFaults: unknown }).__friaStorageFaults = undefined;
    });
    await page.locator('.save-status--saved').waitFor({ timeout: 15_000 });
    expect(await storedPurpose(page, a.id)).toBe(
      'Vóór de volle schijf. Getypt terwijl de schijf vol is.',
    );
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('writes back at the next start what could not be saved before the page closed, and says so', async () => {
    const { w, samples } = await libraryWith(1);
    const { page } = w;
    const a = samples[0]!;
    await library(page).getByRole('link', { name: a.meta.title, exact: true }).click();
    const field = page.getByLabel(PURPOSE, { exact: false }).first();
    await field.fill('Opgeslagen.');
    await page.locator('.save-status--saved').waitFor();
    // Every save fails from now on, so the last words reach only the rescue journal (written when
    // the page is hidden) — as when the browser closes before the database confirms a save.
    await page.evaluate(() => {
      (window as unknown as { __friaStorageFaults: unknown }).__friaStorageFaults = { quota: true };
    });
    await field.press('Control+End');
    await field.pressSequentially(' Nog niet opgeslagen.');
    await page.getByText('De schijf of de opslag van de browser is vol').first().waitFor();
    expect(await storedPurpose(page, a.id)).toBe('Opgeslagen.');

    await page.reload();
    const notice = page
      .getByRole('status')
      .filter({ hasText: `Hersteld: uw laatste wijzigingen in “${a.meta.title}”` });
    await notice.waitFor();
    expect(await storedPurpose(page, a.id)).toBe('Opgeslagen. Nog niet opgeslagen.');
    await page.getByLabel(PURPOSE, { exact: false }).first().waitFor();
    expect(await page.getByLabel(PURPOSE, { exact: false }).first().inputValue()).toBe(
      'Opgeslagen. Nog niet opgeslagen.',
    );
    await expectNoAxe(page, 'recovered-changes notice');
    await page.getByRole('button', { name: 'Melding sluiten' }).click();
    expect(await notice.count()).toBe(0);

    // Told once: the next start has nothing to write back and says nothing.
    await page.reload();
    await page.getByLabel(PURPOSE, { exact: false }).first().waitFor();
    expect(await page.getByText('Hersteld:').count()).toBe(0);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('deletes after a confirmation that names it, and undoes it for the rest of the visit', async () => {
    const { w, samples } = await libraryWith(3);
    const { page } = w;
    const victim = samples[1]!;
    const lib = library(page);
    await lib.getByRole('button', { name: `Verwijderen voor “${victim.meta.title}”` }).click();
    const confirm = page.getByRole('group', { name: `“${victim.meta.title}” verwijderen?` });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(
      `${victim.meta.systemName}, Mini-vragenlijst 1.0.0, versie 1`,
    );
    await expectNoAxe(page, 'library, confirming a delete');
    await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByText(`“${victim.meta.title}” is verwijderd.`).waitFor();
    expect(await lib.getByRole('link', { name: victim.meta.title, exact: true }).count()).toBe(0);

    // Elsewhere in the app and back: the undo is still offered.
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('link', { name: 'Mijn beoordelingen' }).click();
    await page
      .getByRole('button', { name: `Verwijderen van “${victim.meta.title}” ongedaan maken` })
      .click();
    await page.getByText(`“${victim.meta.title}” is terug.`).waitFor();
    await lib.getByRole('link', { name: victim.meta.title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Context' }).waitFor();
    expect(await page.getByLabel(PURPOSE, { exact: false }).first().inputValue()).toBe(
      victim.answers.purpose,
    );

    // A delete that is not undone stays done after a reload.
    await page.getByRole('link', { name: 'Mijn beoordelingen' }).click();
    const other = samples[0]!;
    await lib.getByRole('button', { name: `Verwijderen voor “${other.meta.title}”` }).click();
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByText(`“${other.meta.title}” is verwijderd.`).waitFor();
    await page.reload();
    await page.getByText('2 van 2 beoordelingen').waitFor();
    expect(await lib.getByRole('link', { name: other.meta.title, exact: true }).count()).toBe(0);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('backs up ten assessments and restores them in an empty browser, losslessly; conflicts ask', async () => {
    const { w, samples } = await libraryWith(10);
    const { page } = w;
    await page.getByText('10 van 10 beoordelingen').waitFor();
    await expectNoAxe(page, 'library with ten assessments');
    const backupText = await download(page, () =>
      page.getByRole('button', { name: 'Alles exporteren (back-up)' }).first().click(),
    );
    await page.getByText('Er is een back-up van 10 beoordelingen gemaakt').waitFor();
    const backup = readAssessmentFile(backupText);
    expect(backup.ok && backup.value.kind).toBe('backup');
    const byId = (list: Assessment[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));
    expect(backup.ok && byId(backup.value.assessments)).toEqual(byId(samples));
    await w.context.close();

    // A new, empty browser profile: restore from the backup file.
    const fresh = await openPage(browser, { locale: 'nl-NL' });
    await fresh.page.goto(SINGLE_FILE_URL);
    await fresh.page.getByText('Er staan nog geen beoordelingen op dit apparaat.').waitFor();
    const dir = tempDir();
    const file = join(dir, 'teruggezet.json');
    (await import('node:fs')).writeFileSync(file, backupText);
    await importFiles(fresh.page, [file]);
    await fresh.page.getByText('10 beoordelingen toegevoegd').waitFor();
    await fresh.page.getByText('10 van 10 beoordelingen').waitFor();
    for (const a of samples) {
      await library(fresh.page).getByRole('link', { name: a.meta.title, exact: true }).waitFor();
    }
    const again = await download(fresh.page, () =>
      fresh.page.getByRole('button', { name: 'Alles exporteren (back-up)' }).first().click(),
    );
    const restored = readAssessmentFile(again);
    expect(restored.ok && byId(restored.value.assessments)).toEqual(byId(samples));

    // Change one, then import the old backup again: nine are identical, one asks.
    const changed = samples[4]!;
    await library(fresh.page).getByRole('link', { name: changed.meta.title, exact: true }).click();
    await fresh.page.getByLabel(PURPOSE, { exact: false }).first().fill('Hier veranderd');
    await fresh.page.locator('.save-status--saved').waitFor();
    await fresh.page.getByRole('link', { name: 'Mijn beoordelingen' }).click();
    await importFiles(fresh.page, [file]);
    await fresh.page.getByText('9 beoordelingen stonden al ongewijzigd op dit apparaat').waitFor();
    const form = fresh.page.getByRole('heading', {
      name: 'Staat al op dit apparaat: wat wilt u doen?',
    });
    await form.waitFor();
    const group = fresh.page.getByRole('group', { name: new RegExp(`“${changed.meta.title}”`) });
    expect(await group.getByRole('radio', { name: /Beide houden/ }).isChecked()).toBe(true);
    await expectNoAxe(fresh.page, 'library, import conflict');
    await fresh.page.getByRole('button', { name: 'Deze keuzes uitvoeren' }).click();
    await fresh.page.getByText('1 toegevoegd als kopie.').waitFor();
    await fresh.page.getByText('11 van 11 beoordelingen').waitFor();
    // Both states are there: the one changed here and the one from the file.
    await fresh.page.getByLabel('Zoeken').fill(changed.meta.title);
    await fresh.page.getByText('2 van 11 beoordelingen').waitFor();
    expect(fresh.pageErrors).toEqual([]);
    expect(fresh.cspViolations).toEqual([]);
    await fresh.context.close();
  });

  it('opens a PDF made by the app (its embedded assessment) and explains a PDF that is not one', async () => {
    const w = await openPage(browser, { locale: 'nl-NL' });
    await w.page.goto(SINGLE_FILE_URL);
    const [a] = await sampleAssessments(1);
    const dir = tempDir();
    const pdf = join(dir, 'rapport.pdf');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      pdf,
      await renderReportPdf(a!, miniQuestionnaire(), 'nl', { appVersion: '0.1.0' }),
    );
    const other = join(dir, 'ander.pdf');
    writeFileSync(
      other,
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    await importFiles(w.page, [pdf, other]);
    await w.page.getByText('1 beoordeling toegevoegd').waitFor();
    await w.page
      .getByRole('alert')
      .getByText(/ander\.pdf/)
      .waitFor();
    await library(w.page).getByRole('link', { name: a!.meta.title, exact: true }).click();
    await w.page.getByRole('heading', { level: 1, name: 'Context' }).waitFor();
    expect(await w.page.getByLabel(PURPOSE, { exact: false }).first().inputValue()).toBe(
      a!.answers.purpose,
    );
    expect(w.pageErrors).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    await w.context.close();
  });
});
