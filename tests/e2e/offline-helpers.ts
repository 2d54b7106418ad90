/**
 * Helpers for the offline, CSP and XSS browser tests: a vite preview server on a free port, every
 * request the page makes (not only routed ones), a flow through the app with a questionnaire file,
 * and a trap that records any script that runs from content.
 */
import { expect } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Watched } from './browser';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export interface Preview {
  url: string;
  stop(): Promise<void>;
}

/**
 * `vite preview` of a built folder (dist/ or a copy), started as `node node_modules/vite/bin/vite.js`
 * (not through npx: killing npx leaves the server running). Sends the headers of
 * vite.config.ts `preview.headers`, i.e. the production CSP as an HTTP header.
 */
export async function startPreview(outDir = 'dist'): Promise<Preview> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      resolve('node_modules/vite/bin/vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      outDir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${log}`);
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
    if (i === 199) throw new Error(`vite preview did not start: ${log}`);
  }
  return {
    url,
    stop: () =>
      new Promise<void>((res) => {
        if (child.exitCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}

/** Records every request of the page and its workers (Playwright's request event sees more than routing). */
export function recordAllRequests(w: Watched): string[] {
  const all: string[] = [];
  w.context.on('request', (r) => all.push(r.url()));
  return all;
}

/**
 * Installs, before any app script, a trap for content that manages to run: window.alert/confirm/prompt
 * and a global `__xss(n)` that the corpus payloads call. `trapped()` returns what was called.
 */
export async function installXssTrap(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __xssHits: string[]; __xss(n: unknown): void };
    w.__xssHits = [];
    w.__xss = (n: unknown) => w.__xssHits.push(`__xss(${String(n)})`);
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      Object.defineProperty(window, name, {
        configurable: false,
        value: (...args: unknown[]) => {
          w.__xssHits.push(`${name}(${args.map(String).join(',')})`);
          return null;
        },
      });
    }
  });
  return () => page.evaluate(() => (window as unknown as { __xssHits: string[] }).__xssHits);
}

/** Answers every unanswered visible question on the current step (first option / some text). */
export async function answerStep(page: Page, text: (i: number) => string): Promise<number> {
  let answered = 0;
  for (let round = 0; round < 5; round++) {
    let changed = false;
    const questions = page.locator('.question');
    const count = await questions.count();
    for (let i = 0; i < count; i++) {
      const q = questions.nth(i);
      const radios = q.locator('input[type=radio]');
      const boxes = q.locator('input[type=checkbox]');
      if ((await radios.count()) > 0) {
        if ((await q.locator('input[type=radio]:checked').count()) === 0) {
          await radios.first().check();
          changed = true;
          answered++;
        }
      } else if ((await boxes.count()) > 0) {
        if ((await q.locator('input[type=checkbox]:checked').count()) === 0) {
          await boxes.first().check();
          changed = true;
          answered++;
        }
      } else {
        const field = q
          .locator(
            'textarea:not([id$="-note"]), input[type=text], input[type=number], input[type=date]',
          )
          .first();
        if ((await field.count()) === 0) continue;
        if ((await field.inputValue()) === '') {
          const type = await field.getAttribute('type');
          const min = Number((await field.getAttribute('min')) ?? '0');
          await field.fill(
            type === 'number' ? String(Math.max(min, 3)) : type === 'date' ? '2027-03-01' : text(i),
          );
          changed = true;
          answered++;
        }
      }
    }
    if (!changed) break;
  }
  return answered;
}

/** From the new-assessment screen (questionnaire chosen), fills the form, starts and waits for step 1. */
export async function startAssessment(
  page: Page,
  meta: { systemName: string; organisation?: string; owner?: string },
  lang: 'nl' | 'en' = 'nl',
): Promise<void> {
  const l =
    lang === 'nl'
      ? {
          system: /Naam van het systeem/,
          org: 'Organisatie',
          owner: /Eigenaar/,
          start: 'Beoordeling starten',
        }
      : {
          system: /Name of the system/,
          org: 'Organisation',
          owner: /Owner/,
          start: 'Start the assessment',
        };
  await page.getByRole('radio').first().waitFor();
  await page.getByLabel(l.system).fill(meta.systemName);
  if (meta.organisation !== undefined) await page.getByLabel(l.org).fill(meta.organisation);
  if (meta.owner !== undefined) await page.getByLabel(l.owner).fill(meta.owner);
  await page.getByRole('button', { name: l.start }).click();
  // Creating and storing the assessment takes a moment, during which this screen is still shown:
  // wait for the first step, or the caller would read this screen's heading and find no questions.
  await page.locator('.wizard__main form').waitFor();
}

/** Goes through every wizard step, answering everything, until the risk register that follows the last step (Dutch UI). */
export async function answerAllSteps(page: Page, text: (i: number) => string): Promise<number> {
  let answered = 0;
  const h1 = page.getByRole('heading', { level: 1 });
  for (let step = 0; step < 60; step++) {
    await h1.waitFor();
    const title = (await h1.innerText()).trim();
    if (title === 'Risicoregister') return answered;
    answered += await answerStep(page, text);
    // Saved (within a second of the last change); on failure the assertion shows the status it saw.
    await expect
      .poll(async () => (await page.locator('.save-status').first().textContent()) ?? '', {
        timeout: 30_000,
      })
      .toMatch(/Opgeslagen om/);
    await page.getByRole('button', { name: /Opslaan en (verder|naar het risicoregister)/ }).click();
    // Wait for the next view, so the next round does not answer the old one again.
    await page.waitForFunction(
      (old) => document.querySelector('h1')?.textContent?.trim() !== old,
      title,
    );
  }
  throw new Error('did not reach the risk register in 60 steps');
}

/** Downloads through a button and returns the saved file's path. */
export async function download(page: Page, button: string | RegExp, dir: string, name: string) {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const d = await pending;
  const file = join(dir, name);
  await d.saveAs(file);
  return file;
}

export const MINI_QUESTIONNAIRE = resolve('tests/fixtures/mini-questionnaire.json');
