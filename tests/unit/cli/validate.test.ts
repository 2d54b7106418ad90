import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { cli, tempFile } from './helpers';
import { miniData } from '../core/helpers';

const MINI = 'tests/fixtures/mini-questionnaire.json';

/** The mini questionnaire with three problems of different kinds. */
function broken(): Record<string, unknown> {
  const q = miniData() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  q.thresholds = [0.5, 0.25, 0.75];
  q.sections[2].questions[0].condition = { op: 'equals', question: 'ghost', value: 'x' };
  delete q.sections[0].questions[0].label.nl;
  return q;
}

describe('validate', () => {
  it('a valid file: exit 0 and a one-line summary', async () => {
    const r = await cli('validate', MINI);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `${MINI}: valid questionnaire "mini" version 1.0.0 (languages nl, en; 3 domains, 8 questions, 2 red flags).\n`,
    );
    const nl = await cli('validate', MINI, '--lang', 'nl');
    expect(nl.out).toContain('geldige vragenlijst "mini" versie 1.0.0');
    expect(nl.out).toContain('3 domeinen, 8 vragen, 2 rode vlaggen');
  });

  it('--json on a valid file prints exactly the agreed shape', async () => {
    const r = await cli('validate', MINI, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toStrictEqual({
      valid: true,
      id: 'mini',
      version: '1.0.0',
      locales: ['nl', 'en'],
      domains: ['privacy', 'autonomy', 'inclusion'],
      questions: 8,
      redFlags: 2,
      errors: [],
      warnings: [],
      formatVersion: 2,
    });
  });

  it('an invalid file: exit 1 and every problem with path and message', async () => {
    const file = tempFile(broken());
    const r = await cli('validate', file);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      `${file}: not a valid questionnaire, 3 problems:`,
      '  thresholds[1]: The thresholds must go up step by step: 0.25 does not come after 0.5.',
      '  sections[0].questions[0].label.nl: The text in language "nl" is missing.',
      '  sections[2].questions[0].condition.question: The condition refers to question "ghost", which does not exist.',
      '',
    ]);
  });

  it('the problems in Dutch with --lang nl', async () => {
    const r = await cli('validate', tempFile(broken()), '--lang', 'nl');
    expect(r.code).toBe(1);
    expect(r.out).toContain('geen geldige vragenlijst, 3 problemen:');
    expect(r.out).toContain(
      '  sections[0].questions[0].label.nl: De tekst in de taal "nl" ontbreekt.',
    );
    expect(r.out).toContain(
      '  sections[2].questions[0].condition.question: De voorwaarde verwijst naar vraag "ghost", maar die bestaat niet.',
    );
  });

  it('--json on an invalid file: valid false, the summary as far as it can be read, all errors', async () => {
    const r = await cli('validate', tempFile(broken()), '--json', '--lang', 'nl');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual([
      'valid',
      'id',
      'version',
      'locales',
      'domains',
      'questions',
      'redFlags',
      'errors',
      'warnings',
      'formatVersion',
    ]);
    expect(j).toMatchObject({
      valid: false,
      id: 'mini',
      version: '1.0.0',
      domains: ['privacy', 'autonomy', 'inclusion'],
      questions: 8,
      redFlags: 2,
    });
    expect(j.errors).toEqual([
      {
        path: 'thresholds[1]',
        message: 'De drempels moeten stap voor stap oplopen: 0.25 komt niet na 0.5.',
      },
      {
        path: 'sections[0].questions[0].label.nl',
        message: 'De tekst in de taal "nl" ontbreekt.',
      },
      {
        path: 'sections[2].questions[0].condition.question',
        message: 'De voorwaarde verwijst naar vraag "ghost", maar die bestaat niet.',
      },
    ]);
  });

  it('schema errors are listed too, all at once', async () => {
    const q = miniData();
    q.version = 2;
    q.extra = true;
    const r = await cli('validate', tempFile(q), '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.version).toBeNull();
    expect(j.errors).toEqual(
      expect.arrayContaining([
        { path: 'version', message: 'Expected text here, but found a number.' },
        { path: 'extra', message: 'Unknown field "extra". Check the spelling.' },
      ]),
    );
    expect(j.errors).toHaveLength(2);
  });

  it('a file that is not JSON: exit 1, one problem for the whole file', async () => {
    const r = await cli('validate', tempFile('{ "id": '), '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ valid: false, id: null, locales: [], domains: [], questions: 0 });
    expect(j.errors).toHaveLength(1);
    expect(j.errors[0].path).toBe('');
    expect(j.errors[0].message).toMatch(/^The file is not valid JSON/);
    const human = await cli('validate', tempFile('[[[['.repeat(20)));
    expect(human.out).toContain('  (file): The file is nested too deeply (more than 64 levels).');
  });

  it.each([
    [[]],
    [['a.json', 'b.json']],
    [[MINI, '--lang', 'de']],
    [[MINI, '--lang']],
    [[MINI, '--verbose']],
    [['does-not-exist.json']],
  ])('usage errors exit 2: %j', async (args) => {
    const r = await cli('validate', ...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('validate <questionnaire.json>');
  });

  it('every built-in questionnaire is valid', async () => {
    const ids = readdirSync('questionnaires', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const r = await cli('validate', `questionnaires/${id}/questionnaire.json`, '--json');
      expect(JSON.parse(r.out).errors).toEqual([]);
      expect(r.code).toBe(0);
    }
  });

  it('a format-1 file (no formatVersion) is valid, and the summary says it is read as format 2', async () => {
    const { formatVersion: _f, ...old } = miniData();
    const file = tempFile(old);
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'This file is in format 1; the app reads it as format 2. Add "formatVersion": 2 to use the new features.',
    );
    const nl = await cli('validate', file, '--lang', 'nl');
    expect(nl.out).toContain('Dit bestand heeft formaat 1; de app leest het als formaat 2.');
    const j = JSON.parse((await cli('validate', file, '--json')).out);
    expect(j).toMatchObject({ valid: true, formatVersion: 1 });
  });
});
