/**
 * Damaged and tampered signed PDFs (fast-check): verification never throws, and a change to any
 * byte the signatures cover is never reported as valid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { signPdf } from '../../../src/signing/pades';
import { verifyFile } from '../../../src/signing/verify';
import { makeCa, makeLeaf, P12_PASSWORD, removeTempDirs } from './certs';
import { byteRanges, makePdf } from './pdfs';

let signed: Uint8Array;
let covered: (i: number) => boolean;
let revisionEnds: number[];

beforeAll(async () => {
  const ca = makeCa();
  const first = await signPdf(makePdf({ compress: true }), makeLeaf(ca).p12, P12_PASSWORD);
  signed = (await signPdf(first.pdf, makeLeaf(ca, { key: 'ec' }).p12, P12_PASSWORD)).pdf;
  const ranges = byteRanges(signed);
  // Covered by at least one signature: inside [0, b) or [c, c + d) of some signature.
  covered = (i) => ranges.some(([, b, c, d]) => i < b || (i >= c && i < c + d));
  revisionEnds = ranges.map(([, , c, d]) => c + d);
});
afterAll(removeTempDirs);

describe('verify on damaged input', () => {
  it('never throws, and never calls a changed covered byte valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (pos, xor) => {
        const at = pos % signed.length;
        const bad = signed.slice();
        bad[at] = bad[at]! ^ xor;
        const r = await verifyFile(bad);
        expect(['valid', 'failed', 'unsigned']).toContain(r.status);
        if (covered(at)) expect(r.status).not.toBe('valid');
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('survives truncation and appended garbage', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.uint8Array({ maxLength: 200 }), async (cut, tail) => {
        const n = cut % signed.length;
        const out = new Uint8Array(n + tail.length);
        out.set(signed.subarray(0, n));
        out.set(tail, n);
        const r = await verifyFile(out);
        expect(['valid', 'failed', 'unsigned']).toContain(r.status);
        // A cut is only valid where it leaves exactly an earlier signed version (the end of a
        // signature's range), with nothing appended.
        if (r.status === 'valid') {
          // White space after %%EOF changes nothing a reader shows.
          expect(tail.every((b) => [0, 9, 10, 12, 13, 32].includes(b))).toBe(true);
          expect(revisionEnds).toContain(n);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
