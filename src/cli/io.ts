import { readFile, stat } from 'node:fs/promises';
import { fileSizeProblem, problemText, type FileKind, type FileProblem } from '../core/files';
import { parseArgs } from 'node:util';

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

/** The options a command takes, for util.parseArgs: a value (`string`) or a switch (`boolean`). */
export type OptionSpec = Record<
  string,
  { type: 'string' | 'boolean'; short?: string; multiple?: boolean }
>;

/** The name of the option in one of util.parseArgs's messages ("Unknown option '--x'. …"). */
function optionIn(message: string): string {
  const m = /'(-{1,2}[^' ]+)/.exec(message);
  return m?.[1] ?? '';
}

/**
 * Reads a command's arguments with Node's own util.parseArgs, strictly: an option the command does
 * not take, or one without its value, is a usage error (exit 2) with a clear message. `--name value`
 * and `--name=value` both work; `--` ends the options.
 */
export function parseOptions<const T extends OptionSpec>(
  args: string[],
  options: T,
): { positionals: string[]; options: ReturnType<typeof parseArgs<{ options: T }>>['values'] } {
  try {
    const r = parseArgs({ args, options, strict: true, allowPositionals: true });
    return { positionals: r.positionals, options: r.values };
  } catch (e) {
    const code = (e as { code?: string }).code;
    const message = e instanceof Error ? e.message : String(e);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new CliUsageError(`Unknown option ${optionIn(message)}.`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = optionIn(message);
      const spec =
        options[name.replace(/^-+/, '')] ??
        Object.values(options).find((o) => `-${o.short}` === name);
      throw new CliUsageError(
        spec?.type === 'boolean'
          ? `Option ${name} takes no value.`
          : `Option ${name} needs a value.`,
      );
    }
    throw new CliUsageError(message);
  }
}

/** `--lang nl|en`: the language of messages (and of a report); undefined when not given. */
export function langOption(options: { lang?: string | undefined }): 'nl' | 'en' | undefined {
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

/**
 * A file refused before it is read, because it is larger than a file of its kind may be. The
 * message is said in the language of the command's `--lang` (src/cli/main.ts); `message` is English.
 */
export class CliFileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly problem: FileProblem,
  ) {
    super(`${path}: ${problemText(problem, 'en')}`);
  }

  text(locale: string): string {
    return `${this.path}: ${problemText(this.problem, locale)}`;
  }
}

/** The `--lang nl|en` among a command's raw arguments (`--lang nl` or `--lang=nl`), if valid. */
export function langInArgs(args: string[]): 'nl' | 'en' | undefined {
  for (const [i, a] of args.entries()) {
    if (a === '--') break;
    const v = a === '--lang' ? args[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'nl' || v === 'en') return v;
  }
  return undefined;
}

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
  if (p) throw new CliFileTooLargeError(path, p);
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
