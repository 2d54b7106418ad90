/**
 * The change journal in real Chromium, from the single file on file://: a full disk across reloads
 * (the newest work is shown, never overwritten by an older state, and "nothing was lost" is said
 * only when it is true), and a very large assessment reloaded just after typing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './browser';
import { openPage, SINGLE_FILE_URL, tempDir } from './browser';
import {
  importFiles,
  library,
  libraryWithSamples,
  sampleAssessments,
  storedPurpose,
  writeBackup,
} from './storage-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PURPOSE = 'Wat is het doel van het systeem?';
const FULL = 'De schijf of de opslag van de browser is vol';

/**
 * The storage's full-disk hook, kept over reloads: a flag in sessionStorage (which survives a
 * reload of the tab) sets `__friaStorageFaults` before the app's script runs.
 */
async function diskFullHook(context: BrowserContext) {
  await context.addInitScript(() => {
    if (sessionStorage.getItem('e2e:diskFull') === '1') {
      (window as unknown as { __friaStorageFaults: unknown }).__friaStorageFaults = { quota: true };
    }
  });
}
async function setDiskFull(page: Page, full: boolean) {
  await page.evaluate((full) => {
    if (full) sessionStorage.setItem('e2e:diskFull', '1');
    else sessionStorage.removeItem('e2e:diskFull');
    (window as unknown as { __friaStorageFaults: unknown }).__friaStorageFaults = full
      ? { quota: true }
      : undefined;
  }, full);
}

describe('the change journal', () => {
  it('a full disk and reloads: newer work is shown and kept, and recovery says only what is true', async () => {
    const { w, samples } = await libraryWithSamples(browser, 1);
    const { page, context } = w;
    await diskFullHook(context);
    const a = samples[0]!;
    const title = a.meta.title;
    await library(page).getByRole('link', { name: title, exact: true }).click();
    const field = () => page.getByLabel(PURPOSE, { exact: false }).first();
    await field().fill('before-full');
    await page.locator('.save-status--saved').waitFor();
    expect(await storedPurpose(page, a.id)).toBe('before-full');

    // The disk is full: what is typed now reaches the journal only.
    await setDiskFull(page, true);
    await field().press('Control+End');
    await field().pressSequentially(' during-full-1 during-full-2');
    await page.getByRole('status').filter({ hasText: FULL }).waitFor();
    expect(await storedPurpose(page, a.id)).toBe('before-full');

    // Reload while the disk is still full: the newer text is shown, and the notice says it is not
    // in the database yet, why, and that it is kept.
    await page.reload();
    const pending = page.getByRole('status').filter({ hasText: 'Nog niet opgeslagen:' });
    await pending.waitFor();
    expect(await pending.locator('p').first().textContent()).toBe(
      `Nog niet opgeslagen: uw laatste wijzigingen in “${title}” konden niet in de database van de browser worden gezet. De schijf of de opslag van de browser is vol. Ze zijn niet verloren: ze staan in de noodopslag van deze browser, u ziet ze als u de beoordeling opent, en de app probeert ze bij de volgende start opnieuw op te slaan. Exporteer de beoordeling nu, dan heeft u ze ook in een bestand.`,
    );
    await field().waitFor();
    expect(await field().inputValue()).toBe('before-full during-full-1 during-full-2');
    expect(await page.getByText('Er is niets verloren gegaan').count()).toBe(0);
    expect(await storedPurpose(page, a.id)).toBe('before-full');

    // More typing, still full: the journal now holds the newest text, not an older state.
    await field().press('Control+End');
    await field().pressSequentially(' after-reload');
    await page.getByRole('status').filter({ hasText: FULL }).waitFor();
    const journalled = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('fria-wizard:change:') && k.includes('"purpose"'))
        .map((k) => (JSON.parse(localStorage.getItem(k)!) as { v: unknown }).v),
    );
    expect(journalled).toEqual(['before-full during-full-1 during-full-2 after-reload']);

    // Space again, reload: written back, read back, and only then "nothing was lost".
    await setDiskFull(page, false);
    await page.reload();
    const restored = page.getByRole('status').filter({ hasText: 'Hersteld:' });
    await restored.waitFor();
    expect(await restored.locator('p').first().textContent()).toBe(
      `Hersteld: uw laatste wijzigingen in “${title}” waren nog niet opgeslagen toen de pagina sloot. Ze zijn nu alsnog opgeslagen. Er is niets verloren gegaan.`,
    );
    await field().waitFor();
    expect(await field().inputValue()).toBe('before-full during-full-1 during-full-2 after-reload');
    expect(await storedPurpose(page, a.id)).toBe(
      'before-full during-full-1 during-full-2 after-reload',
    );
    // Written back and checked: the journal is empty, and the next start says nothing.
    expect(
      await page.evaluate(
        () => Object.keys(localStorage).filter((k) => k.startsWith('fria-wizard:change:')).length,
      ),
    ).toBe(0);
    await page.reload();
    await field().waitFor();
    expect(await page.getByText('Hersteld:').count()).toBe(0);
    expect(await page.getByText('Nog niet opgeslagen:').count()).toBe(0);
    expect(w.pageErrors).toEqual([]);
    await context.close();
  });

  it('a 13 MB assessment: text typed 50 ms before a reload is there after it', async () => {
    // Built here: 135 notes of 99,000 characters (the longest a note may be) — about 13.4 MB,
    // more than localStorage holds on file:// (about 5.2 million characters).
    const [big] = await sampleAssessments(1);
    const a = big!;
    const filler = 'Lange toelichting. '.repeat(5300).slice(0, 99_000);
    for (let i = 0; i < 135; i++) a.notes[`bijlage-${String(i).padStart(3, '0')}`] = filler;
    a.answers.purpose = 'Groot.';
    const w = await openPage(browser, { locale: 'nl-NL' });
    const { page } = w;
    await page.goto(SINGLE_FILE_URL);
    const file = writeBackup(tempDir(), [a], 'groot.json');
    await importFiles(page, [file]);
    await page.getByText('1 beoordeling toegevoegd').waitFor({ timeout: 60_000 });
    await library(page).getByRole('link', { name: a.meta.title, exact: true }).click();
    const field = () => page.getByLabel(PURPOSE, { exact: false }).first();
    await field().waitFor({ timeout: 60_000 });

    for (const word of [' een', ' twee', ' drie']) {
      await field().press('Control+End');
      await field().pressSequentially(word);
      // The text reached the page; 50 ms later the page is reloaded (no waiting for a save).
      expect(await field().inputValue()).toMatch(new RegExp(`${word}$`));
      await page.waitForTimeout(50);
      await page.reload();
      await field().waitFor({ timeout: 60_000 });
      expect(await field().inputValue()).toMatch(new RegExp(`${word}$`));
    }
    expect(await field().inputValue()).toBe('Groot. een twee drie');
    expect(await page.getByText('De noodopslag van de browser is vol').count()).toBe(0);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, 240_000);
});
