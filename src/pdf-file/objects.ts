/**
 * A small reader and writer for PDF objects (ISO 32000-1 §7.2–7.3), enough to add incremental
 * updates and to find signatures. It reads bytes directly and remembers where things are, because
 * signing and verifying are about exact byte positions. No eval, no DOM: runs in browser and Node.
 */

export type PdfObject =
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'num'; value: number; raw: string }
  /** Name without the slash, as written (`#xx` escapes kept, so it writes back unchanged). */
  | { kind: 'name'; value: string }
  /** Bytes of a string; `start`/`end` are its position in the source, delimiters included. */
  | { kind: 'str'; bytes: Uint8Array; hex: boolean; start: number; end: number }
  | { kind: 'ref'; num: number; gen: number }
  | { kind: 'array'; items: PdfObject[] }
  | PdfDict;

export interface PdfDict {
  kind: 'dict';
  entries: Map<string, PdfObject>;
  start: number;
  end: number;
}

export interface PdfStream {
  dict: PdfDict;
  dataStart: number;
  dataEnd: number;
}

/** An indirect object as read from the file. */
export interface IndirectObject {
  num: number;
  gen: number;
  offset: number;
  value: PdfObject;
  stream?: PdfStream;
}

/** A file that is not PDF, or PDF structure this reader does not handle. */
export class PdfSyntaxError extends Error {
  constructor(
    message: string,
    public readonly offset: number,
  ) {
    super(`${message} (at byte ${offset})`);
    this.name = 'PdfSyntaxError';
  }
}

const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([40, 41, 60, 62, 91, 93, 123, 125, 47, 37]);

export function isWhite(c: number | undefined): boolean {
  return c !== undefined && WS.has(c);
}

function isRegular(c: number | undefined): boolean {
  return c !== undefined && !WS.has(c) && !DELIM.has(c);
}

/** Latin-1 view of bytes: one char per byte, so string offsets are byte offsets. */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  const CHUNK = 0x8000;
  for (let i = start; i < end; i += CHUNK) {
    out += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + CHUNK)));
  }
  return out;
}

export function fromLatin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Reads PDF objects from a byte array, starting anywhere. */
export class PdfLexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
  ) {
    this.pos = pos;
  }

  skipWhite(): void {
    const b = this.bytes;
    for (;;) {
      while (isWhite(b[this.pos])) this.pos++;
      if (b[this.pos] === 37) {
        // A comment runs to the end of the line.
        while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else return;
    }
  }

  /** A bare keyword or number token (no delimiters), or '' at a delimiter. */
  word(): string {
    this.skipWhite();
    const start = this.pos;
    while (isRegular(this.bytes[this.pos])) this.pos++;
    return latin1(this.bytes, start, this.pos);
  }

  peekWord(): string {
    const save = this.pos;
    const w = this.word();
    this.pos = save;
    return w;
  }

  expectWord(w: string): void {
    const at = this.pos;
    const got = this.word();
    if (got !== w) throw new PdfSyntaxError(`Expected "${w}", found "${got}"`, at);
  }

  /** Parses one object; `num gen R` becomes a reference. */
  value(depth = 0): PdfObject {
    if (depth > 100) throw new PdfSyntaxError('Objects nested too deeply', this.pos);
    this.skipWhite();
    const b = this.bytes;
    const start = this.pos;
    const c = b[this.pos];
    if (c === undefined) throw new PdfSyntaxError('Unexpected end of file', this.pos);
    if (c === 47) {
      this.pos++;
      const s = this.pos;
      while (isRegular(b[this.pos])) this.pos++;
      return { kind: 'name', value: latin1(b, s, this.pos) };
    }
    if (c === 60 && b[this.pos + 1] === 60) {
      this.pos += 2;
      const entries = new Map<string, PdfObject>();
      for (;;) {
        this.skipWhite();
        if (b[this.pos] === 62 && b[this.pos + 1] === 62) {
          this.pos += 2;
          return { kind: 'dict', entries, start, end: this.pos };
        }
        const key = this.value(depth + 1);
        if (key.kind !== 'name') throw new PdfSyntaxError('Dictionary key is not a name', this.pos);
        entries.set(key.value, this.value(depth + 1));
      }
    }
    if (c === 60) return this.hexString(start);
    if (c === 40) return this.literalString(start);
    if (c === 91) {
      this.pos++;
      const items: PdfObject[] = [];
      for (;;) {
        this.skipWhite();
        if (b[this.pos] === 93) {
          this.pos++;
          return { kind: 'array', items };
        }
        if (this.pos >= b.length) throw new PdfSyntaxError('Unterminated array', start);
        items.push(this.value(depth + 1));
      }
    }
    const w = this.word();
    if (w === '')
      throw new PdfSyntaxError(`Unexpected character "${String.fromCharCode(c)}"`, start);
    if (w === 'true' || w === 'false') return { kind: 'bool', value: w === 'true' };
    if (w === 'null') return { kind: 'null' };
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      // `num gen R` is a reference: look ahead without consuming when it is not.
      if (/^\d+$/.test(w)) {
        const save = this.pos;
        const g = this.word();
        if (/^\d+$/.test(g) && this.word() === 'R') {
          return { kind: 'ref', num: Number(w), gen: Number(g) };
        }
        this.pos = save;
      }
      return { kind: 'num', value: Number(w), raw: w };
    }
    throw new PdfSyntaxError(`Unexpected "${w}"`, start);
  }

  private hexString(start: number): PdfObject {
    const b = this.bytes;
    this.pos++;
    const digits: number[] = [];
    while (this.pos < b.length && b[this.pos] !== 62) {
      const c = b[this.pos]!;
      const v = hexValue(c);
      if (v >= 0) digits.push(v);
      else if (!isWhite(c)) throw new PdfSyntaxError('Bad character in hex string', this.pos);
      this.pos++;
    }
    if (this.pos >= b.length) throw new PdfSyntaxError('Unterminated hex string', start);
    this.pos++;
    if (digits.length % 2) digits.push(0);
    const bytes = new Uint8Array(digits.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (digits[2 * i]! << 4) | digits[2 * i + 1]!;
    return { kind: 'str', bytes, hex: true, start, end: this.pos };
  }

  private literalString(start: number): PdfObject {
    const b = this.bytes;
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 92) {
        const n = b[this.pos++];
        if (n === undefined) break;
        const simple: Record<number, number> = {
          110: 10,
          114: 13,
          116: 9,
          98: 8,
          102: 12,
          40: 40,
          41: 41,
          92: 92,
        };
        if (simple[n] !== undefined) out.push(simple[n]!);
        else if (n >= 48 && n <= 55) {
          let v = n - 48;
          for (let k = 0; k < 2 && b[this.pos]! >= 48 && b[this.pos]! <= 55; k++) {
            v = v * 8 + (b[this.pos++]! - 48);
          }
          out.push(v & 0xff);
        } else if (n === 13) {
          if (b[this.pos] === 10) this.pos++;
        } else if (n !== 10) out.push(n);
      } else if (c === 40) {
        depth++;
        out.push(c);
      } else if (c === 41) {
        if (--depth === 0)
          return { kind: 'str', bytes: new Uint8Array(out), hex: false, start, end: this.pos };
        out.push(c);
      } else out.push(c);
    }
    throw new PdfSyntaxError('Unterminated string', start);
  }
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * Reads `num gen obj … endobj` at `offset`. For a stream, `lengthOf` resolves an indirect
 * /Length; when it cannot, the data runs to the next `endstream`.
 */
export function readIndirectObject(
  bytes: Uint8Array,
  offset: number,
  lengthOf?: (ref: { num: number; gen: number }) => number | undefined,
): IndirectObject {
  const lx = new PdfLexer(bytes, offset);
  const numText = lx.word();
  const genText = lx.word();
  if (!/^\d+$/.test(numText) || !/^\d+$/.test(genText)) {
    throw new PdfSyntaxError('No object here', offset);
  }
  lx.expectWord('obj');
  const value = lx.value();
  const result: IndirectObject = { num: Number(numText), gen: Number(genText), offset, value };
  if (value.kind === 'dict' && lx.peekWord() === 'stream') {
    lx.word();
    // The data starts after CRLF or LF (§7.3.8.1).
    let p = lx.pos;
    if (bytes[p] === 13) p++;
    if (bytes[p] === 10) p++;
    const lengthObj = value.entries.get('Length');
    let length: number | undefined;
    if (lengthObj?.kind === 'num') length = lengthObj.value;
    else if (lengthObj?.kind === 'ref') length = lengthOf?.(lengthObj);
    let end = length !== undefined ? p + length : -1;
    if (end < p || end > bytes.length || !startsWithAt(bytes, end, 'endstream', true)) {
      end = indexOf(bytes, 'endstream', p);
      if (end < 0) throw new PdfSyntaxError('Stream without endstream', p);
      // Trailing EOL before `endstream` is not part of the data.
      if (bytes[end - 1] === 10) end--;
      if (bytes[end - 1] === 13) end--;
    }
    result.stream = { dict: value, dataStart: p, dataEnd: end };
  }
  return result;
}

/** True when `text` occurs at `at` (optionally after whitespace). */
export function startsWithAt(
  bytes: Uint8Array,
  at: number,
  text: string,
  skipWhite = false,
): boolean {
  let p = at;
  if (skipWhite) while (isWhite(bytes[p])) p++;
  for (let i = 0; i < text.length; i++) if (bytes[p + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** First index of an ASCII text at or after `from`, or -1. */
export function indexOf(bytes: Uint8Array, text: string, from = 0): number {
  const first = text.charCodeAt(0);
  outer: for (
    let i = bytes.indexOf(first, from);
    i >= 0 && i <= bytes.length - text.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let k = 1; k < text.length; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** Last index of an ASCII text that starts before `before`, or -1. */
export function lastIndexOf(bytes: Uint8Array, text: string, before = bytes.length): number {
  const first = text.charCodeAt(0);
  outer: for (
    let i = bytes.lastIndexOf(first, before - 1);
    i >= 0;
    i = i === 0 ? -1 : bytes.lastIndexOf(first, i - 1)
  ) {
    if (i + text.length > bytes.length) continue;
    for (let k = 1; k < text.length; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Writes an object as PDF text (Latin-1; strings with other bytes go as hex, so any bytes are safe). */
export function serialize(o: PdfObject): string {
  switch (o.kind) {
    case 'null':
      return 'null';
    case 'bool':
      return o.value ? 'true' : 'false';
    case 'num':
      return o.raw;
    case 'name':
      return `/${o.value}`;
    case 'str':
      // Plain ASCII without delimiters reads best as a literal string; anything else goes as hex.
      return o.bytes.every((b) => b >= 0x20 && b < 0x7f && b !== 0x28 && b !== 0x29 && b !== 0x5c)
        ? `(${latin1(o.bytes)})`
        : `<${toHex(o.bytes)}>`;
    case 'ref':
      return `${o.num} ${o.gen} R`;
    case 'array':
      return `[${o.items.map(serialize).join(' ')}]`;
    case 'dict':
      return `<<${[...o.entries].map(([k, v]) => `/${k} ${serialize(v)}`).join(' ')}>>`;
  }
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s.toUpperCase();
}

export const name = (value: string): PdfObject => ({ kind: 'name', value });
export const num = (value: number): PdfObject => ({ kind: 'num', value, raw: formatNumber(value) });
export const ref = (n: number, gen = 0): PdfObject => ({ kind: 'ref', num: n, gen });
export const arr = (items: PdfObject[]): PdfObject => ({ kind: 'array', items });
export function dict(entries: [string, PdfObject][]): PdfDict {
  return { kind: 'dict', entries: new Map(entries), start: -1, end: -1 };
}

/** A PDF text string: PDFDocEncoding-safe ASCII as is, anything else as UTF-16BE with a BOM. */
export function textString(text: string): PdfObject {
  let bytes: Uint8Array;
  if (/^[\x20-\x7e]*$/.test(text)) bytes = fromLatin1(text);
  else {
    bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xfe;
    bytes[1] = 0xff;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) >> 8;
      bytes[3 + 2 * i] = text.charCodeAt(i) & 0xff;
    }
  }
  return { kind: 'str', bytes, hex: true, start: -1, end: -1 };
}

/** Reads a PDF text string (UTF-16BE with BOM, UTF-8 with BOM, or PDFDocEncoding ≈ Latin-1). */
export function decodeTextString(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = '';
    for (let i = 2; i + 1 < bytes.length; i += 2)
      s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return s;
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder().decode(bytes.subarray(3));
  }
  return latin1(bytes);
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

/** Same value, ignoring where it was read from: used to tell whether an object really changed. */
export function sameObject(a: PdfObject | undefined, b: PdfObject | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return serialize(a) === serialize(b);
}
