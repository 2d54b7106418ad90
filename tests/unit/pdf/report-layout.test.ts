/**
 * How the report looks, read back from the PDF: what stands where, that nothing runs off the page,
 * and that words are not broken, with the built-in questionnaires' own (long) labels.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../src/pdf/render';
import { parseAssessmentText } from '../../../src/core/assessment';
import { validateQuestionnaireText } from '../../../src/core/validate';
import { pick } from '../../../src/core/localized';
import type { Assessment } from '../../../src/core/assessment-schema';
import type { Questionnaire } from '../../../src/core/questionnaire-schema';
import { GENERATED, pageText, squash, writeTemp } from './helpers';

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
