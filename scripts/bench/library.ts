/**
 * The start screen with a huge library: 10,000 stored assessments against an empty library, from
 * file://, cold (a fresh browser context per run).
 *
 * Seeding: the app is opened once in the run's context (it creates its database), then 10,000
 * records are written to its IndexedDB stores in the app's own record format: the assessment as
 * its file text (`assessments`) and its library line (`summaries`), made by the core from one
 * fria-core assessment (answers, notes and two risks; the built-in questionnaire is not embedded),
 * with its id, title, system name and times varied, and the app is opened once more (it then builds
 * its library index, which an import keeps up to date). This is what importing a 10,000-item backup
 * leaves in the database, without the minutes that import takes in every run. The page that
 * seeded is closed; the measured page is a new navigation in the same context.
 *
 * Measured (definitions in start.ts): `interactive` — for the full library, until the first page of
 * the list (50 items) and the total ("… van 10000 beoordelingen") are shown and the page has been
 * quiet; for the empty one, until the "new assessment" link is there — and the longest task
 * (PerformanceObserver longtask, ≥ 50 ms; 0 when there was none) from navigation start to the end of
 * the quiet window.
 */
import type { Browser } from 'playwright-core';
import { serializeAssessment } from '../../src/core/assessment/assessment';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import { summarize } from '../../src/core/assessment/summary';
import type { Questionnaire } from '../../src/core/questionnaire/questionnaire-schema';
import { LINK_SELECTOR, measureStart, type StartRun } from './start';
import type { BenchPage } from './page';
import { pollFor } from './page';

export const LIBRARY_SIZE = 10_000;
const ID = '__BENCH_ID__';
const TITLE = '__BENCH_TITLE__';

export interface LibraryTemplate {
  json: string;
  summary: Record<string, unknown>;
}

/** One stored assessment as text plus its library line, with placeholders for id and title. */
export function libraryTemplate(a: Assessment, q: Questionnaire): LibraryTemplate {
  const copy: Assessment = { ...a, id: ID, meta: { ...a.meta, title: TITLE } };
  delete copy.questionnaireSnapshot;
  const summary = summarize(copy, q);
  return {
    json: JSON.stringify(JSON.parse(serializeAssessment(copy))),
    summary: { ...summary, version: copy.version, recordFormat: 1 },
  };
}

/** Writes `n` assessments into the app's database (which the app has created by then). */
const SEED = `async ([n, tpl, ID, TITLE]) => {
  const open = () => new Promise((resolve, reject) => {
    const r = indexedDB.open('fria-wizard');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const db = await open();
  const base = Date.UTC(2026, 0, 1);
  for (let from = 0; from < n; from += 500) {
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['assessments', 'summaries'], 'readwrite');
      const as = tx.objectStore('assessments');
      const ss = tx.objectStore('summaries');
      for (let i = from; i < Math.min(n, from + 500); i++) {
        const id = 'bench-big-' + i;
        const title = 'Beoordeling ' + String(i).padStart(5, '0');
        const at = new Date(base + i * 60000).toISOString();
        as.put({
          recordFormat: 1,
          id,
          savedAt: at,
          formatVersion: 1,
          version: 1,
          json: tpl.json.split(ID).join(id).split(TITLE).join(title),
        });
        ss.put({ ...tpl.summary, id, title, systemName: 'Systeem ' + i, updatedAt: at, exportedAt: at });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
}`;

export async function seedLibrary(
  p: BenchPage,
  url: string,
  n: number,
  tpl: LibraryTemplate,
): Promise<void> {
  await p.page.goto(url);
  await pollFor(p.page, `document.querySelector(${JSON.stringify(LINK_SELECTOR)})`, 60_000);
  if (n > 0) {
    await p.page.evaluate(`(${SEED})(${JSON.stringify([n, tpl, ID, TITLE])})`);
    // Opened once more, so the app builds its library index as it does after an import.
    await p.page.reload();
    await pollFor(p.page, fullLibraryShown(n), 120_000);
  }
}

/** The full library is shown: its first page and the total. */
export const fullLibraryShown = (n: number) =>
  `document.querySelector(${JSON.stringify(LINK_SELECTOR)}) && document.querySelectorAll('a[href^="#/a/bench-big-"]').length >= 50 && (document.querySelector('.library-count')?.textContent ?? '').includes(${JSON.stringify(`van ${n} beoordelingen`)})`;

export interface LibraryRuns {
  empty: StartRun[];
  full: StartRun[];
}

/**
 * `runs` cold starts each of the empty and the full library, interleaved (same load for both); with
 * several files (e.g. a baseline build), each run measures every file in turn.
 */
export async function measureLibrary(
  browser: Browser,
  urls: readonly string[],
  tpl: LibraryTemplate,
  runs: number,
  cpuSlowdown = 1,
): Promise<LibraryRuns[]> {
  const out: LibraryRuns[] = urls.map(() => ({ empty: [], full: [] }));
  for (let i = 0; i < runs; i++) {
    for (const [k, url] of urls.entries()) {
      out[k]!.empty.push(
        await measureStart(browser, url, cpuSlowdown, {
          prepare: (p) => seedLibrary(p, url, 0, tpl),
        }),
      );
      out[k]!.full.push(
        await measureStart(browser, url, cpuSlowdown, {
          condition: fullLibraryShown(LIBRARY_SIZE),
          prepare: (p) => seedLibrary(p, url, LIBRARY_SIZE, tpl),
        }),
      );
    }
  }
  return out;
}
