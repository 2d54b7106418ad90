/**
 * Mutation fuzzing helpers: fast-check generators of edits to a JSON tree (structure-aware) and to
 * text or bytes (structure-blind), applied to a valid file, plus the checks every rejection must
 * pass (a code, a path, and a text in both languages without unfilled placeholders).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { problemText, type FileProblem } from '../../../src/core/files/safe-json';
import { formatMessage } from '../../../src/core/texts/messages';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Strings an attacker or a careless editor would put anywhere. */
export const nastyStrings = [
  '',
  ' ',
  '<script>window.__xss(1)</script>',
  '"><img src=x onerror=window.__xss(2)>',
  'javascript:window.__xss(3)',
  '__proto__',
  'constructor',
  'prototype',
  '\u202E\u0000\uFFFF\uD800',
  '{{count}} {0} %s ${x}',
  'x'.repeat(25_000),
  '1e400',
  '-0',
  'NaN',
];

const leafArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, [], {}),
  fc.constantFrom(...nastyStrings),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, nasty leaves included. */
export const jsonArb: fc.Arbitrary<Json> = fc.oneof(
  { maxDepth: 3 },
  leafArb,
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'x'), leafArb, {
    maxKeys: 3,
  }),
);

export type Edit =
  | { op: 'delete'; at: number }
  | { op: 'set'; at: number; value: Json }
  | { op: 'addKey'; at: number; key: string; value: Json }
  | { op: 'duplicate'; at: number }
  | { op: 'wrap'; at: number }
  | { op: 'emptyContainer'; at: number };

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: jsonArb }),
  fc.record({
    op: fc.constant('addKey' as const),
    at: fc.nat(),
    key: fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'unknownField', 'id', 'type'),
      fc.string({ maxLength: 12 }),
    ),
    value: jsonArb,
  }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('wrap' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('emptyContainer' as const), at: fc.nat() }),
);

type Slot = { parent: Json[] | { [k: string]: Json }; key: string | number };

/** Every place in the tree that holds a value (not the root). */
function slots(root: Json): Slot[] {
  const out: Slot[] = [];
  const walk = (v: Json) => {
    if (Array.isArray(v)) {
      v.forEach((c, i) => {
        out.push({ parent: v, key: i });
        walk(c);
      });
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        out.push({ parent: v, key: k });
        walk(v[k]!);
      }
    }
  };
  walk(root);
  return out;
}

/** Applies the edits to a deep copy of `base`. Keys such as "__proto__" are set as own properties, as JSON.parse would. */
export function applyEdits(base: Json, edits: readonly Edit[]): Json {
  const root = structuredClone(base);
  for (const e of edits) {
    const all = slots(root);
    if (all.length === 0) break;
    const s = all[e.at % all.length]!;
    const p = s.parent as Record<string | number, Json>;
    const current = p[s.key]!;
    switch (e.op) {
      case 'delete':
        if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
        else delete p[s.key];
        break;
      case 'set':
        define(p, s.key, structuredClone(e.value));
        break;
      case 'addKey':
        if (current !== null && typeof current === 'object' && !Array.isArray(current))
          define(current, e.key, structuredClone(e.value));
        else define(p, s.key, { [e.key]: structuredClone(e.value) });
        break;
      case 'duplicate':
        if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 0, structuredClone(current));
        break;
      case 'wrap':
        define(p, s.key, [current]);
        break;
      case 'emptyContainer':
        if (Array.isArray(current)) current.length = 0;
        else if (current !== null && typeof current === 'object')
          for (const k of Object.keys(current)) delete current[k];
        break;
    }
  }
  return root;
}

function define(o: Record<string | number, Json>, key: string | number, value: Json): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Structure-blind edits of a text: cut, insert, delete, duplicate a span. */
export type TextEdit =
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'remove'; at: number; length: number }
  | { op: 'repeat'; at: number; length: number; times: number };

export const textEditArb: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('{', '}', '[', ']', '"', '\\', ',', ':', '\\u0000', '\uFEFF', '[[[[[[[['),
    ),
  }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat(), length: fc.nat({ max: 50 }) }),
  fc.record({
    op: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.nat({ max: 30 }),
    times: fc.integer({ min: 2, max: 20 }),
  }),
);

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length === 0 ? 0 : e.at % (t.length + 1);
    switch (e.op) {
      case 'truncate':
        t = t.slice(0, at);
        break;
      case 'insert':
        t = t.slice(0, at) + e.text + t.slice(at);
        break;
      case 'remove':
        t = t.slice(0, at) + t.slice(at + e.length);
        break;
      case 'repeat':
        t = t.slice(0, at) + t.slice(at, at + e.length).repeat(e.times) + t.slice(at + e.length);
        break;
    }
  }
  return t;
}

/** Structure-blind edits of bytes (for PDFs and certificates). */
export type ByteEdit =
  | { op: 'flip'; at: number; mask: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'remove'; at: number; length: number }
  | { op: 'splice'; from: number; to: number; length: number };

export const byteEditArb = (inserts: readonly string[] = []): fc.Arbitrary<ByteEdit> =>
  fc.oneof(
    {
      arbitrary: fc.record({
        op: fc.constant('flip' as const),
        at: fc.nat(),
        mask: fc.integer({ min: 1, max: 255 }),
      }),
      weight: 4,
    },
    { arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }), weight: 1 },
    {
      arbitrary: fc.record({
        op: fc.constant('insert' as const),
        at: fc.nat(),
        bytes: fc.oneof(
          fc.uint8Array({ maxLength: 16 }),
          ...(inserts.length
            ? [
                fc
                  .constantFrom(...inserts)
                  .map((s) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff)),
              ]
            : []),
        ),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        op: fc.constant('remove' as const),
        at: fc.nat(),
        length: fc.nat({ max: 200 }),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        op: fc.constant('splice' as const),
        from: fc.nat(),
        to: fc.nat(),
        length: fc.nat({ max: 400 }),
      }),
      weight: 1,
    },
  );

export function applyByteEdits(bytes: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  let b = bytes.slice();
  const cat = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  };
  for (const e of edits) {
    const n = b.length;
    switch (e.op) {
      case 'flip':
        if (n) b[e.at % n] = b[e.at % n]! ^ e.mask;
        break;
      case 'truncate':
        b = b.slice(0, n ? e.at % n : 0);
        break;
      case 'insert': {
        const at = e.at % (n + 1);
        b = cat(b.subarray(0, at), e.bytes, b.subarray(at));
        break;
      }
      case 'remove': {
        const at = n ? e.at % n : 0;
        b = cat(b.subarray(0, at), b.subarray(at + e.length));
        break;
      }
      case 'splice': {
        // Copy a span of the file elsewhere in it (duplicated objects, repeated keywords).
        if (!n) break;
        const from = e.from % n;
        const to = e.to % (n + 1);
        b = cat(b.subarray(0, to), b.subarray(from, from + e.length), b.subarray(to));
        break;
      }
    }
  }
  return b;
}

/** A rejection explains itself: a code, a path, and a real sentence in Dutch and English. */
export function expectExplained(problems: readonly FileProblem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(typeof p.code).toBe('string');
    expect(typeof p.path).toBe('string');
    for (const locale of ['nl', 'en']) {
      // Every {placeholder} of the template has a value (the text itself may quote user data).
      const template = formatMessage(p.code, {}, locale);
      expect(template, `no ${locale} text for ${p.code}`).not.toBe('');
      for (const m of template.matchAll(/\{(\w+)\}/g))
        expect(p.params, `${p.code} lacks {${m[1]}}`).toHaveProperty(m[1]!);
      expect(problemText(p, locale).trim().length).toBeGreaterThan(5);
    }
  }
}

/** Nothing reached Object.prototype (or Array.prototype) through a hostile key. */
export function expectNoPollution(): void {
  const probe: Record<string, unknown> = {};
  for (const k of ['polluted', 'isAdmin', 'x', 'id', 'type', 'unknownField']) {
    expect(probe[k]).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>)[k]).toBeUndefined();
  }
  expect(Object.keys(Object.prototype)).toEqual([]);
}
