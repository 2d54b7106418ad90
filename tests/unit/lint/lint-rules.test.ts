/**
 * The lint rules that keep the shape of the house (eslint.config.js) are themselves tested: each
 * probe in tests/fixtures/lint-probes breaks one rule on purpose and must fail lint with it; the
 * "allowed" probes show what the rules let through. A probe names the path it is linted as (the
 * rules go by folder), or is linted where it lies (the cycle probes, which import each other).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const PROBES = join(ROOT, 'tests/fixtures/lint-probes');
// The probes are ignored by the normal lint run; here they are linted on purpose.
const eslint = new ESLint({ cwd: ROOT, ignore: false });

const probes = readdirSync(PROBES)
  .sort()
  .map((name) => {
    const text = readFileSync(join(PROBES, name), 'utf8');
    const head = /^\/\/ lint-as: (\S+).*— expect: (\S+)/.exec(text);
    if (!head)
      throw new Error(`${name}: first line must say "// lint-as: <path> — expect: <rule>"`);
    const filePath = head[1]!.startsWith('src/') ? join(ROOT, head[1]!) : join(PROBES, name);
    return { name, text, filePath, expect: head[2]! };
  });

async function ruleIds(p: (typeof probes)[number]): Promise<string[]> {
  const [r] = await eslint.lintText(p.text, { filePath: p.filePath });
  return (r?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('lint keeps the shape', { timeout: 60_000 }, () => {
  it('has probes for every rule', () => {
    expect(new Set(probes.map((p) => p.expect))).toEqual(
      new Set([
        'no-restricted-imports',
        'no-restricted-globals',
        'no-restricted-properties',
        'local/no-cycle',
        'nothing',
      ]),
    );
  });

  it.each(probes.filter((p) => p.expect !== 'nothing').map((p) => [p.name, p] as const))(
    '%s fails lint',
    async (_, p) => {
      expect(await ruleIds(p)).toContain(p.expect);
    },
  );

  it.each(probes.filter((p) => p.expect === 'nothing').map((p) => [p.name, p] as const))(
    '%s passes lint',
    async (_, p) => {
      expect(await ruleIds(p)).toEqual([]);
    },
  );
});
