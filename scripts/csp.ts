/**
 * The Content-Security-Policy of both builds, in one place: post-build.ts writes it into the HTML as a
 * <meta>, vite.config.ts sends the hosted one as HTTP headers from `vite preview`, and dist/_headers
 * carries it for a web server. SECURITY.md explains each directive.
 */

/** Name of the one Trusted Types policy (src/ui/pwa/register.ts): turns './sw.js' into a script URL. */
export const SW_POLICY = 'fria-sw';
/**
 * The single file's one Trusted Types policy (scripts/single-file.ts): its loader turns the
 * decompressed text of a part into the text of an inline <script>, which runs only if its hash is
 * in script-src. Created by the loader before any app code runs; a policy name can be created once.
 */
export const CHUNK_POLICY = 'fria-chunks';

import { START_SCRIPT_HASH } from './start-script.ts';

export type BuildKind = 'hosted' | 'single';

/**
 * The policy for one build. `scriptHashes`/`styleHashes` are the `'sha256-…'` sources of the inline
 * <script>/<style> elements (the single file has them; the hosted build has none).
 */
export function cspDirectives(
  kind: BuildKind,
  scriptHashes: readonly string[] = [],
  styleHashes: readonly string[] = [],
): string[] {
  const hosted = kind === 'hosted';
  const list = (...sources: string[]) => sources.filter(Boolean).join(' ');
  return [
    "default-src 'none'",
    // Hosted: the app's own files and the one inline script that picks the prerendered start
    // screen's language (scripts/start-script.ts). Single file: only the inline scripts whose hashes
    // are listed (that script, the loader and the unpacked text of each compressed part; not even
    // 'self', which under file:// would admit other local files).
    `script-src ${list(...(hosted ? ["'self'", START_SCRIPT_HASH] : []), ...scriptHashes) || "'none'"}`,
    `style-src ${list(hosted ? "'self'" : '', ...styleHashes) || "'none'"}`,
    // Drawn signatures are shown as data: images; blob: for previews of files the user picked.
    `img-src ${list(hosted ? "'self'" : '', 'data:', 'blob:')}`,
    // Hosted: Vite's modulepreload fallback and the service worker's precache fetch the app's own
    // files. The single file fetches nothing.
    `connect-src ${hosted ? "'self'" : "'none'"}`,
    ...(hosted ? ["worker-src 'self'", "manifest-src 'self'"] : []),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    // Trusted Types: no string may reach an HTML or script sink except through one named policy:
    // the hosted build's for its service worker, the single file's for unpacking its parts.
    "require-trusted-types-for 'script'",
    `trusted-types ${hosted ? SW_POLICY : CHUNK_POLICY}`,
  ];
}

export function cspFor(
  kind: BuildKind,
  scriptHashes: readonly string[] = [],
  styleHashes: readonly string[] = [],
): string {
  return cspDirectives(kind, scriptHashes, styleHashes).join('; ');
}

/**
 * What a web server should send with the hosted build. A <meta> CSP cannot carry `frame-ancestors`
 * (nor report anything), so the header adds it; the other headers close doors a meta cannot.
 */
export function hostedHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': `${cspFor('hosted')}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), payment=()',
  };
}
