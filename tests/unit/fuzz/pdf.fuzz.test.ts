/**
 * Fuzzing the PDF readers with mutated real reports (plain and signed): the embedded-assessment reader
 * (src/pdf/read-embedded.ts, used by the start screen and the library) and the verifier
 * (src/signing/verify.ts, the Verify screen). Thousands of byte-level mutations, PDF keywords spliced
 * in, and hand-made hostile files: every call settles (no hang, no crash), and every outcome is a
 * typed result with a text in Dutch and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { createAssessment } from '../../../src/core/assessment/assessment';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import type { Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import { renderReportPdf } from '../../../src/pdf/render';
import {
  embeddedErrorText,
  readEmbeddedAssessment,
  type EmbeddedReadResult,
} from '../../../src/pdf/read-embedded';
import { signPdf } from '../../../src/signing/pades';
import { verifyFile, type VerifyReport } from '../../../src/signing/verify';
import { reportLines } from '../../../src/signing/verify-text';
import { makeCa, makeLeaf, P12_PASSWORD, removeTempDirs } from '../signing/certs';
import { pdfWithAttachment } from '../pdf-file/build';
import { applyByteEdits, byteEditArb, expectExplained } from './mutate';

const NOW = new Date('2025-05-01T10:00:00.000Z');
const PDF_TOKENS = [
  '/Type /EmbeddedFile',
  '/Type /EmbeddedFile ',
  '/EmbeddedFiles',
  'stream\n',
  '\nendstream',
  '<<',
  '>>',
  '[',
  '(',
  ')',
  '/Length 999999999',
  '/Length 7 0 R',
  '/Filter /FlateDecode',
  '/Filter [/FlateDecode /FlateDecode]',
  '/DecodeParms << /Predictor 12 /Columns 99999 >>',
  '7 0 obj 5 endobj',
  '\nstartxref\n0\n%%EOF\n',
  '/Prev 0',
  '/XRefStm 0',
  'xref\n0 99999\n',
  '/Encrypt 1 0 R',
  '/ByteRange [0 10 20 30]',
  '/ByteRange [0 99999999 0 0]',
  '/Contents <3082>',
  '/Type /Sig',
  '/FT /Sig',
  '/Type /ObjStm /N 99999 /First 0',
  '%PDF-1.7\n',
  '\\',
];

let q: Questionnaire;
let assessment: Assessment;
let plain: Uint8Array;
let signed: Uint8Array;

beforeAll(async () => {
  const r = validateQuestionnaire(
    JSON.parse(readFileSync('tests/fixtures/mini-questionnaire.json', 'utf8')),
  );
  if (!r.valid) throw new Error('mini questionnaire invalid');
  q = r.questionnaire;
  const a = await createAssessment(
    q,
    { title: 'Fuzz', systemName: 'Fuzz PDF', organisation: 'Org', owner: 'Ik', locale: 'nl' },
    { id: 'fuzz-pdf', now: NOW.toISOString() },
  );
  assessment = { ...a, answers: { purpose: 'Doel van het systeem', personalData: true } };
  plain = await renderReportPdf(assessment, q, 'nl', { appVersion: 'fuzz', now: NOW });
  const ca = makeCa('Fuzz CA');
  const leaf = makeLeaf(ca, { name: 'Fuzz Signer' });
  signed = (await signPdf(plain, leaf.p12, P12_PASSWORD, { reason: 'Fuzz' })).pdf;
}, 120_000);
afterAll(removeTempDirs);

const ERRORS = new Set(['notPdf', 'notFria', 'damaged', 'tooLarge', 'unpackTooLarge']);

function checkEmbedded(r: EmbeddedReadResult): void {
  if (r.ok) {
    expect(r.assessment.format).toBe('fria-assessment');
    return;
  }
  expect(ERRORS.has(r.error)).toBe(true);
  for (const locale of ['nl', 'en'])
    expect(embeddedErrorText(r.error, locale).length).toBeGreaterThan(10);
  if (r.problems.length) expectExplained(r.problems);
}

function checkReport(r: VerifyReport): void {
  expect(['valid', 'failed', 'unsigned']).toContain(r.status);
  for (const locale of ['nl', 'en']) {
    const lines = reportLines(r, locale);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(typeof l.text).toBe('string');
      expect(l.text).not.toMatch(/\{[a-zA-Z]+\}/);
    }
  }
}

describe('PDF readers under fuzzing', { timeout: 600_000 }, () => {
  it('start from readable files: the plain report and the signed one', async () => {
    const a = await readEmbeddedAssessment(plain);
    expect(a.ok).toBe(true);
    const b = await readEmbeddedAssessment(signed);
    expect(b.ok).toBe(true);
    const v = await verifyFile(signed, { now: NOW });
    expect(v.kind === 'pdf' && v.signatures.length).toBe(1);
    checkReport(v);
  });

  it('embedded-assessment reader: 2500 mutated reports settle with a typed, explained outcome', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('plain', 'signed'),
        fc.array(byteEditArb(PDF_TOKENS), { minLength: 1, maxLength: 8 }),
        async (which, edits) => {
          const bytes = applyByteEdits(which === 'plain' ? plain : signed, edits);
          const r = await readEmbeddedAssessment(bytes);
          checkEmbedded(r);
          const k = r.ok ? 'ok' : r.error;
          seen.set(k, (seen.get(k) ?? 0) + 1);
        },
      ),
      { numRuns: 2500 },
    );
    // The mutations reach both sides: files still read, and files refused.
    expect(seen.get('ok') ?? 0).toBeGreaterThan(0);
    expect([...seen.keys()].filter((k) => k !== 'ok').length).toBeGreaterThan(0);
  });

  it('embedded-assessment reader: 1500 mutations inside the attached file itself', async () => {
    const text = Buffer.from(plain).toString('latin1');
    const m = /\/Type \/EmbeddedFile[\s\S]*?\/Length (\d+)[\s\S]*?stream\r?\n/.exec(text)!;
    const start = m.index + m[0].length;
    const length = Number(m[1]);
    let damaged = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: length - 1 }), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        }),
        async (flips) => {
          const bytes = plain.slice();
          for (const [at, mask] of flips) bytes[start + at] = bytes[start + at]! ^ mask;
          const r = await readEmbeddedAssessment(bytes);
          checkEmbedded(r);
          if (!r.ok) damaged++;
        },
      ),
      { numRuns: 1500 },
    );
    // Almost every flip inside compressed data breaks it: those must be reported, not read.
    expect(damaged).toBeGreaterThan(1000);
  });

  it('verifier: 800 mutated signed reports settle with a report in both languages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(byteEditArb(PDF_TOKENS), { minLength: 1, maxLength: 6 }),
        async (edits) => {
          checkReport(await verifyFile(applyByteEdits(signed, edits), { now: NOW }));
        },
      ),
      { numRuns: 800 },
    );
  });

  it('random bytes, with and without a PDF header: both readers settle', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (body, header) => {
        const bytes = header
          ? new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...body])
          : body;
        checkEmbedded(await readEmbeddedAssessment(bytes));
        checkReport(await verifyFile(bytes, { now: NOW }));
      }),
      { numRuns: 1000 },
    );
  });

  it('hand-made hostile PDFs settle: nesting, loops, bombs, thousands of markers', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    // An attachment that inflates to far more than any assessment (a "zip bomb").
    const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const files: Record<string, Uint8Array> = {
      deepArrays: enc(`%PDF-1.7\n1 0 obj ${'['.repeat(200_000)} endobj\nstartxref\n9\n%%EOF`),
      deepDicts: enc(`%PDF-1.7\n1 0 obj ${'<< /A '.repeat(100_000)} endobj\nstartxref\n9\n%%EOF`),
      xrefLoop: enc(
        '%PDF-1.7\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Prev 9 >>\nstartxref\n9\n%%EOF',
      ),
      manyMarkers: enc(
        `%PDF-1.7\n${'1 0 obj << /Type /EmbeddedFile /Length 1 0 R >> stream\nx\nendstream endobj\n'.repeat(20_000)}%%EOF`,
      ),
      bomb: pdfWithAttachment(new Uint8Array(bomb)),
      unterminatedString: enc(
        `%PDF-1.7\n1 0 obj << /Type /EmbeddedFile /F (${'\\('.repeat(100_000)}`,
      ),
      hugeByteRange: enc(
        '%PDF-1.7\n<< /Type /Sig /ByteRange [0 4294967295 4294967295 4294967295] /Contents <3082> >>\n%%EOF',
      ),
    };
    for (const [name, bytes] of Object.entries(files)) {
      const r = await readEmbeddedAssessment(bytes);
      checkEmbedded(r);
      if (name === 'bomb') expect(!r.ok && r.error).toBe('unpackTooLarge');
      checkReport(await verifyFile(bytes, { now: NOW }));
    }
  });
});
