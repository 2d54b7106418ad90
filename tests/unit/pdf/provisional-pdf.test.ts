/**
 * While required questions are open, every level in the PDF says so (read back with pdftotext):
 * the cover, the summary's total with the number of open required questions, both level columns
 * of the domain table and each domain's "why" heading. A complete assessment says nothing of it.
 */
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../src/pdf/render';
import { buildReport } from '../../../src/core/report';
import {
  fullText,
  GENERATED,
  miniQuestionnaire,
  sampleAssessment,
  squash,
  writeTemp,
} from './helpers';

const OPTS = { appVersion: '0.1.0', now: GENERATED, timeZone: 'UTC' };

describe('provisional levels in the PDF', () => {
  it('marks every level provisional with the count of open required questions (nl, en)', async () => {
    const q = miniQuestionnaire();
    const base = await sampleAssessment();
    // The purpose is required: without it one required question is open.
    const { purpose: _p, ...answers } = base.answers;
    const a = { ...base, answers };
    const model = await buildReport(a, q, 'nl', {
      appVersion: '0.1.0',
      generatedAt: GENERATED.toISOString(),
      timeZone: 'UTC',
    });
    const levels = model.summary.domains.filter((d) => d.final !== null).length;
    expect(levels).toBeGreaterThan(0);
    const nl = fullText(writeTemp(await renderReportPdf(a, q, 'nl', OPTS)));
    expect(squash(nl)).toContain(squash('(voorlopig — nog 1 verplichte vraag open)'));
    // Per domain: two columns in the table and the heading of its reasons.
    const marks = nl.match(/\(voorlopig\)/g) ?? [];
    expect(marks.length).toBeGreaterThanOrEqual(levels * 3);
    const en = fullText(writeTemp(await renderReportPdf(a, q, 'en', OPTS)));
    expect(squash(en)).toContain(squash('(provisional — 1 required question open)'));

    const complete = fullText(writeTemp(await renderReportPdf(base, q, 'nl', OPTS)));
    expect(complete).not.toMatch(/voorlopig/i);
  });
});
