/**
 * Killing the browser: Chromium runs as its own process on a profile folder that outlives it, the
 * test types into an assessment and kills the whole browser (SIGKILL to its process group) at a
 * random moment — while typing, during the autosave's wait or while a save runs — then starts it
 * again on the same profile.
 *
 * It asserts that nothing that reached the page is lost: the field's value read just before the kill
 * is there, in full, after the restart (a keystroke that arrived between that read and the kill may
 * come back too), and nothing comes back that was not typed. Every change is journalled on input in
 * localStorage and, as a small IndexedDB transaction, in the journal's IndexedDB copy
 * (src/storage/change-mirror.ts): Chromium writes localStorage to disk only later, in batches, so
 * the IndexedDB copy is what survives the kill. It prints how many characters reached the page.
 *
 * Trials: FRIA_KILL_TRIALS (default 8, to keep `npm test` reasonable on two cores; the target of
 * 20 is run with FRIA_KILL_TRIALS=20). Seed: FRIA_KILL_SEED, printed either way. */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { browserPath, SINGLE_FILE_URL, tempDir } from './browser';
import { importFiles, library, sampleAssessments, writeBackup } from './storage-helpers';

const PURPOSE = 'Wat is het doel van het systeem?';
const TRIALS = Number(process.env.FRIA_KILL_TRIALS ?? 8);
const SEED = Number(process.env.FRIA_KILL_SEED ?? Date.now() % 2 ** 31);

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Running {
  child: ChildProcess;
  browser: Browser;
  page: Page;
}
let running: Running | null = null;

/** Starts Chromium on the profile folder with remote debugging, and connects to it. */
async function start(profile: string): Promise<Running> {
  const child = spawn(
    browserPath(),
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--remote-debugging-port=0',
      '--lang=nl-NL',
      '--accept-lang=nl-NL',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    // Its own process group, so the kill takes the browser with all its child processes.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', () => reject(new Error(`Chromium exited: ${text}`)));
  });
  child.stderr!.resume();
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  // The one-time notice about shared local storage counts as closed (tests/e2e/browser.ts).
  await context.addInitScript(() => localStorage.setItem('fria-wizard:notice:file-origin', '1'));
  const page = context.pages()[0] ?? (await context.newPage());
  running = { child, browser, page };
  return running;
}

/** SIGKILL to the browser's process group: no unload, no pagehide, nothing flushed. */
async function kill(r: Running): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (r.child.exitCode !== null || r.child.signalCode !== null) resolve();
    else r.child.once('exit', () => resolve());
  });
  try {
    process.kill(-r.child.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
  await exited;
  running = null;
}

afterAll(async () => {
  if (running) await kill(running);
});

describe('a killed browser', () => {
  it(`loses nothing that reached the page (${TRIALS} kills at random moments)`, async () => {
    console.log(
      `browser kill test: seed ${SEED}, ${TRIALS} trials (FRIA_KILL_SEED=${SEED} FRIA_KILL_TRIALS=${TRIALS} to repeat)`,
    );
    const rnd = random(SEED);
    const profile = tempDir();
    const [sample] = await sampleAssessments(1);
    const a = sample!;
    a.answers.purpose = 'Start.';

    let r = await start(profile);
    await r.page.goto(SINGLE_FILE_URL);
    await importFiles(r.page, [writeBackup(tempDir(), [a])]);
    await r.page.getByText('1 beoordeling toegevoegd').waitFor();
    await library(r.page).getByRole('link', { name: a.meta.title, exact: true }).click();
    const field = (p: Page) => p.getByLabel(PURPOSE, { exact: false }).first();
    await field(r.page).waitFor();
    const url = r.page.url();

    let expected = 'Start.';
    let lost = 0;
    let reached = 0;
    const losses: string[] = [];
    for (let trial = 1; trial <= TRIALS; trial++) {
      expect(await field(r.page).inputValue()).toBe(expected);
      await field(r.page).press('Control+End');
      const words = Array.from({ length: 3 + Math.floor(rnd() * 6) }, (_, i) => ` t${trial}w${i}`);
      const typing = field(r.page)
        .pressSequentially(words.join(''), { delay: Math.floor(rnd() * 40) })
        .catch(() => {});
      // A random moment: while typing, during the autosave's wait, or while a save runs.
      const wait = Math.floor(rnd() * 2000);
      await new Promise((done) => setTimeout(done, wait));
      // The field being typed in has the focus: its value is what reached the page.
      const before = await r.page.evaluate(
        () => (document.activeElement as HTMLTextAreaElement | null)?.value ?? '',
      );
      await kill(r);
      await typing;
      await r.browser.close().catch(() => {});

      r = await start(profile);
      await r.page.goto(url);
      await field(r.page).waitFor();
      const after = await field(r.page).inputValue();
      console.log(
        `trial ${trial}: kill after ${wait} ms; reached "${before}", restored "${after}"`,
      );
      reached += before.length - expected.length;
      let common = 0;
      while (common < before.length && before[common] === after[common]) common++;
      lost += before.length - common;
      if (common < before.length) losses.push(`trial ${trial}: "${before}" → "${after}"`);
      // Saved before the trial: kept. And nothing comes back that was not typed.
      expect(after.startsWith(expected), `trial ${trial}: "${expected}" → "${after}"`).toBe(true);
      expect((expected + words.join('')).startsWith(after), `trial ${trial}: "${after}"`).toBe(
        true,
      );
      expected = after;
    }
    console.log(`browser kill test: ${reached} characters reached the page, ${lost} lost`);
    // Everything that reached the page before the kill came back.
    expect(losses).toEqual([]);
    await kill(r);
  }, 600_000);
});
