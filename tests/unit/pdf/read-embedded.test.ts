import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsPDF } from 'jspdf';
import { PDFDocument } from 'pdf-lib';
import { deflateSync } from 'node:zlib';
import {
  EMBEDDED_LIMITS,
  embeddedErrorText,
  readEmbeddedAssessment,
} from '../../../src/pdf/read-embedded';
import { renderReportPdf } from '../../../src/pdf/render';
import { assessmentHash, serializeAssessment } from '../../../src/core/assessment/assessment';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import { pdfWithAttachment } from '../pdf-file/build';
import { GENERATED, miniQuestionnaire, sampleAssessment, tempDir, writeTemp } from './helpers';

let assessment: Assessment;
let pdf: Uint8Array;

beforeAll(async () => {
  assessment = await sampleAssessment();
  pdf = await renderReportPdf(assessment, miniQuestionnaire(), 'nl', {
    appVersion: '0.1.0',
    now: GENERATED,
  });
});

/** Where the attached file's compressed bytes are in our PDF (found with a plain regex). */
function embeddedStreamRange(bytes: Uint8Array): { start: number; length: number } {
  const text = Buffer.from(bytes).toString('latin1');
  const m = /\/Type \/EmbeddedFile[\s\S]*?\/Length (\d+)[\s\S]*?stream\n/.exec(text)!;
  return { start: m.index + m[0].length, length: Number(m[1]) };
}

describe('readEmbeddedAssessment', () => {
  it('gives back the attached assessment, equal to the original by hash', async () => {
    const r = await readEmbeddedAssessment(pdf);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe(serializeAssessment(assessment));
    expect(await assessmentHash(r.assessment)).toBe(await assessmentHash(assessment));
    expect(r.fileName).toBe('Risicoscan Toeslagen.fria.json');
  });

  it('still reads it after qpdf rewrote the file with object streams', async () => {
    const dir = tempDir();
    const src = writeTemp(pdf);
    const out = join(dir, 'rewritten.pdf');
    execFileSync('qpdf', ['--object-streams=generate', '--compress-streams=y', src, out]);
    const rewritten = new Uint8Array(readFileSync(out));
    expect(Buffer.from(rewritten).equals(Buffer.from(pdf))).toBe(false);
    const r = await readEmbeddedAssessment(rewritten);
    expect(r.ok && (await assessmentHash(r.assessment))).toBe(await assessmentHash(assessment));
  });

  it('still reads it after pdf-lib saved the file again', async () => {
    const doc = await PDFDocument.load(pdf);
    const resaved = await doc.save({ useObjectStreams: true });
    const r = await readEmbeddedAssessment(resaved);
    expect(r.ok).toBe(true);
  });

  it('says "not made by FRIA Wizard" for another PDF, with or without other attachments', async () => {
    const plain = new jsPDF();
    plain.text('Een gewone brief', 20, 20);
    const a = await readEmbeddedAssessment(new Uint8Array(plain.output('arraybuffer')));
    expect(a).toEqual({ ok: false, error: 'notFria', problems: [] });

    const other = await PDFDocument.create();
    other.addPage();
    await other.attach(new TextEncoder().encode('{"format":"something-else","x":1}'), 'data.json', {
      mimeType: 'application/json',
    });
    const b = await readEmbeddedAssessment(await other.save());
    expect(b).toMatchObject({ ok: false, error: 'notFria' });
  });

  it('says "not a PDF" for other files', async () => {
    const r = await readEmbeddedAssessment(
      new TextEncoder().encode(serializeAssessment(assessment)),
    );
    expect(r).toMatchObject({ ok: false, error: 'notPdf' });
    expect(await readEmbeddedAssessment(new Uint8Array(0))).toMatchObject({ error: 'notPdf' });
  });

  it('says "damaged" for a report that was cut off', async () => {
    for (const fraction of [0.1, 0.5, 0.9]) {
      const cut = pdf.slice(0, Math.floor(pdf.length * fraction));
      expect(await readEmbeddedAssessment(cut), String(fraction)).toMatchObject({
        ok: false,
        error: 'damaged',
      });
    }
  });

  it('says "damaged" when the attached file’s bytes were changed', async () => {
    const { start, length } = embeddedStreamRange(pdf);
    const broken = pdf.slice();
    for (let i = start + 10; i < start + length - 4; i += 7) broken[i] = broken[i]! ^ 0x5a;
    expect(await readEmbeddedAssessment(broken)).toMatchObject({ ok: false, error: 'damaged' });
  });

  it('says "damaged", with the reason, when the attached assessment is not valid', async () => {
    // Hand-made: a FRIA Wizard-style attachment whose content is an assessment missing fields.
    const json = JSON.stringify({ format: 'fria-assessment', formatVersion: 1, id: 'x' });
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.setCreator('FRIA Wizard 0.1.0');
    await doc.attach(new TextEncoder().encode(json), 'x.fria.json', {
      mimeType: 'application/json',
    });
    const r = await readEmbeddedAssessment(await doc.save({ useObjectStreams: false }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe('damaged');
    expect(r.problems.length).toBeGreaterThan(0);
  });

  it('refuses files and attachments over the limits instead of filling the memory', async () => {
    expect(
      await readEmbeddedAssessment(pdf, { ...EMBEDDED_LIMITS, maxPdfBytes: pdf.length - 1 }),
    ).toMatchObject({ ok: false, error: 'tooLarge' });
    // A small stream that inflates to 50 MB: said as what it is, not as "the file is too large".
    const bomb = deflateSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    expect(await readEmbeddedAssessment(pdfWithAttachment(new Uint8Array(bomb)))).toMatchObject({
      ok: false,
      error: 'unpackTooLarge',
    });
  });

  it('never throws or hangs on damaged copies of a report', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.option(fc.nat(), { nil: undefined }),
        async (flips, cut) => {
          const copy = pdf.slice(0, cut === undefined ? pdf.length : cut % pdf.length);
          for (const [at, x] of flips) {
            if (copy.length > 0) copy[at % copy.length] = copy[at % copy.length]! ^ x;
          }
          const r = await readEmbeddedAssessment(copy);
          if (r.ok) expect(r.assessment.format).toBe('fria-assessment');
          else
            expect(['notPdf', 'notFria', 'damaged', 'tooLarge', 'unpackTooLarge']).toContain(
              r.error,
            );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('explains each error in plain Dutch and English', () => {
    for (const e of ['notPdf', 'notFria', 'damaged', 'tooLarge', 'unpackTooLarge'] as const) {
      const nl = embeddedErrorText(e, 'nl');
      const en = embeddedErrorText(e, 'en');
      expect(nl).not.toBe(en);
      expect(nl).not.toMatch(/\{\w+\}/);
      expect(en).not.toMatch(/\{\w+\}/);
    }
    expect(embeddedErrorText('notFria', 'en')).toContain('not made by FRIA Wizard');
    expect(embeddedErrorText('tooLarge', 'nl')).toMatch(/de grens is 200(\.0)? MB/);
    expect(embeddedErrorText('unpackTooLarge', 'en')).toContain(
      'would unpack to more than 20.0 MB',
    );
    expect(embeddedErrorText('unpackTooLarge', 'nl')).toContain(
      'zou uitgepakt groter worden dan 20.0 MB',
    );
  });
});
