import { describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { cli, tempFile } from './helpers';

// A report PDF carries the assessment file inside it: `score` reads it as `report` does, instead
// of parsing the PDF as JSON ("nested too deeply").
const FIXTURE = 'questionnaires/fria-core/fixtures/fraud-risk-scoring.fria.json';

describe('fria score of a report PDF', () => {
  it('scores the assessment inside the PDF, the same as the assessment file', async () => {
    const pdf = tempFile('', 'report.pdf');
    expect((await cli('report', FIXTURE, '-o', pdf, '--lang', 'nl')).code).toBe(0);
    const fromFile = await cli('score', FIXTURE);
    const fromPdf = await cli('score', pdf);
    expect(fromPdf.err).not.toMatch(/nested|JSON/i);
    expect(fromPdf.code).toBe(0);
    const a = JSON.parse(fromFile.out) as { overall: unknown; domains: unknown };
    const b = JSON.parse(fromPdf.out) as { overall: unknown; domains: unknown };
    expect(b.overall).toEqual(a.overall);
    expect(b.domains).toEqual(a.domains);

    // Also when the PDF is saved under another name: recognised by its header.
    const renamed = tempFile('', 'report.download');
    copyFileSync(pdf, renamed);
    const r = await cli('score', renamed);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { overall: unknown }).overall).toEqual(a.overall);
  });

  it('names both accepted inputs in its usage', async () => {
    const r = await cli('score');
    expect(r.code).toBe(2);
    expect(r.err).toContain('report.pdf');
  });
});
