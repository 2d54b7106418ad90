import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Assessment } from '../../core/assessment-schema';
import type { Questionnaire } from '../../core/questionnaire-schema';
import { parseAssessmentText, questionnaireHash } from '../../core/assessment';
import { IdSchema } from '../../core/questionnaire-schema';
import { problemText, type FileProblem } from '../../core/safe-json';
import { validateQuestionnaireText } from '../../core/validate';
import { reportLocale } from '../../core/report-texts';
import { renderReportPdf } from '../../pdf/render';
import { embeddedErrorText, readEmbeddedAssessment } from '../../pdf/read-embedded';
import { CliUsageError, parseArgs, readText, type CliCommand, type CliIO } from '../io';

const USAGE =
  'report <assessment.json|report.pdf> -o <out.pdf> [--lang nl|en] [--questionnaire <file.json>] [--now <ISO date-time>] — the PDF report, the same as the app makes';

/** Built-in questionnaires live in questionnaires/<id>/questionnaire.json at the repository root. */
const BUILTIN_DIR = fileURLToPath(new URL('../../../questionnaires/', import.meta.url));

function listProblems(io: CliIO, what: string, problems: FileProblem[], lang: string): void {
  io.err(`${what}:`);
  for (const p of problems.slice(0, 20)) io.err(`  ${p.path || '(file)'}: ${problemText(p, lang)}`);
  if (problems.length > 20) io.err(`  … and ${problems.length - 20} more`);
}

async function readAssessment(path: string, io: CliIO, lang: string): Promise<Assessment | null> {
  if (/\.pdf$/i.test(path)) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new CliUsageError(`File not found: ${path}`);
      }
      throw e;
    }
    const r = await readEmbeddedAssessment(bytes);
    if (!r.ok) {
      io.err(embeddedErrorText(r.error, lang));
      if (r.problems.length > 0) listProblems(io, path, r.problems, lang);
      return null;
    }
    return r.assessment;
  }
  const parsed = parseAssessmentText(await readText(path));
  if (!parsed.ok) {
    listProblems(io, `${path} is not a readable assessment`, parsed.problems, lang);
    return null;
  }
  return parsed.value;
}

/** The questionnaire: given on the command line, embedded in the assessment, or built in. */
async function findQuestionnaire(
  a: Assessment,
  explicit: string | undefined,
  io: CliIO,
  lang: string,
): Promise<Questionnaire | null> {
  const load = async (file: string) => {
    const r = validateQuestionnaireText(await readText(file));
    if (!r.valid) {
      listProblems(io, `${file} is not a valid questionnaire`, r.problems, lang);
      return null;
    }
    return r.questionnaire;
  };
  if (explicit) return load(explicit);
  if (a.questionnaireSnapshot) return a.questionnaireSnapshot;
  const id = a.questionnaire.id;
  const file = `${BUILTIN_DIR}${id}/questionnaire.json`;
  if (!IdSchema.safeParse(id).success || !existsSync(file)) {
    io.err(
      `The assessment uses questionnaire "${id}" version ${a.questionnaire.version}, which is not embedded in the file and not built in. Pass it with --questionnaire <file.json>.`,
    );
    return null;
  }
  return load(file);
}

export const reportCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { positionals, options } = parseArgs(args);
    const input = positionals[0];
    const out = options.o ?? options.out;
    if (!input || positionals.length > 1) throw new CliUsageError('Give one assessment file.');
    if (typeof out !== 'string')
      throw new CliUsageError('Say where to write the PDF: -o <out.pdf>.');
    const langOption = options.lang;
    if (langOption !== undefined && langOption !== 'nl' && langOption !== 'en') {
      throw new CliUsageError('--lang must be nl or en.');
    }
    let now: Date | undefined;
    if (options.now !== undefined) {
      now = new Date(String(options.now));
      if (Number.isNaN(now.getTime())) throw new CliUsageError('--now must be an ISO date-time.');
    }
    const messageLang = typeof langOption === 'string' ? langOption : 'en';

    const a = await readAssessment(input, io, messageLang);
    if (!a) return 1;
    const q = await findQuestionnaire(
      a,
      typeof options.questionnaire === 'string' ? options.questionnaire : undefined,
      io,
      messageLang,
    );
    if (!q) return 1;
    if ((await questionnaireHash(q)) !== a.questionnaire.hash) {
      io.err(
        `Note: questionnaire ${q.id} ${q.version} differs from the one the assessment was made with (${a.questionnaire.version}); the report says so in its integrity block.`,
      );
    }
    const lang = typeof langOption === 'string' ? langOption : reportLocale(a.meta.locale);
    const pdf = await renderReportPdf(a, q, lang, {
      appVersion: await appVersion(),
      ...(now ? { now } : {}),
    });
    await writeFile(out, pdf);
    io.out(`Wrote ${out} (${Math.round(pdf.length / 1024)} KB, ${lang}).`);
    return 0;
  },
};

/** The app version from package.json (what the app's build defines as __APP_VERSION__). */
async function appVersion(): Promise<string> {
  const file = fileURLToPath(new URL('../../../package.json', import.meta.url));
  return (JSON.parse(await readFile(file, 'utf8')) as { version: string }).version;
}
