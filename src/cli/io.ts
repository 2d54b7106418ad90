import { readFile, stat } from 'node:fs/promises';
import { fileSizeProblem, problemText, type FileKind } from '../core/files';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
}

export interface CliCommand {
  /** One line: `name <args> [options] — what it does`. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** A mistake in how the command was called (exit code 2). */
export class CliUsageError extends Error {}

/** Splits arguments into positionals and `--flag [value]` options. `flags` lists options without a value. */
export function parseArgs(
  args: string[],
  flags: string[] = [],
): { positionals: string[]; options: Record<string, string | true> } {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-') && a !== '-') {
      const name = a.replace(/^--?/, '');
      if (flags.includes(name)) options[name] = true;
      else {
        const v = args[i + 1];
        if (v === undefined) throw new CliUsageError(`Option ${a} needs a value.`);
        options[name] = v;
        i++;
      }
    } else positionals.push(a);
  }
  return { positionals, options };
}

/** Options a command accepts; anything else is a typo worth saying so. */
export function checkOptions(options: Record<string, unknown>, allowed: string[]): void {
  for (const name of Object.keys(options)) {
    if (!allowed.includes(name)) throw new CliUsageError(`Unknown option --${name}.`);
  }
}

/** `--lang nl|en`: the language of messages (and of a report); undefined when not given. */
export function langOption(options: Record<string, string | true>): 'nl' | 'en' | undefined {
  const lang = options.lang;
  if (lang === undefined) return undefined;
  if (lang !== 'nl' && lang !== 'en') throw new CliUsageError('--lang must be nl or en.');
  return lang;
}

/** Turns "not found" into a plain message; other errors pass on. */
function notFound(e: unknown, path: string): never {
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new CliUsageError(`File not found: ${path}`);
  }
  throw e;
}

/** A file refused before it is read, because it is larger than a file of its kind may be. */
export class CliFileTooLargeError extends Error {}

/**
 * The same size gates as the app (src/core/files/limits.ts), checked on the file's size before
 * it is read into memory.
 */
async function checkSize(path: string, kind: FileKind): Promise<void> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (e) {
    return notFound(e, path);
  }
  const p = fileSizeProblem(kind, size);
  if (p) throw new CliFileTooLargeError(`${path}: ${problemText(p, 'en')}`);
}

/** Reads a binary file (a PDF, a certificate), turning "not found" into a plain message. */
export async function readBytes(path: string, kind: FileKind = 'pdf'): Promise<Uint8Array> {
  await checkSize(path, kind);
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    return notFound(e, path);
  }
}

/** Reads a text file, turning "not found" into a plain message. */
export async function readText(path: string, kind: FileKind = 'assessment'): Promise<string> {
  await checkSize(path, kind);
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    return notFound(e, path);
  }
}
