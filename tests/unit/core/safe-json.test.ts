import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPath, parseJsonSafely, problemText } from '../../../src/core/files/safe-json';

const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('parseJsonSafely', () => {
  it('gives back exactly what JSON.parse gives for ordinary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const text = JSON.stringify(v);
        fc.pre(!/"(__proto__|constructor|prototype)"/.test(text));
        const r = parseJsonSafely(text);
        expect(r).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any text, and a refusal is one explained problem for the whole file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        const r = parseJsonSafely(text);
        if (!r.ok) {
          expect(r.problems).toHaveLength(1);
          expect(r.problems[0]!.path).toBe('');
          expect(['notJson', 'tooDeep', 'tooLarge']).toContain(r.problems[0]!.code);
          expect(problemText(r.problems[0]!, 'nl').length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('allows 64 levels of nesting and refuses 65, before parsing', () => {
    expect(parseJsonSafely(nest(64)).ok).toBe(true);
    const r = parseJsonSafely(nest(65));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: 'tooDeep', params: { limit: 64 } });
    // A hostile file far deeper than any stack is refused the same way, without a crash.
    expect(parseJsonSafely(nest(1_000_000)).ok).toBe(false);
  });

  it('does not count brackets inside strings, also after escaped quotes', () => {
    const inString = JSON.stringify({
      a: '[[[[{{{{'.repeat(50),
      b: 'say \\"[[[[ "' + '['.repeat(80),
    });
    expect(parseJsonSafely(inString).ok).toBe(true);
  });

  it('refuses text longer than the limit, saying both sizes', () => {
    const r = parseJsonSafely('"' + 'x'.repeat(3000) + '"', { maxBytes: 2048, maxDepth: 64 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]!.code).toBe('tooLarge');
      expect(r.problems[0]!.message).toBe('The file is too large (3 KB); the limit is 2 KB.');
    }
  });

  it('drops __proto__, constructor and prototype keys at any depth; nothing is polluted', () => {
    const text =
      '{"__proto__":{"polluted":1},"a":{"constructor":{"prototype":{"polluted":2}},"b":[{"__proto__":{"x":1},"c":3}]},"prototype":4}';
    const r = parseJsonSafely(text);
    expect(r).toEqual({ ok: true, value: { a: { b: [{ c: 3 }] } } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    if (r.ok) {
      const v = r.value as { a: { b: object[] } };
      expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(v.a.b[0])).toBe(Object.prototype);
    }
  });

  it('accepts a leading byte-order mark', () => {
    expect(parseJsonSafely('\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('bad JSON says so in both languages', () => {
    const r = parseJsonSafely("{'a': 1}");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]!.code).toBe('notJson');
      expect(problemText(r.problems[0]!, 'en')).toMatch(/^The file is not valid JSON: .+/);
      expect(problemText(r.problems[0]!, 'nl')).toMatch(/^Het bestand is geen geldige JSON: .+/);
    }
  });
});

describe('formatPath', () => {
  it('writes zod paths as JSON paths', () => {
    expect(formatPath(['sections', 2, 'questions', 0, 'label', 'nl'])).toBe(
      'sections[2].questions[0].label.nl',
    );
    expect(formatPath([])).toBe('');
    expect(formatPath([0, 'a'])).toBe('[0].a');
  });
});
