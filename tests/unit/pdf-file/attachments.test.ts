/**
 * One attachment rule for the whole app: the assessment a PDF reader would extract today (the
 * newest revision's name tree), read the same way by re-opening (src/pdf/read-embedded.ts) and by
 * Verify. When that attachment cannot be read, both say so; neither falls back to an older copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { renderReportPdf } from '../../../src/pdf/render';
import { readEmbeddedAssessment } from '../../../src/pdf/read-embedded';
import { signPdf } from '../../../src/signing/pades';
import { verifyPdf } from '../../../src/signing/verify';
import { PdfDocument } from '../../../src/pdf-file/document';
import { appendUpdate } from '../../../src/pdf-file/update';
import { serializeAssessment } from '../../../src/core/assessment/assessment';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import { miniQuestionnaire } from '../core/helpers';
import { NOW, readyAssessment } from '../signing/assessments';
import { makeCa, makeLeaf, P12_PASSWORD, removeTempDirs } from '../signing/certs';

let assessment: Assessment;
let signedPdf: Uint8Array;

afterAll(removeTempDirs);
beforeAll(async () => {
  assessment = await readyAssessment();
  const report = await renderReportPdf(assessment, miniQuestionnaire(), 'nl', {
    appVersion: 'test',
    now: new Date(NOW),
  });
  signedPdf = (await signPdf(report, makeLeaf(makeCa()).p12, P12_PASSWORD)).pdf;
});

/** The object number of the attached file's stream, found through the name tree. */
async function attachmentStream(doc: PdfDocument): Promise<number> {
  const cat = await doc.catalog();
  const names = await doc.resolveDict(cat.entries.get('Names'));
  const tree = await doc.resolveDict(names?.entries.get('EmbeddedFiles'));
  const pairs = tree?.entries.get('Names');
  const spec = await doc.resolveDict(pairs?.kind === 'array' ? pairs.items[1] : undefined);
  const ef = await doc.resolveDict(spec?.entries.get('EF'));
  const f = ef?.entries.get('F');
  if (f?.kind !== 'ref') throw new Error('no attachment');
  return f.num;
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

/** An incremental update that replaces the attached file's stream with `data` (FlateDecode). */
async function replaceAttachment(pdf: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const doc = await PdfDocument.open(pdf);
  const num = await attachmentStream(doc);
  const body =
    `<< /Type /EmbeddedFile /Subtype /application#2Fjson /Filter /FlateDecode /Length ${data.length} >>\n` +
    `stream\n${latin1(data)}\nendstream`;
  return appendUpdate(doc, [{ num, gen: 0, body }]);
}

describe('the attachment a reader would extract', () => {
  it('after an update that replaced it, both readers take the new one, not the first in the file', async () => {
    const changed = {
      ...assessment,
      meta: { ...assessment.meta, title: 'Na de handtekening veranderd' },
    };
    const updated = await replaceAttachment(
      signedPdf,
      deflateSync(Buffer.from(serializeAssessment(changed))),
    );
    const r = await readEmbeddedAssessment(updated);
    expect(r.ok && r.assessment.meta.title).toBe('Na de handtekening veranderd');
    const v = await verifyPdf(updated, {});
    expect(v.assessment.state === 'checked' && v.assessment.assessment.meta.title).toBe(
      'Na de handtekening veranderd',
    );
  });

  it('when the newest attachment is unreadable, says so instead of checking the older copy', async () => {
    const garbage = new Uint8Array(600).map((_, i) => (i * 37 + 11) & 0xff);
    garbage[0] = 0x78; // a zlib header, then nonsense
    garbage[1] = 0x9c;
    const updated = await replaceAttachment(signedPdf, garbage);
    expect(await readEmbeddedAssessment(updated)).toMatchObject({ ok: false, error: 'damaged' });
    const v = await verifyPdf(updated, {});
    expect(v.assessment).toMatchObject({ state: 'unreadable', embeddedError: 'damaged' });
    expect(v.status).toBe('failed');
  });

  it('when the newest attachment would unpack past the limit, says that', async () => {
    const bomb = deflateSync(Buffer.alloc(21 * 1024 * 1024, 0x20));
    const updated = await replaceAttachment(signedPdf, bomb);
    expect(await readEmbeddedAssessment(updated)).toMatchObject({
      ok: false,
      error: 'unpackTooLarge',
    });
    const v = await verifyPdf(updated, {});
    expect(v.assessment).toMatchObject({ state: 'unreadable', embeddedError: 'unpackTooLarge' });
    expect(v.status).toBe('failed');
  });

  it('reads a report whose cross-reference data is broken, as viewers repair it', async () => {
    const text = latin1(signedPdf);
    const at = text.lastIndexOf('startxref');
    const broken = Buffer.from(`${text.slice(0, at)}startxref\n12\n%%EOF\n`, 'latin1');
    await expect(PdfDocument.open(new Uint8Array(broken))).rejects.toThrow();
    const r = await readEmbeddedAssessment(new Uint8Array(broken));
    expect(r.ok && r.assessment.id).toBe(assessment.id);
  });
});
