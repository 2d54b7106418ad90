import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import catalog from 'virtual:fria-builtin-catalog';
import { validateQuestionnaireText } from '../../src/core/questionnaire/validate';

// The library names and ranks its items with this catalogue, made at build time, instead of loading
// and checking the questionnaires: it must say what the checked questionnaires say.
describe('the catalogue of built-in questionnaires', () => {
  it('has the id, version, title and levels of every checked built-in questionnaire', () => {
    const folders = readdirSync('questionnaires', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(catalog.map((c) => c.id)).toEqual(folders);
    for (const folder of folders) {
      const r = validateQuestionnaireText(
        readFileSync(`questionnaires/${folder}/questionnaire.json`, 'utf8'),
      );
      expect(r.valid).toBe(true);
      if (!r.valid) continue;
      const q = r.questionnaire;
      expect(catalog.find((c) => c.id === q.id)).toEqual({
        id: q.id,
        version: q.version,
        title: q.title,
        levels: q.levels.map((l) => ({ id: l.id, label: l.label, color: l.color })),
        ...(q.carryOver?.length ? { carryTargets: q.carryOver.map((b) => b.target) } : {}),
      });
    }
  });
});
