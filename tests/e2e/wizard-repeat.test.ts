/**
 * The rights roadmap per right in the built app: the genai fixture ticks three rights, and the
 * step "Afweging per grondrecht" asks the roadmap three times, each under the right's heading.
 * A screenshot of the step goes to test-results/ to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL } from './browser';

const FIXTURE = resolve('questionnaires/fria-core/fixtures/genai-caseworkers.fria.json');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('rights roadmap per right', () => {
  it('shows one heading per right ticked, each with its own questions', async () => {
    const { page } = await openPage(browser, {
      locale: 'nl-NL',
      viewport: { width: 1280, height: 900 },
    });
    await page.goto(SINGLE_FILE_URL);
    await page
      .getByLabel('Bestanden importeren of terugzetten (.fria.json, back-up of pdf)')
      .setInputFiles(FIXTURE);
    await page.locator('a[href*="#/a/"]').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page
      .getByRole('link', { name: /^Afweging per grondrecht/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /Afweging per grondrecht/ }).waitFor();
    const headings = await page.locator('h2.instance-heading').allTextContents();
    expect(headings).toEqual([
      'Privéleven en persoonsgegevens (Handvest art. 7 en 8)',
      'Gelijkheid en non-discriminatie (Handvest art. 20 en 21)',
      'Behoorlijk bestuur (Handvest art. 41)',
    ]);
    await expect
      .poll(() => page.getByRole('radiogroup', { name: /Hoe zwaar is de inbreuk/ }).count())
      .toBe(3);
    await page.locator('h2.instance-heading').nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/wizard-repeat-step.png' });
  });
});
