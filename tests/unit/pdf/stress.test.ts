/**
 * The stress case of the report (docs/performance.md): no text may be lost and the page count must stay in proportion to
 * the text. (Speed is measured by `npm run bench`, not asserted here.)
 */
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../src/pdf/render';
import {
  bodyText,
  fonts,
  pageCount,
  run,
  squash,
  strandedHeadings,
  writeTemp,
  GENERATED,
} from './helpers';
import { stressAssessment, stressQuestionnaire } from './stress-fixture';

describe('stress: 60 long answers, 60 long notes, 50 risks', () => {
  it('loses no text and keeps the page count in proportion', async () => {
    const q = stressQuestionnaire();
    const a = await stressAssessment(q);
    const started = performance.now();
    const pdf = await renderReportPdf(a, q, 'nl', { appVersion: '0.1.0', now: GENERATED });
    const ms = performance.now() - started;
    const path = writeTemp(pdf);

    const check = run('qpdf', ['--check', path]);
    expect(check.status, check.stderr).toBe(0);
    for (const f of fonts(path)) expect(f.emb).toBe('yes');

    const body = squash(bodyText(path));
    const texts: string[] = [];
    for (const s of q.sections) {
      for (const question of s.questions) {
        const answer = a.answers[question.id];
        if (typeof answer === 'string' && answer.length > 100) texts.push(answer);
        texts.push(a.notes[question.id]!);
      }
    }
    for (const r of a.register) {
      texts.push(r.description, r.affectedGroups, ...r.measures.map((m) => m.text));
    }
    const lost = texts.filter((t) => !body.includes(squash(t)));
    expect(lost.map((t) => t.slice(0, 40))).toEqual([]);
    expect(strandedHeadings(path)).toEqual([]);

    // The action plan's table repeats its header on every page it runs over.
    const pageTexts = bodyText(path).split('\f');
    const planStart = pageTexts.findIndex((t) =>
      t.includes('Alle maatregelen uit het risicoregister'),
    );
    const planEnd = pageTexts.findIndex(
      (t, i) => i > planStart && t.includes('De conclusie is een besluit'),
    );
    expect(planEnd - planStart).toBeGreaterThan(3);
    for (let p = planStart; p < planEnd; p++) {
      expect(squash(pageTexts[p]!), `page ${p + 1}`).toContain(
        squash('Maatregel Risico Eigenaar Uiterlijk Status'),
      );
    }

    // About 5,000 characters fit on a page of body text; the fixed parts add a dozen pages.
    const chars = texts.reduce((n, t) => n + t.length, 0);
    const pages = pageCount(path);
    expect(pages).toBeGreaterThan(chars / 7000);
    expect(pages).toBeLessThan(chars / 2500 + 30);
    console.log(
      `stress report: ${pages} pages, ${Math.round(pdf.length / 1024)} KB, ${chars} characters of answers, notes and risks, ${Math.round(ms)} ms`,
    );
    // A content check, not a speed check: while other jobs load the machine, drawing 170 pages
    // and reading them back with poppler takes longer than vitest's 5-second default.
  }, 120_000);
});
