/**
 * Shared end-to-end harness: launches the system Chromium through playwright-core, blocks every
 * request that is not the app itself, and records CSP violations and page errors.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SINGLE_FILE = resolve('dist-single/fria-wizard.html');
export const SINGLE_FILE_URL = pathToFileURL(SINGLE_FILE).href;

/** The browser: $CHROMIUM_PATH, else /usr/bin/chromium; a clear error when there is none. */
export function browserPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install it (Debian: apt-get install chromium) ' +
        'or set CHROMIUM_PATH to the browser executable.',
    );
  }
  return found;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: browserPath(),
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Requests that were blocked because they left the app. */
  blocked: string[];
  /** Every request the page made (file:// and data: included). */
  requests: string[];
  cspViolations: string[];
  pageErrors: string[];
}

/** A fresh context and page with the network blocked and violations recorded. */
export async function openPage(
  browser: Browser,
  opts: {
    locale?: string;
    acceptDownloads?: boolean;
    viewport?: { width: number; height: number };
    /**
     * Show the single file's one-time notice about shared local storage (default: it counts as
     * closed, so the tests of other screens see them as a returning user does).
     */
    fileNotice?: boolean;
  } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    locale: opts.locale ?? 'nl-NL',
    acceptDownloads: opts.acceptDownloads ?? true,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
  });
  const blocked: string[] = [];
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (
      url.startsWith('file://') ||
      url.startsWith('data:') ||
      url.startsWith('blob:') ||
      url.startsWith('http://127.0.0.1')
    ) {
      return route.continue();
    }
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  await page.exposeFunction('__reportCsp', (v: string) => cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(v: string): void }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  if (!opts.fileNotice) {
    await context.addInitScript(() => {
      try {
        localStorage.setItem('fria-wizard:notice:file-origin', '1');
      } catch {
        // No storage: the notice shows, as it would for the user.
      }
    });
  }
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return { context, page, blocked, requests, cspViolations, pageErrors };
}

export function tempDir(prefix = 'fria-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
