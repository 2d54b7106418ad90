import { CliUsageError, langOption, parseOptions, readBytes, type CliCommand } from '../io';
import { verifyFile, type VerifyReport } from '../../signing/verify';
import { reportLines } from '../../signing/verify-text';
import { SigningError } from '../../signing/messages';
import { detachedSignatureName } from '../../signing/detached';
import { stat } from 'node:fs/promises';
import { builtinQuestionnaireSources } from '../questionnaire';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

const USAGE =
  'verify <file.pdf|file.fria.json> [--signature <file.p7s>] [--trust <ca.pem>]… [--json] [--lang nl|en] — check digital signatures and the integrity seal (exit 0 only when a digital signature holds; 1 otherwise). A .fria.json is checked with <file>.p7s beside it when there is one';

/** The report as JSON: everything checked, without the whole assessment (its id and version say which). */
function jsonReport(r: VerifyReport, lang: string): unknown {
  const a = r.assessment;
  const assessment =
    a.state === 'checked'
      ? {
          state: a.state,
          id: a.assessment.id,
          version: a.assessment.version,
          questionnaire: a.assessment.questionnaire,
          seal: {
            status: a.seal.status,
            contentHash: a.seal.contentHash,
            signOffs: a.seal.signOffs.map((s) => ({
              status: s.status,
              record: s.record,
              role: s.signOff.role,
              name: s.signOff.name,
              date: s.signOff.date,
              version: s.signOff.version,
              contentHash: s.signOff.contentHash,
            })),
          },
          ...(a.changed ? { changedPaths: a.changed.paths } : {}),
          ...(a.missingRoles ? { missingRoles: a.missingRoles.map((r) => r.id) } : {}),
          ...(a.signedCopy
            ? {
                signedCopy:
                  a.signedCopy.state === 'differs'
                    ? {
                        state: a.signedCopy.state,
                        signature: a.signedCopy.signature,
                        paths: a.signedCopy.paths,
                      }
                    : a.signedCopy,
              }
            : {}),
        }
      : a;
  return { ...r, assessment, lines: reportLines(r, lang) };
}

export const verifyCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { positionals, options } = parseOptions(args, {
      // Given once per trusted certificate file.
      trust: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      signature: { type: 'string' },
    });
    const trustFiles = options.trust ?? [];
    const input = positionals[0];
    if (!input || positionals.length > 1)
      throw new CliUsageError('Give one PDF or assessment file.');
    const lang = langOption(options) ?? 'en';
    const trusted = await Promise.all(trustFiles.map((f) => readBytes(f, 'certificate')));
    const bytes = await readBytes(input);
    // A detached signature: named with --signature, or <file>.p7s beside an assessment file.
    let signaturePath = typeof options.signature === 'string' ? options.signature : undefined;
    const isPdf = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');
    if (!signaturePath && !isPdf && (await exists(detachedSignatureName(input))))
      signaturePath = detachedSignatureName(input);
    const detachedSignature = signaturePath
      ? await readBytes(signaturePath, 'certificate')
      : undefined;
    let report: VerifyReport;
    try {
      report = await verifyFile(bytes, {
        trusted,
        questionnaires: builtinQuestionnaireSources,
        ...(detachedSignature ? { detachedSignature } : {}),
      });
    } catch (e) {
      // E.g. a --trust file that is not a certificate: say so in the chosen language.
      if (e instanceof SigningError) {
        io.err(e.text(lang));
        return 1;
      }
      throw e;
    }
    if (options.json === true) io.out(JSON.stringify(jsonReport(report, lang), null, 2));
    else {
      const mark = { ok: '✓', warn: '!', error: '✗', info: '·' } as const;
      for (const l of reportLines(report, lang)) io.out(`${mark[l.tone]} ${l.text}`);
    }
    return report.status === 'valid' ? 0 : 1;
  },
};
