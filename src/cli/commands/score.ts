import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Assessment } from '../../core/assessment-schema';
import { parseAssessmentText, questionnaireHash } from '../../core/assessment';
import { IdSchema, type Questionnaire } from '../../core/questionnaire-schema';
import { problemText, type FileProblem } from '../../core/safe-json';
import { validateQuestionnaire, validateQuestionnaireText } from '../../core/validate';
import { bandLevel, riskProducts, score, type ScoreResult } from '../../core/scoring';
import {
  actionPlan,
  conclusionProblems,
  residualAboveInherent,
  riskNumbers,
  riskProblems,
} from '../../core/register';
import { dismissedProposals, proposalTitle, proposalViews } from '../../core/proposals';
import { CliUsageError, parseArgs, readText, type CliCommand, type CliIO } from '../io';
import { checkOptions, langOption } from './validate';

const USAGE =
  'score <assessment.json> [--questionnaire <file.json>] [--lang nl|en] — print the scores as JSON: levels, red flags, trace per domain, register, proposals, overrides, action plan, conclusion';

/** Built-in questionnaires: questionnaires/<id>/questionnaire.json at the repository root. */
const BUILTIN_DIR = fileURLToPath(new URL('../../../questionnaires/', import.meta.url));

export type QuestionnaireSource = 'embedded' | 'file' | 'builtin';

/** The JSON `score` prints: issue 2's shape, plus what a reviewer needs to check it by hand. */
export function scoreJson(
  a: Assessment,
  q: Questionnaire,
  r: ScoreResult,
  source: { from: QuestionnaireSource; hash: string; file?: string },
  lang = 'en',
): unknown {
  const numbers = riskNumbers(a.register);
  return {
    assessment: { id: a.id, version: a.version, title: a.meta.title },
    questionnaire: {
      id: q.id,
      version: q.version,
      source: source.from,
      ...(source.file ? { file: source.file } : {}),
      hash: source.hash,
      hashMatches: source.hash === a.questionnaire.hash,
    },
    overall: r.overall,
    complete: r.complete,
    openRequired: r.openRequired,
    domains: Object.fromEntries(
      r.domains.map((d) => [
        d.domain,
        {
          raw: d.raw,
          max: d.max,
          ratio: d.ratio,
          adjustedRatio: d.adjustedRatio,
          // The final level: the override if any, else computed; null = not assessed.
          level: d.final,
          ratioLevel: d.ratioLevel,
          answerLevel: d.answerLevel,
          registerLevel: d.registerLevel,
          registerRisk: d.registerRisk,
          computed: d.computed,
          override: d.override,
          redFlags: d.redFlags,
          trace: d.trace,
        },
      ]),
    ),
    redFlags: r.redFlags,
    mitigation: r.mitigation,
    register: a.register,
    overrides: a.overrides,
    conclusion: a.conclusion ?? null,
    // The register as the app shows it (issue 4): numbers, products and bands, rule problems.
    risks: a.register.map((risk) => {
      const { inherent, residual } = riskProducts(risk);
      return {
        id: risk.id,
        number: numbers.get(risk.id),
        domain: risk.domain,
        title: risk.title,
        inherent: { product: inherent, level: bandLevel(q, inherent) },
        residual: { product: residual, level: bandLevel(q, residual) },
        residualAboveInherent: residualAboveInherent(risk),
        problems: riskProblems(risk, q),
      };
    }),
    proposals: proposalViews(q, a, r).map((p) => ({
      id: p.id,
      domain: p.domain,
      title: proposalTitle(q, p, lang),
      status: p.status,
      riskId: p.riskId,
      suggestedMeasures: p.suggestedMeasures,
    })),
    dismissedProposals: dismissedProposals(q, a, lang, r),
    actionPlan: actionPlan(a),
    conclusionProblems: conclusionProblems(a.conclusion),
  };
}

function listProblems(io: CliIO, what: string, problems: FileProblem[], lang: string): void {
  io.err(`${what}:`);
  for (const p of problems) io.err(`  ${p.path || '(file)'}: ${problemText(p, lang)}`);
}

export const scoreCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { positionals, options } = parseArgs(args);
    checkOptions(options, ['questionnaire', 'lang']);
    const lang = langOption(options);
    if (positionals.length !== 1) throw new CliUsageError('Give one assessment file.');
    const file = positionals[0]!;

    const parsed = parseAssessmentText(await readText(file));
    if (!parsed.ok) {
      listProblems(io, `${file} is not a readable assessment`, parsed.problems, lang);
      return 1;
    }
    const a = parsed.value;

    // Where the questionnaire comes from: the copy in the file, else --questionnaire, else built in.
    let q: Questionnaire;
    let from: QuestionnaireSource;
    let qFile: string | undefined;
    const explicit = typeof options.questionnaire === 'string' ? options.questionnaire : undefined;
    if (a.questionnaireSnapshot) {
      // The file's zod schema checked the copy's shape; the cross-reference rules too, or a
      // tampered copy could be scored against ids that do not exist.
      const v = validateQuestionnaire(a.questionnaireSnapshot);
      if (!v.valid) {
        listProblems(io, `The questionnaire embedded in ${file} is not valid`, v.problems, lang);
        return 1;
      }
      q = v.questionnaire;
      from = 'embedded';
      if (explicit) {
        io.err(`Note: ${file} embeds its questionnaire; that copy is used, not ${explicit}.`);
      }
    } else {
      qFile = explicit ?? builtinFile(a.questionnaire.id);
      if (!qFile) {
        io.err(
          `The assessment uses questionnaire "${a.questionnaire.id}" version ${a.questionnaire.version}, which is not embedded in the file and not built in. Pass it with --questionnaire <file.json>.`,
        );
        return 1;
      }
      const v = validateQuestionnaireText(await readText(qFile));
      if (!v.valid) {
        listProblems(io, `${qFile} is not a valid questionnaire`, v.problems, lang);
        return 1;
      }
      q = v.questionnaire;
      from = explicit ? 'file' : 'builtin';
    }

    const hash = await questionnaireHash(q);
    if (hash !== a.questionnaire.hash) {
      io.err(
        `Warning: questionnaire "${q.id}" ${q.version} (${from}) is not the exact one the assessment was made with ("${a.questionnaire.id}" ${a.questionnaire.version}; content hash differs). Scores may differ from the app's.`,
      );
    }
    const r = score(q, a);
    const out = scoreJson(a, q, r, { from, hash, ...(qFile ? { file: qFile } : {}) }, lang);
    io.out(JSON.stringify(out, null, 2));
    return 0;
  },
};

/** The built-in questionnaire file for an id, or undefined (ids are checked: no paths). */
function builtinFile(id: string): string | undefined {
  if (!IdSchema.safeParse(id).success) return undefined;
  const file = `${BUILTIN_DIR}${id}/questionnaire.json`;
  return existsSync(file) ? file : undefined;
}
