/**
 * Licences of everything the app ships: the production dependency tree (package.json "dependencies",
 * followed through node_modules), plus the few development packages whose bytes end up in the build
 * (EMBEDDED below). Writes src/ui/about/licences.json, which the About screen shows.
 *
 *   tsx scripts/licences.ts           write the JSON
 *   tsx scripts/licences.ts --check   fail if a licence is not on the allow-list, or the committed
 *                                     JSON is out of date (run without --check and commit it)
 *
 * The allow-list holds licences that let a Dutch public body publish the app under EUPL-1.2:
 * permissive licences (MIT, BSD, ISC, Apache-2.0, Zlib, …) and MPL-2.0, which the EUPL's
 * compatibility appendix names. An SPDX "A OR B" passes when one side is allowed, "A AND B" when both are.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ALLOWED = new Set([
  'MIT',
  'ISC',
  '0BSD',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  'Zlib',
  'CC0-1.0',
  'Unlicense',
  'BlueOak-1.0.0',
  'MPL-2.0',
  'EUPL-1.2',
  // The DejaVu font (embedded in PDFs): Bitstream Vera licence, changes in the public domain.
  'Bitstream-Vera',
]);

/**
 * Development packages whose files are part of the build, and why (a key the About screen translates):
 * `font`: a subset of DejaVu Sans is embedded for the PDF report; `serviceWorker`: inlined in the
 * hosted build's service worker.
 */
const EMBEDDED: Record<string, 'font' | 'serviceWorker'> = {
  'dejavu-fonts-ttf': 'font',
  'workbox-core': 'serviceWorker',
  'workbox-precaching': 'serviceWorker',
  'workbox-routing': 'serviceWorker',
  'workbox-strategies': 'serviceWorker',
};

/**
 * Packages whose package.json does not state an SPDX expression, with what their licence file says.
 * Each was read by hand; the check fails if the version changes, so it is read again.
 */
const DECLARED: Record<string, { version: string; licence: string; note: string }> = {
  'dejavu-fonts-ttf': {
    version: '2.37.3',
    licence: 'Bitstream-Vera',
    note: 'LICENSE: Bitstream Vera fonts licence; DejaVu changes public domain; Arev glyphs under the same terms',
  },
};

export interface PackageLicence {
  name: string;
  version: string;
  licence: string;
  /** Copyright lines from the package's licence file (for attribution); empty if none were found. */
  copyright: string[];
  repository: string | null;
  /** 'runtime' for the dependency tree; else why a development package is part of the build. */
  via: 'runtime' | 'font' | 'serviceWorker';
}

export interface LicenceReport {
  note: string;
  packages: PackageLicence[];
}

interface PackageJson {
  name: string;
  version: string;
  license?: string | { type?: string };
  licenses?: { type?: string }[];
  repository?: string | { url?: string };
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Does an SPDX expression pass the allow-list? Unknown words (e.g. "SEE LICENSE IN …") do not. */
export function allowed(expr: string, allow: ReadonlySet<string> = ALLOWED): boolean {
  const tokens = expr.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  // expr := term (OR term)* ; term := factor (AND factor)* ; factor := id | ( expr )
  const parseExpr = (): boolean => {
    let v = parseTerm();
    while (tokens[i]?.toUpperCase() === 'OR') {
      i++;
      const r = parseTerm();
      v = v || r;
    }
    return v;
  };
  const parseTerm = (): boolean => {
    let v = parseFactor();
    while (tokens[i]?.toUpperCase() === 'AND') {
      i++;
      const r = parseFactor();
      v = v && r;
    }
    return v;
  };
  const parseFactor = (): boolean => {
    const t = tokens[i++];
    if (t === undefined) return false;
    if (t === '(') {
      const v = parseExpr();
      if (tokens[i] === ')') i++;
      return v;
    }
    // Words of a free-text clause ("SEE LICENSE IN FILE") are swallowed and fail.
    if (!allow.has(t)) {
      while (i < tokens.length && !/^(OR|AND|\))$/i.test(tokens[i]!)) i++;
      return false;
    }
    return true;
  };
  const v = parseExpr();
  return v && i === tokens.length;
}

function licenceOf(pkg: PackageJson): string {
  const declared = DECLARED[pkg.name];
  if (declared) {
    if (declared.version !== pkg.version)
      return `UNREVIEWED (${pkg.name} is now ${pkg.version}; read its licence again and update DECLARED)`;
    return declared.licence;
  }
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  if (pkg.licenses?.length) return pkg.licenses.map((l) => l.type ?? '?').join(' OR ');
  return 'UNKNOWN';
}

/** Copyright lines of the package's licence file, for attribution on the About screen. */
export function copyrightLines(text: string): string[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const out: string[] = [];
  for (let i = 0; i < lines.length && out.length < 4; i++) {
    const l = lines[i]!;
    // "Copyright" alone on a line, followed by "(c) …" lines (jsPDF).
    if (/^copyright$/i.test(l)) {
      for (let j = i + 1; j < lines.length && /^(\(c\)|©)/i.test(lines[j]!); j++)
        out.push(lines[j]!);
      continue;
    }
    if (!/^(copyright\b|\(c\)|©)/i.test(l)) continue;
    if (/copyright (notice|owner|holder|and|law|statement)|licen[cs]e|permission/i.test(l))
      continue;
    if (/^copyright\s*(\(c\)|©)?\s*(<year>|\[yyyy\]|\{yyyy\}|yyyy)/i.test(l)) continue;
    // "(c) You must retain…" is clause (c) of the Apache licence, not a notice: require a year.
    if (/^(\(c\)|©)/i.test(l) && !/\b(19|20)\d\d\b/.test(l)) continue;
    out.push(l.length > 200 ? `${l.slice(0, 199)}…` : l);
  }
  return [...new Set(out)];
}

function licenceFileText(dir: string): string {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying|notice)(\.|-|$)/i.test(f));
  return file ? readFileSync(join(dir, file), 'utf8') : '';
}

function repositoryOf(pkg: PackageJson): string | null {
  const r = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!r) return null;
  return r
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/^ssh:\/\/git@/, 'https://')
    .replace(/^git@([^:]+):/, 'https://$1/')
    .replace(/^git:\/\//, 'https://')
    .replace(/^github:/, 'https://github.com/')
    .replace(/^([\w.-]+\/[\w.-]+)$/, 'https://github.com/$1');
}

/** node's lookup: node_modules/<name> in `from`, then in each parent folder. */
function findPackage(name: string, from: string): string | null {
  let d = from;
  for (;;) {
    const p = join(d, 'node_modules', name, 'package.json');
    if (existsSync(p)) return p;
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
}

/** The production dependency tree plus the embedded development packages, sorted by name. */
export function collect(root: string): LicenceReport {
  const found = new Map<string, PackageLicence>();
  const missing: string[] = [];
  const visit = (name: string, from: string, via: PackageLicence['via'], optional: boolean) => {
    const p = findPackage(name, from);
    if (!p) {
      // An optional dependency for another platform is not installed, and not shipped.
      if (!optional) missing.push(name);
      return;
    }
    const pkg = JSON.parse(readFileSync(p, 'utf8')) as PackageJson;
    const key = `${pkg.name}@${pkg.version}`;
    if (found.has(key)) return;
    const dir = dirname(p);
    found.set(key, {
      name: pkg.name,
      version: pkg.version,
      licence: licenceOf(pkg),
      copyright: copyrightLines(licenceFileText(dir)),
      repository: repositoryOf(pkg),
      via,
    });
    for (const d of Object.keys(pkg.dependencies ?? {})) visit(d, dir, via, false);
    for (const d of Object.keys(pkg.optionalDependencies ?? {})) visit(d, dir, via, true);
  };
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
  for (const d of Object.keys(rootPkg.dependencies ?? {})) visit(d, root, 'runtime', false);
  for (const [d, why] of Object.entries(EMBEDDED)) visit(d, root, why, false);
  if (missing.length)
    throw new Error(`not installed: ${missing.join(', ')} (run npm ci before the licence check)`);
  const packages = [...found.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
  return {
    note: 'Generated by scripts/licences.ts from node_modules; do not edit. Run `npm run licences` after changing dependencies.',
    packages,
  };
}

export const OUTPUT = 'src/ui/about/licences.json';

async function main(): Promise<void> {
  const root = process.cwd();
  const report = collect(root);
  const text = `${JSON.stringify(report, null, 2)}\n`;
  const refused = report.packages.filter((p) => !allowed(p.licence));
  if (refused.length) {
    console.error('licences: not on the allow-list (compatible with EUPL-1.2 publication):');
    for (const p of refused) console.error(`  ${p.name}@${p.version}: ${p.licence}`);
    process.exit(1);
  }
  if (process.argv.includes('--check')) {
    // Compared as data, not text: the committed file may be formatted by Prettier.
    const current = existsSync(join(root, OUTPUT)) ? readFileSync(join(root, OUTPUT), 'utf8') : '';
    if (current === '' || JSON.stringify(JSON.parse(current)) !== JSON.stringify(report)) {
      console.error(`licences: ${OUTPUT} is out of date. Run \`npm run licences\` and commit it.`);
      process.exit(1);
    }
    console.log(`licences: ${report.packages.length} packages, all on the allow-list`);
    return;
  }
  // Formatted as Prettier would, so `prettier --check .` in `npm run check` passes.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(join(root, OUTPUT))) ?? {};
  writeFileSync(
    join(root, OUTPUT),
    await prettier.format(text, { ...options, filepath: join(root, OUTPUT) }),
  );
  const counts = new Map<string, number>();
  for (const p of report.packages) counts.set(p.licence, (counts.get(p.licence) ?? 0) + 1);
  console.log(
    `licences: ${report.packages.length} packages written to ${OUTPUT}: ${[...counts]
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
