/**
 * The prerendered start screen: both builds carry the start screen's markup, so the heading and the
 * "new assessment" link show before any of the app's code runs (and with JavaScript off), in the
 * user's language, and the link works as a plain link. When the app takes over it keeps that markup
 * (hydration): the same heading element, one heading, and no layout shift.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE, SINGLE_FILE_URL, tempDir } from './browser';
import { startPreview, type Preview } from './offline-helpers';

const texts = (lng: string) =>
  JSON.parse(readFileSync(`locales/${lng}/start.json`, 'utf8')) as {
    title: string;
    newAssessment: string;
  };
const library = (lng: string) =>
  JSON.parse(readFileSync(`locales/${lng}/library.json`, 'utf8')) as { empty: string };
const LANGUAGES = [
  { locale: 'nl-NL', lng: 'nl' },
  { locale: 'en-GB', lng: 'en' },
] as const;

let browser: Browser;
let preview: Preview;
/** The single file without its loader: the page as it is before any of the app's code runs. */
let noApp: string;
beforeAll(async () => {
  browser = await launch();
  preview = await startPreview('dist');
  const html = readFileSync(SINGLE_FILE, 'utf8');
  const loader = /<script>\(\(\)=>\{"use strict";[\s\S]*?<\/script>/;
  expect(html).toMatch(loader);
  noApp = join(tempDir(), 'before-hydration.html');
  writeFileSync(noApp, html.replace(loader, ''));
});
afterAll(async () => {
  await preview?.stop();
  await browser?.close();
});

async function expectStartLink(page: Page, lng: string) {
  const t = texts(lng);
  await expect
    .poll(() => page.locator('h1').allInnerTexts(), { timeout: 30_000 })
    .toEqual([t.title]);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lng);
  const link = page.getByRole('link', { name: t.newAssessment });
  expect(await link.getAttribute('href')).toBe('#/new');
  await link.click();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/new');
}

describe('before the app runs', () => {
  for (const { locale, lng } of LANGUAGES) {
    it(`single file (${lng} browser): heading and a working start link, no app code`, async () => {
      const w = await openPage(browser, { locale });
      try {
        await w.page.goto(pathToFileURL(noApp).href);
        await expectStartLink(w.page, lng);
        expect(w.cspViolations).toEqual([]);
        expect(w.pageErrors).toEqual([]);
      } finally {
        await w.context.close();
      }
    });

    it(`hosted build (${lng} browser), its scripts blocked: heading and a working start link`, async () => {
      const w = await openPage(browser, { locale });
      try {
        await w.page.route('**/assets/*.js', (r) => r.abort());
        await w.page.goto(preview.url);
        await expectStartLink(w.page, lng);
        expect(w.cspViolations).toEqual([]);
      } finally {
        await w.context.close();
      }
    });
  }

  it('with JavaScript off: the Dutch start screen and its link', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(SINGLE_FILE_URL);
      expect(await page.locator('h1').allInnerTexts()).toEqual([texts('nl').title]);
      expect(
        await page.getByRole('link', { name: texts('nl').newAssessment }).getAttribute('href'),
      ).toBe('#/new');
    } finally {
      await context.close();
    }
  });

  it('on another address (a reload on a step), the start screen is not shown', async () => {
    const w = await openPage(browser);
    try {
      await w.page.goto(`${pathToFileURL(noApp).href}#/settings`);
      await w.page.waitForLoadState('domcontentloaded');
      expect(await w.page.locator('#root').innerHTML()).toBe('');
      expect(await w.page.locator('template').count()).toBe(0);
    } finally {
      await w.context.close();
    }
  });
});

/**
 * Installed before the page's scripts: the sum of all layout shifts, and the heading as the start
 * script left it (recorded when the script removes the English template, its last act, before any
 * other task can run).
 */
const PROBE = `
  window.__shift = 0;
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shift += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
  } catch (e) { window.__shift = -1; }
  new MutationObserver((records, mo) => {
    for (const r of records) for (const n of r.removedNodes) {
      if (n.id === 'fria-start-en') { window.__prerenderedH1 = document.querySelector('h1'); mo.disconnect(); }
    }
  }).observe(document, { childList: true, subtree: true });
`;

describe('when the app takes over (single file, file://)', () => {
  for (const { locale, lng } of LANGUAGES) {
    it(`${lng}: keeps the prerendered heading, one heading, no layout shift, then works`, async () => {
      const w = await openPage(browser, { locale });
      const consoleErrors: string[] = [];
      w.page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      try {
        await w.page.addInitScript({ content: PROBE });
        await w.page.goto(SINGLE_FILE_URL);
        // The library's answer comes from the app's code: React is running the page now.
        await w.page.getByText(library(lng).empty).waitFor({ timeout: 60_000 });
        // Two frames, so any shift of the last change is reported.
        await w.page.evaluate(
          () =>
            new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
        );
        const state = await w.page.evaluate(() => {
          const win = window as unknown as { __shift: number; __prerenderedH1: Element | null };
          const h1s = document.querySelectorAll('h1');
          return {
            shift: win.__shift,
            headings: h1s.length,
            recorded: win.__prerenderedH1 !== null && win.__prerenderedH1 !== undefined,
            same: h1s[0] === win.__prerenderedH1,
            connected: win.__prerenderedH1?.isConnected ?? false,
          };
        });
        expect(state).toEqual({
          shift: 0,
          headings: 1,
          recorded: true,
          same: true,
          connected: true,
        });
        expect(consoleErrors).toEqual([]);
        expect(w.pageErrors).toEqual([]);
        expect(w.cspViolations).toEqual([]);
        // After hydration the link is the app's: it opens the new-assessment screen.
        await w.page.getByRole('link', { name: texts(lng).newAssessment }).click();
        await w.page
          .getByRole('heading', {
            level: 1,
            name: lng === 'nl' ? 'Nieuwe beoordeling' : 'New assessment',
          })
          .waitFor({ timeout: 30_000 });
      } finally {
        await w.context.close();
      }
    });
  }

  it('a click on the start link before the app runs is followed when it does', async () => {
    const w = await openPage(browser);
    try {
      // Holds the app back: the loader's unpacking waits until the test releases it.
      await w.page.addInitScript({ content: HOLD });
      await w.page.goto(SINGLE_FILE_URL);
      await w.page.getByRole('link', { name: texts('nl').newAssessment }).click();
      expect(await w.page.evaluate(() => window.location.hash)).toBe('#/new');
      expect(await w.page.evaluate(() => (window as unknown as { __held: number }).__held)).toBe(1);
      await w.page.evaluate(() => (window as unknown as { __release(): void }).__release());
      await w.page
        .getByRole('heading', { level: 1, name: 'Nieuwe beoordeling' })
        .waitFor({ timeout: 30_000 });
      expect(await w.page.locator('h1').count()).toBe(1);
      expect(w.pageErrors).toEqual([]);
      expect(w.cspViolations).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
});

describe('the skip link before the app runs', () => {
  it('moves to the content, and the app then starts on the start screen', async () => {
    const w = await openPage(browser);
    try {
      await w.page.addInitScript({ content: HOLD });
      await w.page.goto(SINGLE_FILE_URL);
      // As a keyboard user does: the skip link is the first stop, shown when it has focus.
      await w.page.keyboard.press('Tab');
      expect(await w.page.evaluate(() => document.activeElement?.textContent)).toBe(
        'Ga direct naar de inhoud',
      );
      await w.page.keyboard.press('Enter');
      expect(await w.page.evaluate(() => window.location.hash)).toBe('#main');
      await w.page.evaluate(() => (window as unknown as { __release(): void }).__release());
      // The app's answer in the library area: it runs now, on the start screen.
      await w.page.getByText(library('nl').empty).waitFor({ timeout: 60_000 });
      expect(await w.page.locator('h1').allInnerTexts()).toEqual([texts('nl').title]);
      expect(w.pageErrors).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
});

describe('a file chosen before the app runs', () => {
  it('is imported when the app starts, not silently dropped', async () => {
    const w = await openPage(browser);
    try {
      await w.page.addInitScript({ content: HOLD });
      await w.page.goto(SINGLE_FILE_URL);
      // The prerendered import field is there before any of the app's code runs.
      await w.page
        .getByLabel('Bestanden importeren of terugzetten (.fria.json, back-up of pdf)')
        .setInputFiles('questionnaires/quick-scan/fixtures/road-maintenance.fria.json');
      expect(await w.page.evaluate(() => (window as unknown as { __held: number }).__held)).toBe(1);
      await w.page.evaluate(() => (window as unknown as { __release(): void }).__release());
      await w.page.getByText('Importeren is klaar.').waitFor({ timeout: 60_000 });
      const title = (
        JSON.parse(
          readFileSync('questionnaires/quick-scan/fixtures/road-maintenance.fria.json', 'utf8'),
        ) as { meta: { title: string } }
      ).meta.title;
      await w.page.getByRole('link', { name: title, exact: true }).waitFor();
      expect(w.pageErrors).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
});

/** Every DecompressionStream's output waits for window.__release(): the app's code stays packed. */
const HOLD = `
  let release;
  const gate = new Promise((r) => (release = r));
  window.__release = release;
  window.__held = 0;
  const Real = window.DecompressionStream;
  window.DecompressionStream = function (format) {
    window.__held++;
    const d = new Real(format);
    return {
      writable: d.writable,
      readable: d.readable.pipeThrough(new TransformStream({ start: () => gate })),
    };
  };
`;
