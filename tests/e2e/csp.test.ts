/**
 * The Content-Security-Policy of both builds: what is written (static checks of dist/), and that the
 * browser enforces it (eval, inline handlers, injected scripts, HTML sinks under Trusted Types are all
 * refused and reported), while every screen of the app runs without a single violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE, SINGLE_FILE_URL } from './browser';
import { startPreview, type Preview } from './offline-helpers';
import { START_SCRIPT_HASH } from '../../scripts/start-script';

let browser: Browser;
let preview: Preview;
beforeAll(async () => {
  browser = await launch();
  preview = await startPreview('dist');
});
afterAll(async () => {
  await preview?.stop();
  await browser?.close();
});

function metaCsp(file: string): string {
  const html = readFileSync(file, 'utf8');
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  if (!m) throw new Error(`no CSP meta in ${file}`);
  return m[1]!;
}

function directives(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

describe('the policy as written', () => {
  const required = (d: Map<string, string[]>) => {
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('require-trusted-types-for')).toEqual(["'script'"]);
    for (const [name, values] of d) {
      for (const v of values) {
        expect(`${name} ${v}`).not.toMatch(
          /'unsafe-|'strict-dynamic'|\*|https?:|'wasm-unsafe-eval'/,
        );
      }
    }
  };

  it('single file: scripts and styles only by hash, no network, one Trusted Types policy for unpacking its parts', () => {
    const d = directives(metaCsp(SINGLE_FILE));
    required(d);
    expect(d.get('script-src')!.length).toBeGreaterThan(0);
    expect(d.get('script-src')!.every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s))).toBe(true);
    expect(d.get('style-src')!.every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s))).toBe(true);
    expect(d.get('connect-src')).toEqual(["'none'"]);
    expect(d.get('trusted-types')).toEqual(['fria-chunks']);
    expect(d.has('worker-src')).toBe(false);
  });

  it('hosted build: only its own files and the start script, one named Trusted Types policy for the service worker', () => {
    const d = directives(metaCsp('dist/index.html'));
    required(d);
    // The one inline script picks the prerendered start screen's language (scripts/start-script.ts).
    expect(d.get('script-src')).toEqual(["'self'", START_SCRIPT_HASH]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'"]);
    expect(d.get('trusted-types')).toEqual(['fria-sw']);
  });

  it('dist/_headers carries the same policy plus frame-ancestors, which a meta cannot', () => {
    const headers = readFileSync('dist/_headers', 'utf8');
    const line = /Content-Security-Policy: (.+)/.exec(headers)![1]!;
    expect(line).toBe(`${metaCsp('dist/index.html')}; frame-ancestors 'none'`);
    expect(headers).toMatch(/X-Content-Type-Options: nosniff/);
  });

  it('the single file contains no service worker registration', () => {
    const html = readFileSync(SINGLE_FILE, 'utf8');
    expect(html).not.toMatch(/serviceWorker\s*\.\s*register/);
    // Not a chunk whose name happens to end in "sw.js" (a hash such as "objects-BWlIDJsw.js").
    expect(html).not.toMatch(/(?<![\w-])sw\.js/);
  });
});

/** Tries what an injected payload would try; returns which attempts got through. */
async function probe(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const through: string[] = [];
    const w = window as unknown as Record<string, unknown>;
    w.__probe = () => through.push('called');
    const attempt = (name: string, f: () => void) => {
      try {
        f();
        through.push(`${name}: no error`);
      } catch {
        // Refused, as it should be.
      }
    };
    // DevTools' own evaluation may use eval; page code running later in a task may not. So the
    // string-to-code attempts run from timers, as an injected payload's would.
    const later = (name: string, f: () => void) =>
      new Promise<void>((res) =>
        setTimeout(() => {
          attempt(name, f);
          res();
        }, 0),
      );
    await later('eval', () => (0, eval)('window.__probe()'));
    await later('new Function', () => new Function('window.__probe()')());
    await later('setTimeout(string)', () =>
      (setTimeout as unknown as (code: string, ms: number) => void)('window.__probe()', 0),
    );
    attempt('innerHTML', () => {
      const div = document.createElement('div');
      document.body.append(div);
      div.innerHTML = '<img src="x" onerror="window.__probe()">';
    });
    attempt('script text', () => {
      const s = document.createElement('script');
      s.textContent = 'window.__probe()';
      document.body.append(s);
    });
    attempt('handler attribute', () => {
      const b = document.createElement('button');
      b.setAttribute('onclick', 'window.__probe()');
      document.body.append(b);
      b.click();
    });
    attempt('policy', () => {
      (
        window as unknown as { trustedTypes: { createPolicy(n: string, r: object): unknown } }
      ).trustedTypes.createPolicy('attacker', { createHTML: (s: string) => s });
    });
    // The single file's loader policy exists already (a name can be created once); the web app
    // does not allow it at all.
    attempt('loader policy', () => {
      (
        window as unknown as { trustedTypes: { createPolicy(n: string, r: object): unknown } }
      ).trustedTypes.createPolicy('fria-chunks', { createScript: (s: string) => s });
    });
    // A javascript: link the user clicks.
    const a = document.createElement('a');
    a.href = 'javascript:window.__probe()';
    document.body.append(a);
    a.click();
    await new Promise((r) => setTimeout(r, 300));
    return through;
  });
}

describe('the policy as enforced', () => {
  it('single file from file://: every injection attempt is refused and reported', async () => {
    const w = await openPage(browser);
    await w.page.goto(SINGLE_FILE_URL);
    await w.page.getByRole('heading', { level: 1 }).waitFor();
    expect(w.cspViolations).toEqual([]);
    expect(await probe(w.page)).toEqual([]);
    // The recorder works: the attempts above were reported as violations.
    await expect.poll(() => w.cspViolations.length).toBeGreaterThanOrEqual(5);
    expect(
      w.cspViolations.some(
        (v) => v.startsWith('trusted-types') || v.startsWith('require-trusted-types-for'),
      ),
    ).toBe(true);
    expect(w.cspViolations.some((v) => v.startsWith('script-src'))).toBe(true);
    await w.context.close();
  });

  it('hosted build with the CSP as HTTP header: every injection attempt is refused', async () => {
    const w = await openPage(browser);
    const response = await w.page.goto(preview.url);
    expect(response?.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    await w.page.getByRole('heading', { level: 1 }).waitFor();
    expect(w.cspViolations).toEqual([]);
    expect(await probe(w.page)).toEqual([]);
    await expect.poll(() => w.cspViolations.length).toBeGreaterThanOrEqual(5);
    await w.context.close();
  });

  for (const target of ['single', 'hosted'] as const) {
    it(`${target}: every screen without a route parameter opens with no violation and no error`, async () => {
      const w = await openPage(browser);
      const base = target === 'single' ? SINGLE_FILE_URL : preview.url;
      for (const route of [
        '#/',
        '#/new',
        '#/verify',
        '#/settings',
        '#/about',
        '#/accessibility',
        '#/nope',
      ]) {
        await w.page.goto(`${base}${route}`);
        await w.page.getByRole('heading', { level: 1 }).waitFor();
        await w.page.waitForTimeout(200);
      }
      // The About screen loads its licence list on demand (a lazy chunk, inlined in the single file).
      await w.page.goto(`${base}#/about`);
      await w.page.getByRole('table').getByRole('row').nth(10).waitFor();
      expect(await w.page.getByRole('table').getByRole('row').count()).toBeGreaterThan(20);
      await expect(w.page.getByText('EUPL-1.2').first().isVisible()).resolves.toBe(true);
      // Switch language and theme too: i18next and the theme code run under the policy.
      await w.page.goto(`${base}#/settings`);
      await w.page.getByLabel('English').check();
      await w.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      expect(w.cspViolations).toEqual([]);
      expect(w.pageErrors).toEqual([]);
      await w.context.close();
    });
  }
});
