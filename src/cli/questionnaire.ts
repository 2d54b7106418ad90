/**
 * Which questionnaire `score` and `report` use for an assessment — the core's one rule
 * (core/questionnaire/resolve.ts), the same one the app, its import and Verify follow:
 *
 * 1. `--questionnaire <file>` when given: the user asked for it (for example to see an assessment
 *    against a newer version). If the assessment also embeds a copy, a note says that copy is not
 *    used.
 * 2. else the copy embedded in the assessment: the questionnaire it was made with;
 * 3. else the built-in `questionnaires/<id>/questionnaire.json`.
 *
 * Every source is checked in full (shape and cross-references), also the embedded copy: a copy
 * edited by hand could otherwise be scored against ids that do not exist. When the questionnaire
 * used is not the exact one the assessment records (content hash), a warning says so.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Assessment } from '../core/assessment';
import { IdSchema, type Questionnaire } from '../core/questionnaire';
import { problemText, type FileProblem } from '../core/files';
import { resolveQuestionnaire } from '../core/questionnaire';
import { ignoredOverrideText } from '../core/report';
import type { ScoreResult } from '../core/scoring';
import { readText, type CliIO } from './io';

/** Built-in questionnaires: questionnaires/<id>/questionnaire.json at the repository root. */
const BUILTIN_DIR = fileURLToPath(new URL('../../questionnaires/', import.meta.url));

export type QuestionnaireSource = 'file' | 'embedded' | 'builtin';

export interface ChosenQuestionnaire {
  questionnaire: Questionnaire;
  from: QuestionnaireSource;
  /** The file read, for `file` and `builtin`. */
  file?: string;
  /** Content hash of the questionnaire used. */
  hash: string;
  /** True when it is exactly the one the assessment was made with. */
  hashMatches: boolean;
}

/** The help text's line about the rule, shared by both commands' usage. */
export const QUESTIONNAIRE_RULE =
  'Questionnaire: --questionnaire <file> if given, else the copy embedded in the assessment, else the built-in one with its id.';

/** Lists problems of a file, at most 20, in the chosen language. */
export function listProblems(io: CliIO, what: string, problems: FileProblem[], lang: string): void {
  io.err(`${what}:`);
  for (const p of problems.slice(0, 20)) io.err(`  ${p.path || '(file)'}: ${problemText(p, lang)}`);
  if (problems.length > 20) io.err(`  … and ${problems.length - 20} more`);
}

/** The built-in questionnaire file for an id, or undefined (ids are checked: no paths). */
function builtinFile(id: string): string | undefined {
  if (!IdSchema.safeParse(id).success) return undefined;
  const file = `${BUILTIN_DIR}${id}/questionnaire.json`;
  return existsSync(file) ? file : undefined;
}

/** The built-in questionnaires as the core's rule asks for them: the copy with the id, if any. */
export const builtinQuestionnaireSources = {
  byId: async (id: string) => {
    const file = builtinFile(id);
    return file ? [{ text: await readText(file, 'questionnaire') }] : [];
  },
};

/**
 * The questionnaire for an assessment by the core's rule (core/questionnaire/resolve.ts), or null
 * after saying why not on stderr. `name` is how the assessment is named in messages (its file).
 */
export async function chooseQuestionnaire(
  a: Assessment,
  explicit: string | undefined,
  name: string,
  io: CliIO,
  lang: string,
): Promise<ChosenQuestionnaire | null> {
  const builtin = builtinFile(a.questionnaire.id);
  const r = await resolveQuestionnaire(a, {
    ...(explicit !== undefined
      ? { chosen: { text: await readText(explicit, 'questionnaire') } }
      : {}),
    byId: builtinQuestionnaireSources.byId,
    acceptOtherContent: true,
  });
  if (!r.ok && r.from === null) {
    io.err(
      `The assessment uses questionnaire "${a.questionnaire.id}" version ${a.questionnaire.version}, which is not embedded in the file and not built in. Pass it with --questionnaire <file.json>.`,
    );
    return null;
  }
  if (!r.ok) {
    const what =
      r.from === 'chosen'
        ? `${explicit} is not a valid questionnaire`
        : r.from === 'embedded'
          ? `The questionnaire embedded in ${name} is not valid`
          : `${builtin} is not a valid questionnaire`;
    listProblems(io, what, r.problems, lang);
    return null;
  }
  const from: QuestionnaireSource =
    r.from === 'chosen' ? 'file' : r.from === 'embedded' ? 'embedded' : 'builtin';
  const file = from === 'file' ? explicit : from === 'builtin' ? builtin : undefined;
  if (explicit !== undefined && a.questionnaireSnapshot) {
    io.err(
      `Note: ${explicit} is used, as --questionnaire asks; the copy embedded in ${name} is not.`,
    );
  }
  const { questionnaire, hash, hashMatches } = r;
  if (!hashMatches) {
    io.err(
      `Warning: questionnaire "${questionnaire.id}" ${questionnaire.version} (${from}) is not the exact one the assessment was made with ("${a.questionnaire.id}" ${a.questionnaire.version}; content hash differs). Levels may differ from the app's.`,
    );
  }
  return { questionnaire, from, ...(file !== undefined ? { file } : {}), hash, hashMatches };
}

/**
 * Says on stderr, in the chosen language, which overrides in the file were not applied and why
 * (docs/scoring.md §8): an unknown level or domain, or no justification. The levels are still the
 * rules' levels; nothing is ignored without a word.
 */
export function warnIgnoredOverrides(
  io: CliIO,
  q: Questionnaire,
  result: ScoreResult,
  lang: string,
): void {
  for (const o of result.ignoredOverrides) {
    io.err(`Warning: ${ignoredOverrideText(o, q, result, lang)}`);
  }
}

/** The `--questionnaire` option's file, if given. */
export function explicitOption(options: {
  questionnaire?: string | undefined;
}): string | undefined {
  return options.questionnaire;
}
