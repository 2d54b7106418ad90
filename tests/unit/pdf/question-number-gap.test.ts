import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cli, tempFile } from '../cli/helpers';

// A two-digit question number ("12.10") ran into its question ("12.10Hoeveel"): the number column
// was narrower than the number. The fixture's step 12 has ten visible questions.
const FIXTURE = 'questionnaires/fria-core/fixtures/companion-chatbot.fria.json';

describe('question numbers in the PDF', () => {
  it('stand apart from the question text, also "12.10"', async () => {
    const pdf = tempFile('', 'report.pdf');
    expect((await cli('report', FIXTURE, '-o', pdf, '--lang', 'nl')).code).toBe(0);
    const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', '-raw', pdf, '-'], {
      encoding: 'utf8',
    });
    expect(raw).toMatch(/^12\.10 Hoeveel/m);
    expect(raw).not.toMatch(/^\d+\.\d+[A-Za-z]/m);
  });
});
