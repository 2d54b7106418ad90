import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core with the WCAG 2.0/2.1 A and AA rule sets on the current page. axe is evaluated
 * through the DevTools protocol, which the page's CSP does not govern, so the app's policy stays on.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const has = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined',
  );
  if (!has) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/** A readable failure message listing every violation. */
export function describeViolations(where: string, v: AxeViolation[]): string {
  return v.length === 0
    ? ''
    : `${where}:\n${v.map((x) => `  - ${x.id} (${x.impact}): ${x.help}\n      ${x.nodes.slice(0, 5).join('\n      ')}`).join('\n')}`;
}
