/**
 * Accessibility in real Chromium: axe-core finds no WCAG 2.0/2.1 A/AA violation on any
 * screen and state, in every theme; the layout reflows at 320 CSS px and 200 % zoom.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL } from './browser';
import { axeViolations, describeViolations } from './axe';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const MINI = resolve('tests/fixtures/mini-questionnaire.json');
const FIXTURE = resolve('questionnaires/fria-core/fixtures/fraud-risk-scoring.fria.json');
const ID = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { id: string }).id;
const themes = ['light', 'dark', 'contrast'] as const;

async function setTheme(page: Page, theme: (typeof themes)[number]) {
  await page.evaluate((t) => {
    if (t === 'light') document.documentElement.dataset.theme = 'light';
    else document.documentElement.dataset.theme = t;
  }, theme);
}

/** Starts an assessment of the mini questionnaire through the UI; returns at step 1. */
async function startMini(page: Page) {
  await page.goto(SINGLE_FILE_URL);
  await page.getByLabel('Kies een bestand met een vragenlijst (.json)').setInputFiles(MINI);
  await page.getByRole('heading', { level: 1, name: 'Nieuwe beoordeling' }).waitFor();
  await page.getByLabel(/Naam van het systeem/).fill('Testsysteem');
  await page.getByRole('button', { name: 'Beoordeling starten' }).click();
  await page.getByRole('heading', { level: 1, name: 'Context' }).waitFor();
}

describe('axe-core on every screen', () => {
  it('finds no violations on the app screens in light, dark and high-contrast themes', async () => {
    const w = await openPage(browser);
    const { page } = w;
    const problems: string[] = [];
    const check = async (where: string) => {
      for (const theme of themes) {
        await setTheme(page, theme);
        const v = await axeViolations(page);
        if (v.length) problems.push(describeViolations(`${where} [${theme}]`, v));
      }
      await setTheme(page, 'light');
    };

    await page.goto(SINGLE_FILE_URL);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await check('start');

    await page.getByRole('link', { name: 'Nieuwe beoordeling starten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe beoordeling' }).waitFor();
    await check('new assessment');
    await page.getByRole('button', { name: 'Beoordeling starten' }).click();
    await page.getByRole('alert').waitFor();
    await check('new assessment with errors');

    for (const path of [
      '#/settings',
      '#/accessibility',
      '#/about',
      '#/verify',
      '#/does-not-exist',
    ]) {
      const before = await page.title();
      await page.goto(`${SINGLE_FILE_URL}${path}`);
      // Each view sets its own page title when its heading mounts (lazy screens load first).
      await page.waitForFunction((t) => document.title !== t, before);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(path);
    }

    await startMini(page);
    await check('wizard step 1');
    await page.getByRole('button', { name: 'Opslaan en verder' }).click();
    await page.getByRole('alert').waitFor();
    await page
      .locator('details.help')
      .first()
      .evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await page
      .locator('details.note')
      .first()
      .evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await check('wizard step 1 with errors, help and note open');
    await page.getByLabel(/^Wat is het doel van het systeem/).fill('Testen');
    await page
      .getByRole('radiogroup', { name: /persoonsgegevens/ })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await page.getByRole('button', { name: 'Opslaan en verder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    await check('wizard step 2');
    await page.getByRole('link', { name: /Samenvatting en export/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Samenvatting' }).waitFor();
    await page.getByText('Toon de redenen').first().click();
    await check('summary with reasons open');

    expect(problems.join('\n\n')).toBe('');
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});

describe('axe-core on a full assessment', () => {
  it('finds no violations on every step, the register, action plan, summary with a dialog, sign-off, verify and library', async () => {
    const w = await openPage(browser);
    const { page } = w;
    const problems: string[] = [];
    const check = async (where: string) => {
      for (const theme of themes) {
        await setTheme(page, theme);
        const v = await axeViolations(page);
        if (v.length) problems.push(describeViolations(`${where} [${theme}]`, v));
      }
      await setTheme(page, 'light');
    };
    await page.goto(SINGLE_FILE_URL);
    await page
      .getByLabel('Bestanden importeren of terugzetten (.fria.json, back-up of pdf)')
      .setInputFiles(FIXTURE);
    const link = page
      .getByRole('link', { name: /FRIA risicomodel rechtmatigheid bijstand/ })
      .first();
    await link.waitFor();
    await check('library with an assessment');
    await link.click();
    await page.waitForURL(/#\/a\/[^/]+\/step\/\d+$/);
    await page.getByRole('navigation', { name: 'Stappen van de beoordeling' }).waitFor();
    const steps = page
      .getByRole('navigation', { name: 'Stappen van de beoordeling' })
      .getByRole('link');
    const count = await steps.count();
    expect(count).toBeGreaterThan(12);
    for (let i = 0; i < count; i++) {
      const step = steps.nth(i);
      const name = (await step.innerText()).split('\n')[1] ?? `step ${i}`;
      const target = (await step.getAttribute('href')) ?? '';
      await step.click();
      await page.waitForURL((u) => u.href.endsWith(target));
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(`step ${i + 1}: ${name}`);
    }
    await page.goto(`${page.url().replace(/#.*/, '')}#/a/${ID}/summary`);
    await page.getByRole('heading', { level: 1, name: 'Samenvatting' }).waitFor();
    await page
      .getByRole('button', { name: /^Niveau aanpassen/ })
      .first()
      .click();
    await page.getByRole('dialog').waitFor();
    await check('summary with the override dialog open');
    await page.keyboard.press('Escape');
    for (const [path, name] of [
      ['actions', /Actieplan/],
      ['signoff', /Ondertekenen/],
    ] as const) {
      await page.goto(`${page.url().replace(/#.*/, '')}#/a/${ID}/${path}`);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await check(path);
    }
    await page.goto(`${page.url().replace(/#.*/, '')}#/verify`);
    await page.getByRole('heading', { level: 1, name: 'Bestand controleren' }).waitFor();
    await page.locator('input[type=file]').first().setInputFiles(FIXTURE);
    await page.getByRole('heading', { level: 2, name: /^Uitkomst voor/ }).waitFor();
    await check('verify with a result');

    expect(problems.join('\n\n')).toBe('');
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});

describe('reflow', () => {
  for (const width of [320, 640]) {
    it(`needs no sideways scrolling at ${width} CSS px (${width === 640 ? '200 % zoom of 1280' : 'WCAG 1.4.10'})`, async () => {
      const w = await openPage(browser, { viewport: { width, height: 800 } });
      const { page } = w;
      const overflow: string[] = [];
      const measure = async (where: string) => {
        const r = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        if (r.scroll > r.client + 1) overflow.push(`${where}: ${r.scroll} > ${r.client}`);
        await page.screenshot({
          path: resolve(`test-results/reflow-${width}-${where.replace(/\W+/g, '-')}.png`),
          fullPage: true,
        });
      };
      await page.goto(SINGLE_FILE_URL);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await measure('start');
      await startMini(page);
      await measure('wizard');
      // Below 64 rem the step list is folded behind a button, as on a phone: open it first.
      const fold = page.getByRole('button', { name: /alle stappen/ });
      if ((await fold.count()) > 0 && (await fold.getAttribute('aria-expanded')) === 'false')
        await fold.click();
      await page.getByRole('link', { name: /Samenvatting en export/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Samenvatting' }).waitFor();
      await measure('summary');
      expect(overflow).toEqual([]);
      await w.context.close();
    });
  }
});
