/** Small hand-made PDFs for tests of the byte layer: built at test time, no fixtures. */

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
