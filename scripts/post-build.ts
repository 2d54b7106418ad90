/**
 * After `vite build`: writes the Content-Security-Policy into both HTML files. Inline scripts and
 * styles (the single file has them) are allowed by their SHA-256 hash, never by 'unsafe-inline'.
 * Renames the single file to fria-wizard.html.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

function hashes(html: string, tag: 'script' | 'style'): string[] {
  const re = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g');
  const out: string[] = [];
  for (const m of html.matchAll(re)) {
    const body = m[1] ?? '';
    if (body.trim() === '') continue;
    out.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return out;
}

export function cspFor(html: string): string {
  const scripts = hashes(html, 'script');
  const styles = hashes(html, 'style');
  return [
    "default-src 'none'",
    `script-src 'self' ${scripts.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}`.trim(),
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' data: blob:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function inject(file: string): void {
  const html = readFileSync(file, 'utf8');
  const csp = cspFor(html);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}" />`;
  const out = html.replace(/<meta charset="UTF-8" \/>/i, (m) => `${m}\n    ${meta}`);
  if (out === html) throw new Error(`post-build: no <meta charset> in ${file}`);
  writeFileSync(file, out);
}

inject('dist/index.html');
if (existsSync('dist-single/index.html'))
  renameSync('dist-single/index.html', 'dist-single/fria-wizard.html');
inject('dist-single/fria-wizard.html');
console.log('post-build: CSP written to dist/index.html and dist-single/fria-wizard.html');
