/**
 * Reads the assessment file back out of a PDF that FRIA Wizard made (PRODUCT.md: "the PDF alone
 * can be re-opened and verified"). Small on purpose, so the start and Verify screens can use it
 * without jsPDF or pdf-lib: a tolerant scanner for EmbeddedFile streams, not a PDF parser. It
 * finds each `/Type /EmbeddedFile` stream, reads its length (direct or indirect), inflates it
 * (FlateDecode, with an output limit) and keeps the first one that is a valid assessment file.
 * Every loop is bounded; hostile or broken input gives a typed error, never a hang.
 */
import type { Assessment } from '../core/assessment-schema';
import { parseAssessmentText } from '../core/assessment';
import { DEFAULT_LIMITS, formatSize, type FileProblem } from '../core/safe-json';
import { reportText } from '../core/report-texts';
import { InflateError, inflateZlib } from './inflate';
import { FRIA_PDF_MARKER } from './marker';

export type EmbeddedReadError = 'notPdf' | 'notFria' | 'damaged' | 'tooLarge';

export type EmbeddedReadResult =
  | { ok: true; assessment: Assessment; text: string; fileName: string | null }
  | { ok: false; error: EmbeddedReadError; problems: FileProblem[] };

export interface EmbeddedReadLimits {
  /** Largest PDF accepted. */
  maxPdfBytes: number;
  /** Largest attachment after inflating. */
  maxFileBytes: number;
}

export const EMBEDDED_LIMITS: EmbeddedReadLimits = {
  maxPdfBytes: 200 * 1024 * 1024,
  maxFileBytes: DEFAULT_LIMITS.maxBytes,
};

const MAX_CANDIDATES = 64;
const DICT_WINDOW = 64 * 1024;
const latin1 = new TextDecoder('latin1');
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function indexOf(hay: Uint8Array, needle: Uint8Array, from = 0, to = hay.length): number {
  const first = needle[0]!;
  const last = Math.min(to, hay.length) - needle.length;
  for (let i = hay.indexOf(first, from); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

function lastIndexOf(hay: Uint8Array, needle: Uint8Array, before: number, limit: number): number {
  const stop = Math.max(0, before - limit);
  for (let i = Math.min(before, hay.length - needle.length); i >= stop; i--) {
    let k = 0;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

const isWhite = (b: number | undefined) =>
  b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
const isDelimiter = (b: number | undefined) =>
  b === undefined || isWhite(b) || '()<>[]{}/%'.includes(String.fromCharCode(b));

/** The keys of a dictionary that starts at `start` ("<<"), and the index just after its ">>". */
function readDict(
  bytes: Uint8Array,
  start: number,
): { entries: Map<string, string>; end: number } | null {
  const text = latin1.decode(bytes.subarray(start, Math.min(bytes.length, start + DICT_WINDOW)));
  if (!text.startsWith('<<')) return null;
  const entries = new Map<string, string>();
  let depth = 0;
  let i = 0;
  let key: string | null = null;
  let valueStart = -1;
  const closeValue = (at: number) => {
    if (key !== null && valueStart >= 0) entries.set(key, text.slice(valueStart, at).trim());
    key = null;
    valueStart = -1;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '%') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '(') {
      // Literal string: balanced parentheses, backslash escapes.
      let nest = 1;
      i++;
      while (i < text.length && nest > 0) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') nest++;
        else if (text[i] === ')') nest--;
        i++;
      }
      continue;
    } else if (c === '<' && text[i + 1] === '<') {
      depth++;
      i += 2;
      continue;
    } else if (c === '>' && text[i + 1] === '>') {
      if (depth === 1) closeValue(i);
      depth--;
      i += 2;
      if (depth === 0) return { entries, end: start + i };
      continue;
    } else if (c === '/' && depth === 1) {
      // A name at the top level is a key when no value is open, else it ends the open value
      // (a name value such as /FlateDecode is taken whole below).
      let j = i + 1;
      while (j < text.length && !isDelimiter(text.charCodeAt(j))) j++;
      const name = text.slice(i + 1, j);
      if (key === null) {
        key = name;
        valueStart = j;
      } else if (text.slice(valueStart, i).trim() === '') {
        entries.set(key, `/${name}`);
        key = null;
        valueStart = -1;
      } else {
        closeValue(i);
        key = name;
        valueStart = j;
      }
      i = j;
      continue;
    } else if (depth === 1 && key !== null && (c === '[' || c === '<')) {
      // Arrays and hex strings: take them whole.
      const close = c === '[' ? ']' : '>';
      const j = text.indexOf(close, i + 1);
      if (j === -1) return null;
      entries.set(key, text.slice(i, j + 1));
      key = null;
      valueStart = -1;
      i = j + 1;
      continue;
    }
    i++;
  }
  return null;
}

/** The integer value of object `n g`, for an indirect /Length. The last definition wins. */
function indirectInteger(bytes: Uint8Array, n: number, g: number): number | null {
  const needle = ascii(`${n} ${g} obj`);
  let found = -1;
  for (let at = indexOf(bytes, needle), guard = 0; at !== -1 && guard < 1000; guard++) {
    if (at === 0 || isDelimiter(bytes[at - 1])) found = at;
    at = indexOf(bytes, needle, at + needle.length);
  }
  if (found === -1) return null;
  const m = /^\s*(\d+)\s/.exec(
    latin1.decode(bytes.subarray(found + needle.length, found + needle.length + 40)),
  );
  return m ? Number(m[1]) : null;
}

interface Candidate {
  data: Uint8Array;
  filters: string[];
}

/** Finds the EmbeddedFile streams (at most MAX_CANDIDATES). */
function embeddedStreams(bytes: Uint8Array): { streams: Candidate[]; broken: number } {
  const mark = ascii('/EmbeddedFile');
  const objKeyword = ascii('obj');
  const streams: Candidate[] = [];
  let broken = 0;
  let pos = 0;
  for (
    let guard = 0;
    guard < MAX_CANDIDATES * 4 && streams.length + broken < MAX_CANDIDATES;
    guard++
  ) {
    const at = indexOf(bytes, mark, pos);
    if (at === -1) break;
    pos = at + mark.length;
    if (!isDelimiter(bytes[pos])) continue; // /EmbeddedFiles, the name tree
    // The value of /Type? Look back over white space for "/Type".
    let b = at - 1;
    while (b >= 0 && isWhite(bytes[b])) b--;
    if (latin1.decode(bytes.subarray(Math.max(0, b - 4), b + 1)) !== '/Type') continue;
    const objAt = lastIndexOf(bytes, objKeyword, at, DICT_WINDOW);
    if (objAt === -1) {
      broken++;
      continue;
    }
    let d = objAt + 3;
    while (d < bytes.length && isWhite(bytes[d])) d++;
    const dict = readDict(bytes, d);
    if (!dict) {
      broken++;
      continue;
    }
    let s = dict.end;
    while (s < bytes.length && isWhite(bytes[s])) s++;
    if (latin1.decode(bytes.subarray(s, s + 6)) !== 'stream') {
      broken++;
      continue;
    }
    s += 6;
    if (bytes[s] === 0x0d) s++;
    if (bytes[s] === 0x0a) s++;
    const lengthValue = dict.entries.get('Length') ?? '';
    let length: number | null = null;
    const direct = /^(\d+)$/.exec(lengthValue);
    const indirect = /^(\d+)\s+(\d+)\s+R$/.exec(lengthValue);
    if (direct) length = Number(direct[1]);
    else if (indirect) length = indirectInteger(bytes, Number(indirect[1]), Number(indirect[2]));
    if (length === null || s + length > bytes.length) {
      // A wrong or missing length: fall back to the endstream keyword.
      const end = indexOf(bytes, ascii('endstream'), s);
      if (end === -1) {
        broken++;
        continue;
      }
      let e = end;
      if (bytes[e - 1] === 0x0a) e--;
      if (bytes[e - 1] === 0x0d) e--;
      length = e - s;
    }
    const filterValue = dict.entries.get('Filter') ?? '';
    const filters = [...filterValue.matchAll(/\/([A-Za-z0-9]+)/g)].map((m) => m[1]!);
    streams.push({ data: bytes.subarray(s, s + length), filters });
  }
  return { streams, broken };
}

/** The attachment's file name from the file specification, when it is simple to find. */
function attachmentName(bytes: Uint8Array): string | null {
  const at = indexOf(bytes, ascii('/Type /Filespec'));
  if (at === -1) return null;
  const text = latin1.decode(bytes.subarray(at, Math.min(bytes.length, at + 4096)));
  const uf = /\/UF\s*<FEFF([0-9A-Fa-f]*)>/.exec(text);
  if (uf) {
    let s = '';
    for (let i = 0; i + 4 <= uf[1]!.length; i += 4)
      s += String.fromCharCode(Number.parseInt(uf[1]!.slice(i, i + 4), 16));
    return s;
  }
  const f = /\/UF\s*\(((?:\\.|[^\\)])*)\)/.exec(text) ?? /\/F\s*\(((?:\\.|[^\\)])*)\)/.exec(text);
  return f ? f[1]!.replace(/\\(.)/g, '$1') : null;
}

function failure(error: EmbeddedReadError, problems: FileProblem[] = []): EmbeddedReadResult {
  return { ok: false, error, problems };
}

/** Reads the assessment embedded in a FRIA Wizard PDF. */
export async function readEmbeddedAssessment(
  pdf: Uint8Array,
  limits: EmbeddedReadLimits = EMBEDDED_LIMITS,
): Promise<EmbeddedReadResult> {
  if (pdf.length > limits.maxPdfBytes) return failure('tooLarge');
  if (indexOf(pdf, ascii('%PDF-'), 0, 1024) === -1) return failure('notPdf');

  const ours =
    indexOf(pdf, ascii(FRIA_PDF_MARKER)) !== -1 || indexOf(pdf, ascii('(FRIA Wizard')) !== -1;
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048));
  const complete = indexOf(tail, ascii('%%EOF')) !== -1;

  const { streams, broken } = embeddedStreams(pdf);
  let damaged = broken > 0 && ours;
  let problems: FileProblem[] = [];
  for (const c of streams) {
    let data: Uint8Array;
    try {
      if (c.filters.length === 0) data = c.data;
      else if (c.filters.length === 1 && c.filters[0] === 'FlateDecode') {
        data = await inflateZlib(c.data, limits.maxFileBytes);
      } else continue; // Not how FRIA Wizard writes it: someone else's attachment.
    } catch (e) {
      if (e instanceof InflateError && e.reason === 'tooLarge') return failure('tooLarge');
      damaged = true;
      continue;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      continue; // Not text: not ours.
    }
    if (!text.includes('fria-assessment')) continue;
    const parsed = parseAssessmentText(text);
    if (parsed.ok) {
      return { ok: true, assessment: parsed.value, text, fileName: attachmentName(pdf) };
    }
    // Our format, but not readable: a newer format version is reported as such by the core.
    damaged = true;
    problems = parsed.problems;
  }
  if (damaged || (ours && !complete)) return failure('damaged', problems);
  if (!complete) return failure('damaged');
  return failure(ours ? 'damaged' : 'notFria');
}

/** The plain-language text for a read error, in the user's language. */
export function embeddedErrorText(error: EmbeddedReadError, locale: string): string {
  switch (error) {
    case 'notPdf':
      return reportText('embeddedNotPdf', locale);
    case 'notFria':
      return reportText('embeddedNotFria', locale);
    case 'damaged':
      return reportText('embeddedDamaged', locale);
    case 'tooLarge':
      return reportText('embeddedTooLarge', locale, {
        limit: formatSize(EMBEDDED_LIMITS.maxPdfBytes),
      });
  }
}
