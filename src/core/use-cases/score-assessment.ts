/**
 * Use-case "score an assessment": the score with everything the app's summary and register and the
 * command line's `score` show beside it — the overrides that do not count (with why, in words), each
 * risk with its number, products, bands and problems, the proposals, the dismissed ones, the action
 * plan and what the conclusion still lacks. One function, so the app and the CLI cannot differ.
 */
import type { Assessment } from '../assessment/assessment-schema';
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import { actionPlan, type ActionRow } from '../register/action-plan';
import { conclusionProblems } from '../register/conclusion';
import {
  dismissedProposals,
  proposalViews,
  type DismissedProposal,
  type ProposalView,
} from '../register/proposals';
import { residualAboveInherent, riskProblems, type RegisterProblem } from '../register/register';
import { riskNumbers, riskScores, type RiskScores } from '../register/register-views';
import { ignoredOverrideText } from '../report/parts/summary';
import { score, type IgnoredOverride, type ScoreResult } from '../scoring/scoring';

/** A register entry as the screens and the CLI show it. */
export interface RiskView extends RiskScores {
  id: string;
  /** "R1", "R2", … by place in the register. */
  number: string;
  domain: string;
  title: string;
  residualAboveInherent: boolean;
  problems: RegisterProblem[];
}

export interface AssessmentScore {
  result: ScoreResult;
  /** Overrides in the file that scoring did not apply, each with why in the given language. */
  ignoredOverrides: (IgnoredOverride & { message: string })[];
  risks: RiskView[];
  proposals: ProposalView[];
  dismissedProposals: DismissedProposal[];
  actionPlan: ActionRow[];
  conclusionProblems: RegisterProblem[];
}

/**
 * Scores an assessment and derives what is shown with the score. `result` may be passed when the
 * caller has already scored the same assessment and questionnaire (scoring is pure).
 */
export function scoreAssessment(
  a: Assessment,
  q: Questionnaire,
  lang: string,
  result: ScoreResult = score(q, a),
): AssessmentScore {
  const numbers = riskNumbers(a.register);
  return {
    result,
    ignoredOverrides: result.ignoredOverrides.map((o) => ({
      ...o,
      message: ignoredOverrideText(o, q, result, lang),
    })),
    risks: a.register.map((risk) => ({
      id: risk.id,
      number: numbers.get(risk.id)!,
      domain: risk.domain,
      title: risk.title,
      ...riskScores(q, risk),
      residualAboveInherent: residualAboveInherent(risk),
      problems: riskProblems(risk, q),
    })),
    proposals: proposalViews(q, a, result),
    dismissedProposals: dismissedProposals(q, a, lang, result),
    actionPlan: actionPlan(a),
    conclusionProblems: conclusionProblems(a.conclusion),
  };
}
