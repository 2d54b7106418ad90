/**
 * Every text table has the same keys in Dutch and English: the core's message tables, the report
 * texts, the words of "why this level?", the proposals, the signing messages, and the app's
 * locales/nl and locales/en JSON files (nested keys, namespace by namespace). A text added in one
 * language only would show as a key or in the wrong language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageTemplates } from '../../src/core/texts/messages';
import { partLabels, signOffTemplates } from '../../src/core/signoff/signoff-messages';
import { reportTextKeys } from '../../src/core/report/report-texts';
import { explainTexts } from '../../src/core/scoring/explain-texts';
import { proposalTexts } from '../../src/core/register/proposals';
import { signingTemplates } from '../../src/signing/messages';
import { fillTemplate } from '../../src/core/texts/template';

const keys = (o: object) => Object.keys(o).sort();

/** Every leaf key of a JSON object, as a dotted path. */
function leafKeys(o: unknown, prefix = ''): string[] {
  if (o === null || typeof o !== 'object') return [prefix];
  return Object.entries(o).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

describe('text tables', () => {
  it.each([
    ['core messages', messageTemplates],
    ['sign-off messages', signOffTemplates],
    ['parts of an assessment', partLabels],
    ['why this level', explainTexts],
    ['proposals', proposalTexts],
    ['signing and Verify', signingTemplates],
  ] as const)('%s: the same keys in nl and en', (_, table) => {
    expect(keys(table)).toEqual(['en', 'nl']);
    expect(keys(table.nl)).toEqual(keys(table.en));
  });

  it('report texts: the same keys in nl and en', () => {
    expect(reportTextKeys('nl').sort()).toEqual(reportTextKeys('en').sort());
  });

  const root = resolve(import.meta.dirname, '../../locales');
  const files = readdirSync(join(root, 'en')).filter((f) => f.endsWith('.json'));
  it('locales: the same files in nl and en', () => {
    expect(
      readdirSync(join(root, 'nl'))
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(files.sort());
  });
  it.each(files)('locales/%s: the same keys in nl and en', (file) => {
    const read = (lang: string) =>
      JSON.parse(readFileSync(join(root, lang, file), 'utf8')) as unknown;
    expect(leafKeys(read('nl')).sort()).toEqual(leafKeys(read('en')).sort());
  });
});

describe('filling a template', () => {
  it('fills placeholders from the template only, never from a value', () => {
    expect(fillTemplate('Reason: {why} ({n})', { why: 'see {n}', n: 2 })).toBe(
      'Reason: see {n} (2)',
    );
  });
  it('keeps a placeholder without a value visible, or drops it when asked', () => {
    expect(fillTemplate('a {b} c', {})).toBe('a {b} c');
    expect(fillTemplate('a {b} c', {}, { missing: 'empty' })).toBe('a  c');
    // A name of Object.prototype is no value.
    expect(fillTemplate('{toString}', {})).toBe('{toString}');
  });
});
