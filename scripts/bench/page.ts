/**
 * Browser plumbing for the benchmark: a fresh context per run (cold: empty cache and storage), CPU
 * throttling through the DevTools protocol, and a record of page errors and CSP violations (a run
 * with either is refused: a broken page can be fast). No request interception: routing every request
 * through Node would add its round trip to the measured time; the single file makes no requests, and
 * any that the page does make are recorded and refused.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  problems: string[];
  close(): Promise<void>;
}

/** Reports CSP violations to the page's own list; read back with `problemsInPage`. */
const WATCH = `
  window.__benchProblems = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__benchProblems.push('CSP ' + e.violatedDirective + ' ' + e.blockedURI);
  });
`;

export async function openBenchPage(
  browser: Browser,
  opts: {
    cpuSlowdown?: number;
    initScripts?: string[];
    locale?: string;
    /** Runs first in the new context, in a page of its own that is then closed (e.g. to fill storage). */
    prepare?: (p: BenchPage) => Promise<void>;
  } = {},
): Promise<BenchPage> {
  const context = await browser.newContext({
    locale: opts.locale ?? 'nl-NL',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  if (opts.prepare) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
    await opts.prepare({ context, page, cdp, problems, close: () => page.close() });
    if (problems.length) throw new Error(`while preparing: ${problems.join('; ')}`);
    await page.close();
  }
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`request: ${url}`);
  });
  await page.addInitScript({ content: WATCH });
  for (const content of opts.initScripts ?? []) await page.addInitScript({ content });
  const cdp = await context.newCDPSession(page);
  // Throttling is set on the page before it navigates to the app, and stays for its navigations.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.cpuSlowdown ?? 1 });
  return {
    context,
    page,
    cdp,
    problems,
    close: () => context.close(),
  };
}

/** Problems seen inside the page (CSP violations), added to the list of the run. */
export async function collectProblems(p: BenchPage): Promise<string[]> {
  const inPage = await p.page.evaluate('window.__benchProblems || []').catch(() => [] as string[]);
  return [...p.problems, ...(inPage as string[])];
}

/** JS heap in use after a full garbage collection (bytes). */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.send('HeapProfiler.disable');
  return usedSize;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Waits until `expression` is truthy in the page. Playwright's waitForFunction compiles a string
 * predicate with `new Function` inside the page, which the app's CSP refuses; evaluate() goes
 * through the DevTools protocol and is not subject to it.
 */
export async function pollFor(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await sleep(25);
  }
}
