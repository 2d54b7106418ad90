/**
 * The single file's packing (scripts/single-file.ts): chunks are linked by name, dynamic imports
 * become on-demand unpacking, and any other way of loading code fails the build instead of the app.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  isPart,
  packPayload,
  payloadHash,
  SingleFileError,
  unpackPayload,
  wrapChunk,
} from '../../scripts/single-file';

describe('wrapChunk', () => {
  it('registers the chunk by name and turns dynamic imports into on-demand loads', () => {
    const code =
      'const e=require("./a-1.js");var x=()=>Promise.resolve().then(()=>require("./b-2.js"));exports.x=x;';
    const out = wrapChunk('c-3.js', code, ['assets/a-1.js'], ['assets/b-2.js']);
    expect(
      out.startsWith('__friaChunks.d("c-3.js",function(require,module,exports,__friaLoad){'),
    ).toBe(true);
    expect(out).toContain('const e=require("./a-1.js")');
    expect(out).toContain('var x=()=>__friaLoad("./b-2.js")');
    expect(out).not.toContain('Promise.resolve().then');
  });

  it('refuses what it cannot link: unknown chunks, computed requires, native import(), import.meta', () => {
    expect(() => wrapChunk('c.js', 'require("./other.js")', [], [])).toThrow(SingleFileError);
    expect(() => wrapChunk('c.js', 'require(name)', [], [])).toThrow(SingleFileError);
    expect(() =>
      wrapChunk('c.js', 'Promise.resolve().then(()=>require("./d.js"))', [], []),
    ).toThrow(SingleFileError);
    expect(() => wrapChunk('c.js', 'import("./d.js")', [], ['assets/d.js'])).toThrow(
      SingleFileError,
    );
    expect(() => wrapChunk('c.js', 'new URL("x", import.meta.url)', [], [])).toThrow(
      SingleFileError,
    );
  });
});

describe('payloads', () => {
  it('round-trip, and the CSP hash is that of the exact unpacked text', () => {
    const text = '__friaChunks.d("x.js",function(){"use strict";\nlet s="zażółć ωμέγα";\n});\n';
    const b64 = packPayload(text);
    expect(b64).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(unpackPayload(b64)).toBe(text);
    const expected = createHash('sha256').update(text, 'utf8').digest('base64');
    expect(payloadHash(b64)).toBe(`'sha256-${expected}'`);
  });

  it('recognises the data blocks by their type only', () => {
    expect(isPart(' type="application/x-fria-gz" id="fria:main"')).toBe(true);
    expect(isPart(" id='x' type='application/x-fria-gz'")).toBe(true);
    expect(isPart(' type="module"')).toBe(false);
    expect(isPart(' type="application/x-fria-gzip"')).toBe(false);
    expect(isPart('')).toBe(false);
  });
});
