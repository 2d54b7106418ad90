/**
 * Offline, measured. (1) The single file from file:// with the network blocked, across a whole flow
 * (own questionnaire file → new assessment → answers → summary → .fria.json and PDF export): every
 * request the page makes is counted, and only the file itself may appear. (2) The hosted build as an
 * installable offline app: the service worker installs, then with the server stopped and the browser
 * offline the app opens after a reload and runs the same flow. (3) A new version waits until the user
 * chooses to reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL, tempDir } from './browser';
import {
  answerAllSteps,
  download,
  MINI_QUESTIONNAIRE,
  recordAllRequests,
  startAssessment,
  startPreview,
} from './offline-helpers';
import { updatePrecacheRevision } from '../../scripts/post-build';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const SYSTEM = 'Offline proef Noordstad';
const answerText = (i: number) => `Offline antwoord ${i + 1}: ĳverig, Łódź, Ελλάδα`;

/** Own questionnaire → new assessment → every step → register → summary → both exports. Returns the files. */
async function wholeFlow(page: Page, dir: string): Promise<{ json: string; pdf: string }> {
  await page
    .getByRole('heading', { level: 1, name: 'Impact op grondrechten beoordelen' })
    .waitFor();
  await page
    .getByLabel('Kies een bestand met een vragenlijst (.json)')
    .setInputFiles(MINI_QUESTIONNAIRE);
  await page.getByRole('heading', { level: 1, name: 'Nieuwe beoordeling' }).waitFor();
  await expect(page.getByRole('radio').first().isChecked()).resolves.toBe(true);
  await startAssessment(page, { systemName: SYSTEM, organisation: 'Gemeente Noordstad' });
  const answered = await answerAllSteps(page, answerText);
  expect(answered).toBeGreaterThan(3);
  // The last step leads to the risk register; from there on to the summary.
  await page.getByRole('link', { name: 'Naar de samenvatting' }).click();
  await page.getByRole('heading', { level: 1, name: 'Samenvatting' }).waitFor();
  const json = await download(page, /Beoordelingsbestand downloaden/, dir, 'a.fria.json');
  const pdf = await download(page, 'Pdf-rapport downloaden', dir, 'a.pdf');
  return { json, pdf };
}

function checkExports(files: { json: string; pdf: string }): void {
  const a = JSON.parse(readFileSync(files.json, 'utf8')) as {
    meta: { systemName: string };
    answers: Record<string, unknown>;
    questionnaire: { id: string };
  };
  expect(a.meta.systemName).toBe(SYSTEM);
  expect(a.questionnaire.id).toBe('mini');
  expect(Object.values(a.answers)).toContain(answerText(0));
  const text = execFileSync('pdftotext', [files.pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain(SYSTEM);
  expect(text).toContain('ĳverig, Łódź, Ελλάδα');
}

describe('the single file from file://, network blocked', () => {
  it('runs the whole flow with zero requests beyond itself and zero CSP violations', async () => {
    const w = await openPage(browser);
    const all = recordAllRequests(w);
    await w.page.goto(SINGLE_FILE_URL);
    const files = await wholeFlow(w.page, tempDir());
    checkExports(files);

    // Requests beyond the file itself (blob: downloads are made in memory by the app: listed apart).
    const beyond = all.filter((u) => u !== SINGLE_FILE_URL && !u.startsWith('blob:'));
    console.log(
      `single file: ${all.length} requests in total, ${all.filter((u) => u.startsWith('blob:')).length} blob: downloads, ${beyond.length} beyond itself; ${w.cspViolations.length} CSP violations`,
    );
    expect(beyond).toEqual([]);
    expect(w.blocked).toEqual([]);
    expect(all.filter((u) => u === SINGLE_FILE_URL)).toHaveLength(1);
    expect(w.cspViolations).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});

describe('the hosted build as an offline web app', () => {
  it('installs its service worker, then works with the server gone and the network cut', async () => {
    const dir = join(tempDir(), 'site');
    cpSync('dist', dir, { recursive: true });
    const preview = await startPreview(dir);
    const w = await openPage(browser);
    const all = recordAllRequests(w);
    try {
      await w.page.goto(preview.url);
      // First visit: the worker installs and precaches; the app says it now works offline.
      await w.page.getByText('FRIA Wizard staat nu op dit apparaat').waitFor();
      const cdp = await w.context.newCDPSession(w.page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      // 'in-incognito' is the test browser's throw-away profile, not the app; nothing else may be wrong.
      expect(
        installabilityErrors.map((e) => e.errorId).filter((e) => e !== 'in-incognito'),
      ).toEqual([]);
      const manifest = (await cdp.send('Page.getAppManifest')) as {
        errors: unknown[];
        url: string;
      };
      expect(manifest.errors).toEqual([]);
      expect(manifest.url).toBe(`${preview.url}manifest.webmanifest`);

      // Cut everything: the server stops and the browser goes offline.
      await preview.stop();
      await w.context.setOffline(true);
      const before = all.length;
      await w.page.reload();
      await w.page.getByRole('heading', { level: 1 }).waitFor();
      expect(
        await w.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null),
      ).toBe(`${preview.url}sw.js`);
      const files = await wholeFlow(w.page, tempDir());
      checkExports(files);
      const offlineRequests = all.slice(before).filter((u) => !u.startsWith('blob:'));
      console.log(
        `hosted offline: ${offlineRequests.length} requests after the network was cut, all answered by the service worker; ${w.cspViolations.length} CSP violations`,
      );
      expect(offlineRequests.every((u) => u.startsWith(preview.url))).toBe(true);
      expect(w.blocked).toEqual([]);
      expect(w.cspViolations).toEqual([]);
      expect(w.pageErrors).toEqual([]);
    } finally {
      await w.context.close();
      await preview.stop();
    }
  });

  it('keeps a new version waiting and says so, and switches only when the user reloads', async () => {
    const dir = join(tempDir(), 'site');
    cpSync('dist', dir, { recursive: true });
    const preview = await startPreview(dir);
    const w = await openPage(browser);
    try {
      await w.page.goto(preview.url);
      await w.page.getByText('FRIA Wizard staat nu op dit apparaat').waitFor();
      await w.page.reload();
      await w.page.getByRole('heading', { level: 1 }).waitFor();
      const marker = () =>
        w.page.evaluate(
          () =>
            document.querySelector('meta[name="fria-release"]')?.getAttribute('content') ?? null,
        );
      expect(await marker()).toBeNull();

      // Publish "version 2": a changed index.html and, with it, a changed service worker.
      const index = readFileSync(join(dir, 'index.html'), 'utf8').replace(
        '<meta name="viewport"',
        '<meta name="fria-release" content="2" />\n    <meta name="viewport"',
      );
      writeFileSync(join(dir, 'index.html'), index);
      const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
      writeFileSync(join(dir, 'sw.js'), updatePrecacheRevision(sw, 'index.html', index));

      // The browser looks for a new worker on navigation; the page must not switch by itself.
      await w.page.reload();
      await w.page.getByText('Er is een nieuwe versie van FRIA Wizard.').waitFor();
      expect(await marker()).toBeNull();
      await w.page.getByRole('button', { name: 'Nu opnieuw laden' }).click();
      await expect.poll(marker, { timeout: 15_000 }).toBe('2');
      await w.page.getByRole('heading', { level: 1 }).waitFor();
      expect(await w.page.getByText('Er is een nieuwe versie van FRIA Wizard.').count()).toBe(0);
      expect(w.cspViolations).toEqual([]);
      expect(w.pageErrors).toEqual([]);
    } finally {
      await w.context.close();
      await preview.stop();
    }
  });
});
