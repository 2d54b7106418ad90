import { readFile } from 'node:fs/promises';

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

/** Reads a text file, turning "not found" into a plain message. */
export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliUsageError(`File not found: ${path}`);
    throw e;
  }
}
