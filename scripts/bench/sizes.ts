/**
 * Byte sizes of the built app, shared by `npm run bench` and the size-budget test
 * (tests/e2e/size.test.ts). Sizes are bytes; "gz" is gzip at level 9, what a web server's static
 * compression sends. Budgets are decimal: 1 MB = 1,000,000 bytes, 1 KB = 1,000 bytes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The single HTML file, fonts included, at most 1 MB. */
export const SINGLE_FILE_BUDGET = 1_000_000;
/** The target for the JavaScript the start screen needs (hosted build): at most 100 KB gzipped. */
export const FIRST_SCREEN_JS_GZ_TARGET = 100_000;
/**
 * What CI holds it to (tests/e2e/size.test.ts): today's size with a little room, as a ratchet, so
 * it cannot grow unnoticed while it is above the target (docs/performance.md).
 */
export const FIRST_SCREEN_JS_GZ_BUDGET = 110_000;

export const SINGLE_FILE = 'dist-single/fria-wizard.html';
export const HOSTED_DIR = 'dist';

export interface Sized {
  file: string;
  raw: number;
  gz: number;
}

export function gzSize(bytes: Buffer | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}

export function sizeOf(path: string, label = path): Sized {
  const bytes = readFileSync(path);
  return { file: label, raw: bytes.length, gz: gzSize(bytes) };
}

/**
 * The static imports of one built ES module: `import{…}from"./x.js"`, `import"./x.js"` and
 * `export{…}from"./x.js"`. Dynamic `import("./x.js")` is not matched (a parenthesis follows
 * `import`), nor are the file lists Vite keeps for preloading (plain strings).
 */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  const re = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const m of code.matchAll(re)) out.add(m[1]!);
  return [...out];
}

/**
 * The JavaScript the hosted build's start screen loads: the entry module(s) named by
 * dist/index.html and, transitively, everything they import statically. Lazy chunks (reached only
 * through `import()`) are excluded.
 */
export function firstScreenJs(distDir = HOSTED_DIR): { files: Sized[]; raw: number; gz: number } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map(
    (m) => posix.normalize(m[1]!.replace(/^\.\//, '')),
  );
  if (entries.length === 0) throw new Error(`${distDir}/index.html has no module script`);
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const rel = queue.shift()!;
    if (seen.has(rel)) continue;
    seen.add(rel);
    const code = readFileSync(join(distDir, rel), 'utf8');
    for (const spec of staticImports(code)) {
      queue.push(posix.normalize(posix.join(posix.dirname(rel), spec)));
    }
  }
  const files = [...seen].map((rel) => sizeOf(join(distDir, rel), rel));
  return {
    files,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gz: files.reduce((s, f) => s + f.gz, 0),
  };
}

/** Every JS and CSS file of the hosted build. */
export function hostedAssets(distDir = HOSTED_DIR): Sized[] {
  const dir = join(distDir, 'assets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => sizeOf(join(dir, f), `assets/${f}`))
    .sort((a, b) => b.gz - a.gz);
}
