/**
 * Verification of real report PDFs (src/pdf/render.ts) with the assessment attached: the seal of
 * the embedded assessment, and changes made after signing in later incremental updates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../src/pdf/render';
import { signPdf } from '../../../src/signing/pades';
import { verifyFile, verifyPdf } from '../../../src/signing/verify';
import { reportLines } from '../../../src/signing/verify-text';
import { PdfDocument } from '../../../src/pdf-file/document';
import { appendUpdate } from '../../../src/pdf-file/update';
import { serialize, type PdfObject } from '../../../src/pdf-file/objects';
import { addSignOff } from '../../../src/core/signoff/signoff';
import { serializeAssessment } from '../../../src/core/assessment/assessment';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import { miniQuestionnaire } from '../core/helpers';
import { NOW, readyAssessment, signer } from './assessments';
import {
  makeCa,
  makeLeaf,
  nssDbTrusting,
  P12_PASSWORD,
  pdfsig,
  type TestCa,
  type TestLeaf,
  removeTempDirs,
} from './certs';
import { writeTemp } from './pdfs';

const q = miniQuestionnaire();
let ca: TestCa;
let anna: TestLeaf;
let signedOff: Assessment;
let report: Uint8Array;
let signedPdf: Uint8Array;

const render = (a: Assessment) =>
  renderReportPdf(a, q, 'nl', {
    appVersion: 'test',
    now: new Date(NOW),
    timeZone: 'Europe/Amsterdam',
  });

afterAll(removeTempDirs);

beforeAll(async () => {
  ca = makeCa();
  anna = makeLeaf(ca);
  let a = await readyAssessment();
  a = await addSignOff(a, q, signer('preparer', 'Anna de Vries'), { id: 's1', now: NOW });
  signedOff = await addSignOff(a, q, signer('approver', 'Bram Bakker'), { id: 's2', now: NOW });
  report = await render(signedOff);
  signedPdf = (await signPdf(report, anna.p12, P12_PASSWORD)).pdf;
});

/** An incremental update that replaces object `num` with `body` (what an editing tool would do). */
function replaceObject(doc: PdfDocument, num: number, body: string): Uint8Array {
  return appendUpdate(doc, [{ num, gen: 0, body }]);
}

async function attachmentStreamNum(doc: PdfDocument): Promise<number> {
  const cat = await doc.catalog();
  const names = await doc.resolveDict(cat.entries.get('Names'));
  const ef = await doc.resolveDict(names?.entries.get('EmbeddedFiles'));
  const pairs = ef?.entries.get('Names');
  const spec = await doc.resolveDict(pairs?.kind === 'array' ? pairs.items[1] : undefined);
  const efDict = await doc.resolveDict(spec?.entries.get('EF'));
  const f = efDict?.entries.get('F') as PdfObject;
  if (f.kind !== 'ref') throw new Error('no attachment');
  return f.num;
}

describe('verify a report PDF', () => {
  it('checks the seal of the attached assessment, with and without a PDF signature', async () => {
    const unsignedReport = await verifyPdf(report, {});
    expect(unsignedReport.signatures).toEqual([]);
    expect(unsignedReport.assessment.state).toBe('checked');
    // Without a digital signature the seal shows consistency only (anyone can recompute it).
    expect(unsignedReport.status).toBe('consistent');
    const nl = reportLines(unsignedReport, 'nl').map((l) => l.text);
    expect(nl).toContain('Deze pdf heeft geen digitale handtekening.');
    expect(nl).toContain(
      'Past bij de inhoudshash die is vastgelegd toen Anna de Vries (opsteller) tekende op 2025-03-01.',
    );

    const signed = await verifyPdf(signedPdf, {
      trusted: [new TextEncoder().encode(ca.caPemText)],
    });
    expect(signed.status).toBe('valid');
    expect(signed.signatures[0]).toMatchObject({
      integrity: 'valid',
      trust: 'trusted',
      coversWholeDocument: true,
    });
    expect(signed.assessment.state === 'checked' && signed.assessment.seal.status).toBe('valid');
    const out = pdfsig(writeTemp(signedPdf), nssDbTrusting(ca));
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Certificate is Trusted.');
  });

  it('says the change is outside the assessment data when a printed page byte changed', async () => {
    // A byte early in the file: page content, not the attached (compressed) assessment.
    const bad = signedPdf.slice();
    bad[3000] = bad[3000]! ^ 0x01;
    const r = await verifyPdf(bad, {});
    expect(r.status).toBe('failed');
    expect(r.signatures[0]!.integrity).toBe('changed');
    expect(r.assessment.state === 'checked' && r.assessment.seal.status).toBe('valid');
    expect(reportLines(r, 'en').map((l) => l.text)).toContain(
      'The assessment data attached to the PDF still matches its seal, so the change is elsewhere in the PDF (for example in the printed pages).',
    );
  });

  it('finds a report made from an assessment changed after its sign-off', async () => {
    const tampered = {
      ...signedOff,
      answers: { ...signedOff.answers, purpose: 'Iets heel anders' },
    };
    const r = await verifyPdf(await render(tampered), {});
    expect(r.status).toBe('failed');
    expect(r.assessment.state === 'checked' && r.assessment.seal.status).toBe('changed');
    expect(reportLines(r, 'en').map((l) => l.text)).toContain(
      'The content or the sign-off records no longer match the hashes recorded when they were signed: something was changed afterwards.',
    );
  });

  it('reports an attachment swapped in after the signature: where, and which answer', async () => {
    const doc = await PdfDocument.open(signedPdf);
    const num = await attachmentStreamNum(doc);
    const changed = {
      ...signedOff,
      answers: { ...signedOff.answers, purpose: 'Iets heel anders' },
    };
    const text = serializeAssessment(changed);
    const body = `<< /Type /EmbeddedFile /Subtype /application#2Fjson /Length ${text.length} >>\nstream\n${text}\nendstream`;
    const swapped = replaceObject(doc, num, body);

    const r = await verifyPdf(swapped, {});
    expect(r.signatures[0]).toMatchObject({ integrity: 'valid', coversWholeDocument: false });
    expect(r.changesAfterLastSignature.map((c) => c.code)).toEqual(['changeAttachment']);
    expect(r.status).toBe('failed');
    const en = reportLines(r, 'en').map((l) => l.text);
    expect(en).toContain('The document was changed after the last signature: an attached file.');
    expect(en).toContain(
      'The attached assessment a reader extracts today differs from the one signed with signature 1: answer to "What is the purpose of the system?".',
    );
    const nl = reportLines(r, 'nl').map((l) => l.text);
    expect(nl).toContain(
      'De gekoppelde beoordeling die een lezer nu uit de pdf haalt, verschilt van de beoordeling die met handtekening 1 is ondertekend: antwoord op "Wat is het doel van het systeem?".',
    );
    // pdfsig agrees that the signature no longer covers the whole document.
    expect(pdfsig(writeTemp(swapped), nssDbTrusting(ca))).toContain('Not total document signed');
  });

  it('names a page whose content changed after signing, and lets a properties update pass as a note', async () => {
    const doc = await PdfDocument.open(signedPdf);
    const pages = await doc.pages();
    const page1 = await doc.resolveDict({ kind: 'ref', num: pages[0]!.num, gen: 0 });
    const contents = page1!.entries.get('Contents') as PdfObject;
    if (contents.kind !== 'ref') throw new Error('expected a content stream reference');
    const draw = 'BT /F1 30 Tf 100 400 Td (GOEDGEKEURD) Tj ET';
    const edited = appendUpdate(doc, [
      {
        num: contents.num,
        gen: 0,
        body: `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`,
      },
    ]);
    const r = await verifyPdf(edited, {});
    expect(r.changesAfterLastSignature).toEqual([
      expect.objectContaining({ code: 'changePage', params: { page: 1 }, severity: 'content' }),
    ]);
    expect(r.status).toBe('failed');
    expect(reportLines(r, 'nl').map((l) => l.text)).toContain(
      'Het document is veranderd na de laatste handtekening: pagina 1.',
    );

    const info = doc.trailer.entries.get('Info') as PdfObject;
    if (info.kind !== 'ref') throw new Error('expected /Info');
    const infoDict = (await doc.resolveDict(info))!;
    const entries = new Map(infoDict.entries);
    entries.set('Title', {
      kind: 'str',
      bytes: new TextEncoder().encode('Nieuwe titel'),
      hex: false,
      start: -1,
      end: -1,
    });
    const props = appendUpdate(doc, [
      { num: info.num, gen: 0, body: serialize({ ...infoDict, entries }) },
    ]);
    const r2 = await verifyPdf(props, {});
    expect(r2.changesAfterLastSignature.map((c) => [c.code, c.severity])).toEqual([
      ['changeInfo', 'metadata'],
    ]);
    expect(r2.status).toBe('valid');
    expect(reportLines(r2, 'en').map((l) => l.text)).toContain(
      'After the last signature only document properties were updated: document properties.',
    );
  });
});

describe('verifyFile', () => {
  it('tells a .fria.json from a PDF and checks its seal', async () => {
    const ok = await verifyFile(new TextEncoder().encode(serializeAssessment(signedOff)));
    expect(ok).toMatchObject({ kind: 'assessment', status: 'consistent' });
    const tampered = {
      ...signedOff,
      conclusion: { ...signedOff.conclusion!, decision: 'doNotProceed' as const },
    };
    const bad = await verifyFile(new TextEncoder().encode(serializeAssessment(tampered)));
    expect(bad.status).toBe('failed');
    const notJson = await verifyFile(new TextEncoder().encode('hallo'));
    expect(notJson.status).toBe('failed');
    expect(
      reportLines(notJson, 'nl')
        .map((l) => l.text)
        .join('\n'),
    ).toContain('geen geldige JSON');
    expect((await verifyFile(signedPdf)).kind).toBe('pdf');
  });
});
