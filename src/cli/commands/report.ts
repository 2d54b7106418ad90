import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { score } from '../../core/scoring';
import { reportLocale } from '../../core/report';
import { renderReportPdf } from '../../pdf/render';
import { readAssessmentInput } from '../assessment-input';
import { CliUsageError, langOption, parseOptions, type CliCommand } from '../io';
import {
  chooseQuestionnaire,
  explicitOption,
  QUESTIONNAIRE_RULE,
  warnIgnoredOverrides,
} from '../questionnaire';

const USAGE = `report <assessment.json|report.pdf> -o <out.pdf> [--lang nl|en] [--questionnaire <file.json>] [--now <ISO date-time>] — the PDF report, the same as the app makes\n    ${QUESTIONNAIRE_RULE}`;

export const reportCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { positionals, options } = parseOptions(args, {
      out: { type: 'string', short: 'o' },
      lang: { type: 'string' },
      questionnaire: { type: 'string' },
      now: { type: 'string' },
    });
    const input = positionals[0];
    const out = options.out;
    if (!input || positionals.length > 1) throw new CliUsageError('Give one assessment file.');
    if (typeof out !== 'string')
      throw new CliUsageError('Say where to write the PDF: -o <out.pdf>.');
    const chosenLang = langOption(options);
    let now: Date | undefined;
    if (options.now !== undefined) {
      now = new Date(String(options.now));
      if (Number.isNaN(now.getTime())) throw new CliUsageError('--now must be an ISO date-time.');
    }
    const messageLang = chosenLang ?? 'en';

    const a = await readAssessmentInput(input, io, messageLang);
    if (!a) return 1;
    const chosen = await chooseQuestionnaire(a, explicitOption(options), input, io, messageLang);
    if (!chosen) return 1;
    const q = chosen.questionnaire;
    if (!chosen.hashMatches) io.err('Note: the report says so in its integrity block.');
    warnIgnoredOverrides(io, q, score(q, a), messageLang);
    const lang = chosenLang ?? reportLocale(a.meta.locale);
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
