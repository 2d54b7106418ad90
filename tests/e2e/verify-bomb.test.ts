/**
 * A compressed bomb on the Verify screen, in real Chromium over the single file: a 2 MB PDF whose
 * attached assessment would unpack to 2 GB is refused with a message that says so, and the tab's
 * memory stays small while it happens. Memory is read through the DevTools protocol, polled while
 * the file is checked: the page's JS heap (Performance.getMetrics) and, on Linux, the resident
 * memory of the renderer processes (SystemInfo.getProcessInfo, /proc), since unpacked data lives
 * outside the JS heap. The 2 s is how long the test waits for the message, not a speed assertion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL, tempDir } from './browser';
import { pdfWithAttachment, zeroBomb } from '../unit/pdf-file/build';

const MB = 1024 * 1024;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Resident memory (bytes) of a process, from /proc; 0 where that cannot be read. */
function rss(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return 0;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

describe('Verify refuses a compressed bomb', () => {
  it('a 2 MB PDF that would unpack to 2 GB: the message within 2 s, memory under 300 MB', async () => {
    const file = join(tempDir('fria-bomb-'), 'bomb.pdf');
    const pdf = pdfWithAttachment(zeroBomb(2048));
    expect(pdf.length).toBeLessThan(2.5 * MB);
    writeFileSync(file, pdf);

    const { page, context, pageErrors } = await openPage(browser, { locale: 'en-GB' });
    await page.goto(`${SINGLE_FILE_URL}#/verify`);
    await page.getByRole('heading', { level: 1, name: 'Verify a file' }).waitFor();

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const browserCdp = await browser.newBrowserCDPSession();
    const heapNow = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    };
    const renderersNow = async () => {
      const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
        processInfo: { type: string; id: number }[];
      };
      return info.processInfo
        .filter((p) => p.type === 'renderer')
        .reduce((n, p) => Math.max(n, rss(p.id)), 0);
    };
    const baseRss = await renderersNow();
    let peakHeap = await heapNow();
    let peakRss = baseRss;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        peakHeap = Math.max(peakHeap, await heapNow().catch(() => 0));
        peakRss = Math.max(peakRss, await renderersNow().catch(() => 0));
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    try {
      await page.getByLabel('PDF or assessment file (.pdf, .json)').setInputFiles(file);
      await page
        .getByTestId('verify-result')
        .getByText('would unpack to more than 20.0 MB')
        // A bound for waiting, not a speed check (the benchmark measures speed): generous, since
        // the Verify code itself loads first on a busy two-core CI machine. The memory limits
        // below are what a bomb breaks.
        .waitFor({ timeout: 20_000 });
    } finally {
      polling = false;
      await poll;
    }
    expect(await page.getByTestId('verify-result').getAttribute('data-status')).not.toBe('valid');
    console.log(
      `bomb: peak JS heap ${(peakHeap / MB).toFixed(1)} MB, renderer memory grew ${((peakRss - baseRss) / MB).toFixed(1)} MB`,
    );
    expect(peakHeap).toBeLessThan(300 * MB);
    // The renderer's own memory grew by less than 300 MB (where /proc can be read).
    if (baseRss > 0) expect(peakRss - baseRss).toBeLessThan(300 * MB);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
