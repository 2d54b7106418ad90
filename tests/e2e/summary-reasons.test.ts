/**
 * Opening "Toon de redenen" on the summary must not squeeze the table: the domain names and level
 * badges keep their width (no "Gelijke behandelin / g", no "Zeer / hoog"). With the largest
 * fixture at 1280 px: every column but the reasons keeps its width when all reasons are open, and
 * every level badge stays on one line. Screenshots of the summary at 1280 and 400 px and of a
 * step at 400 px (step list folded) go to test-results/ to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL } from './browser';

const FIXTURE = resolve('questionnaires/fria-core/fixtures/fraud-risk-scoring.fria.json');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function openSummary(width: number): Promise<Page> {
  const { page } = await openPage(browser, {
    locale: 'nl-NL',
    viewport: { width, height: 900 },
  });
  await page.goto(SINGLE_FILE_URL);
  await page
    .getByLabel('Bestanden importeren of terugzetten (.fria.json, back-up of pdf)')
    .setInputFiles(FIXTURE);
  await page
    .getByRole('link', { name: /FRIA risicomodel rechtmatigheid bijstand/ })
    .first()
    .click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  const id = /#\/a\/([^/]+)\//.exec(page.url())![1]!;
  await page.goto(`${SINGLE_FILE_URL}#/a/${id}/summary`);
  await page.locator('.domain-table').waitFor();
  return page;
}

const columnWidths = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.domain-table thead th')].map(
      (th) => th.getBoundingClientRect().width,
    ),
  );

/** Badges whose label runs over more than one line. */
const wrappedBadges = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.domain-table .level__label')]
      .filter((el) => el.getClientRects().length > 1 || el.getBoundingClientRect().height > 40)
      .map((el) => el.textContent),
  );

/** The table's top as the screen shows it, to look at. */
async function shot(page: Page, path: string) {
  await page.evaluate(() => document.querySelector('.domain-table')!.scrollIntoView());
  await page.screenshot({ path });
}

describe('summary table with the reasons open', () => {
  it('keeps its columns and one-line badges at 1280 px', async () => {
    const page = await openSummary(1280);
    const before = await columnWidths(page);
    const toggles = page.locator('.domain-table details > summary');
    for (let i = 0; i < (await toggles.count()); i++) await toggles.nth(i).click();
    const after = await columnWidths(page);
    // Every column except the reasons keeps its width (within 2 px).
    for (let c = 0; c < before.length - 1; c++)
      expect(Math.abs(after[c]! - before[c]!)).toBeLessThanOrEqual(2);
    expect(await wrappedBadges(page)).toEqual([]);
    await shot(page, 'test-results/summary-reasons-1280.png');
    await page.context().close();
  });

  it('at 400 px: stacked rows, one-line badges, and a folded step list', async () => {
    const page = await openSummary(400);
    const toggles = page.locator('.domain-table details > summary');
    for (let i = 0; i < (await toggles.count()); i++) await toggles.nth(i).click();
    expect(await wrappedBadges(page)).toEqual([]);
    await shot(page, 'test-results/summary-reasons-400.png');
    const id = /#\/a\/([^/]+)\//.exec(page.url())![1]!;
    await page.goto(`${SINGLE_FILE_URL}#/a/${id}/step/2`);
    const toggle = page.getByRole('button', { name: /Stap \d+ van \d+ · alle stappen/ });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(
      await page
        .getByRole('navigation', { name: 'Stappen van de beoordeling' })
        .getByRole('link')
        .count(),
    ).toBe(0);
    await page.screenshot({ path: 'test-results/step-folded-400.png' });
    await toggle.click();
    expect(
      await page
        .getByRole('navigation', { name: 'Stappen van de beoordeling' })
        .getByRole('link')
        .count(),
    ).toBeGreaterThan(12);
    await page.screenshot({ path: 'test-results/step-open-400.png' });
    await page.context().close();
  });
});
