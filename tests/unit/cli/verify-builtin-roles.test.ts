import { describe, expect, it } from 'vitest';
import { cli, tempFile } from './helpers';

// An assessment of a built-in questionnaire carries no copy of it: Verify finds the built-in one
// with the recorded content hash, so a draft is named as a draft, with the roles' own names.
// This fixture's level is "very high", where fria-core requires the (otherwise optional) reviewer.
const FIXTURE = 'questionnaires/fria-core/fixtures/fraud-risk-scoring.fria.json';

describe('fria verify of a built-in questionnaire’s assessment', () => {
  it('names the required roles that have not signed, in Dutch (assessment file)', async () => {
    const r = await cli('verify', FIXTURE, '--lang', 'nl');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Concept: de Opsteller, Beoordelaar en Vaststeller');
    expect(r.out).not.toMatch(/Geldig/);
  });

  it('names them in the report PDF too, in English', async () => {
    const pdf = tempFile('', 'report.pdf');
    expect((await cli('report', FIXTURE, '-o', pdf, '--lang', 'en')).code).toBe(0);
    const r = await cli('verify', pdf, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Draft: the Preparer, Reviewer and Approver');
  });
});
