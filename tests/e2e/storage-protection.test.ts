/**
 * The single file's storage is shared with every local HTML file (Chromium gives all `file://`
 * pages one origin). In real Chromium from file://: the app says so once, in plain words, and the
 * notice is accessible and remembered once closed; with passphrase protection on, a second local
 * HTML file in the same profile reads only ciphertext, and its change to a record is reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL, tempDir } from './browser';
import { axeViolations, describeViolations } from './axe';
import { library, libraryWithSamples } from './storage-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const SHIFT_PROBE = `
  window.__shift = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shift += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
`;

const NOTICE = 'Let op: andere bestanden op deze computer kunnen uw beoordelingen lezen';

describe('the shared file:// storage', () => {
  it('is said once, accessibly, without covering the page; closing it is remembered', async () => {
    const w = await openPage(browser, { fileNotice: true, viewport: { width: 640, height: 700 } });
    const { page } = w;
    try {
      await page.addInitScript({ content: SHIFT_PROBE });
      await page.goto(SINGLE_FILE_URL);
      const heading = page.getByRole('heading', { level: 2, name: NOTICE });
      await heading.waitFor();
      await page.getByText('Er staan nog geen beoordelingen op dit apparaat').waitFor();
      // Nothing on the page moved when it appeared (the prerendered start screen stays put).
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
      );
      expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
      const region = page.getByRole('region', { name: NOTICE });
      expect(await region.innerText()).toContain('HTML-bijlage uit een e-mail');
      const v = await axeViolations(page);
      expect(v, describeViolations('file notice', v)).toEqual([]);
      // Not a trap: Tab leaves the notice, and the page scrolls clear of it (room below the page).
      const footer = page.locator('footer');
      await footer.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const [fBox, nBox] = [await footer.boundingBox(), await region.boundingBox()];
      expect(fBox!.y + fBox!.height).toBeLessThanOrEqual(nBox!.y + 1);
      // The link to the settings explains more.
      await region.getByRole('link', { name: 'Instellingen.' }).click();
      await page.getByRole('heading', { level: 2, name: 'Waar uw werk staat' }).waitFor();
      await region.getByRole('button', { name: 'Begrepen, niet meer tonen' }).click();
      await heading.waitFor({ state: 'detached' });
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Waar uw werk staat' }).waitFor();
      expect(await page.getByRole('heading', { name: NOTICE }).count()).toBe(0);
      expect(w.pageErrors).toEqual([]);
      expect(w.cspViolations).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
});

/** What any other local HTML file can read: both databases and localStorage, as one text. */
async function readEverything(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: unknown[] = [];
    const openDb = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    for (const name of ['fria-wizard', 'fria-wizard-journal']) {
      const db = await openDb(name);
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result as unknown[]);
        });
        out.push(store, all);
      }
      db.close();
    }
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      out.push(k, localStorage.getItem(k));
    }
    return JSON.stringify(out);
  });
}

const PASS = 'paard batterij nietje correct';

describe('a library protected with a passphrase (file://)', () => {
  it('another local HTML file reads only ciphertext; its change to a record is reported, not shown', async () => {
    const { w, samples } = await libraryWith2();
    const { page } = w;
    const a = samples[0]!;
    const secret = a.answers.purpose as string;
    try {
      // Measured here: the key derivation (PBKDF2-SHA-256, 600,000 iterations) in this Chromium.
      const ms = await page.evaluate(async () => {
        const base = await crypto.subtle.importKey(
          'raw',
          new TextEncoder().encode('x'),
          'PBKDF2',
          false,
          ['deriveBits'],
        );
        const t0 = performance.now();
        await crypto.subtle.deriveBits(
          { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: new Uint8Array(16) },
          base,
          256,
        );
        return performance.now() - t0;
      });
      console.log(`PBKDF2-SHA-256, 600,000 iterations, in Chromium: ${ms.toFixed(0)} ms`);

      await page.getByRole('link', { name: 'Instellingen' }).click();
      await page
        .getByRole('heading', { level: 2, name: 'Beveiligen met een wachtwoordzin' })
        .waitFor();
      await page.getByLabel(/Ik begrijp dat mijn werk onleesbaar wordt/).check();
      await page.getByLabel('Nieuwe wachtwoordzin (minstens 10 tekens)').fill(PASS);
      await page.getByLabel('Herhaal de nieuwe wachtwoordzin').fill(PASS);
      await page.getByRole('button', { name: 'Beveiligen' }).click();
      await page.getByText('Uw beoordelingen zijn nu versleuteld.').waitFor({ timeout: 60_000 });
      const v = await axeViolations(page);
      expect(v, describeViolations('settings, protected', v)).toEqual([]);

      // Another local HTML file in the same profile (same file:// origin).
      const dir = tempDir();
      const other = join(dir, 'bijlage.html');
      writeFileSync(other, '<!doctype html><title>Bijlage</title><p>Een bijlage</p>');
      const second = await w.context.newPage();
      await second.goto(pathToFileURL(other).href);
      const seen = await readEverything(second);
      expect(seen).toContain('fria-sealed:1:');
      expect(seen).not.toContain(secret);
      expect(seen).not.toContain(a.meta.title);
      expect(seen).not.toContain(a.meta.systemName);

      // It flips one character of the first assessment's sealed text.
      await second.evaluate(async (id) => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const r = indexedDB.open('fria-wizard');
          r.onsuccess = () => resolve(r.result);
        });
        const store = db.transaction('assessments', 'readwrite').objectStore('assessments');
        const rec = await new Promise<{ json: string }>((resolve) => {
          const r = store.get(id);
          r.onsuccess = () => resolve(r.result as { json: string });
        });
        const i = rec.json.length - 10;
        rec.json = rec.json.slice(0, i) + (rec.json[i] === 'A' ? 'B' : 'A') + rec.json.slice(i + 1);
        await new Promise((resolve) => {
          const r = db.transaction('assessments', 'readwrite').objectStore('assessments').put(rec);
          r.onsuccess = resolve;
        });
        db.close();
      }, a.id);
      await second.close();

      // The app at its next start: locked; a wrong passphrase is said and changes nothing.
      await page.goto(SINGLE_FILE_URL);
      await page
        .getByRole('heading', { level: 1, name: 'De bibliotheek is vergrendeld' })
        .waitFor();
      const u = await axeViolations(page);
      expect(u, describeViolations('unlock screen', u)).toEqual([]);
      await page.getByLabel('Wachtwoordzin').fill('verkeerd verkeerd');
      await page.getByRole('button', { name: 'Openen' }).click();
      await page.getByText('Deze wachtwoordzin klopt niet. Er is niets veranderd.').waitFor({
        timeout: 60_000,
      });
      await page.getByLabel('Wachtwoordzin').fill(PASS);
      await page.getByRole('button', { name: 'Openen' }).click();
      const list = library(page);
      await list
        .getByRole('link', { name: a.meta.title, exact: true })
        .waitFor({ timeout: 60_000 });
      // The changed record: reported, never shown as the user's work.
      await list.getByRole('link', { name: a.meta.title, exact: true }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Dit record is buiten de app gewijzigd' })
        .waitFor();
      expect(await page.locator('body').innerText()).not.toContain(secret);
      // The other one opens as before.
      await page.goto(SINGLE_FILE_URL);
      await page.getByLabel('Wachtwoordzin').fill(PASS);
      await page.getByRole('button', { name: 'Openen' }).click();
      const b = samples[1]!;
      await library(page).getByRole('link', { name: b.meta.title, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Context' }).waitFor();
      expect(w.pageErrors).toEqual([]);
      expect(w.cspViolations).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
});

const libraryWith2 = () => libraryWithSamples(browser, 2);
