import { writeFile } from 'node:fs/promises';
import { CliUsageError, langOption, parseOptions, readBytes, type CliCommand } from '../io';
import { addEmptySignatureField, signPdf } from '../../signing/pades';
import { SigningError } from '../../signing/messages';
import { detachedSignatureName, signAssessmentFileWithP12 } from '../../signing/detached';
import { parseAssessmentText } from '../../core/assessment';
import { problemText } from '../../core/files';

const USAGE =
  'sign <in.pdf> --p12 <file.p12> --password-env <VAR> -o <out.pdf> [--reason <text>] [--location <text>] [--field <name>] [--lang nl|en]' +
  '\n  sign <x.fria.json> --p12 <file.p12> --password-env <VAR> [-o <x.fria.json.p7s>] — a detached signature (CAdES) for the assessment file, written beside it' +
  '\n  sign <in.pdf> --prepare -o <out.pdf> [--field <name>] — add a PAdES signature, or an empty signature field to sign elsewhere';

export const signCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    // Refused before anything else: a password on the command line ends up in shell history and `ps`.
    if (args.some((a) => /^--?password(=|$)/.test(a) || /^--?pass(=|$)/.test(a))) {
      throw new CliUsageError(
        'The password is never given as an argument (it would show in the shell history and the process list). ' +
          'Put it in an environment variable and pass that variable’s name: --password-env <VAR>.',
      );
    }
    const { positionals, options } = parseOptions(args, {
      out: { type: 'string', short: 'o' },
      prepare: { type: 'boolean' },
      lang: { type: 'string' },
      field: { type: 'string' },
      p12: { type: 'string' },
      'password-env': { type: 'string' },
      reason: { type: 'string' },
      location: { type: 'string' },
    });
    const input = positionals[0];
    if (!input || positionals.length > 1)
      throw new CliUsageError('Give one PDF or assessment file to sign.');
    const pdf = await readBytes(input);
    const isPdf = new TextDecoder('latin1').decode(pdf.subarray(0, 1024)).includes('%PDF-');
    const out = options.out ?? (isPdf ? undefined : detachedSignatureName(input));
    if (typeof out !== 'string')
      throw new CliUsageError('Say where to write the signed PDF: -o <out.pdf>.');
    const lang = langOption(options) ?? 'en';
    const field = typeof options.field === 'string' ? options.field : undefined;
    if (!isPdf && options.prepare === true)
      throw new CliUsageError('--prepare adds a signature field to a PDF; this is not a PDF.');

    try {
      if (options.prepare === true) {
        const prepared = await addEmptySignatureField(pdf, field ? { fieldName: field } : {});
        await writeFile(out, prepared);
        io.out(`Wrote ${out} with an empty signature field, to be signed in a PDF reader.`);
        return 0;
      }
      const p12Path = options.p12;
      const envName = options['password-env'];
      if (typeof p12Path !== 'string')
        throw new CliUsageError('Give the certificate file: --p12 <file.p12>.');
      if (typeof envName !== 'string') {
        throw new CliUsageError(
          'Name the environment variable that holds the password: --password-env <VAR>.',
        );
      }
      const password = io.env[envName];
      if (password === undefined)
        throw new CliUsageError(`The environment variable ${envName} is not set.`);
      const p12 = await readBytes(p12Path, 'p12');
      if (!isPdf) {
        // Only a readable assessment file is signed: a signature over anything else helps nobody.
        const parsed = parseAssessmentText(new TextDecoder().decode(pdf));
        if (!parsed.ok) {
          io.err(
            parsed.problems
              .map((p) => (p.path ? `${p.path}: ` : '') + problemText(p, lang))
              .join('\n'),
          );
          return 1;
        }
        const { signer, signature } = await signAssessmentFileWithP12(pdf, p12, password);
        await writeFile(out, signature);
        io.out(
          `Signed by ${signer.name} (certificate issued by ${signer.issuer}): wrote ${out}. Keep it beside ${input}; any change to one byte of the file breaks it.`,
        );
        return 0;
      }
      const started = performance.now();
      const result = await signPdf(pdf, p12, password, {
        ...(typeof options.reason === 'string' ? { reason: options.reason } : {}),
        ...(typeof options.location === 'string' ? { location: options.location } : {}),
        ...(field ? { fieldName: field } : {}),
      });
      const ms = performance.now() - started;
      await writeFile(out, result.pdf);
      io.out(
        `Signed by ${result.signer.name} (field "${result.fieldName}", certificate issued by ${result.signer.issuer}) in ${ms.toFixed(0)} ms: wrote ${out}.`,
      );
      return 0;
    } catch (e) {
      if (e instanceof SigningError) {
        io.err(e.text(lang));
        return 1;
      }
      throw e;
    }
  },
};
