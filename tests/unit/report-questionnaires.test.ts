/**
 * The report model of the built-in questionnaires' example assessments: what a reader of those
 * reports sees, whatever the questionnaire calls its levels ("Hoog", "Tackle first",
 * "Level II: moderate").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport, type ReportModel } from '../../src/core/report';
import { parseAssessmentText } from '../../src/core/assessment';
import { validateQuestionnaireText } from '../../src/core/validate';
import type { Assessment } from '../../src/core/assessment-schema';
import type { Questionnaire } from '../../src/core/questionnaire-schema';

const OPTS = { appVersion: '9.8.7', generatedAt: '2025-03-14T09:00:00.000Z', timeZone: 'UTC' };
const QUESTIONNAIRES = ['fria-core', 'quick-scan', 'aia-benefits'] as const;
const FIXTURES: Record<(typeof QUESTIONNAIRES)[number], string[]> = {
  'fria-core': [
    'companion-chatbot',
    'fraud-risk-scoring',
    'genai-caseworkers',
    'planning-tool',
    'school-biometrics',
  ],
  'quick-scan': ['road-maintenance', 'youth-risk-signals'],
  'aia-benefits': ['parking-permit', 'special-assistance'],
};

function questionnaire(id: string): Questionnaire {
  const r = validateQuestionnaireText(
    readFileSync(`questionnaires/${id}/questionnaire.json`, 'utf8'),
  );
  if (!r.valid) throw new Error(`${id}: ${r.problems[0]?.message}`);
  return r.questionnaire;
}

function fixture(qid: string, name: string): Assessment {
  const r = parseAssessmentText(
    readFileSync(`questionnaires/${qid}/fixtures/${name}.fria.json`, 'utf8'),
  );
  if (!r.ok) throw new Error(`${qid}/${name}: ${r.problems[0]?.message}`);
  return r.value;
}

const report = (qid: string, name: string, locale: 'nl' | 'en'): Promise<ReportModel> =>
  buildReport(fixture(qid, name), questionnaire(qid), locale, OPTS);

const cases = QUESTIONNAIRES.flatMap((qid) =>
  FIXTURES[qid].flatMap((name) => (['nl', 'en'] as const).map((l) => [qid, name, l] as const)),
);

describe('the "why these levels" lines read well whatever the levels are called', () => {
  it.each(cases)('%s/%s (%s): no "level Level" or "niveau Niveau"', async (qid, name, locale) => {
    const m = await report(qid, name, locale);
    const lines = m.summary.domains.flatMap((d) => d.why);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toMatch(/\b(level|niveau)\s+(level|niveau)\b/i);
  });

  it('names the level after the thresholds by its own name (aia-benefits, fria-core)', async () => {
    // parking-permit: 9 of 39 points = 23.1%; mitigation credit × 0.85 = 19.6%, below 25%.
    const en = await report('aia-benefits', 'parking-permit', 'en');
    expect(en.summary.domains[0]!.why).toContain(
      '19.6% compared with the thresholds 25%, 50%, 75% → Level I: little',
    );
    const nl = await report('aia-benefits', 'parking-permit', 'nl');
    expect(nl.summary.domains[0]!.why).toContain(
      '19,6% vergeleken met de drempels 25%, 50%, 75% → Niveau I: weinig',
    );
    // fria-core's levels are plain adjectives: "→ Hoog", not "→ niveau Hoog".
    const core = await report('fria-core', 'fraud-risk-scoring', 'nl');
    const line = core.summary.domains
      .flatMap((d) => d.why)
      .find((l) => l.includes('vergeleken met de drempels'));
    expect(line).toMatch(/ → (Laag|Midden|Hoog|Zeer hoog)$/);
  });
});
