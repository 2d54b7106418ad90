import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN, questionnaireFile, readJson, root } from './builtin';

/** Every object whose keys are all locale codes is a localised text. */
function localisedTexts(value: unknown, path: string, out: [string, Record<string, unknown>][]) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => localisedTexts(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length > 0 && keys.every((k) => /^[a-z]{2}$/.test(k))) out.push([path, obj]);
    else for (const k of keys) localisedTexts(obj[k], path ? `${path}.${k}` : k, out);
  }
}

describe.each(BUILT_IN)('translations of %s', (id) => {
  it('has every text in every declared locale, non-empty, and nothing else', () => {
    const data = readJson(questionnaireFile(id)) as { locales: string[] };
    const texts: [string, Record<string, unknown>][] = [];
    localisedTexts(data, '', texts);
    expect(texts.length).toBeGreaterThan(100);
    const problems = texts
      .filter(([, t]) => {
        const keys = Object.keys(t).sort();
        return (
          keys.join() !== [...data.locales].sort().join() ||
          Object.values(t).some((v) => typeof v !== 'string' || v.trim() === '')
        );
      })
      .map(([path]) => path);
    expect(problems).toEqual([]);
  });

  it('does not leave a Dutch text untranslated in English', () => {
    const data = readJson(questionnaireFile(id));
    const texts: [string, Record<string, unknown>][] = [];
    localisedTexts(data, '', texts);
    // Identical nl and en texts are fine for names and numbers, not for sentences.
    const same = texts
      .filter(([, t]) => t.nl === t.en && String(t.nl).split(' ').length > 3)
      .map(([path]) => path);
    expect(same).toEqual([]);
  });
});

/** Flattened i18next keys of one namespace file: "a.b.c". */
function keysOf(file: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown, prefix: string) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, child] of Object.entries(v)) walk(child, prefix ? `${prefix}.${k}` : k);
    } else out.push(prefix);
  };
  walk(JSON.parse(readFileSync(file, 'utf8')), '');
  return out.sort();
}

describe('UI translations (locales/*)', () => {
  const dir = join(root, 'locales');
  const namespaces = (locale: string) =>
    existsSync(join(dir, locale))
      ? readdirSync(join(dir, locale))
          .filter((n) => n.endsWith('.json'))
          .sort()
      : [];

  it('has the same namespace files in nl and en', () => {
    expect(namespaces('nl')).toEqual(namespaces('en'));
  });

  it.each(namespaces('en').filter((n) => namespaces('nl').includes(n)))(
    '%s has the same keys in nl and en',
    (ns) => {
      expect(keysOf(join(dir, 'nl', ns))).toEqual(keysOf(join(dir, 'en', ns)));
    },
  );
});
