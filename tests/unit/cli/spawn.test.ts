import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tempFile } from './helpers';

/** The real command line, as a user runs it (`npx tsx src/cli/main.ts …`). */
function fria(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the CLI as a process', { timeout: 120_000 }, () => {
  it('validate exits 0 for valid, 1 for invalid, 2 for a usage error', () => {
    const ok = fria('validate', 'tests/fixtures/mini-questionnaire.json', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).valid).toBe(true);

    const bad = fria('validate', tempFile('{"id": "x"}'));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('not a valid questionnaire');

    const usage = fria('validate');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('validate <questionnaire.json>');
  });

  it('score prints JSON on stdout and exits 0; an unreadable file exits 1', () => {
    const dir = 'questionnaires/fria-core/fixtures';
    const name = readdirSync(dir).find((f) => f.endsWith('.fria.json'))!;
    const ok = fria('score', `${dir}/${name}`);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).overall.level).toEqual(expect.any(String));

    const bad = fria('score', 'tests/fixtures/mini-questionnaire.json');
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    expect(bad.err).toContain('This is not a FRIA Wizard assessment file.');
  });

  it('an unknown command exits 2 and lists the commands', () => {
    const r = fria('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('validate <questionnaire.json>');
    expect(r.err).toContain('score <assessment.json|report.pdf>');
  });
});
