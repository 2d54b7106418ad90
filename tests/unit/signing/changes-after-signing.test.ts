/**
 * Visible changes made after signing, in hand-written incremental updates (as an attacker would
 * write them): every one is reported as a change after signing with the page it is on, never as
 * "unchanged". A later revision that is exactly another valid signature is the only exception,
 * and Verify names it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { addEmptySignatureField, signPdf } from '../../../src/signing/pades';
import { verifyPdf, type PdfVerifyReport } from '../../../src/signing/verify';
import { reportLines } from '../../../src/signing/verify-text';
import { PdfDocument } from '../../../src/pdf-file/document';
import { appendUpdate, type UpdateObject } from '../../../src/pdf-file/update';
import { serialize, type PdfDict, type PdfObject } from '../../../src/pdf-file/objects';
import { makeCa, makeLeaf, P12_PASSWORD, removeTempDirs, type TestCa } from './certs';
import { makePdf, tmp } from './pdfs';

let ca: TestCa;
let signed: Uint8Array;

afterAll(removeTempDirs);
beforeAll(async () => {
  ca = makeCa();
  signed = (
    await signPdf(makePdf({ pages: 2 }), makeLeaf(ca, { name: 'Anna de Vries' }).p12, P12_PASSWORD)
  ).pdf;
});

const ref = (num: number): PdfObject => ({ kind: 'ref', num, gen: 0 });

/** An incremental update built from the newest revision; `next()` gives new object numbers. */
async function update(
  pdf: Uint8Array,
  build: (doc: PdfDocument, next: () => number) => Promise<UpdateObject[]>,
): Promise<Uint8Array> {
  const doc = await PdfDocument.open(pdf);
  let n = doc.size;
  const objects = await build(doc, () => n++);
  return appendUpdate(doc, objects);
}

async function pageNum(doc: PdfDocument, index: number): Promise<number> {
  return (await doc.pages())[index]!.num;
}

/** The page dictionary with `annot` added to its /Annots (written inline). */
async function pageWithAnnot(doc: PdfDocument, page: number, annot: number): Promise<UpdateObject> {
  const d = (await doc.resolveDict(ref(page)))!;
  const annots = await doc.resolve(d.entries.get('Annots'));
  const items = annots?.kind === 'array' ? annots.items : [];
  const entries = new Map(d.entries);
  entries.set('Annots', { kind: 'array', items: [...items, ref(annot)] });
  return { num: page, gen: 0, body: serialize({ ...d, entries }) };
}

/** The AcroForm (an object of its own after our signing) with `field` added to /Fields. */
async function formWithField(doc: PdfDocument, field: number): Promise<UpdateObject[]> {
  const cat = await doc.catalog();
  const af = cat.entries.get('AcroForm');
  if (af?.kind !== 'ref') throw new Error('expected an AcroForm object');
  const d = (await doc.resolveDict(af))!;
  const fields = await doc.resolve(d.entries.get('Fields'));
  const entries = new Map(d.entries);
  entries.set('Fields', {
    kind: 'array',
    items: [...(fields?.kind === 'array' ? fields.items : []), ref(field)],
  });
  return [{ num: af.num, gen: 0, body: serialize({ ...d, entries }) }];
}

const paint = (text: string) =>
  `q 1 1 1 rg 0 0 300 100 re f Q BT /Helv 48 Tf 0 0 0 rg 10 30 Td (${text}) Tj ET`;
const appearance = (text: string) => {
  const data = paint(text);
  return `<< /Type /XObject /Subtype /Form /BBox [0 0 300 100] /Resources << /Font << /Helv << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Length ${data.length} >>\nstream\n${data}\nendstream`;
};

function codes(r: PdfVerifyReport): string[] {
  return r.changesAfterLastSignature.map((c) => `${c.code}:${c.pages.join(',')}`);
}

function expectChangedOnPage(r: PdfVerifyReport, page: number): void {
  expect(r.status).toBe('failed');
  expect(r.signatures[0]!.integrity).toBe('valid');
  expect(
    r.changesAfterLastSignature.some((c) => c.severity === 'content' && c.pages.includes(page)),
    codes(r).join(' '),
  ).toBe(true);
  const en = reportLines(r, 'en').map((l) => l.text);
  expect(en[0]).toBe(
    'NOT valid as it is now: the digital signature holds for what was signed, but the document was changed after signing. See below what changed and on which page.',
  );
  expect(en.join('\n')).toMatch(new RegExp(`changed after the last signature: .*page ${page}`));
  const nl = reportLines(r, 'nl').map((l) => l.text);
  expect(nl.join('\n')).toMatch(
    new RegExp(`veranderd na de laatste handtekening: .*pagina ${page}`),
  );
}

function io(): CliIO & { stdout: string } {
  const o = { stdout: '', env: {}, out: (s: string) => void (o.stdout += `${s}\n`), err: () => {} };
  return o;
}

describe('changes after signing', () => {
  it('(a) an empty signature field whose appearance paints "HIGH" over page 1: not valid, page 1 named, CLI exits 1', async () => {
    const attacked = await update(signed, async (doc, next) => {
      const ap = next();
      const widget = next();
      const page = await pageNum(doc, 0);
      return [
        { num: ap, gen: 0, body: appearance('HIGH') },
        {
          num: widget,
          gen: 0,
          body: `<< /Type /Annot /Subtype /Widget /FT /Sig /T (Approval) /F 4 /Rect [40 700 340 800] /P ${page} 0 R /AP << /N ${ap} 0 R >> >>`,
        },
        await pageWithAnnot(doc, page, widget),
        ...(await formWithField(doc, widget)),
      ];
    });
    const r = await verifyPdf(attacked, {});
    expectChangedOnPage(r, 1);
    expect(codes(r)).toContain('changeSignatureField:1');

    const file = join(tmp(), 'high.pdf');
    writeFileSync(file, attacked);
    const c = io();
    expect(await run(['verify', file], c)).toBe(1);
    expect(c.stdout).toContain('page 1');
  });

  it('(b) a prepared field, signed, then an update that replaces only the signed widget’s /AP', async () => {
    const prepared = await addEmptySignatureField(makePdf({ pages: 2 }), { fieldName: 'Minister' });
    const signedField = (
      await signPdf(prepared, makeLeaf(ca, { name: 'Bram Bakker' }).p12, P12_PASSWORD, {
        fieldName: 'Minister',
      })
    ).pdf;
    expect((await verifyPdf(signedField, {})).status).toBe('valid');
    const attacked = await update(signedField, async (doc, next) => {
      const cat = await doc.catalog();
      const af = (await doc.resolveDict(cat.entries.get('AcroForm')))!;
      const fields = (await doc.resolve(af.entries.get('Fields'))) as PdfObject;
      const fieldRef = (fields.kind === 'array' ? fields.items[0] : undefined) as PdfObject;
      if (fieldRef.kind !== 'ref') throw new Error('expected a field reference');
      const field = (await doc.resolveDict(fieldRef))!;
      const ap = next();
      const entries = new Map(field.entries);
      entries.set('AP', { kind: 'dict', entries: new Map([['N', ref(ap)]]), start: -1, end: -1 });
      return [
        { num: ap, gen: 0, body: appearance('Approved by the Minister - no conditions') },
        { num: fieldRef.num, gen: 0, body: serialize({ ...field, entries } as PdfDict) },
      ];
    });
    const r = await verifyPdf(attacked, {});
    expectChangedOnPage(r, 2);
    expect(codes(r)).toContain('changeSignatureField:2');
  });

  it('a new ordinary annotation on page 2', async () => {
    const attacked = await update(signed, async (doc, next) => {
      const ap = next();
      const annot = next();
      const page = await pageNum(doc, 1);
      return [
        { num: ap, gen: 0, body: appearance('Rejected') },
        {
          num: annot,
          gen: 0,
          body: `<< /Type /Annot /Subtype /FreeText /Rect [40 600 340 700] /Contents (Rejected) /DA (/Helv 12 Tf 0 g) /AP << /N ${ap} 0 R >> >>`,
        },
        await pageWithAnnot(doc, page, annot),
      ];
    });
    const r = await verifyPdf(attacked, {});
    expectChangedOnPage(r, 2);
    expect(codes(r)).toContain('changeAnnotation:2');
  });

  it('a changed appearance of an annotation that was there before signing', async () => {
    // The annotation is added before signing, so the signature covers it.
    let apNum = 0;
    const withAnnot = await update(makePdf({ pages: 2 }), async (doc, next) => {
      apNum = next();
      const annot = next();
      const page = await pageNum(doc, 0);
      return [
        { num: apNum, gen: 0, body: appearance('Low') },
        {
          num: annot,
          gen: 0,
          body: `<< /Type /Annot /Subtype /Stamp /Rect [40 600 340 700] /AP << /N ${apNum} 0 R >> >>`,
        },
        await pageWithAnnot(doc, page, annot),
      ];
    });
    const signedAnnot = (await signPdf(withAnnot, makeLeaf(ca).p12, P12_PASSWORD)).pdf;
    expect((await verifyPdf(signedAnnot, {})).status).toBe('valid');
    const attacked = await update(signedAnnot, async () => [
      { num: apNum, gen: 0, body: appearance('HIGH') },
    ]);
    expectChangedOnPage(await verifyPdf(attacked, {}), 1);
  });

  it('a new object that nothing uses: reported as an update without a signature, not "nothing changed"', async () => {
    const attacked = await update(signed, async (_doc, next) => [
      { num: next(), gen: 0, body: appearance('Hidden for later') },
    ]);
    const r = await verifyPdf(attacked, {});
    expect(r.status).toBe('failed');
    expect(r.changesAfterLastSignature.map((c) => c.code)).toEqual(['changeUnreferenced']);
    const en = reportLines(r, 'en').map((l) => l.text);
    expect(en.join('\n')).not.toContain('nothing was changed');
    expect(en.join('\n')).toContain('which nothing in the document uses');
  });

  it('an update that rewrites objects without changing them is still named', async () => {
    const attacked = await update(signed, async (doc) => {
      const page = await pageNum(doc, 0);
      const d = (await doc.resolveDict(ref(page)))!;
      return [{ num: page, gen: 0, body: serialize(d) }];
    });
    const r = await verifyPdf(attacked, {});
    expect(r.changesAfterLastSignature.map((c) => c.code)).toEqual(['changeUnsignedRevision']);
    const en = reportLines(r, 'en').map((l) => l.text);
    expect(en[0]).not.toContain('nothing was changed');
    expect(en[0]).toContain('updated without a signature');
  });

  it('a change inside an object stream (page 1 given new content)', async () => {
    const doc = await PdfDocument.open(signed);
    const page = await pageNum(doc, 0);
    const d = (await doc.resolveDict(ref(page)))!;
    const content = doc.size;
    const objStm = content + 1;
    const xref = content + 2;
    const entries = new Map(d.entries);
    entries.set('Contents', ref(content));
    const pageText = serialize({ ...d, entries });
    const draw = paint('HIGH');
    // The page dictionary goes into an object stream; the content stream cannot (streams never do).
    const header = `${page} 0 `;
    const stmData = `${header}${pageText}`;
    let text = `\n${content} 0 obj\n<< /Length ${draw.length} >>\nstream\n${draw}\nendstream\nendobj\n`;
    const contentAt = signed.length;
    const objStmAt = signed.length + text.length;
    text += `${objStm} 0 obj\n<< /Type /ObjStm /N 1 /First ${header.length} /Length ${stmData.length} >>\nstream\n${stmData}\nendstream\nendobj\n`;
    const xrefAt = signed.length + text.length;
    const row = (type: number, a: number, b: number) =>
      String.fromCharCode(
        type,
        (a >>> 24) & 255,
        (a >>> 16) & 255,
        (a >>> 8) & 255,
        a & 255,
        b >> 8,
        b & 255,
      );
    const rows = [
      [page, row(2, objStm, 0)],
      [content, row(1, contentAt + 1, 0)],
      [objStm, row(1, objStmAt, 0)],
      [xref, row(1, xrefAt, 0)],
    ] as const;
    const data = rows.map(([, r]) => r).join('');
    const root = serialize(doc.trailer.entries.get('Root')!);
    text += `${xref} 0 obj\n<< /Type /XRef /Size ${xref + 1} /W [1 4 2] /Index [${page} 1 ${content} 3] /Root ${root} /Prev ${doc.sections[0]!.offset} /Length ${data.length} >>\nstream\n${data}\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`;
    const attacked = new Uint8Array([...signed, ...Buffer.from(text, 'latin1')]);
    const check = await PdfDocument.open(attacked);
    expect(check.entries.get(page)).toMatchObject({ type: 'compressed', stream: objStm });
    expectChangedOnPage(await verifyPdf(attacked, {}), 1);
  });

  it('an update whose cross-reference data cannot be read is a change, not "unchanged"', async () => {
    const draw = paint('HIGH');
    const tail = `\n90 0 obj\n<< /Length ${draw.length} >>\nstream\n${draw}\nendstream\nendobj\nstartxref\n99999999\n%%EOF\n`;
    const attacked = new Uint8Array([...signed, ...Buffer.from(tail, 'latin1')]);
    const r = await verifyPdf(attacked, {});
    expect(r.signatures[0]!.integrity).toBe('valid');
    expect(r.status).toBe('failed');
    expect(r.changesAfterLastSignature.map((c) => c.code)).toEqual(['changeUnreadable']);
  });

  it('two real signatures one after the other: both valid, the second named after the first', async () => {
    const twice = (await signPdf(signed, makeLeaf(ca, { name: 'Bram Bakker' }).p12, P12_PASSWORD))
      .pdf;
    const r = await verifyPdf(twice, {});
    expect(r.status).toBe('valid');
    expect(r.signatures.map((s) => s.integrity)).toEqual(['valid', 'valid']);
    expect(r.changesAfterLastSignature).toEqual([]);
    expect(r.signatures[0]!.signaturesAddedAfter).toEqual([
      { index: 2, signer: 'Bram Bakker', pages: [] },
    ]);
    const en = reportLines(r, 'en').map((l) => l.text);
    expect(en).toContain(
      'After this signature, a signature by Bram Bakker was added (it is not visible on a page).',
    );
  });

  it('a second signature in a visible prepared field is named with its page', async () => {
    let pdf = await addEmptySignatureField(makePdf({ pages: 3 }), { fieldName: 'Opsteller' });
    pdf = await addEmptySignatureField(pdf, { fieldName: 'Minister', rect: [320, 70, 560, 130] });
    pdf = (
      await signPdf(pdf, makeLeaf(ca, { name: 'Anna de Vries' }).p12, P12_PASSWORD, {
        fieldName: 'Opsteller',
      })
    ).pdf;
    pdf = (
      await signPdf(pdf, makeLeaf(ca, { name: 'Minister Y' }).p12, P12_PASSWORD, {
        fieldName: 'Minister',
      })
    ).pdf;
    const r = await verifyPdf(pdf, {});
    expect(r.status).toBe('valid');
    expect(r.signatures[0]!.signaturesAddedAfter).toEqual([
      { index: 2, signer: 'Minister Y', pages: [3] },
    ]);
    expect(reportLines(r, 'nl').map((l) => l.text)).toContain(
      'Na deze handtekening is op pagina 3 een handtekening van Minister Y toegevoegd.',
    );
  });

  it('a change after the first signature is reported there, even when a second signer signed over it', async () => {
    const attacked = await update(signed, async (doc, next) => {
      const ap = next();
      const annot = next();
      const page = await pageNum(doc, 0);
      return [
        { num: ap, gen: 0, body: appearance('HIGH') },
        {
          num: annot,
          gen: 0,
          body: `<< /Type /Annot /Subtype /Stamp /Rect [40 600 340 700] /AP << /N ${ap} 0 R >> >>`,
        },
        await pageWithAnnot(doc, page, annot),
      ];
    });
    const twice = (await signPdf(attacked, makeLeaf(ca, { name: 'Bram Bakker' }).p12, P12_PASSWORD))
      .pdf;
    const r = await verifyPdf(twice, {});
    expect(r.status).toBe('failed');
    expect(r.changesAfterLastSignature).toEqual([]);
    expect(r.signatures[0]!.changesAfter!.some((c) => c.pages.includes(1))).toBe(true);
    expect(
      reportLines(r, 'en')
        .map((l) => l.text)
        .join('\n'),
    ).toMatch(
      /After this signature, without a signature, the document was changed: an annotation on page 1/,
    );
  });
});
