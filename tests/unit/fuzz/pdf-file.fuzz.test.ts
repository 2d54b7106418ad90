/**
 * Fuzz target for the PDF byte layer (src/pdf-file): what the writer writes, the reader reads back.
 * (1) Any object serialises and lexes back to itself. (2) Random chains of incremental updates —
 * objects replaced, added, attachments replaced by readable or unreadable data — on a classic
 * cross-reference table and on a cross-reference stream: every object reads as its newest version,
 * each update is one revision, and the attachment chosen is always the newest one, or "unreadable",
 * never an older copy. The seed is printed; rerun one with FUZZ_SEED=<seed>.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfDocument } from '../../../src/pdf-file/document';
import { readAssessmentAttachment } from '../../../src/pdf-file/attachments';
import { PdfLexer, serialize, type PdfObject } from '../../../src/pdf-file/objects';
import { appendUpdate } from '../../../src/pdf-file/update';
import { pdfWithAttachment } from '../pdf-file/build';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
// Printed so a failure can be replayed.
console.log(`pdf-file fuzz seed: ${seed}`);

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const nameArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/);
const objectArb: fc.Arbitrary<PdfObject> = fc.letrec<{ o: PdfObject }>((tie) => ({
  o: fc.oneof(
    { depthSize: 'small' },
    fc.constant<PdfObject>({ kind: 'null' }),
    fc.boolean().map((value): PdfObject => ({ kind: 'bool', value })),
    fc
      .integer({ min: -1e6, max: 1e6 })
      .map((n): PdfObject => ({ kind: 'num', value: n, raw: String(n) })),
    nameArb.map((value): PdfObject => ({ kind: 'name', value })),
    fc
      .uint8Array({ maxLength: 30 })
      .map((bytes): PdfObject => ({ kind: 'str', bytes, hex: true, start: -1, end: -1 })),
    fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 9 }))
      .map(([num, gen]): PdfObject => ({ kind: 'ref', num, gen })),
    fc.array(tie('o'), { maxLength: 5 }).map((items): PdfObject => ({ kind: 'array', items })),
    fc
      .array(fc.tuple(nameArb, tie('o')), { maxLength: 5 })
      .map((e): PdfObject => ({ kind: 'dict', entries: new Map(e), start: -1, end: -1 })),
  ),
})).o;

/** What the reader gives back, without positions. */
const plain = (o: PdfObject | undefined) => (o === undefined ? undefined : serialize(o));

const assessmentText = (version: number) =>
  JSON.stringify({ format: 'fria-assessment', formatVersion: 1, id: `v${version}` });

type Step =
  { kind: 'object'; num: number; value: PdfObject } | { kind: 'attachment'; readable: boolean };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('object' as const),
    num: fc.integer({ min: 0, max: 30 }),
    value: objectArb,
  }),
  fc.record({ kind: fc.constant('attachment' as const), readable: fc.boolean() }),
);

function withXrefStream(pdf: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'fria-fuzz-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'in.pdf'), pdf);
  execFileSync('qpdf', ['--object-streams=generate', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
  return new Uint8Array(readFileSync(join(dir, 'out.pdf')));
}

/** The attached file's stream, found through the name tree. */
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

describe('PDF byte layer under fuzzing', { timeout: 300_000 }, () => {
  it('any object serialises and reads back as itself', () => {
    fc.assert(
      fc.property(objectArb, (o) => {
        const text = serialize(o);
        const back = new PdfLexer(Buffer.from(text, 'latin1')).value();
        expect(serialize(back)).toBe(text);
      }),
      { seed, numRuns: 2000 },
    );
  });

  const base = pdfWithAttachment(new Uint8Array(deflateSync(Buffer.from(assessmentText(0)))));
  const bases = { table: base, stream: withXrefStream(base) };

  for (const [kind, start] of Object.entries(bases)) {
    it(`random incremental updates on a ${kind}: newest objects, one revision each, newest attachment`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(stepArb, { minLength: 1, maxLength: 4 }), {
            minLength: 1,
            maxLength: 5,
          }),
          async (updates) => {
            let pdf = start;
            const first = await PdfDocument.open(pdf);
            const expected = new Map<number, string | undefined>();
            // The attachment: its stream object and the newest state written to it.
            const attachmentNum = await attachmentStream(first);
            let attachment: { version: number; readable: boolean } = { version: 0, readable: true };
            let version = 0;
            for (const steps of updates) {
              const doc = await PdfDocument.open(pdf);
              const objects = new Map<number, string>();
              for (const s of steps) {
                if (s.kind === 'object') {
                  // New numbers, or ones an earlier update wrote: the starting structure stays.
                  objects.set(first.size + 10 + s.num, serialize(s.value));
                } else {
                  version++;
                  const data = s.readable
                    ? deflateSync(Buffer.from(assessmentText(version)))
                    : Buffer.from([0x78, 0x9c, 1, 2, 3, 4, 5, 6, 7, 8]);
                  objects.set(
                    attachmentNum,
                    `<< /Type /EmbeddedFile /Filter /FlateDecode /Length ${data.length} >>\nstream\n${data.toString('latin1')}\nendstream`,
                  );
                  attachment = { version, readable: s.readable };
                }
              }
              pdf = appendUpdate(
                doc,
                [...objects].map(([num, body]) => ({ num, gen: 0, body })),
              );
              for (const [num, body] of objects)
                if (num !== attachmentNum)
                  expected.set(num, plain(new PdfLexer(Buffer.from(body, 'latin1')).value()));
            }
            const doc = await PdfDocument.open(pdf);
            expect(doc.sections.length).toBe(first.sections.length + updates.length);
            for (const [num, want] of expected) expect(plain(await doc.object(num))).toBe(want);
            const read = await readAssessmentAttachment(doc, 1024 * 1024);
            if (attachment.readable)
              expect(read).toMatchObject({
                state: 'found',
                text: assessmentText(attachment.version),
              });
            else expect(read).toMatchObject({ state: 'unreadable', reason: 'damaged' });
          },
        ),
        { seed, numRuns: 150 },
      );
    });
  }
});
