/**
 * Side by side (`npm run bench -- --only=side [--compare=OTHER.html …]`): our start screen, a bare
 * static page (the floor: the same heading and link, nothing else) and any other HTML files, loaded
 * cold from file:// in one interleaved run, at 1× and 4× CPU slowdown. Interleaving (and turning the
 * order every run) makes the machine's load fall on every page alike, so the ratios to the floor are
 * what is compared; absolute times depend on the machine and its load.
 *
 * Per page and slowdown, medians of (definitions in start.ts and docs/performance.md):
 * - painted: the end of the first frame after the page has a heading (h1) and the start action
 *   (for our app and the floor `a[href="#/new"]`; another page's with `--compare-ready`);
 * - interactive: as in the start figures (a quiet second after that frame);
 * - layout shift: the sum of all layout shifts until the end of the quiet second;
 * - app ready (our app only): the frame after the app has taken over the page and shows the
 *   library's answer (the "loading the assessments" line is gone).
 */
import type { Browser } from 'playwright-core';
import { measureStart, type StartRun } from './start';
import { median } from './stats';

export interface SidePage {
  name: string;
  url: string;
  /** When the heading and start action are there (a JS expression). */
  condition: string;
  /** Ours: when the app has taken over. */
  ready?: string;
}

export const HEADING_AND_ACTION = `document.querySelector('h1') && document.querySelector('a[href="#/new"]')`;

export interface SideFigures {
  painted: number;
  interactive: number;
  shift: number;
  /** Every run's layout-shift sum (a median hides a shift in some runs). */
  shifts: number[];
  tbt: number;
  ready: number | null;
  runs: number;
}

export type SideResult = Record<'1' | '4', Record<string, SideFigures>>;

export async function measureSideBySide(
  browser: Browser,
  pages: SidePage[],
  runs: number,
  log: (s: string) => void = () => undefined,
): Promise<{ result: SideResult; raw: Record<string, StartRun[]> }> {
  const raw: Record<string, StartRun[]> = {};
  for (let i = 0; i < runs; i++) {
    for (const cpu of [1, 4]) {
      for (let k = 0; k < pages.length; k++) {
        // A different page goes first each run: none always gets the warm (or cold) slot.
        const p = pages[(i + k) % pages.length]!;
        const r = await measureStart(browser, p.url, cpu, {
          condition: p.condition,
          ...(p.ready ? { ready: p.ready } : {}),
        });
        (raw[`${p.name}@${cpu}`] ??= []).push(r);
      }
    }
    log(`  run ${i + 1} of ${runs}`);
  }
  const result = { '1': {}, '4': {} } as SideResult;
  for (const cpu of ['1', '4'] as const) {
    for (const p of pages) {
      const list = raw[`${p.name}@${cpu}`] ?? [];
      const readies = list.map((r) => r.ready).filter((x): x is number => x !== null);
      result[cpu][p.name] = {
        painted: median(list.map((r) => r.painted)),
        interactive: median(list.map((r) => r.interactive)),
        shift: median(list.map((r) => r.shift)),
        shifts: list.map((r) => r.shift),
        tbt: median(list.map((r) => r.tbt)),
        ready: readies.length ? median(readies) : null,
        runs: list.length,
      };
    }
  }
  return { result, raw };
}
