/**
 * Fuzz target for changes after signing: random incremental updates appended to a signed PDF (on a
 * classic cross-reference table and on a cross-reference stream). Whatever an update does — new
 * content, a changed page, new or changed annotations and signature widgets, objects nothing uses,
 * document properties, objects rewritten unchanged — Verify never says "nothing was changed", and
 * anything that can change what a page shows makes the result "not valid". The seed is printed;
 * rerun one with FUZZ_SEED=<seed>.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../../../src/signing/pades';
import { verifyPdf } from '../../../src/signing/verify';
import { reportLines } from '../../../src/signing/verify-text';
import { PdfDocument } from '../../../src/pdf-file/document';
import { appendUpdate, type UpdateObject } from '../../../src/pdf-file/update';
import { serialize, type PdfDict, type PdfObject } from '../../../src/pdf-file/objects';
import { makeCa, makeLeaf, P12_PASSWORD, removeTempDirs } from '../signing/certs';
import { makePdf, withObjectStreams } from '../signing/pdfs';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
// Printed so a failure can be replayed.
console.log(`revisions fuzz seed: ${seed}`);

type Mutation =
  | { kind: 'content'; page: number; text: string }
  | { kind: 'pageKey'; page: number; rotate: number }
  | { kind: 'annotation'; page: number; widget: boolean }
  | { kind: 'appearance' }
  | { kind: 'unused' }
  | { kind: 'info'; title: string }
  | { kind: 'same'; page: number };

/** Mutations that can change what a page shows. */
const VISIBLE = new Set(['content', 'pageKey', 'annotation', 'appearance']);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('content' as const),
    page: fc.nat(1),
    text: fc.stringMatching(/^[A-Za-z ]{1,20}$/),
  }),
  fc.record({
    kind: fc.constant('pageKey' as const),
    page: fc.nat(1),
    rotate: fc.constantFrom(90, 180, 270),
  }),
  fc.record({ kind: fc.constant('annotation' as const), page: fc.nat(1), widget: fc.boolean() }),
  fc.record({ kind: fc.constant('appearance' as const) }),
  fc.record({ kind: fc.constant('unused' as const) }),
  fc.record({ kind: fc.constant('info' as const), title: fc.stringMatching(/^[A-Za-z]{1,12}$/) }),
  fc.record({ kind: fc.constant('same' as const), page: fc.nat(1) }),
);

const ref = (num: number): PdfObject => ({ kind: 'ref', num, gen: 0 });
const stream = (data: string) => `<< /Length ${data.length} >>\nstream\n${data}\nendstream`;
const form = (data: string) =>
  `<< /Type /XObject /Subtype /Form /BBox [0 0 200 50] /Length ${data.length} >>\nstream\n${data}\nendstream`;

/** One revision doing `m` on the newest state of `pdf`. */
async function apply(pdf: Uint8Array, m: Mutation): Promise<Uint8Array> {
  const doc = await PdfDocument.open(pdf);
  let size = doc.size;
  const alloc = () => size++;
  const pages = await doc.pages();
  const objects: UpdateObject[] = [];
  const pageDict = async (i: number) => {
    const p = pages[Math.min(i, pages.length - 1)]!;
    return { num: p.num, dict: (await doc.resolveDict(ref(p.num)))! };
  };
  const withEntry = (d: PdfDict, key: string, value: PdfObject) => {
    const entries = new Map(d.entries);
    entries.set(key, value);
    return serialize({ ...d, entries });
  };
  switch (m.kind) {
    case 'content': {
      const { num, dict } = await pageDict(m.page);
      const c = alloc();
      objects.push({ num: c, gen: 0, body: stream(`BT /F1 24 Tf 50 400 Td (${m.text}) Tj ET`) });
      objects.push({ num, gen: 0, body: withEntry(dict, 'Contents', ref(c)) });
      break;
    }
    case 'pageKey': {
      const { num, dict } = await pageDict(m.page);
      const rotate: PdfObject = { kind: 'num', value: m.rotate, raw: String(m.rotate) };
      objects.push({ num, gen: 0, body: withEntry(dict, 'Rotate', rotate) });
      break;
    }
    case 'annotation': {
      const { num, dict } = await pageDict(m.page);
      const ap = alloc();
      const a = alloc();
      objects.push({ num: ap, gen: 0, body: form('BT /F1 30 Tf 0 10 Td (HIGH) Tj ET') });
      const kind = m.widget ? '/Subtype /Widget /FT /Sig /T (Later)' : '/Subtype /Stamp';
      objects.push({
        num: a,
        gen: 0,
        body: `<< /Type /Annot ${kind} /Rect [50 50 250 100] /AP << /N ${ap} 0 R >> >>`,
      });
      const annots = await doc.resolve(dict.entries.get('Annots'));
      const items = annots?.kind === 'array' ? annots.items : [];
      objects.push({
        num,
        gen: 0,
        body: withEntry(dict, 'Annots', { kind: 'array', items: [...items, ref(a)] }),
      });
      break;
    }
    case 'appearance': {
      // The first signature's widget gets a new appearance (and a visible rectangle).
      const cat = await doc.catalog();
      const af = await doc.resolveDict(cat.entries.get('AcroForm'));
      const fields = await doc.resolve(af?.entries.get('Fields'));
      const f = fields?.kind === 'array' ? fields.items[0] : undefined;
      if (f?.kind !== 'ref') throw new Error('no signature field');
      const w = (await doc.resolveDict(f))!;
      const ap = alloc();
      objects.push({ num: ap, gen: 0, body: form('BT /F1 20 Tf 0 10 Td (Approved) Tj ET') });
      const entries = new Map(w.entries);
      entries.set('AP', { kind: 'dict', entries: new Map([['N', ref(ap)]]), start: -1, end: -1 });
      entries.set('Rect', {
        kind: 'array',
        items: [50, 50, 250, 100].map((v) => ({ kind: 'num', value: v, raw: String(v) })),
      });
      objects.push({ num: f.num, gen: 0, body: serialize({ ...w, entries }) });
      break;
    }
    case 'unused':
      objects.push({ num: alloc(), gen: 0, body: form('BT (hidden) Tj ET') });
      break;
    case 'info': {
      const info = doc.trailer.entries.get('Info');
      const d = info?.kind === 'ref' ? await doc.resolveDict(info) : undefined;
      if (!d || info?.kind !== 'ref') {
        objects.push({ num: alloc(), gen: 0, body: '<< >>' });
        break;
      }
      const title: PdfObject = {
        kind: 'str',
        bytes: new TextEncoder().encode(m.title),
        hex: false,
        start: -1,
        end: -1,
      };
      objects.push({ num: info.num, gen: 0, body: withEntry(d, 'Title', title) });
      break;
    }
    case 'same': {
      const { num, dict } = await pageDict(m.page);
      objects.push({ num, gen: 0, body: serialize(dict) });
      break;
    }
  }
  return appendUpdate(doc, objects);
}

let bases: Record<string, Uint8Array>;

afterAll(removeTempDirs);
beforeAll(async () => {
  const leaf = makeLeaf(makeCa());
  const sign = async (pdf: Uint8Array) => (await signPdf(pdf, leaf.p12, P12_PASSWORD)).pdf;
  bases = {
    table: await sign(makePdf({ pages: 2 })),
    stream: await sign(withObjectStreams(makePdf({ pages: 2, compress: true }))),
  };
}, 60_000);

describe('changes after signing under fuzzing', { timeout: 300_000 }, () => {
  for (const kind of ['table', 'stream']) {
    it(`random updates after signing (${kind}): never "unchanged", visible ones never valid`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
          async (mutations) => {
            let pdf = bases[kind]!;
            for (const m of mutations) pdf = await apply(pdf, m);
            const r = await verifyPdf(pdf, {});
            expect(r.signatures[0]!.integrity).toBe('valid');
            // Every update after signing is reported, one way or another.
            expect(r.changesAfterLastSignature.length).toBeGreaterThan(0);
            for (const locale of ['en', 'nl']) {
              const verdict = reportLines(r, locale)[0]!.text;
              expect(verdict).not.toMatch(/nothing was changed|er is niets veranderd/);
            }
            if (mutations.some((m) => VISIBLE.has(m.kind))) {
              expect(r.status).toBe('failed');
              expect(r.changesAfterLastSignature.some((c) => c.severity === 'content')).toBe(true);
            }
          },
        ),
        { seed, numRuns: 120 },
      );
    });
  }
});
