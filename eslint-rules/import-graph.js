/**
 * The graph of this repository's own imports (relative paths only), for the cycle rule. Each file
 * is read once per process; imports are found in the text (static `import … from`, `export … from`,
 * `import '…'` and dynamic `import('…')`), which is enough for our own code and needs no parser.
 * Type-only imports (`import type`, `export type`) are left out: they vanish at build time and
 * cannot make modules wait on each other.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];
const IMPORT =
  /(?:^|[;\s])(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

const cache = new Map();

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  if (/\.(ts|tsx)$/.test(base) && existsSync(base)) return base;
  for (const ext of EXTENSIONS) {
    const p = base + ext;
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return null;
}

/** The files this file imports (absolute paths), without type-only imports. */
export function importsOf(file) {
  const hit = cache.get(file);
  if (hit) return hit;
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Not readable: no edges.
  }
  // Comments could hold example imports.
  text = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const out = [];
  for (const m of text.matchAll(IMPORT)) {
    if (m[1]) continue;
    const spec = m[2] ?? m[3];
    const target = spec ? resolveImport(file, spec) : null;
    if (target) out.push(target);
  }
  cache.set(file, out);
  return out;
}

/** A shortest cycle that leads from `file` back to it, as a list of files, or null. */
export function cycleThrough(file) {
  const start = resolve(file);
  const seen = new Set([start]);
  let layer = importsOf(start).map((f) => [f]);
  while (layer.length) {
    const next = [];
    for (const path of layer) {
      const last = path[path.length - 1];
      if (last === start) return [start, ...path];
      if (seen.has(last)) continue;
      seen.add(last);
      for (const t of importsOf(last)) next.push([...path, t]);
    }
    layer = next;
  }
  return null;
}
