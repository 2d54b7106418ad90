/**
 * The single file asks for its packed parts while the page is still being parsed (a reload on a
 * screen loads that screen's code at once). The parser puts a part's element in the document before
 * all its text has arrived; read then, the part was cut short and the screen never came. Here the
 * file is served with a pause in the middle of the part the opened screen needs: the screen must
 * still come, once the rest has arrived, with no error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launch, openPage, SINGLE_FILE } from './browser';

const PAUSE_MS = 1500;
let browser: Browser;
let server: Server;
let base = '';
/** Where the served page paused, to show that the pause fell inside the part. */
let pausedAt = -1;

beforeAll(async () => {
  browser = await launch();
  const html = readFileSync(SINGLE_FILE, 'utf8');
  // The middle of the about screen's part: its element is there, half of its text is not.
  const start = html.indexOf('id="fria:AboutScreen-');
  const end = html.indexOf('</script>', start);
  if (start < 0 || end < 0) throw new Error('the single file has no part for the about screen');
  const cut = Buffer.byteLength(html.slice(0, start + Math.floor((end - start) / 2)), 'utf8');
  const bytes = Buffer.from(html, 'utf8');
  // A copy whose about part is damaged (half of its text gone), served at /damaged.
  const damaged = Buffer.from(
    html.slice(0, start + Math.floor((end - start) / 2)) + html.slice(end),
    'utf8',
  );
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    if (req.url === '/damaged') {
      res.end(damaged);
      return;
    }
    pausedAt = cut;
    res.write(bytes.subarray(0, cut));
    setTimeout(() => res.end(bytes.subarray(cut)), PAUSE_MS);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('the single file while it is still arriving', () => {
  it('opens a screen whose part is cut in two by a pause in the file', async () => {
    const w = await openPage(browser, { locale: 'nl-NL' });
    const { page } = w;
    const messages: string[] = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    await page.goto(`${base}#/about`, { waitUntil: 'commit' });
    await page
      .getByRole('heading', { level: 1, name: 'Over FRIA Wizard' })
      .waitFor({ timeout: 15_000 })
      .catch(async (e: unknown) => {
        const text = await page
          .locator('body')
          .innerText()
          .catch(() => '?');
        throw new Error(
          `no about screen; page shows “${text.slice(0, 300)}”, console: ${messages.join(' | ')} — ${String(e).slice(0, 200)}`,
        );
      });
    expect(pausedAt).toBeGreaterThan(0);
    expect(w.pageErrors).toEqual([]);
    expect(messages.filter((m) => m.startsWith('error'))).toEqual([]);
    await w.context.close();
  });

  it('says so when a part is damaged, and the rest of the app still works', async () => {
    const w = await openPage(browser, { locale: 'nl-NL' });
    const { page } = w;
    await page.goto(`${base}damaged#/about`);
    await page
      .getByRole('heading', { level: 1, name: 'Dit scherm kon niet worden geopend' })
      .waitFor({ timeout: 15_000 });
    await expect(page.getByRole('alert').innerText()).resolves.toContain(
      'Uw werk is opgeslagen in deze browser',
    );
    if (process.env.FRIA_SHOTS) await page.screenshot({ path: process.env.FRIA_SHOTS });
    // The way home leads to a working start screen.
    await page.getByRole('link', { name: 'Terug naar mijn beoordelingen' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Impact op grondrechten beoordelen' })
      .waitFor();
    await w.context.close();
  });
});
