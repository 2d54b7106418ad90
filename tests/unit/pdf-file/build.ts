/** Small hand-made PDFs for tests of the byte layer: built at test time, no fixtures. */
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';

/**
 * A one-page PDF whose catalog lists one attached file (name tree and /AF), its stream given as
 * raw bytes with `filter` (FlateDecode by default). Parts may be Uint8Array so a large stream is
 * not copied through a string.
 */
export function pdfWithAttachment(
  data: Uint8Array,
  opts: { fileName?: string; filter?: string | null } = {},
): Uint8Array {
  const fileName = opts.fileName ?? 'beoordeling.fria.json';
  const filter = opts.filter === undefined ? '/FlateDecode' : opts.filter;
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let size = 0;
  const put = (p: string | Uint8Array) => {
    const b = typeof p === 'string' ? Buffer.from(p, 'latin1') : p;
    parts.push(b);
    size += b.length;
  };
  const obj = (n: number, body: string) => {
    offsets[n] = size;
    put(`${n} 0 obj\n${body}\nendobj\n`);
  };
  put('%PDF-1.7\n%FRIA-Wizard-report\n');
  obj(1, '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 5 0 R >> /AF [4 0 R] >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  obj(4, `<< /Type /Filespec /F (${fileName}) /UF (${fileName}) /EF << /F 6 0 R >> >>`);
  obj(5, `<< /Names [(${fileName}) 4 0 R] >>`);
  offsets[6] = size;
  put(
    `6 0 obj\n<< /Type /EmbeddedFile /Subtype /application#2Fjson${filter ? ` /Filter ${filter}` : ''} /Length ${data.length} >>\nstream\n`,
  );
  put(data);
  put('\nendstream\nendobj\n');
  const xref = size;
  put(`xref\n0 7\n0000000000 65535 f \n`);
  for (let n = 1; n <= 6; n++) put(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  put(`trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * zlib data that inflates to `megabytes` MB of zeros, built without ever holding them: one
 * megabyte compressed on its own and ended with a full flush (byte-aligned, no history kept, so
 * every megabyte compresses to the same bytes) is repeated after a zlib header, then comes an
 * empty final block and the Adler-32 of the zeros. 2048 MB come out at about 2 MB.
 */
export function zeroBomb(megabytes: number): Uint8Array {
  const piece = deflateRawSync(Buffer.alloc(1 << 20), {
    level: 9,
    finishFlush: zlibConstants.Z_FULL_FLUSH,
  });
  const n = megabytes * (1 << 20);
  // Adler-32 of n zero bytes: a stays 1, b grows by 1 per byte.
  const adler = (((n % 65521) << 16) | 1) >>> 0;
  const head = [0x78, 0xda];
  const tail = [0x03, 0x00, adler >>> 24, (adler >>> 16) & 255, (adler >>> 8) & 255, adler & 255];
  const out = new Uint8Array(head.length + piece.length * megabytes + tail.length);
  out.set(head, 0);
  for (let i = 0; i < megabytes; i++) out.set(piece, head.length + piece.length * i);
  out.set(tail, out.length - tail.length);
  return out;
}
