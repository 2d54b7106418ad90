/**
 * Cross-reference sections that once made the PDF reader loop forever (found by the PDF fuzz test:
 * a tampered file hung the Verify screen and a test worker). Each must be refused at once.
 */
import { describe, expect, it } from 'vitest';
import { PdfDocument } from '../../../src/pdf-file/document';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('PdfDocument.open on broken cross-reference sections', () => {
  it('refuses a table that runs to the end of the file without a trailer', async () => {
    // startxref points at the "xref" inside the word "startxref": "xref 9 %%EOF", then nothing.
    const head = '%PDF-1.7\n';
    const offset = head.length + 'start'.length;
    const pdf = bytes(`${head}startxref\n${offset}\n%%EOF\n`);
    await expect(PdfDocument.open(pdf)).rejects.toThrow(/cross-reference/i);
  });

  it('refuses a cross-reference stream whose rows have no bytes', async () => {
    const head = '%PDF-1.7\n';
    const obj =
      '1 0 obj\n<< /Type /XRef /W [0 0 0] /Size 1000000000000 /Length 0 >>\nstream\n\nendstream\nendobj\n';
    const pdf = bytes(`${head}${obj}startxref\n${head.length}\n%%EOF\n`);
    await expect(PdfDocument.open(pdf)).rejects.toThrow(/\/W/);
  });
});
