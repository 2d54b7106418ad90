/**
 * Domain overrides: a person sets a domain's final level by hand, with a written justification;
 * the computed level stays beside it (docs/scoring.md).
 */
import type { Assessment } from '../assessment/assessment-schema';
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import type { DomainScore } from '../scoring/scoring';
import { isBlank, withHistory, type Change, type RegisterProblem } from './register';

/**
 * What an override must have: a known domain, a declared level, a written justification and who
 * sets it (`by`; checked when given, so the check of an older override without it still works).
 */
export function overrideProblems(
  q: Questionnaire,
  domain: string,
  level: string,
  justification: string,
  by?: string,
): RegisterProblem[] {
  const out: RegisterProblem[] = [];
  if (!q.domains.some((d) => d.id === domain)) out.push({ path: 'domain', code: 'unknownDomain' });
  if (!q.levels.some((l) => l.id === level)) out.push({ path: 'level', code: 'unknownLevel' });
  if (isBlank(justification)) out.push({ path: 'justification', code: 'justificationRequired' });
  if (by !== undefined && isBlank(by)) out.push({ path: 'by', code: 'nameRequired' });
  return out;
}

/**
 * The level the domain's fired red flags set as its least (the highest of their `minLevel`s) when
 * `level` is below it, else null. Overriding below it is allowed (docs/scoring.md §8), but the override
 * dialog says so. Read from the domain's trace, so it is exactly what scoring applied.
 */
export function redFlagFloorAbove(q: Questionnaire, d: DomainScore, level: string): string | null {
  const rank = (id: string) => q.levels.findIndex((l) => l.id === id);
  let floor: string | null = null;
  for (const e of d.trace)
    if (e.kind === 'redFlag' && (floor === null || rank(e.minLevel) > rank(floor)))
      floor = e.minLevel;
  return floor !== null && rank(level) >= 0 && rank(level) < rank(floor) ? floor : null;
}

/**
 * Sets a domain's final level by hand, recording who (`by`) and when (`at`). The computed level is
 * not touched: scoring keeps it and every view shows both (docs/scoring.md §8).
 */
export function setOverride(
  a: Assessment,
  q: Questionnaire,
  domain: string,
  level: string,
  justification: string,
  at: string,
  by: string,
): Change {
  const problems = overrideProblems(q, domain, level, justification, by);
  if (problems.length > 0) return { ok: false, problems };
  const text = justification.trim();
  const who = by.trim();
  const next = {
    ...a,
    overrides: { ...a.overrides, [domain]: { level, justification: text, at, by: who } },
  };
  return {
    ok: true,
    assessment: withHistory(next, at, 'overrideSet', `${domain}: ${level} (${who})`),
  };
}

/** Removes a domain's override: the final level is the computed one again. */
export function removeOverride(a: Assessment, domain: string, at: string): Assessment {
  if (!(domain in a.overrides)) return a;
  const overrides = { ...a.overrides };
  delete overrides[domain];
  return withHistory({ ...a, overrides }, at, 'overrideRemoved', domain);
}
