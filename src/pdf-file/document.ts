/**
 * Reads a PDF's cross-reference chain (classic tables and cross-reference streams, incremental
 * updates via /Prev) so objects can be found by number and each revision's changes can be listed.
 * The one reader of PDF structure in the app: re-opening a report (src/pdf), signing and
 * verifying (src/signing) all go through it. A file whose cross-reference data is broken can be
 * opened "repaired" (objects found by scanning, the last definition winning), as PDF viewers do;
 * such a document has no revisions and is only used to read the attachment a viewer would show.
 */
import {
  PdfLexer,
  isWhite,
  PdfSyntaxError,
  indexOf,
  lastIndexOf,
  latin1,
  readIndirectObject,
  type IndirectObject,
  type PdfDict,
  type PdfObject,
} from './objects';
import { inflateZlib } from './inflate';

export type XrefEntry =
  | { type: 'free' }
  | { type: 'offset'; offset: number; gen: number }
  | { type: 'compressed'; stream: number; index: number };

/** One cross-reference section: the objects one revision wrote. */
export interface XrefSection {
  /** Where the section starts (the value of `startxref`). */
  offset: number;
  kind: 'table' | 'stream' | 'repaired';
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
  /** Byte just after this revision's `%%EOF` (and its end-of-line). */
  revisionEnd: number;
}

export class PdfDocument {
  private readonly objStmCache = new Map<number, Promise<Map<number, PdfObject>>>();

  private constructor(
    readonly bytes: Uint8Array,
    /** Newest first. */
    readonly sections: XrefSection[],
    readonly entries: Map<number, XrefEntry>,
    /** Opened by scanning for objects because the cross-reference data could not be read. */
    readonly repaired = false,
  ) {}

  /**
   * Opens a PDF whose cross-reference data is broken the way viewers do: every `n g obj` in the
   * file is found by scanning, a later definition replacing an earlier one; the catalog is the
   * last trailer's /Root or else the last `/Type /Catalog` object. Encrypted files are refused.
   */
  static openRepaired(bytes: Uint8Array): PdfDocument {
    const head = latin1(bytes, 0, Math.min(bytes.length, 1024));
    if (!head.includes('%PDF-')) throw new PdfSyntaxError('Not a PDF file', 0);
    const entries = scanObjects(bytes);
    let trailer: PdfDict | undefined;
    for (let at = lastIndexOf(bytes, 'trailer'), guard = 0; at >= 0 && guard < 16; guard++) {
      try {
        const v = new PdfLexer(bytes, at + 'trailer'.length).value();
        if (v.kind === 'dict' && v.entries.get('Root')?.kind === 'ref') {
          trailer = v;
          break;
        }
      } catch {
        // Not a readable trailer: look further back.
      }
      at = lastIndexOf(bytes, 'trailer', at);
    }
    const doc = new PdfDocument(bytes, [], entries, true);
    if (!trailer) {
      const root = doc.lastObjectWith('/Catalog', (d) => d.entries.get('Type'), 'Catalog');
      trailer = {
        kind: 'dict',
        entries: new Map(root === undefined ? [] : [['Root', { kind: 'ref', num: root, gen: 0 }]]),
        start: -1,
        end: -1,
      };
    }
    if (trailer.entries.has('Encrypt')) throw new PdfEncryptedError();
    doc.sections.push({
      offset: bytes.length,
      kind: 'repaired',
      entries,
      trailer,
      revisionEnd: bytes.length,
    });
    return doc;
  }

  /** The number of the last object (in file order) whose dictionary has `key` set to /`value`. */
  private lastObjectWith(
    text: string,
    get: (d: PdfDict) => PdfObject | undefined,
    value: string,
  ): number | undefined {
    const byOffset = [...this.entries]
      .flatMap(([n, e]) => (e.type === 'offset' ? [[e.offset, n] as const] : []))
      .sort((a, b) => a[0] - b[0]);
    for (let at = lastIndexOf(this.bytes, text), guard = 0; at >= 0 && guard < 64; guard++) {
      // The object that starts last before the match holds it.
      let lo = 0;
      let hi = byOffset.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (byOffset[mid]![0] <= at) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found >= 0) {
        try {
          const v = this.indirect(byOffset[found]![0]).value;
          const got = v.kind === 'dict' ? get(v) : undefined;
          if (got?.kind === 'name' && got.value === value) return byOffset[found]![1];
        } catch {
          // Damaged: keep looking.
        }
      }
      at = lastIndexOf(this.bytes, text, at);
    }
    return undefined;
  }

  /** Opens a PDF; refuses non-PDF and encrypted files with a clear error. */
  static async open(bytes: Uint8Array): Promise<PdfDocument> {
    const head = latin1(bytes, 0, Math.min(bytes.length, 1024));
    if (!head.includes('%PDF-')) throw new PdfSyntaxError('Not a PDF file', 0);
    const sx = lastIndexOf(bytes, 'startxref');
    if (sx < 0) throw new PdfSyntaxError('No startxref', bytes.length);
    const lx = new PdfLexer(bytes, sx + 'startxref'.length);
    const first = Number(lx.word());
    if (!Number.isInteger(first) || first < 0 || first >= bytes.length) {
      throw new PdfSyntaxError('Bad startxref', sx);
    }
    const sections: XrefSection[] = [];
    const seen = new Set<number>();
    let offset: number | undefined = first;
    while (offset !== undefined) {
      if (seen.has(offset) || sections.length > 1000)
        throw new PdfSyntaxError('Cross-reference loop', offset);
      seen.add(offset);
      const section = await readXrefSection(bytes, offset);
      sections.push(section);
      // A hybrid file also lists objects in a cross-reference stream (§7.5.8.4).
      const stm = section.trailer.entries.get('XRefStm');
      if (stm?.kind === 'num' && !seen.has(stm.value)) {
        const extra = await readXrefSection(bytes, stm.value);
        for (const [n, e] of extra.entries) if (!section.entries.has(n)) section.entries.set(n, e);
      }
      const prev = section.trailer.entries.get('Prev');
      offset = prev?.kind === 'num' ? prev.value : undefined;
    }
    const entries = new Map<number, XrefEntry>();
    for (const s of [...sections].reverse()) for (const [n, e] of s.entries) entries.set(n, e);
    const doc = new PdfDocument(bytes, sections, entries);
    if (doc.trailer.entries.has('Encrypt')) throw new PdfEncryptedError();
    return doc;
  }

  /** The newest trailer (for a cross-reference stream: its dictionary). */
  get trailer(): PdfDict {
    return this.sections[0]!.trailer;
  }

  /** The next free object number (/Size). */
  get size(): number {
    const s = this.trailer.entries.get('Size');
    const max = Math.max(0, ...this.entries.keys()) + 1;
    return s?.kind === 'num' ? Math.max(s.value, max) : max;
  }

  /** An object by number as the newest revision has it; undefined when free or missing. */
  async object(num: number, entries = this.entries): Promise<PdfObject | undefined> {
    const e = entries.get(num);
    if (!e || e.type === 'free') return undefined;
    if (e.type === 'offset') return this.indirect(e.offset).value;
    const stream = await this.objectStream(e.stream, entries);
    return stream.get(num);
  }

  /** The object stored at a byte offset (with stream position when it is a stream). */
  indirect(offset: number): IndirectObject {
    return readIndirectObject(this.bytes, offset, (r) => {
      const e = this.entries.get(r.num);
      if (e?.type !== 'offset') return undefined;
      const v = readIndirectObject(this.bytes, e.offset).value;
      return v.kind === 'num' ? v.value : undefined;
    });
  }

  /** The stored object (with its stream, if any) behind a reference; undefined when compressed or free. */
  indirectOf(r: PdfObject | undefined, entries = this.entries): IndirectObject | undefined {
    if (r?.kind !== 'ref') return undefined;
    const e = entries.get(r.num);
    return e?.type === 'offset' ? this.indirect(e.offset) : undefined;
  }

  /** Follows a reference (any depth of indirection up to 10). */
  async resolve(o: PdfObject | undefined, entries = this.entries): Promise<PdfObject | undefined> {
    let cur = o;
    for (let i = 0; cur?.kind === 'ref' && i < 10; i++) cur = await this.object(cur.num, entries);
    return cur;
  }

  async resolveDict(
    o: PdfObject | undefined,
    entries = this.entries,
  ): Promise<PdfDict | undefined> {
    const r = await this.resolve(o, entries);
    return r?.kind === 'dict' ? r : undefined;
  }

  /** The document catalog. */
  async catalog(entries = this.entries, trailer = this.trailer): Promise<PdfDict> {
    const root = await this.resolveDict(trailer.entries.get('Root'), entries);
    if (!root) throw new PdfSyntaxError('No document catalog', this.sections[0]!.offset);
    return root;
  }

  /** Page references in reading order. */
  async pages(
    entries = this.entries,
    trailer = this.trailer,
  ): Promise<{ num: number; gen: number }[]> {
    const cat = await this.catalog(entries, trailer);
    const out: { num: number; gen: number }[] = [];
    const visited = new Set<number>();
    const walk = async (node: PdfObject | undefined, depth: number): Promise<void> => {
      if (node?.kind !== 'ref' || visited.has(node.num) || depth > 64) return;
      visited.add(node.num);
      const d = await this.resolveDict(node, entries);
      if (!d) return;
      const type = d.entries.get('Type');
      const kids = await this.resolve(d.entries.get('Kids'), entries);
      if (type?.kind === 'name' && type.value === 'Page')
        out.push({ num: node.num, gen: node.gen });
      else if (kids?.kind === 'array') for (const k of kids.items) await walk(k, depth + 1);
      else if (!kids) out.push({ num: node.num, gen: node.gen });
    };
    await walk(cat.entries.get('Pages'), 0);
    return out;
  }

  /**
   * The decoded data of a stream object. Throws InflateError ('tooLarge') as soon as it would
   * grow past `maxBytes`, and PdfSyntaxError for filters this reader does not handle.
   */
  async streamData(obj: IndirectObject, maxBytes = MAX_DECODED_BYTES): Promise<Uint8Array> {
    if (!obj.stream) throw new PdfSyntaxError('Not a stream', obj.offset);
    return decodeStream(
      this.bytes.subarray(obj.stream.dataStart, obj.stream.dataEnd),
      obj.stream.dict,
      maxBytes,
    );
  }

  private objectStream(
    num: number,
    entries: Map<number, XrefEntry>,
  ): Promise<Map<number, PdfObject>> {
    // Keyed by where the stream is: an update may write a new object stream under the same number.
    const at = entries.get(num);
    const key = at?.type === 'offset' ? at.offset : -1;
    let hit = this.objStmCache.get(key);
    if (!hit) {
      hit = (async () => {
        const e = at;
        if (e?.type !== 'offset') throw new PdfSyntaxError(`Object stream ${num} not found`, 0);
        const obj = this.indirect(e.offset);
        const data = await this.streamData(obj);
        const d = obj.stream!.dict.entries;
        const n = d.get('N');
        const firstObj = d.get('First');
        if (n?.kind !== 'num' || firstObj?.kind !== 'num')
          throw new PdfSyntaxError('Bad object stream', e.offset);
        const lx = new PdfLexer(data);
        const pairs: [number, number][] = [];
        for (let i = 0; i < n.value && lx.pos < data.length; i++) {
          const pair = [lx.word(), lx.word()];
          if (!pair.every((w) => /^\d+$/.test(w))) break;
          pairs.push([Number(pair[0]), Number(pair[1])]);
        }
        const out = new Map<number, PdfObject>();
        for (const [objNum, off] of pairs) {
          const l = new PdfLexer(data, firstObj.value + off);
          out.set(objNum, l.value());
        }
        return out;
      })();
      this.objStmCache.set(key, hit);
    }
    return hit;
  }
}

export class PdfEncryptedError extends Error {
  constructor() {
    super('The PDF is encrypted');
    this.name = 'PdfEncryptedError';
  }
}

async function readXrefSection(bytes: Uint8Array, offset: number): Promise<XrefSection> {
  const lx = new PdfLexer(bytes, offset);
  const revisionEnd = endOfRevision(bytes, offset);
  if (lx.peekWord() === 'xref') {
    lx.word();
    const entries = new Map<number, XrefEntry>();
    for (;;) {
      const w = lx.peekWord();
      if (w === 'trailer') {
        lx.word();
        const trailer = lx.value();
        if (trailer.kind !== 'dict')
          throw new PdfSyntaxError('Trailer is not a dictionary', lx.pos);
        return { offset, kind: 'table', entries, trailer, revisionEnd };
      }
      // Digits only: at the end of the data word() gives '', which Number() reads as 0, and a
      // table without a trailer looped forever on "0 0" (found by the PDF fuzz test).
      const ws = [lx.word(), lx.word()];
      const [start, count] = ws.map(Number) as [number, number];
      if (
        !ws.every((x) => /^\d+$/.test(x)) ||
        !Number.isInteger(start) ||
        !Number.isInteger(count)
      ) {
        throw new PdfSyntaxError('Bad cross-reference subsection', lx.pos);
      }
      for (let i = 0; i < count; i++) {
        const off = Number(lx.word());
        const gen = Number(lx.word());
        const kind = lx.word();
        if (kind !== 'n' && kind !== 'f')
          throw new PdfSyntaxError('Bad cross-reference entry', lx.pos);
        // The first section to mention an object wins; within one section the last line wins.
        entries.set(
          start + i,
          kind === 'n' && off > 0 ? { type: 'offset', offset: off, gen } : { type: 'free' },
        );
      }
    }
  }
  // A cross-reference stream (§7.5.8).
  const obj = readIndirectObject(bytes, offset);
  if (!obj.stream) throw new PdfSyntaxError('No cross-reference table or stream', offset);
  const d = obj.stream.dict;
  const w = d.entries.get('W');
  if (w?.kind !== 'array' || w.items.length !== 3)
    throw new PdfSyntaxError('Bad /W in cross-reference stream', offset);
  const widths = w.items.map((x) => (x.kind === 'num' ? x.value : 0));
  const size = d.entries.get('Size');
  const indexObj = d.entries.get('Index');
  const index =
    indexObj?.kind === 'array'
      ? indexObj.items.map((x) => (x.kind === 'num' ? x.value : 0))
      : [0, size?.kind === 'num' ? size.value : 0];
  const data = await decodeStream(bytes.subarray(obj.stream.dataStart, obj.stream.dataEnd), d);
  const entries = new Map<number, XrefEntry>();
  const rowLen = widths[0]! + widths[1]! + widths[2]!;
  // A row of no bytes never runs out of data: /Size 1e12 would loop that many times.
  if (!widths.every((x) => Number.isInteger(x) && x >= 0 && x <= 8) || rowLen === 0)
    throw new PdfSyntaxError('Bad /W in cross-reference stream', offset);
  let p = 0;
  const field = (width: number, dflt: number) => {
    if (width === 0) return dflt;
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 256 + (data[p++] ?? 0);
    return v;
  };
  for (let k = 0; k + 1 < index.length; k += 2) {
    for (let i = 0; i < index[k + 1]!; i++) {
      if (p + rowLen > data.length) break;
      const type = field(widths[0]!, 1);
      const f2 = field(widths[1]!, 0);
      const f3 = field(widths[2]!, 0);
      const n = index[k]! + i;
      if (type === 1) entries.set(n, { type: 'offset', offset: f2, gen: f3 });
      else if (type === 2) entries.set(n, { type: 'compressed', stream: f2, index: f3 });
      else entries.set(n, { type: 'free' });
    }
  }
  return { offset, kind: 'stream', entries, trailer: d, revisionEnd };
}

/** At most this many objects are taken from a scan of a broken file. */
const MAX_SCANNED_OBJECTS = 1_000_000;

/** Every `num gen obj` in the file, by number; a later definition replaces an earlier one. */
function scanObjects(bytes: Uint8Array): Map<number, XrefEntry> {
  const entries = new Map<number, XrefEntry>();
  const isDigit = (c: number | undefined) => c !== undefined && c >= 48 && c <= 57;
  let count = 0;
  for (let at = indexOf(bytes, 'obj'); at >= 0; at = indexOf(bytes, 'obj', at + 3)) {
    const after = bytes[at + 3];
    if (after !== undefined && !isWhite(after) && !'<[(/%'.includes(String.fromCharCode(after)))
      continue;
    // Back over white space, the generation, white space, the number.
    let p = at - 1;
    if (!isWhite(bytes[p])) continue;
    while (p >= 0 && isWhite(bytes[p])) p--;
    const genEnd = p + 1;
    while (p >= 0 && isDigit(bytes[p])) p--;
    const genStart = p + 1;
    if (genStart === genEnd || !isWhite(bytes[p])) continue;
    while (p >= 0 && isWhite(bytes[p])) p--;
    const numEnd = p + 1;
    while (p >= 0 && isDigit(bytes[p])) p--;
    const numStart = p + 1;
    if (numStart === numEnd || numEnd - numStart > 10 || genEnd - genStart > 5) continue;
    if (p >= 0 && !isWhite(bytes[p]) && !'>])'.includes(String.fromCharCode(bytes[p]!))) continue;
    const num = Number(latin1(bytes, numStart, numEnd));
    const gen = Number(latin1(bytes, genStart, genEnd));
    entries.set(num, { type: 'offset', offset: numStart, gen });
    if (++count >= MAX_SCANNED_OBJECTS) break;
  }
  return entries;
}

/** The end of the revision whose cross-reference section starts at `offset`: after its `%%EOF`. */
function endOfRevision(bytes: Uint8Array, offset: number): number {
  const eof = indexOf(bytes, '%%EOF', offset);
  if (eof < 0) return bytes.length;
  let end = eof + 5;
  if (bytes[end] === 13) end++;
  if (bytes[end] === 10) end++;
  return end;
}

/** Decodes a stream's data: FlateDecode (with PNG/TIFF predictors) or none. */
export async function decodeStream(
  raw: Uint8Array,
  d: PdfDict,
  maxBytes = MAX_DECODED_BYTES,
): Promise<Uint8Array> {
  const filter = d.entries.get('Filter');
  const filters =
    filter?.kind === 'name'
      ? [filter.value]
      : filter?.kind === 'array'
        ? filter.items.map((f) => (f.kind === 'name' ? f.value : ''))
        : [];
  let data = raw;
  const parmsObj = d.entries.get('DecodeParms');
  const parmsList = parmsObj?.kind === 'array' ? parmsObj.items : [parmsObj];
  for (let i = 0; i < filters.length; i++) {
    const f = filters[i];
    if (f !== 'FlateDecode' && f !== 'Fl')
      throw new PdfSyntaxError(`Unsupported stream filter ${f}`, d.start);
    data = await inflateZlib(data, maxBytes);
    const parms = parmsList[i];
    if (parms?.kind === 'dict') data = unpredict(data, parms);
  }
  return data;
}

/** Largest decoded stream this reader accepts: a small hostile stream cannot fill the memory. */
export const MAX_DECODED_BYTES = 64 * 1024 * 1024;

function unpredict(data: Uint8Array, parms: PdfDict): Uint8Array {
  const pred = parms.entries.get('Predictor');
  const p = pred?.kind === 'num' ? pred.value : 1;
  if (p < 10) return data;
  const colsObj = parms.entries.get('Columns');
  const cols = colsObj?.kind === 'num' ? colsObj.value : 1;
  const out = new Uint8Array(Math.floor(data.length / (cols + 1)) * cols);
  let prev = new Uint8Array(cols);
  for (let r = 0; (r + 1) * (cols + 1) <= data.length; r++) {
    const type = data[r * (cols + 1)]!;
    const row = data.subarray(r * (cols + 1) + 1, (r + 1) * (cols + 1));
    const cur = new Uint8Array(cols);
    for (let i = 0; i < cols; i++) {
      const left = i > 0 ? cur[i - 1]! : 0;
      const up = prev[i]!;
      const upLeft = i > 0 ? prev[i - 1]! : 0;
      let v = row[i]!;
      if (type === 1) v += left;
      else if (type === 2) v += up;
      else if (type === 3) v += (left + up) >> 1;
      else if (type === 4) {
        const pa = Math.abs(up - upLeft);
        const pb = Math.abs(left - upLeft);
        const pc = Math.abs(left + up - 2 * upLeft);
        v += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      cur[i] = v & 0xff;
    }
    out.set(cur, r * cols);
    prev = cur;
  }
  return out;
}
