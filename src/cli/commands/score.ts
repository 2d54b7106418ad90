import type { Assessment } from '../../core/assessment';
import type { Questionnaire } from '../../core/questionnaire';
import {
  instanceScores,
  keptAsideInstances,
  levelObligations,
  obligationKindLabel,
  score,
  sectionProgress,
  type ScoreResult,
} from '../../core/scoring';
import { reportText } from '../../core/report';
import { missingRoles } from '../../core/signoff';
import { pick } from '../../core/texts';
import { proposalTitle } from '../../core/register';
import { scoreAssessment } from '../../core/use-cases';
import { readAssessmentInput } from '../assessment-input';
import { CliUsageError, langOption, parseOptions, type CliCommand } from '../io';
import {
  chooseQuestionnaire,
  explicitOption,
  QUESTIONNAIRE_RULE,
  warnIgnoredOverrides,
  type QuestionnaireSource,
} from '../questionnaire';

const USAGE = `score <assessment.json|report.pdf> [--questionnaire <file.json>] [--lang nl|en] — print the scores as JSON: levels, red flags, trace per domain, register, proposals, overrides (and those not applied, with why), action plan, conclusion\n    ${QUESTIONNAIRE_RULE}`;

export type { QuestionnaireSource };

/** The JSON `score` prints: a fixed shape, plus what a reviewer needs to check it by hand. */
export function scoreJson(
  a: Assessment,
  q: Questionnaire,
  r: ScoreResult,
  source: { from: QuestionnaireSource; hash: string; file?: string },
  lang = 'en',
): unknown {
  const s = scoreAssessment(a, q, lang, r);
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
    // What the final overall level requires; "settled" is false (with a note) while required
    // questions are open: the level, and so this list, may still change.
    obligations: obligationsJson(q, r, lang),
    // Required roles (by the questionnaire or by the level) that have not signed this version.
    missingRoles: missingRoles(a, q).map((role) => role.id),
    openRequired: r.openRequired,
    // Stored answers of visible questions that do not fit them, so count as open (with why).
    // Questions answered "not applicable" (left out of every maximum), with the reason given.
    notApplicable: r.notApplicable,
    notCounted: sectionProgress(q, a.answers, a.notApplicable).flatMap((p) =>
      p.notFitting.map((question) => ({
        question,
        reason: p.mixedExclusive.includes(question) ? 'mixedExclusive' : 'doesNotFit',
      })),
    ),
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
    // Repeating groups per chosen instance (e.g. the roadmap per right): points per domain, open
    // required questions, "not applicable" and red flags; and the instances whose option is no
    // longer chosen, whose answers are kept but count for nothing.
    instances: instanceScores(q, r, lang),
    keptAsideInstances: keptAsideInstances(q, a, r, lang),
    redFlags: r.redFlags,
    mitigation: r.mitigation,
    register: a.register,
    overrides: a.overrides,
    // Overrides in the file that scoring did not apply (unknown level or domain, no reason).
    ignoredOverrides: s.ignoredOverrides,
    conclusion: a.conclusion ?? null,
    // The register as the app shows it: numbers, products and bands, rule problems.
    risks: s.risks,
    proposals: s.proposals.map((p) => ({
      id: p.id,
      domain: p.domain,
      title: proposalTitle(q, p, lang),
      status: p.status,
      riskId: p.riskId,
      suggestedMeasures: p.suggestedMeasures,
    })),
    dismissedProposals: s.dismissedProposals,
    actionPlan: s.actionPlan,
    conclusionProblems: s.conclusionProblems,
  };
}

function obligationsJson(q: Questionnaire, r: ScoreResult, lang: string): unknown {
  const ob = levelObligations(q, r);
  if (!ob) return null;
  return {
    level: ob.level,
    settled: ob.settled,
    ...(ob.settled
      ? {}
      : { note: reportText('obligationsProvisional', lang, { level: pick(ob.levelLabel, lang) }) }),
    items: ob.obligations.map((o) => ({
      id: o.id,
      kind: o.kind ?? 'other',
      kindText: obligationKindLabel(o.kind, lang),
      text: pick(o.text, lang),
    })),
    requiredRoles: ob.requiredRoles,
  };
}

export const scoreCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { positionals, options } = parseOptions(args, {
      questionnaire: { type: 'string' },
      lang: { type: 'string' },
    });
    const lang = langOption(options) ?? 'en';
    if (positionals.length !== 1) throw new CliUsageError('Give one assessment file.');
    const file = positionals[0]!;

    const a = await readAssessmentInput(file, io, lang);
    if (!a) return 1;

    const chosen = await chooseQuestionnaire(a, explicitOption(options), file, io, lang);
    if (!chosen) return 1;
    const q = chosen.questionnaire;
    const r = score(q, a);
    warnIgnoredOverrides(io, q, r, lang);
    const out = scoreJson(
      a,
      q,
      r,
      { from: chosen.from, hash: chosen.hash, ...(chosen.file ? { file: chosen.file } : {}) },
      lang,
    );
    io.out(JSON.stringify(out, null, 2));
    return 0;
  },
};
