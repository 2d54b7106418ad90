/**
 * Each built-in questionnaire reviewed for its legal substance has a SOURCES.md that names every
 * instrument its questions cite, with the version and date of the text used.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadQuestionnaire, questionnaireDir } from './builtin';

function citedSources(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) citedSources(v, into);
  else if (value && typeof value === 'object') {
    const legal = (value as { legal?: unknown }).legal;
    if (Array.isArray(legal)) {
      for (const ref of legal) {
        const source = (ref as { source?: unknown }).source;
        if (typeof source === 'string') into.add(source);
      }
    }
    for (const v of Object.values(value)) citedSources(v, into);
  }
  return into;
}

describe.each(['fria-core', 'quick-scan'])('SOURCES.md of %s', (id) => {
  const text = readFileSync(join(questionnaireDir, id, 'SOURCES.md'), 'utf8').toLowerCase();

  it('names every instrument the questionnaire cites (add a row when you cite a new one)', () => {
    const missing = [...citedSources(loadQuestionnaire(id))].filter(
      (s) => !text.includes(s.toLowerCase()),
    );
    expect(missing).toEqual([]);
  });

  it('states the version and date of the main texts and what is still changing', () => {
    expect(text).toContain('2024/1689');
    expect(text).toContain('2016/679');
    expect(text).toContain('still changing');
    expect(text).toContain('ecli:nl:rbdha:2020:865');
  });
});
