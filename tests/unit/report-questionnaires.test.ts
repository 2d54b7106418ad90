/**
 * The report model of the built-in questionnaires' example assessments: what a reader of those
 * reports sees, whatever the questionnaire calls its levels ("Hoog", "Tackle first",
 * "Level II: moderate").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport, type ReportModel } from '../../src/core/report/report';
import { parseAssessmentText } from '../../src/core/assessment/assessment';
import { validateQuestionnaireText } from '../../src/core/questionnaire/validate';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import type { Questionnaire } from '../../src/core/questionnaire/questionnaire-schema';

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

describe('the level descriptions ("next step") reach the report', () => {
  const priority = {
    en: 'Next step: do the full FRIA, and a DPIA where needed, before you buy, build or use the system. Start with the topics in this colour.',
    nl: 'Volgende stap: doe de volledige FRIA, en waar nodig een DPIA, voordat u het systeem koopt, bouwt of gebruikt. Begin met de onderwerpen met deze kleur.',
  };

  it.each(['nl', 'en'] as const)(
    'quick scan: the overall level’s next step on the cover and in the summary (%s)',
    async (locale) => {
      const m = await report('quick-scan', 'youth-risk-signals', locale);
      expect(m.summary.overall?.id).toBe('priority');
      expect(m.cover.overallDescription).toBe(priority[locale]);
      expect(m.summary.overallDescription).toBe(priority[locale]);
    },
  );

  it('quick scan: per level the domains end at, highest first, with its next step', async () => {
    const m = await report('quick-scan', 'youth-risk-signals', 'en');
    // expected.json: privacy, equal treatment, wellbeing, transparency "priority"; autonomy and
    // safety "attention"; inclusion, sustainability and digital autonomy "low".
    expect(m.summary.levelGuide.map((g) => [g.level.id, g.domains])).toEqual([
      [
        'priority',
        [
          'Privacy and data',
          'Equal treatment',
          'Wellbeing and health',
          'Transparency, contestability and good administration',
        ],
      ],
      ['attention', ['Autonomy and human agency', 'Safety and security']],
      [
        'low',
        ['Inclusion and accessibility', 'Sustainability', 'Digital autonomy and dependencies'],
      ],
    ]);
    expect(m.summary.levelGuide[1]!.description).toMatch(/^Next step: discuss this topic/);
  });

  it('gives no per-level list when every domain has the same level (the overall text says it)', async () => {
    const m = await report('quick-scan', 'road-maintenance', 'nl');
    expect(m.summary.overall?.id).toBe('low');
    expect(m.summary.levelGuide).toEqual([]);
    expect(m.cover.overallDescription).toMatch(/^Volgende stap: een volledige toets is/);
  });

  it('flattens markdown in a description and leaves it out when there is none', async () => {
    const q = questionnaire('quick-scan');
    q.levels[2]!.description = { nl: 'Doe **eerst** de [FRIA](https://example.org).', en: 'x' };
    q.levels[0]!.description = undefined;
    const a = fixture('quick-scan', 'youth-risk-signals');
    const m = await buildReport(a, q, 'nl', OPTS);
    expect(m.cover.overallDescription).toBe('Doe eerst de FRIA.');
    expect(m.summary.levelGuide.map((g) => g.level.id)).toEqual(['priority', 'attention']);
    const r = await buildReport(fixture('quick-scan', 'road-maintenance'), q, 'nl', OPTS);
    expect(r.cover.overallDescription).toBeNull();
    expect(r.summary.overallDescription).toBeNull();
  });
});

describe('the credit for measures (aia-benefits) is explained', () => {
  it('says what the measures scored, against what, and what it did to the score', async () => {
    // parking-permit: measures 19 of 21 = 90.5% ≥ 80%, so 9 of 39 = 23.1% × 0.85 = 19.6%.
    const nl = await report('aia-benefits', 'parking-permit', 'nl');
    expect(nl.summary.mitigationHow).toBe(
      'Korting voor maatregelen: de vragen over maatregelen gaven 19 van 21 punten (90,5%). Dat is minstens de nodige 80%, dus elke domeinscore gaat 15% omlaag (keer 0,85) voordat die met de drempels wordt vergeleken.',
    );
    expect(nl.summary.domains[0]!.scoreText).toBe('9 van 39 (23,1%)\nmet korting: 19,6%');
    expect(nl.summary.domains[0]!.why).toContain(
      'Korting voor maatregelen: 19 van 21 punten (90,5%), minstens de nodige 80% → score 15% lager (× 0,85): 19,6%',
    );
    const en = await report('aia-benefits', 'parking-permit', 'en');
    expect(en.summary.mitigationHow).toMatch(
      /^Credit for measures: the questions about measures gave 19 of 21 points \(90\.5%\)\. That is at least the 80% needed, so every domain score is lowered by 15% \(multiplied by 0\.85\)/,
    );
    expect(en.summary.domains[0]!.scoreText).toBe('9 of 39 (23.1%)\nwith credit: 19.6%');
  });

  it('says so when the measures fall short, and shows the plain score', async () => {
    const q = questionnaire('aia-benefits');
    q.mitigation = { threshold: 0.95, reduction: 0.15 };
    const m = await buildReport(fixture('aia-benefits', 'parking-permit'), q, 'en', OPTS);
    expect(m.summary.mitigationHow).toBe(
      'Credit for measures: the questions about measures gave 19 of 21 points (90.5%). That is less than the 95% needed, so the domain scores are not lowered.',
    );
    expect(m.summary.domains[0]!.scoreText).toBe('9 of 39 (23.1%)');
    expect(m.summary.domains[0]!.why).toContain(
      'Credit for measures: 19 of 21 points (90.5%), less than the 95% needed → no credit',
    );
  });

  it('says nothing about credit for a questionnaire without it', async () => {
    const m = await report('fria-core', 'fraud-risk-scoring', 'en');
    expect(m.summary.mitigationHow).toBeNull();
    expect(m.summary.domains.every((d) => !d.scoreText.includes('credit'))).toBe(true);
  });
});
