/**
 * Which source modules end up in which chunk of the hosted build: a second, in-memory build with the
 * same configuration (nothing is written), for naming the lazy chunks in the size table (PDF, font,
 * signing, verification, questionnaires). The files of the real build have the same names.
 */
import { build, type Plugin } from 'vite';
import { gzSize } from './sizes';

export interface ChunkInfo {
  file: string;
  raw: number;
  gz: number;
  isEntry: boolean;
  isDynamicEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  /** Modules by rendered size, largest first (paths relative to the project, node_modules/ shortened). */
  modules: { id: string; bytes: number }[];
}

const short = (id: string) =>
  id
    .replace(/^\0/, '')
    .replace(/.*\/node_modules\//, 'npm:')
    .replace(`${process.cwd()}/`, '');

export async function analyzeHosted(): Promise<ChunkInfo[]> {
  const chunks: ChunkInfo[] = [];
  const collect: Plugin = {
    name: 'fria-bench-collect',
    generateBundle(_options, bundle) {
      for (const c of Object.values(bundle)) {
        if (c.type !== 'chunk') continue;
        chunks.push({
          file: c.fileName,
          raw: Buffer.byteLength(c.code),
          gz: gzSize(c.code),
          isEntry: c.isEntry,
          isDynamicEntry: c.isDynamicEntry,
          imports: c.imports,
          dynamicImports: c.dynamicImports,
          modules: Object.entries(c.modules)
            .map(([id, m]) => ({ id: short(id), bytes: m.renderedLength }))
            .sort((a, b) => b.bytes - a.bytes),
        });
      }
    },
  };
  await build({
    configFile: 'vite.config.ts',
    mode: 'production',
    logLevel: 'silent',
    build: { write: false, outDir: 'bench-results/.analyze' },
    plugins: [collect],
  });
  return chunks;
}

export type LazyKind =
  'pdf' | 'font' | 'signing' | 'verification' | 'questionnaires' | 'screens' | 'texts' | 'other';

/** What a lazy chunk is mostly for, by its largest module. */
export function kindOf(c: ChunkInfo): LazyKind {
  const has = (re: RegExp) => c.modules.some((m) => re.test(m.id));
  const top = c.modules[0]?.id ?? '';
  if (/questionnaires\/.*questionnaire\.json/.test(top)) return 'questionnaires';
  if (/src\/pdf\/fonts\//.test(top)) return 'font';
  if (has(/npm:jspdf|src\/pdf\/render/)) return 'pdf';
  if (has(/src\/signing\/verify|src\/ui\/verify\//)) return 'verification';
  if (has(/npm:pkijs|npm:asn1js|src\/signing\/|src\/ui\/signing\/|npm:signature_pad/))
    return 'signing';
  if (has(/locales\//)) return 'texts';
  if (has(/src\/ui\/|npm:react-hook-form|npm:@hookform|src\/core\//)) return 'screens';
  return 'other';
}
