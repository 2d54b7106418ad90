/**
 * The report is titled after its questionnaire: a quick scan or an AIA-style impact score is not
 * called a "fundamental rights impact assessment". Checked in the model
 * and in the PDF as a reader sees it (pdftotext, pdfinfo), in both languages.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report/report';
import { parseAssessmentText } from '../../src/core/assessment/assessment';
import { renderReportPdf } from '../../src/pdf/render';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import { BUILT_IN, fixtureDir, loadQuestionnaire } from './questionnaires/builtin';
import { GENERATED, pageCount, pageText, pdfInfo, writeTemp } from './pdf/helpers';

const OPTS = { appVersion: '9.8.7', generatedAt: GENERATED.toISOString(), timeZone: 'UTC' };

function fixture(id: string, file: string): Assessment {
  const r = parseAssessmentText(readFileSync(join(fixtureDir(id), file), 'utf8'));
  if (!r.ok) throw new Error(`${id}/${file}: ${r.problems[0]?.message}`);
  return r.value;
}

/** The running header of a page: the strip above the body, as pdftotext reads it. */
function headerLine(path: string, page: number): string {
  return execFileSync(
    'pdftotext',
    [
      '-raw',
      '-enc',
      'UTF-8',
      '-f',
      `${page}`,
      '-l',
      `${page}`,
      '-x',
      '0',
      '-y',
      '0',
      '-W',
      '596',
      '-H',
      '50',
      path,
      '-',
    ],
    { encoding: 'utf8' },
  )
    .replace(/\f/g, '')
    .trim();
}

// The titles as the questionnaires spell them (questionnaires/*/questionnaire.json).
const TITLES = {
  'fria-core': {
    nl: 'FRIA: toets op grondrechten (volledig)',
    en: 'FRIA: fundamental-rights impact assessment (full)',
  },
  'quick-scan': { nl: 'Quickscan grondrechten', en: 'Fundamental-rights quick scan' },
  'aia-benefits': {
    nl: 'Impacttoets geautomatiseerde besluiten over uitkeringen en vergunningen',
    en: 'Impact assessment for automated decisions on benefits and permits',
  },
} as const;

const FIXTURE = {
  'fria-core': 'fraud-risk-scoring.fria.json',
  'quick-scan': 'youth-risk-signals.fria.json',
  'aia-benefits': 'special-assistance.fria.json',
} as const;

describe('the report title follows the questionnaire', () => {
  for (const id of BUILT_IN) {
    for (const lang of ['nl', 'en'] as const) {
      it(`${id}, ${lang}: cover, document title, subject and running header`, async () => {
        const a = fixture(id, FIXTURE[id]);
        const m = await buildReport(a, loadQuestionnaire(id), lang, OPTS);
        const title = TITLES[id][lang];
        const system = a.meta.systemName;
        expect(m.cover.title).toBe(title);
        expect(m.document.title).toBe(`${title} — ${system}`);
        expect(m.document.subject).toBe(
          lang === 'nl' ? `${title} voor ${system}` : `${title} for ${system}`,
        );
        expect(m.running).toMatchObject({ header: `${title} · ${system}`, title, system });
        // The keywords name this questionnaire and system, not one framework's words.
        expect(m.document.keywords.startsWith(`${title}, ${system}, `)).toBe(true);
        expect(m.document.keywords).not.toMatch(/IAMA|AVG|GDPR/);
      });
    }
  }

  it('falls back to plain words when the questionnaire title is blank', async () => {
    const q = loadQuestionnaire('quick-scan');
    const blank = { ...q, title: { nl: ' ', en: ' ' } };
    const a = fixture('quick-scan', FIXTURE['quick-scan']);
    expect((await buildReport(a, blank, 'nl', OPTS)).cover.title).toBe('Beoordelingsrapport');
    expect((await buildReport(a, blank, 'en', OPTS)).cover.title).toBe('Assessment report');
  });
});

// Each case draws a report and reads it back with poppler: slow while the machine is busy.
describe('the title in the PDF', { timeout: 60_000 }, () => {
  const cases = [
    ['quick-scan', 'nl'],
    ['quick-scan', 'en'],
    ['aia-benefits', 'nl'],
    ['aia-benefits', 'en'],
  ] as const;
  it.each(cases)(
    '%s, %s: page 1, the document information and every page header',
    async (id, lang) => {
      const a = fixture(id, FIXTURE[id]);
      const title = TITLES[id][lang];
      const system = a.meta.systemName;
      const path = writeTemp(
        await renderReportPdf(a, loadQuestionnaire(id), lang, {
          appVersion: '9.8.7',
          now: GENERATED,
          timeZone: 'UTC',
        }),
      );
      const cover = pageText(path, 1).replace(/\s+/g, ' ');
      expect(cover).toContain(title);
      expect(cover).not.toMatch(
        /Fundamental rights impact assessment|Grondrechten-impactbeoordeling/,
      );
      expect(pdfInfo(path)).toMatchObject({ Title: `${title} — ${system}` });
      expect(pdfInfo(path).Keywords).toContain(title);

      // The header names the questionnaire and the system on one line on every page; a title too
      // long for it is shortened with an ellipsis, never the system name.
      const pages = pageCount(path);
      const first = headerLine(path, 1);
      expect(first).toContain(`· ${system}`);
      const shown = first.slice(0, first.indexOf(` · ${system}`));
      if (shown.endsWith('…')) expect(title.startsWith(shown.slice(0, -1))).toBe(true);
      else expect(shown).toBe(title);
      for (let p = 2; p <= pages; p++) expect(headerLine(path, p)).toBe(first);
    },
  );
});
