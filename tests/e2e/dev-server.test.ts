/**
 * The README's first command, `npm start`, serves the app from Vite's development server, where
 * React runs its checks (StrictMode mounts every screen twice). There a new assessment opened
 * read-only — the screen's first mount still held the tab's own edit lock — and the console showed
 * a failed service-worker registration. Start the server, make an assessment, type, reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser';

let browser: Browser;
let server: ChildProcess | null = null;
let base = '';

beforeAll(async () => {
  browser = await launch();
  server = spawn('npx', ['vite', '--host', '127.0.0.1', '--port', '5199', '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vite did not start: ${out}`)), 60_000);
    const look = (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stripVTControlCharacters(out));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    server!.stdout!.on('data', look);
    server!.stderr!.on('data', look);
    server!.on('exit', (code) => reject(new Error(`vite exited with ${code}: ${out}`)));
  });
});

afterAll(async () => {
  await browser?.close();
  // The whole group: npx and the vite process under it.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

describe('npm start (the development server)', () => {
  it('opens a new assessment for editing, saves what is typed, keeps it over a reload', async () => {
    const w = await openPage(browser, { locale: 'nl-NL' });
    const { page } = w;
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(`${base}#/new`);
    // The first visit compiles the modules: generous timeouts.
    await page
      .getByRole('heading', { level: 1, name: 'Nieuwe beoordeling' })
      .waitFor({ timeout: 60_000 });
    await page.getByRole('radio').first().waitFor({ timeout: 60_000 });
    await page.getByLabel(/Naam van het systeem/).fill('Ontwikkelserver');
    await page.getByRole('button', { name: 'Beoordeling starten' }).click();
    const field = page.locator('#q-purpose');
    await field.waitFor({ timeout: 60_000 });
    expect(await field.getAttribute('readonly')).toBeNull();
    await field.fill('Getypt op de ontwikkelserver');
    await expect
      .poll(() => page.locator('.save-status').first().innerText(), { timeout: 15_000 })
      .toMatch(/Opgeslagen om/);
    await page.reload();
    await page.locator('#q-purpose').waitFor({ timeout: 60_000 });
    expect(await page.locator('#q-purpose').inputValue()).toBe('Getypt op de ontwikkelserver');
    expect(await page.locator('#q-purpose').getAttribute('readonly')).toBeNull();
    expect(w.pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await w.context.close();
  });
});
