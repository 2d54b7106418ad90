import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

export const CATALOG_ID = 'virtual:fria-builtin-catalog';
const RESOLVED = `\0${CATALOG_ID}`;

/** What the library shows of a built-in questionnaire without loading and checking it. */
export interface CatalogEntry {
  id: string;
  version: string;
  title: Record<string, string>;
  levels: { id: string; label: Record<string, string>; color: string }[];
  /** The questionnaires it carries answers into (its carryOver targets), when it has any. */
  carryTargets?: string[];
}

/** The entries of questionnaires/<folder>/questionnaire.json, in folder order. */
export function readCatalog(dir = resolve('questionnaires')): {
  entries: CatalogEntry[];
  files: string[];
} {
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(dir, d.name, 'questionnaire.json'))
    .filter((f) => existsSync(f))
    .sort();
  const entries = files.map((f) => {
    const q = JSON.parse(readFileSync(f, 'utf8')) as CatalogEntry & {
      carryOver?: { target: string }[];
    };
    return {
      id: q.id,
      version: q.version,
      title: q.title,
      levels: (q.levels ?? []).map((l) => ({ id: l.id, label: l.label, color: l.color })),
      ...(q.carryOver?.length ? { carryTargets: q.carryOver.map((b) => b.target) } : {}),
    };
  });
  return { entries, files };
}

/**
 * `virtual:fria-builtin-catalog`: the id, version, title and levels of every built-in
 * questionnaire, read from their files at build time (about 1 KB). The library names and ranks its
 * items with it; the questionnaires themselves (tens of KB each, checked on load) load only when an
 * assessment is opened or moved to a newer version. tests/unit/builtin-catalog.test.ts holds it
 * equal to the checked questionnaires.
 */
export function builtinCatalog(): Plugin {
  return {
    name: 'fria-builtin-catalog',
    resolveId: (id) => (id === CATALOG_ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const { entries, files } = readCatalog();
      for (const f of files) this.addWatchFile(f);
      return `export default ${JSON.stringify(entries)};\n`;
    },
  };
}
