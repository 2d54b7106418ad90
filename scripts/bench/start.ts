/**
 * Start screen, cold, from file://. One run = a fresh browser context, one navigation.
 *
 * Definitions (docs/performance.md repeats them):
 * - link: the first moment the "new assessment" link (a[href="#/new"]) is in the document
 *   (MutationObserver, from navigation start).
 * - painted: the end of the first frame after that (requestAnimationFrame, then a message task, which
 *   runs after the frame's paint).
 * - interactive: the later of `painted` and the first idle callback after it, pushed to the end of
 *   any long task (≥ 50 ms) that starts within 1 s after it (a 1-second quiet window, like TTI's 5 s).
 * - TBT: the sum of (duration − 50 ms) of the long tasks that start before `interactive`, counted
 *   from navigation start (stricter than Lighthouse, which starts at first contentful paint).
 * - heap: JS heap in use after two forced garbage collections, after the quiet window.
 * - shift: the sum of all layout shifts (PerformanceObserver `layout-shift`, none after input) until
 *   the end of the quiet window.
 * - ready (when a `ready` condition is given): the end of the first frame after it holds, e.g. the
 *   app has taken over the prerendered start screen and shows the library's answer.
 */
import type { Browser } from 'playwright-core';
import { collectProblems, heapAfterGc, openBenchPage, sleep, type BenchPage } from './page';

export const LINK_SELECTOR = 'a[href="#/new"]';
const QUIET_MS = 1000;

/**
 * Installed before any page script: long tasks, the moment `condition` (a JS expression) first holds,
 * the frame after it, the idle callback.
 */
export const startProbe = (
  condition = `document.querySelector(${JSON.stringify(LINK_SELECTOR)})`,
  ready: string | null = null,
) => `
(() => {
  const b = (window.__bench = { longTasks: [], link: null, painted: null, idle: null, idleTimedOut: false, shift: 0, ready: null, readyPainted: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) b.shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (e) {}
  ${
    ready
      ? `const readyMo = new MutationObserver(() => {
    if (b.ready !== null || !(${ready})) return;
    b.ready = performance.now();
    readyMo.disconnect();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { b.readyPainted = performance.now(); };
      ch.port2.postMessage(0);
    });
  });
  readyMo.observe(document, { childList: true, subtree: true, characterData: true });`
      : ''
  }
  const found = () => {
    if (b.link !== null || !(${condition})) return;
    b.link = performance.now();
    mo.disconnect();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        b.painted = performance.now();
        requestIdleCallback((d) => { b.idle = performance.now(); b.idleTimedOut = d.didTimeout; }, { timeout: 10000 });
      };
      ch.port2.postMessage(0);
    });
  };
  const mo = new MutationObserver(found);
  mo.observe(document, { childList: true, subtree: true });
})();
`;

interface Probe {
  longTasks: [number, number][];
  shift: number;
  ready: number | null;
  readyPainted: number | null;
  link: number | null;
  painted: number | null;
  idle: number | null;
  idleTimedOut: boolean;
  fcp: number | null;
  now: number;
}

export interface StartRun {
  link: number;
  painted: number;
  interactive: number;
  tbt: number;
  longTasks: number;
  fcp: number | null;
  heapBytes: number;
  /** Sum of layout shifts until the end of the quiet window. */
  shift: number;
  /** The frame after the `ready` condition held, if one was given. */
  ready: number | null;
  /** The longest task seen from navigation start to the end of the quiet window (ms; 0: none ≥ 50). */
  longestTask: number;
}

export function interactiveFrom(p: Probe): { interactive: number; tbt: number; longTasks: number } {
  let interactive = Math.max(p.painted!, p.idle!);
  const tasks = [...p.longTasks].sort((a, b) => a[0] - b[0]);
  for (const [start, dur] of tasks) {
    if (start <= interactive + QUIET_MS && start + dur > interactive) interactive = start + dur;
  }
  const before = tasks.filter(([start]) => start < interactive);
  return {
    interactive,
    tbt: before.reduce((s, [, d]) => s + Math.max(0, d - 50), 0),
    longTasks: before.length,
  };
}

const READ = `(() => {
  const b = window.__bench || {};
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return { ...b, longTasks: b.longTasks || [], fcp: fcp ? fcp.startTime : null, now: performance.now() };
})()`;

/** One cold load of `url`; resolves when the page has been quiet for a second after `interactive`. */
export async function measureStart(
  browser: Browser,
  url: string,
  cpuSlowdown: number,
  opts: {
    condition?: string;
    ready?: string;
    prepare?: (p: BenchPage) => Promise<void>;
  } = {},
): Promise<StartRun> {
  const p = await openBenchPage(browser, {
    cpuSlowdown,
    initScripts: [startProbe(opts.condition, opts.ready ?? null)],
    prepare: opts.prepare,
  });
  try {
    await p.page.goto(url, { waitUntil: 'commit' });
    const deadline = Date.now() + 60_000;
    let probe: Probe;
    for (;;) {
      probe = (await p.page.evaluate(READ)) as Probe;
      if (probe.idle !== null && (!opts.ready || probe.readyPainted !== null)) {
        const { interactive } = interactiveFrom(probe);
        const end = Math.max(interactive, probe.readyPainted ?? 0);
        if (probe.now >= end + QUIET_MS) break;
      }
      if (Date.now() > deadline) throw new Error(`start screen of ${url} not interactive in 60 s`);
      await sleep(50);
    }
    const problems = await collectProblems(p);
    if (problems.length) throw new Error(`${url}: ${problems.join('; ')}`);
    const heapBytes = await heapAfterGc(p.cdp);
    const r = interactiveFrom(probe);
    return {
      link: probe.link!,
      painted: probe.painted!,
      interactive: r.interactive,
      tbt: r.tbt,
      longTasks: r.longTasks,
      fcp: probe.fcp,
      heapBytes,
      shift: probe.shift,
      ready: probe.readyPainted,
      longestTask: Math.max(0, ...probe.longTasks.map(([, d]) => d)),
    };
  } finally {
    await p.close();
  }
}

/** The floor: a static page with the start screen's heading and link, nothing else. */
export function floorHtml(heading: string, linkText: string): string {
  return `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>FRIA Wizard</title>
  </head>
  <body>
    <h1>${heading}</h1>
    <p><a href="#/new">${linkText}</a></p>
  </body>
</html>
`;
}
