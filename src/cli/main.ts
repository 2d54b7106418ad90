/**
 * `npm run fria -- <command> …`: the command line over the same core as the app.
 * Exit codes: 0 ok, 1 invalid input or failed check, 2 usage error.
 */
import { commands } from './commands/index';
import { CliFileTooLargeError, CliUsageError, langInArgs, type CliIO } from './io';

export async function run(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    io.err(usage());
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.err(`${e.message}\n\n${command.usage}`);
      return 2;
    }
    if (e instanceof CliFileTooLargeError) {
      // In the language the command was asked to speak (English by default, as its other output).
      io.err(e.text(langInArgs(rest) ?? 'en'));
      return 1;
    }
    io.err(`Error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

export function usage(): string {
  return [
    'Usage: npm run fria -- <command> [options]',
    '',
    ...Object.values(commands).map((c) => `  ${c.usage}`),
    '',
    'Exit codes: 0 ok, 1 invalid or failed check, 2 usage error.',
  ].join('\n');
}

const isMain = process.argv[1] && /main\.[cm]?[jt]s$/.test(process.argv[1]);
if (isMain) {
  // Output piped into a reader that stops early (`fria verify x.pdf | head -3`): stop quietly
  // instead of ending in an EPIPE stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const io: CliIO = {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
    env: process.env,
  };
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
