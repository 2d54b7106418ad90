/**
 * The conclusion: recorded by people, never computed — the decision, its reasoning and, when
 * proceeding with conditions, the conditions.
 */
import type { Assessment, Conclusion } from '../assessment/assessment-schema';
import { isBlank, type RegisterProblem } from './register';

/**
 * What a conclusion still lacks: a decision, the reasoning, and at least one condition when the
 * decision is to proceed with conditions. The same rules block signing (signoff.ts).
 */
export function conclusionProblems(c: Partial<Conclusion> | undefined): RegisterProblem[] {
  const out: RegisterProblem[] = [];
  if (!c?.decision) out.push({ path: 'decision', code: 'decisionRequired' });
  if (isBlank(c?.reasoning)) out.push({ path: 'reasoning', code: 'reasoningRequired' });
  if (c?.decision === 'proceedWithConditions' && !(c.conditions ?? []).some((t) => !isBlank(t))) {
    out.push({ path: 'conditions', code: 'conditionsRequired' });
  }
  return out;
}

/**
 * Records the conclusion as the user has it now (it is saved while typed, like answers; what is
 * still missing is shown and blocks signing). Conditions belong only to "proceed with conditions";
 * empty condition lines are dropped.
 */
export function setConclusion(a: Assessment, c: Conclusion): Assessment {
  const conditions =
    c.decision === 'proceedWithConditions' ? c.conditions.filter((t) => !isBlank(t)) : [];
  const next: Conclusion = { decision: c.decision, reasoning: c.reasoning, conditions };
  const prev = a.conclusion;
  if (
    prev &&
    prev.decision === next.decision &&
    prev.reasoning === next.reasoning &&
    prev.conditions.length === next.conditions.length &&
    prev.conditions.every((t, i) => t === next.conditions[i])
  ) {
    return a;
  }
  return { ...a, conclusion: next };
}
