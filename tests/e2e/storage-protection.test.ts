/**
 * The single file's storage is shared with every local HTML file (Chromium gives all `file://`
 * pages one origin). In real Chromium from file://: the app says so once, in plain words, and the
 * notice is accessible and remembered once closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL } from './browser';
import { axeViolations, describeViolations } from './axe';

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
