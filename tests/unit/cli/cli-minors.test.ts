/**
 * The command line behaves like the app at its edges: the same size gates before a file is read
 * whole, words that fit a bare assessment file, and a quiet stop when its output is cut off.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';

function io(): CliIO & { text: string } {
  const o = {
    text: '',
    env: {},
    out(s: string) {
      o.text += `${s}\n`;
    },
    err(s: string) {
      o.text += `${s}\n`;
    },
  };
  return o;
}

describe('fria verify at the edges', () => {
  it('refuses a file over the size limit before reading it (a sparse 250 MB PDF)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fria-cli-'));
    try {
      const big = join(dir, 'big.pdf');
      const fd = openSync(big, 'w');
      ftruncateSync(fd, 250 * 1024 * 1024); // no disk used: a hole
      closeSync(fd);
      const o = io();
      expect(await run(['verify', big], o)).toBe(1);
      expect(o.text).toMatch(/too large.*200(\.0)? MB/i);
      // In Dutch when asked to speak Dutch, for each command that reads a file.
      for (const args of [
        ['verify', big, '--lang', 'nl'],
        ['verify', '--lang=nl', big],
        ['report', big, '-o', join(dir, 'out.pdf'), '--lang', 'nl'],
      ]) {
        const nl = io();
        expect(await run(args, nl)).toBe(1);
        expect(nl.text).toMatch(/te groot.*de grens is 200/);
        expect(nl.text).not.toMatch(/too large|limit/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('speaks of the assessment file, not of an attachment, for a bare .fria.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fria-cli-'));
    try {
      const file = join(dir, 'x.fria.json');
      writeFileSync(file, '{"format": "something else"}');
      const o = io();
      expect(await run(['verify', file], o)).toBe(1);
      expect(o.text).toContain('The assessment file could not be read');
      expect(o.text).not.toContain('attached');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops quietly when the reader of its output goes away (| head)', async () => {
    // The questionnaire schema on stdout: long enough to outlast a reader that has already closed.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'schema'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|at .*\(node:/);
  }, 30_000);
});
