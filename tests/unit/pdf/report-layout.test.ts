/**
 * How the report looks, read back from the PDF: what stands where, that nothing runs off the page,
 * and that words are not broken, with the built-in questionnaires' own (long) labels.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../src/pdf/render';
import { parseAssessmentText } from '../../../src/core/assessment/assessment';
import { validateQuestionnaireText } from '../../../src/core/questionnaire/validate';
import { pick } from '../../../src/core/texts/localized';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import type { Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';
import { GENERATED, pageText, squash, strandedHeadings, textBlocks, writeTemp } from './helpers';

const OPTS = { appVersion: '0.1.0', now: GENERATED, timeZone: 'UTC' };

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

async function pdfOf(a: Assessment, q: Questionnaire, locale: 'nl' | 'en'): Promise<string> {
  return writeTemp(await renderReportPdf(a, q, locale, OPTS));
}

// Each test draws whole reports and reads them back with poppler; slow while the machine is busy.
describe('the level descriptions in the PDF', { timeout: 60_000 }, () => {
  it.each(['nl', 'en'] as const)(
    'quick scan: the next step of the overall level on the cover and on the summary page (%s)',
    async (locale) => {
      const q = questionnaire('quick-scan');
      const path = await pdfOf(fixture('quick-scan', 'youth-risk-signals'), q, locale);
      const level = (id: string) => q.levels.find((l) => l.id === id)!;
      const next = pick(level('priority').description, locale);
      expect(next).toMatch(/^(Volgende stap|Next step)/);
      expect(squash(pageText(path, 1))).toContain(squash(next));
      expect(squash(pageText(path, 2))).toContain(squash(next));
      // The other levels the domains end at, with their next step (the list may go on to page 3).
      const summary = squash(pageText(path, 2) + pageText(path, 3));
      expect(summary).toContain(
        squash(locale === 'nl' ? 'Wat de niveaus betekenen' : 'What the levels mean'),
      );
      expect(summary).toContain(squash(pick(level('attention').description, locale)));
    },
  );
});

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Squashed, and without soft hyphens: a hyphenated word still matches its label here. */
const loose = (s: string) => squash(s).replace(/\u00ad/g, '');

/**
 * An example assessment made to fill every table with the questionnaire's longest words: a risk
 * in every domain (the register table names the domain), risk scores in every band, an assessor's
 * change on the domain with the longest label to the level with the longest name, measures.
 */
function longLabelAssessment(qid: string, q: Questionnaire, locale: 'nl' | 'en'): Assessment {
  const base = fixture(qid, FIRST_FIXTURE[qid]!);
  const longest = <T>(xs: T[], text: (x: T) => string) =>
    xs.reduce((a, b) => (text(b).length > text(a).length ? b : a));
  const domain = longest(q.domains, (d) => pick(d.label, locale));
  const level = longest(q.levels, (l) => pick(l.label, locale));
  const scores = [
    [5, 5],
    [4, 3],
    [3, 3],
    [2, 2],
    [1, 1],
  ] as const;
  return {
    ...base,
    questionnaireSnapshot: q,
    overrides: {
      [domain.id]: {
        level: level.id,
        justification: 'Het assessorteam weegt de afhankelijkheid van één leverancier zwaarder.',
      },
    },
    register: q.domains.map((d, i) => ({
      id: `r${i + 1}`,
      domain: d.id,
      title: `Risico ${i + 1}`,
      description: 'Beschrijving.',
      affectedGroups: 'Inwoners',
      likelihood: scores[i % 5]![0],
      severity: scores[i % 5]![1],
      residualLikelihood: scores[(i + 2) % 5]![0],
      residualSeverity: scores[(i + 2) % 5]![1],
      residualJustification: 'Omdat.',
      measures: [
        {
          id: `m${i + 1}`,
          text: 'Exitstrategie en jaarlijkse toets op leveranciersafhankelijkheid',
          owner: 'Informatiebeveiligingsfunctionaris',
          dueDate: '2026-09-15',
          status: 'inProgress' as const,
        },
      ],
    })),
  };
}

const FIRST_FIXTURE: Record<string, string> = {
  'fria-core': 'fraud-risk-scoring',
  'quick-scan': 'youth-risk-signals',
  'aia-benefits': 'special-assistance',
};

describe('words in tables break at spaces, not inside', { timeout: 60_000 }, () => {
  const cases = Object.keys(FIRST_FIXTURE).flatMap((qid) =>
    (['nl', 'en'] as const).map((l) => [qid, l] as const),
  );
  it.each(cases)(
    '%s (%s): every domain and level name, whole, in every table',
    async (qid, locale) => {
      const q = questionnaire(qid);
      const path = await pdfOf(longLabelAssessment(qid, q, locale), q, locale);
      const { blocks } = textBlocks(path);
      expect(strandedHeadings(path)).toEqual([]);
      const labels = [
        ...q.domains.map((d) => pick(d.label, locale)),
        ...q.levels.map((l) => pick(l.label, locale)),
      ];
      for (const label of labels) {
        const holding = blocks.filter((b) => loose(b.text).includes(loose(label)));
        // In the summary table, the register table, the "why" headings and the level legend.
        expect(holding.length, label).toBeGreaterThan(1);
        for (const b of holding) expect(norm(b.text), `page ${b.page}`).toContain(norm(label));
      }
      // A word wider than its column (the owner in the action plan) is hyphenated, not cut:
      // its pieces end in a soft hyphen and read back as the word.
      const owner = blocks.find((b) => loose(b.text) === 'Informatiebeveiligingsfunctionaris');
      expect(owner, 'owner cell').toBeDefined();
      expect(owner!.words.length).toBeGreaterThan(1);
      for (const w of owner!.words.slice(0, -1)) expect(w.text.endsWith('\u00ad')).toBe(true);
    },
  );
});

describe('the credit for measures in the PDF', { timeout: 60_000 }, () => {
  it.each(['nl', 'en'] as const)(
    'aia-benefits: explained on the summary page (%s)',
    async (locale) => {
      const q = questionnaire('aia-benefits');
      const path = await pdfOf(fixture('aia-benefits', 'parking-permit'), q, locale);
      const summary = squash(pageText(path, 2));
      expect(summary).toContain(
        squash(
          locale === 'nl'
            ? 'de vragen over maatregelen gaven 19 van 21 punten (90,5%)'
            : 'the questions about measures gave 19 of 21 points (90.5%)',
        ),
      );
      expect(summary).toContain(
        squash(locale === 'nl' ? 'met korting: 19,6%' : 'with credit: 19.6%'),
      );
    },
  );
});
