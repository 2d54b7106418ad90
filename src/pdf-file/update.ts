/**
 * Writes an incremental update (ISO 32000-1 §7.5.6): new and changed objects appended after the
 * original bytes, with a cross-reference section that points back to the previous one. The
 * original bytes are never touched, so earlier signatures stay valid.
 */
import type { PdfDocument } from './document';
import { fromLatin1, serialize, type PdfObject } from './objects';

export interface UpdateObject {
  num: number;
  gen: number;
  /** The object's text between `obj` and `endobj` (a stream includes its `stream … endstream`). */
  body: string;
}

/** The body text of a plain object. */
export function plainBody(o: PdfObject): string {
  return serialize(o);
}

/** The body text of a stream whose data is Latin-1 text. */
export function streamBody(dictText: (length: number) => string, data: string): string {
  return `${dictText(data.length)}\nstream\n${data}\nendstream`;
}

/**
 * The bytes of the whole file after the update: original + update. The new cross-reference
 * section matches the previous one's kind (table or stream), so readers that expect one kind
 * throughout stay happy.
 */
export function appendUpdate(doc: PdfDocument, objects: UpdateObject[]): Uint8Array {
  const original = doc.bytes;
  const last = original[original.length - 1];
  const sep = last === 10 || last === 13 ? '' : '\n';
  // Offsets count from the start of the file; `text` starts right after the original bytes.
  let text = sep;
  const offsets = new Map<number, { offset: number; gen: number }>();
  for (const o of [...objects].sort((a, b) => a.num - b.num)) {
    offsets.set(o.num, { offset: original.length + text.length, gen: o.gen });
    text += `${o.num} ${o.gen} obj\n${o.body}\nendobj\n`;
  }
  const prevTrailer = doc.trailer.entries;
  const prev = doc.sections[0]!.offset;
  const keep = (key: string) => {
    const v = prevTrailer.get(key);
    return v ? ` /${key} ${serialize(v)}` : '';
  };
  const xrefOffset = original.length + text.length;
  if (doc.sections[0]!.kind === 'table') {
    const size = Math.max(doc.size, ...[...offsets.keys()].map((n) => n + 1));
    text += `xref\n${subsections([...offsets.keys()])
      .map(
        ([start, count]) =>
          `${start} ${count}\n` +
          Array.from({ length: count }, (_, i) => {
            const e = offsets.get(start + i)!;
            return `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n \n`;
          }).join(''),
      )
      .join('')}`;
    text += `trailer\n<< /Size ${size}${keep('Root')}${keep('Info')}${keep('ID')} /Prev ${prev} >>\n`;
    text += `startxref\n${xrefOffset}\n%%EOF\n`;
  } else {
    // A cross-reference stream, unfiltered: 1 byte type, 4 bytes offset, 2 bytes generation.
    const xrefNum = Math.max(doc.size, ...[...offsets.keys()].map((n) => n + 1));
    offsets.set(xrefNum, { offset: xrefOffset, gen: 0 });
    const nums = [...offsets.keys()].sort((a, b) => a - b);
    const subs = subsections(nums);
    let data = '';
    for (const [start, count] of subs) {
      for (let i = 0; i < count; i++) {
        const e = offsets.get(start + i)!;
        data += String.fromCharCode(
          1,
          (e.offset >>> 24) & 255,
          (e.offset >>> 16) & 255,
          (e.offset >>> 8) & 255,
          e.offset & 255,
          (e.gen >> 8) & 255,
          e.gen & 255,
        );
      }
    }
    const index = subs.map(([s, c]) => `${s} ${c}`).join(' ');
    text +=
      `${xrefNum} 0 obj\n<< /Type /XRef /Size ${xrefNum + 1} /W [1 4 2] /Index [${index}]` +
      `${keep('Root')}${keep('Info')}${keep('ID')} /Prev ${prev} /Length ${data.length} >>\nstream\n${data}\nendstream\nendobj\n`;
    text += `startxref\n${xrefOffset}\n%%EOF\n`;
  }
  const update = fromLatin1(text);
  const out = new Uint8Array(original.length + update.length);
  out.set(original, 0);
  out.set(update, original.length);
  return out;
}

/** Consecutive runs of object numbers as [first, count]. */
function subsections(nums: number[]): [number, number][] {
  const sorted = [...new Set(nums)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const n of sorted) {
    const lastRun = out[out.length - 1];
    if (lastRun && lastRun[0] + lastRun[1] === n) lastRun[1]++;
    else out.push([n, 1]);
  }
  return out;
}
