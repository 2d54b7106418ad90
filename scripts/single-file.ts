/**
 * The single-file build (`vite build --mode single`): one HTML file that works from file://, with
 * every part of the app stored gzip-compressed in it and unpacked when first needed.
 *
 * Why: a normal build does not run from file:// (Chromium refuses module scripts from origin
 * `null`), and inlining everything as plain JavaScript made a 2 MB file whose every byte the browser
 * had to read and compile before the start screen appeared. Here the build is split into chunks as
 * usual (in CommonJS form, so chunks can be linked without module URLs), and:
 * - each chunk becomes `__friaChunks.d("name", function (require, module, exports, __friaLoad) {…})`;
 *   a dynamic import becomes `__friaLoad("./name.js")`, which unpacks that chunk (and the chunks it
 *   needs) on first use;
 * - the chunks the start screen needs are one gzip payload ("main"), every other chunk its own;
 *   payloads are base64 text in data blocks, `<script type="application/x-fria-gz">`, which the
 *   browser never runs;
 * - one small inline script (the loader, RUNTIME below) decodes a payload, decompresses it with the
 *   browser's DecompressionStream and runs it by inserting an inline <script> with that text.
 *
 * The CSP stays hash-only: scripts/post-build.ts hashes the loader and the decompressed text of
 * every payload (payloadHash), so the browser runs exactly these texts and nothing else; no eval,
 * no blob: or data: scripts. The text reaches the <script> through one Trusted Types policy
 * (CHUNK_POLICY), created by the loader before any app code runs (a policy name can be created once).
 * docs/performance.md has the measurements that led here.
 */
import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown';
import { parseAst, type Plugin } from 'vite';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { CHUNK_POLICY } from './csp.ts';

/** The type of the data blocks that hold compressed parts. */
export const PART_TYPE = 'application/x-fria-gz';
const MAIN = 'main';

export class SingleFileError extends Error {}

const key = (spec: string) => spec.replace(/^\.\//, '');

/**
 * One chunk of the CommonJS build as the text of a `__friaChunks.d(…)` call. Dynamic imports are
 * rewritten to `__friaLoad`; anything else that loads code (another form of require, a native
 * import(), import.meta) is refused, so a change in the bundler's output fails the build instead of
 * breaking the app.
 */
export function wrapChunk(
  name: string,
  code: string,
  imports: readonly string[],
  dynamicImports: readonly string[],
): string {
  const statics = new Set(imports.map((f) => baseName(f)));
  const dynamics = new Set(dynamicImports.map((f) => baseName(f)));
  // Rolldown's CommonJS form of `import("./x.js")`.
  const dynamic =
    /Promise\.resolve\(\)\.then\(\(\)\s*=>\s*require\(\s*(["'`])(\.\/[^"'`]+)\1\s*\)\)/g;
  const out = code.replace(dynamic, (_m, _q: string, spec: string) => {
    if (!dynamics.has(key(spec)))
      throw new SingleFileError(`${name}: dynamic import of ${spec} is not in its chunk graph`);
    return `__friaLoad(${JSON.stringify(spec)})`;
  });
  // What is left must be plain references to the chunk's static imports: checked on the syntax
  // tree (comments and strings do not count).
  walk(parseAst(out), (node) => {
    if (node.type === 'ImportExpression' || node.type === 'MetaProperty')
      throw new SingleFileError(`${name}: native import() or import.meta left in a chunk`);
    if (
      node.type === 'CallExpression' &&
      (node.callee as Node).type === 'Identifier' &&
      (node.callee as Node).name === 'require'
    ) {
      const args = node.arguments as Node[];
      const spec = args.length === 1 ? literalString(args[0]!) : null;
      if (spec === null || !spec.startsWith('./'))
        throw new SingleFileError(`${name}: a require() that is not a plain chunk reference`);
      if (!statics.has(key(spec)))
        throw new SingleFileError(`${name}: require of ${spec} is not one of its static imports`);
    }
  });
  return `__friaChunks.d(${JSON.stringify(name)},function(require,module,exports,__friaLoad){"use strict";\n${out}\n});\n`;
}

interface Node {
  type: string;
  [k: string]: unknown;
}

/** A string literal's value ('…', "…" or a template without substitutions), else null. */
function literalString(n: Node): string | null {
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && (n.expressions as unknown[]).length === 0) {
    const q = (n.quasis as { value: { cooked: string } }[])[0];
    return q ? q.value.cooked : null;
  }
  return null;
}

function walk(root: unknown, visit: (n: Node) => void): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v && typeof v === 'object') {
      const n = v as Node;
      if (typeof n.type === 'string') visit(n);
      for (const k in n) {
        const c = n[k];
        if (c && typeof c === 'object') stack.push(c);
      }
    }
  }
}

const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);

/** The base64 payload of a data block: gzip at level 9 of the script text. */
export function packPayload(text: string): string {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).toString('base64');
}

/** The script text a payload turns into in the browser. */
export function unpackPayload(base64: string): string {
  return gunzipSync(Buffer.from(base64.trim(), 'base64')).toString('utf8');
}

/**
 * The CSP hash source of the script a payload becomes. The text is set as the script's text by the
 * loader (not parsed from HTML), so no newline normalisation applies.
 */
export function payloadHash(base64: string): string {
  const text = unpackPayload(base64);
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Whether the attributes of a <script> mark it as a compressed part (a data block). */
export function isPart(attrs: string): boolean {
  return new RegExp(`\\stype\\s*=\\s*["']?${PART_TYPE.replace(/[/.+-]/g, '\\$&')}["'\\s>]`).test(
    `${attrs} `,
  );
}

/**
 * The loader. Speed (measured, docs/performance.md): Uint8Array.fromBase64 where the browser has it
 * (20× faster than atob and a loop), and one write into a DecompressionStream read back as a
 * Response (3–4× faster than piping a Blob's stream through it). Placeholders: __DEPS__ (static chunk dependencies of every lazy chunk), __ENTRY__,
 * __POLICY__. Kept small and dependency-free: it runs before anything else, in every browser that
 * opens the file, and a failure shows a plain message instead of an empty page.
 *
 * A part is read only once the parser is past it. The app asks for parts while the page is still
 * being parsed (a reload on a step loads that screen at once), and the parser puts a script element
 * in the document before all of its text has arrived: read then, a part was cut short, failed to
 * unpack, and the screen never came (seen as a reload that hung, 1 in ~100 under load). The element
 * is complete when anything follows it (every part is followed by a line break) or parsing is done.
 */
const RUNTIME = `(()=>{"use strict";
const deps=__DEPS__,entry=__ENTRY__,TYPE="${PART_TYPE}";
const defs=new Map(),mods=new Map(),loading=new Map();
const tt=window.trustedTypes;
const policy=tt&&tt.createPolicy?tt.createPolicy(__POLICY__,{createScript:s=>s}):{createScript:s=>s};
Object.defineProperty(window,"__friaChunks",{value:Object.freeze({d(n,f){if(!defs.has(n))defs.set(n,f)}})});
const key=s=>s.replace(/^\\.\\//,"");
function req(n){n=key(n);let m=mods.get(n);if(m)return m.exports;const f=defs.get(n);
if(!f)throw new Error("FRIA Wizard: part "+n+" is not loaded");
m={exports:{}};mods.set(n,m);f(req,m,m.exports,load);return m.exports}
const parsed=()=>document.readyState!=="loading"?Promise.resolve():new Promise(r=>document.addEventListener("DOMContentLoaded",r,{once:true}));
function bytes(b){if(Uint8Array.fromBase64)return Uint8Array.fromBase64(b);const s=atob(b),o=new Uint8Array(s.length);for(let i=0;i<s.length;i++)o[i]=s.charCodeAt(i);return o}
function gunzip(u){const d=new DecompressionStream("gzip"),w=d.writable.getWriter(),no=()=>{};w.write(u).catch(no);w.close().catch(no);return new Response(d.readable).text()}
async function unpack(n){let el=document.getElementById("fria:"+n);
if(!el||document.readyState==="loading"&&!el.nextSibling){await parsed();el=document.getElementById("fria:"+n)}
if(!el||el.type!==TYPE)throw new Error("FRIA Wizard: part "+n+" is missing");
const text=await gunzip(bytes(el.textContent.trim()));
el.remove();const s=document.createElement("script");s.textContent=policy.createScript(text);document.head.appendChild(s).remove()}
function fetchPart(n){let p=loading.get(n);if(!p){p=unpack(n).catch(e=>{loading.delete(n);throw e});loading.set(n,p)}return p}
function closure(n,out){if(!out.has(n)){out.add(n);for(const d of deps[n]||[])closure(d,out)}return out}
async function load(n){n=key(n);await Promise.all([...closure(n,new Set())].filter(c=>!defs.has(c)).map(fetchPart));return req(n)}
fetchPart("${MAIN}").then(()=>req(entry)).catch(e=>{console.error(e);const r=document.getElementById("root");
if(r)r.textContent="FRIA Wizard kon niet starten in deze browser. Gebruik een recente versie van Edge, Chrome of Firefox. / FRIA Wizard could not start in this browser. Use a recent version of Edge, Chrome or Firefox."})
})();`;

/** The chunks reachable from `start` through static imports (the start included). */
function staticClosure(start: OutputChunk, byName: Map<string, OutputChunk>): Set<string> {
  const seen = new Set<string>();
  const visit = (c: OutputChunk) => {
    if (seen.has(c.fileName)) return;
    seen.add(c.fileName);
    for (const f of c.imports) {
      const d = byName.get(f);
      if (!d) throw new SingleFileError(`${c.fileName} imports ${f}, which is not a chunk`);
      visit(d);
    }
  };
  visit(start);
  return seen;
}

/** Builds the HTML from the bundle: the page, the CSS inline, the loader, and the parts. */
export function packBundle(bundle: OutputBundle): { html: string; parts: number } {
  const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
  const assets = Object.values(bundle).filter((o): o is OutputAsset => o.type === 'asset');
  const page = assets.find((a) => a.fileName === 'index.html');
  if (!page) throw new SingleFileError('no index.html in the bundle');
  const entries = chunks.filter((c) => c.isEntry);
  if (entries.length !== 1)
    throw new SingleFileError(`expected one entry chunk, got ${entries.length}`);
  const entry = entries[0]!;
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const eager = staticClosure(entry, byName);

  const css = assets.filter((a) => a.fileName.endsWith('.css'));
  const others = assets.filter((a) => a !== page && !a.fileName.endsWith('.css'));
  if (others.length)
    throw new SingleFileError(
      `files the single file cannot carry: ${others.map((a) => a.fileName).join(', ')}`,
    );

  const wrapped = (c: OutputChunk) =>
    wrapChunk(baseName(c.fileName), c.code, c.imports, c.dynamicImports);
  const main = chunks
    .filter((c) => eager.has(c.fileName))
    .map(wrapped)
    .join('');
  const lazy = chunks.filter((c) => !eager.has(c.fileName));
  const deps: Record<string, string[]> = {};
  for (const c of lazy) deps[baseName(c.fileName)] = c.imports.map(baseName);

  const block = (name: string, text: string) =>
    `<script type="${PART_TYPE}" id="fria:${name}">${packPayload(text)}</script>`;
  const runtime = RUNTIME.replace('__DEPS__', JSON.stringify(deps))
    .replace('__ENTRY__', JSON.stringify(baseName(entry.fileName)))
    .replace('__POLICY__', JSON.stringify(CHUNK_POLICY));
  const style = css.map((a) => `<style>${String(a.source)}</style>`).join('\n');

  let html = String(page.source)
    // Vite's own references to the files this page no longer has.
    .replace(/\s*<script\b[^>]*\bsrc="[^"]*"[^>]*><\/script>/g, '')
    .replace(/\s*<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*>/g, '');
  if (!html.includes('</head>') || !html.includes('</body>'))
    throw new SingleFileError('index.html has no </head> or </body>');
  if (/<script\b[^>]*\bsrc=|<link\b[^>]*rel="(?:stylesheet|modulepreload)"/.test(html))
    throw new SingleFileError('index.html still refers to a file');
  html = html.replace('</head>', () => `${style}\n</head>`);
  // The start screen's part before the loader (it is read at once); the rest after it, parsed
  // while the first part is being unpacked.
  const tail = [
    block(MAIN, main),
    `<script>${runtime}</script>`,
    ...lazy.map((c) => block(baseName(c.fileName), wrapped(c))),
  ].join('\n');
  html = html.replace('</body>', () => `${tail}\n</body>`);
  return { html, parts: 1 + lazy.length };
}

/** The Vite plugin for `--mode single`. */
export function singleFile(): Plugin {
  return {
    name: 'fria-single-file',
    enforce: 'post',
    transform(code, id) {
      // CommonJS output has no import.meta: it would silently become {}. Only Vite's preload
      // helper mentions it, and never reads it with modulePreload off.
      if (
        !id.includes('vite/preload-helper') &&
        /\bimport\.meta\b(?!\.(?:env|glob|hot)\b)/.test(code)
      )
        this.error(`${id} uses import.meta, which the single file cannot provide`);
      return null;
    },
    generateBundle(_options, bundle) {
      const { html, parts } = packBundle(bundle);
      for (const name of Object.keys(bundle)) delete bundle[name];
      this.emitFile({ type: 'asset', fileName: 'index.html', source: html });
      this.info(`single file: ${parts} compressed parts, ${Buffer.byteLength(html)} bytes`);
    },
  };
}
