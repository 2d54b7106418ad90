import { QUESTIONNAIRE_FORMAT_VERSION, validateQuestionnaireText } from '../../core/questionnaire';
import { parseJsonSafely, problemText } from '../../core/files';
import { CliUsageError, langOption, parseOptions, readText, type CliCommand } from '../io';

const USAGE =
  'validate <questionnaire.json> [--json] [--lang nl|en] — check a questionnaire file and list every problem (exit 0 valid, 1 invalid)';

/** What `validate --json` prints: these keys stay fixed, scripts read them. */
export interface ValidateJson {
  valid: boolean;
  id: string | null;
  version: string | null;
  locales: string[];
  domains: string[];
  questions: number;
  redFlags: number;
  errors: { path: string; message: string }[];
  /** What the author should fix but that does not stop the file from being used. */
  warnings: { path: string; message: string }[];
  /** The format the file is written in (1: no `formatVersion`); null when unreadable. */
  formatVersion: number | null;
}

/**
 * The summary fields, read from whatever could be parsed, so that an invalid file still says what
 * it is (id, domains, counts) as far as its shape allows; nothing is guessed beyond that.
 */
function summaryOf(data: unknown): Omit<ValidateJson, 'valid' | 'errors' | 'warnings'> {
  const rec = (v: unknown): Record<string, unknown> | null =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : null;
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const q = rec(data);
  return {
    id: str(q?.id),
    version: str(q?.version),
    locales: list(q?.locales).filter((x): x is string => typeof x === 'string'),
    domains: list(q?.domains)
      .map((d) => str(rec(d)?.id))
      .filter((x): x is string => x !== null),
    questions: list(q?.sections).reduce<number>((n, s) => n + list(rec(s)?.questions).length, 0),
    redFlags: list(q?.redFlags).length,
    formatVersion: q === null ? null : typeof q.formatVersion === 'number' ? q.formatVersion : 1,
  };
}

export const validateCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { positionals, options } = parseOptions(args, {
      json: { type: 'boolean' },
      lang: { type: 'string' },
    });
    const lang = langOption(options) ?? 'en';
    if (positionals.length !== 1) throw new CliUsageError('Give one questionnaire file.');
    const file = positionals[0]!;
    const text = await readText(file, 'questionnaire');

    const result = validateQuestionnaireText(text);
    const parsed = parseJsonSafely(text);
    // The file as written: its own format, not the one it is moved to.
    const summary = summaryOf(parsed.ok ? parsed.value : null);
    const errors = result.problems.map((p) => ({ path: p.path, message: problemText(p, lang) }));
    const warnings = (result.warnings ?? []).map((p) => ({
      path: p.path,
      message: problemText(p, lang),
    }));
    const listWarnings = () => {
      if (warnings.length === 0) return;
      const n = warnings.length;
      io.out(
        lang === 'nl'
          ? `${n} ${n === 1 ? 'waarschuwing' : 'waarschuwingen'} (de vragenlijst is wel te gebruiken):`
          : `${n} ${n === 1 ? 'warning' : 'warnings'} (the questionnaire can still be used):`,
      );
      for (const w of warnings)
        io.out(`  ${w.path || (lang === 'nl' ? '(bestand)' : '(file)')}: ${w.message}`);
    };

    if (options.json) {
      // The keys scripts already read come first, in their order; newer ones after them.
      const { formatVersion, ...rest } = summary;
      const out: ValidateJson = { valid: result.valid, ...rest, errors, warnings, formatVersion };
      io.out(JSON.stringify(out, null, 2));
      return result.valid ? 0 : 1;
    }
    if (result.valid) {
      const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
      const { id, version, locales, domains, questions, redFlags } = summary;
      io.out(
        lang === 'nl'
          ? `${file}: geldige vragenlijst "${id}" versie ${version} (talen ${locales.join(', ')}; ${count(domains.length, 'domein', 'domeinen')}, ${count(questions, 'vraag', 'vragen')}, ${count(redFlags, 'rode vlag', 'rode vlaggen')}).`
          : `${file}: valid questionnaire "${id}" version ${version} (languages ${locales.join(', ')}; ${count(domains.length, 'domain', 'domains')}, ${count(questions, 'question', 'questions')}, ${count(redFlags, 'red flag', 'red flags')}).`,
      );
      if (summary.formatVersion !== null && summary.formatVersion < QUESTIONNAIRE_FORMAT_VERSION)
        io.out(
          lang === 'nl'
            ? `Dit bestand heeft formaat ${summary.formatVersion}; de app leest het als formaat ${QUESTIONNAIRE_FORMAT_VERSION}. Zet "formatVersion": ${QUESTIONNAIRE_FORMAT_VERSION} erin om de nieuwe mogelijkheden te gebruiken.`
            : `This file is in format ${summary.formatVersion}; the app reads it as format ${QUESTIONNAIRE_FORMAT_VERSION}. Add "formatVersion": ${QUESTIONNAIRE_FORMAT_VERSION} to use the new features.`,
        );
      listWarnings();
      return 0;
    }
    const n = errors.length;
    io.out(
      lang === 'nl'
        ? `${file}: geen geldige vragenlijst, ${n} ${n === 1 ? 'probleem' : 'problemen'}:`
        : `${file}: not a valid questionnaire, ${n} ${n === 1 ? 'problem' : 'problems'}:`,
    );
    // Every problem, not the first few: the author fixes them in one go.
    for (const e of errors)
      io.out(`  ${e.path || (lang === 'nl' ? '(bestand)' : '(file)')}: ${e.message}`);
    return 1;
  },
};
