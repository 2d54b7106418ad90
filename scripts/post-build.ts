/**
 * After `vite build` (both modes): checks the HTML of both builds for anything the CSP would have to
 * loosen for (inline event handlers, style attributes, javascript: URLs, files from elsewhere), then
 * writes the Content-Security-Policy into it as a <meta>. Inline scripts and styles (the single file
 * has them) are allowed by their SHA-256 hash, never by 'unsafe-inline'. Also:
 * - renames the single file to fria-wizard.html and checks it registers no service worker;
 * - updates the service worker's precache entry for index.html (its revision was computed before the
 *   meta was added, so without this an update of only the CSP would not reach installed apps);
 * - writes dist/_headers with the same CSP plus `frame-ancestors` as HTTP headers for a web server.
 * Fails the build on anything it does not expect. The policy itself lives in scripts/csp.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cspFor, hostedHeaders, type BuildKind } from './csp';
import { isPart, payloadHash } from './single-file';
import { prerenderStartScreens, type Prerendered } from './prerender';
import { EN_TEMPLATE_ID, START_SCRIPT, START_SCRIPT_HASH } from './start-script';

export class PostBuildError extends Error {}

interface Element {
  tag: 'script' | 'style';
  attrs: string;
  body: string;
}

/**
 * The raw-text elements of an HTML document, found the way the HTML parser ends them: at the first
 * `</script` or `</style` followed by whitespace, `/` or `>`. The build never writes `<!--` inside a
 * script (that would switch the parser into "escaped" states where this no longer holds): refused.
 */
export function rawTextElements(html: string): { elements: Element[]; markup: string } {
  const elements: Element[] = [];
  let markup = '';
  let i = 0;
  const open = /<(script|style)\b([^>]*)>/gi;
  while (i < html.length) {
    open.lastIndex = i;
    const m = open.exec(html);
    if (!m) {
      markup += html.slice(i);
      break;
    }
    const tag = m[1]!.toLowerCase() as 'script' | 'style';
    const attrs = m[2] ?? '';
    markup += html.slice(i, m.index) + `<${tag}${attrs}>`;
    const start = m.index + m[0].length;
    const close = new RegExp(`</${tag}[\\s/>]`, 'i');
    const rest = html.slice(start);
    const c = close.exec(rest);
    if (!c) throw new PostBuildError(`unclosed <${tag}> at offset ${m.index}`);
    const body = rest.slice(0, c.index);
    if (tag === 'script' && body.includes('<!--')) {
      throw new PostBuildError('a <script> contains "<!--": its end cannot be found reliably');
    }
    elements.push({ tag, attrs, body });
    const end = start + c.index;
    const gt = html.indexOf('>', end);
    if (gt < 0) throw new PostBuildError(`unterminated </${tag}`);
    markup += `</${tag}>`;
    i = gt + 1;
  }
  return { elements, markup };
}

/**
 * The CSP hash source of an inline element's text. The browser hashes the text after the HTML
 * parser's input preprocessing, which turns CR LF and lone CR into LF; NUL would be replaced.
 */
export function hashSource(body: string): string {
  if (body.includes('\0')) throw new PostBuildError('an inline element contains a NUL character');
  const text = body.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Everything in the markup (outside script/style text) that a strict CSP would block or that loads from elsewhere. */
export function markupProblems(markup: string, kind: BuildKind): string[] {
  const problems: string[] = [];
  const tags = markup.match(/<[a-z][^>]*>/gi) ?? [];
  for (const tag of tags) {
    const handler = /\son[a-z]+\s*=/i.exec(tag);
    if (handler) problems.push(`inline event handler in ${tag.slice(0, 80)}`);
    if (/\sstyle\s*=/i.test(tag)) problems.push(`style attribute in ${tag.slice(0, 80)}`);
    for (const a of tag.matchAll(
      /\s(src|href|action|formaction|data|poster)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi,
    )) {
      const value = (a[3] ?? a[4] ?? a[5] ?? '').trim();
      if (/^javascript:/i.test(value)) problems.push(`javascript: URL in ${tag.slice(0, 80)}`);
      else if (/^(https?:)?\/\//i.test(value))
        problems.push(`file from elsewhere (${value}) in ${tag.slice(0, 80)}`);
      else if (kind === 'single' && a[1]!.toLowerCase() === 'src' && !/^data:/i.test(value))
        problems.push(`the single file loads another file (${value})`);
    }
    if (/^<(iframe|object|embed|base|form|frame)\b/i.test(tag))
      problems.push(`unexpected element ${tag.slice(0, 80)}`);
  }
  if (/http-equiv\s*=\s*["']?content-security-policy/i.test(markup))
    problems.push('the HTML already has a CSP <meta>');
  return problems;
}

/** Checks the HTML of one build and returns it with the CSP <meta> as the first element after <meta charset>. */
export function withCsp(html: string, kind: BuildKind): { html: string; csp: string } {
  const { elements, markup } = rawTextElements(html);
  const problems = markupProblems(markup, kind);
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const el of elements) {
    const external = /\ssrc\s*=/i.test(el.attrs);
    if (el.tag === 'script' && external) {
      if (el.body.trim() !== '') problems.push('a <script src> with a body');
      if (kind === 'single') problems.push('the single file has a <script src>');
      continue;
    }
    if (el.body.trim() === '') continue;
    if (el.tag === 'script' && isPart(el.attrs)) {
      // A compressed part of the single file (a data block, never run as it is): the loader runs
      // its decompressed text as an inline script, so that text's hash is what must be allowed.
      if (kind !== 'single') problems.push('a compressed part outside the single file');
      else scripts.push(payloadHash(el.body));
      continue;
    }
    (el.tag === 'script' ? scripts : styles).push(hashSource(el.body));
  }
  // The hosted policy lists the start script's hash itself (it is also sent as an HTTP header,
  // which cannot be computed from the page): that script and no other.
  if (kind === 'hosted' && scripts.join(' ') !== START_SCRIPT_HASH)
    problems.push(
      `the hosted index.html has ${scripts.length} inline script(s); expected only the start script`,
    );
  if (kind === 'single' && scripts.length === 0)
    problems.push('the single file has no inline script');
  if (problems.length) throw new PostBuildError(`${kind} build: ${problems.join('; ')}`);
  const csp = cspFor(kind, kind === 'hosted' ? [] : scripts, styles);
  // The meta must come before any element it governs: straight after <meta charset>.
  const charset = /<meta charset="UTF-8"\s*\/?>/i;
  if (!charset.test(html)) throw new PostBuildError(`${kind} build: no <meta charset="UTF-8">`);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}" />`;
  return { html: html.replace(charset, (m) => `${m}\n    ${meta}`), csp };
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Writes the prerendered start screen into a build's HTML: the Dutch markup in #root (what shows
 * when no script runs), the English in a <template>, and the start script that picks one before any
 * of the app's code runs (scripts/start-script.ts). The app hydrates that markup (src/main.tsx).
 */
export function withPrerender(html: string, pre: Record<'nl' | 'en', Prerendered>): string {
  const root = '<div id="root"></div>';
  if (html.split(root).length !== 2)
    throw new PostBuildError(`expected one empty ${root} in index.html`);
  const title = /<title>[^<]*<\/title>/;
  if (!title.test(html)) throw new PostBuildError('index.html has no <title>');
  for (const p of [pre.nl, pre.en]) {
    if (/<\/?(script|style|template)\b/i.test(p.html))
      throw new PostBuildError('the prerendered start screen contains a script, style or template');
  }
  const block = [
    `<div id="root" data-prerender="nl">${pre.nl.html}</div>`,
    `<template id="${EN_TEMPLATE_ID}" data-title="${escapeAttr(pre.en.title)}">${pre.en.html}</template>`,
    `<script>${START_SCRIPT}</script>`,
  ].join('\n    ');
  return html
    .replace(root, () => block)
    .replace(title, () => `<title>${escapeAttr(pre.nl.title)}</title>`);
}

/** Workbox's revision of a precached file: the MD5 of its bytes (as workbox-build computes it). */
function revision(bytes: Buffer | string): string {
  return createHash('md5').update(bytes).digest('hex');
}

/** Sets the precache revision of `index.html` in the generated worker to the file's final bytes. */
export function updatePrecacheRevision(sw: string, url: string, bytes: Buffer | string): string {
  const esc = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(\\{url:\\s*["']${esc}["'],\\s*revision:\\s*["'])([0-9a-f]+|null)(["'])`);
  if (!re.test(sw)) throw new PostBuildError(`sw.js has no precache entry for ${url}`);
  return sw.replace(re, (_m, a: string, _r: string, c: string) => `${a}${revision(bytes)}${c}`);
}

/** dist/_headers in the format Netlify, Cloudflare Pages and others read; see docs/security.md for nginx/Apache. */
export function headersFile(): string {
  const lines = ['/*'];
  for (const [k, v] of Object.entries(hostedHeaders())) lines.push(`  ${k}: ${v}`);
  lines.push('/sw.js', '  Cache-Control: no-cache', '/index.html', '  Cache-Control: no-cache', '');
  return lines.join('\n');
}

async function run(): Promise<void> {
  const pre = await prerenderStartScreens();
  // Hosted build.
  const hostedFile = 'dist/index.html';
  const hosted = withCsp(withPrerender(readFileSync(hostedFile, 'utf8'), pre), 'hosted');
  writeFileSync(hostedFile, hosted.html);
  const swFile = 'dist/sw.js';
  if (!existsSync(swFile))
    throw new PostBuildError('dist/sw.js is missing: is vite-plugin-pwa on?');
  writeFileSync(
    swFile,
    updatePrecacheRevision(readFileSync(swFile, 'utf8'), 'index.html', hosted.html),
  );
  if (readdirSync('dist').some((f) => /^workbox-.*\.js$/.test(f)))
    throw new PostBuildError(
      'the service worker imports a separate Workbox file; expected it inlined',
    );
  writeFileSync('dist/_headers', headersFile());

  // Single file.
  if (existsSync('dist-single/index.html'))
    renameSync('dist-single/index.html', 'dist-single/fria-wizard.html');
  const singleFile = 'dist-single/fria-wizard.html';
  const extra = readdirSync('dist-single').filter((f) => f !== 'fria-wizard.html');
  if (extra.length)
    throw new PostBuildError(`dist-single has more than one file: ${extra.join(', ')}`);
  const singleHtml = readFileSync(singleFile, 'utf8');
  // `sw.js` as a file name of its own: a chunk such as `objects-BWlIDJsw.js` is not one.
  if (/serviceWorker\s*\.\s*register|(?<![\w-])sw\.js/.test(singleHtml))
    throw new PostBuildError('the single file contains service worker registration code');
  const single = withCsp(withPrerender(singleHtml, pre), 'single');
  writeFileSync(singleFile, single.html);

  console.log(`post-build: CSP written to ${hostedFile} and ${singleFile}; dist/_headers written`);
  console.log(`  hosted: ${hosted.csp}`);
  console.log(`  single: ${single.csp.replace(/'sha256-[^']+'/g, "'sha256-…'")}`);
}

// Run when called as a script (npm run build); importing it (tests) only gives the functions.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
