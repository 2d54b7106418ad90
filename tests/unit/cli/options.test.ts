/**
 * The command line reads its options with Node's own util.parseArgs, strictly: an unknown option or
 * a missing value is a usage error (exit 2) with a clear message and the command's usage, for every
 * command; `--name=value` works as well as `--name value`.
 */
import { describe, expect, it } from 'vitest';
import { cli, tempFile } from './helpers';
import { serializeAssessment, createAssessment } from '../../../src/core/assessment';
import { miniQuestionnaire } from '../core/helpers';

const file = async () =>
  tempFile(
    serializeAssessment(
      await createAssessment(
        miniQuestionnaire(),
        { title: 'T', systemName: 'S', organisation: 'O', owner: 'W', locale: 'en' },
        { id: 'a1', now: '2025-01-01T00:00:00.000Z' },
      ),
    ),
    'a.fria.json',
  );

describe('command-line options', () => {
  it.each([
    ['score', []],
    ['report', ['-o', 'x.pdf']],
    ['validate', []],
    ['verify', []],
    ['sign', ['--prepare', '-o', 'x.pdf']],
  ])('%s refuses an unknown option with exit 2', async (command, extra) => {
    const r = await cli(command, await file(), ...extra, '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Unknown option --frobnicate.');
    expect(r.err).toContain(`${command} <`);
  });

  it.each([
    ['score', '--lang'],
    ['report', '--questionnaire'],
    ['verify', '--trust'],
    ['sign', '--p12'],
  ])('%s: %s without a value is a usage error', async (command, option) => {
    const r = await cli(command, await file(), option);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Option ${option} needs a value.`);
  });

  it('reads --name=value as well as --name value', async () => {
    const input = await file();
    const a = await cli('score', input, '--lang=nl');
    const b = await cli('score', input, '--lang', 'nl');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });

  it('a value that is not allowed is still explained', async () => {
    const r = await cli('score', await file(), '--lang', 'de');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--lang must be nl or en.');
  });
});
