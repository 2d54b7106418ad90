/** Test PDFs made with jsPDF directly (the report renderer is tested elsewhere), and tools around them. */
import { jsPDF } from 'jspdf';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './certs';

export function makePdf(opts: { compress?: boolean; pages?: number } = {}): Uint8Array {
  const doc = new jsPDF({ compress: opts.compress ?? false });
  const pages = opts.pages ?? 2;
  for (let i = 1; i <= pages; i++) {
    if (i > 1) doc.addPage();
    doc.text(`Beoordeling pagina ${i}`, 20, 20);
  }
  return new Uint8Array(doc.output('arraybuffer'));
}

/** A copy with one bit of one byte flipped. */
export function flipByte(pdf: Uint8Array, at: number): Uint8Array {
  const out = pdf.slice();
  out[at] = out[at]! ^ 0x01;
  return out;
}

export const tmp = (): string => tempDir('fria-sign-');

export function writeTemp(bytes: Uint8Array, fileName = 'f.pdf'): string {
  const p = join(tmp(), fileName);
  writeFileSync(p, bytes);
  return p;
}

/** Byte ranges of every signature, in file order, read with a plain regex (independent of our parser). */
export function byteRanges(pdf: Uint8Array): [number, number, number, number][] {
  const text = Buffer.from(pdf).toString('latin1');
  return [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map(
    (m) =>
      [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number],
  );
}

/** The CMS DER of a signature and the bytes it signs, for `openssl cms -verify`. */
export function extractCms(
  pdf: Uint8Array,
  index: number,
): { cms: Uint8Array; signed: Uint8Array } {
  const [a, b, c, d] = byteRanges(pdf)[index]!;
  const hex = Buffer.from(pdf.subarray(b + 1, c - 1)).toString('latin1');
  const all = Buffer.from(hex, 'hex');
  // DER length of the outer SEQUENCE: drop the zero padding after it.
  const lenByte = all[1]!;
  let len = lenByte;
  let head = 2;
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + all[2 + i]!;
    head = 2 + n;
  }
  const cms = new Uint8Array(all.subarray(0, head + len));
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  return { cms, signed: new Uint8Array(signed) };
}

/** Rewrites a PDF with object streams and a cross-reference stream (as many other tools write them). */
export function withObjectStreams(pdf: Uint8Array): Uint8Array {
  const dir = tmp();
  writeFileSync(join(dir, 'in.pdf'), pdf);
  execFileSync('qpdf', ['--object-streams=generate', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
  return new Uint8Array(readFileSync(join(dir, 'out.pdf')));
}

/** `qpdf --check`: exit code and output (3 means warnings only). */
export function qpdfCheck(file: string): { code: number; output: string } {
  try {
    const output = execFileSync('qpdf', ['--check', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, output };
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    return { code: err.status ?? -1, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

export function opensslCmsVerify(
  cms: Uint8Array,
  signed: Uint8Array,
  caPem: string,
): { ok: boolean; output: string } {
  const dir = tmp();
  writeFileSync(join(dir, 'sig.der'), cms);
  writeFileSync(join(dir, 'data.bin'), signed);
  const r = spawnSync(
    'openssl',
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      join(dir, 'sig.der'),
      '-content',
      join(dir, 'data.bin'),
      '-CAfile',
      caPem,
      '-purpose',
      'any',
      '-out',
      join(dir, 'out.bin'),
    ],
    { encoding: 'utf8' },
  );
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

export function opensslCmsPrint(cms: Uint8Array): string {
  const dir = tmp();
  writeFileSync(join(dir, 'sig.der'), cms);
  return execFileSync(
    'openssl',
    ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(dir, 'sig.der')],
    {
      encoding: 'utf8',
    },
  );
}
