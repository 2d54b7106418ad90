/**
 * What changed since the previous version, in plain words, from the copy kept when the new
 * version started (src/core/assessment/versions.ts): the parts of the content that differ
 * (answers, notes, risks, decisions on proposals, overrides, conclusion …) and the domains whose
 * final level moved. Without a kept copy it says nothing rather than guess.
 */
import { AssessmentSchema, type Assessment } from '../assessment/assessment-schema';
import { versionContent } from '../assessment/versions';
import { changedPaths, describeChanges } from '../assessment/seal';
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import { score } from '../scoring/scoring';
import { riskNumbers } from '../register/risk-numbers';
import { pick } from '../texts/localized';

export interface VersionChanges {
  /** The version compared with (the one before the current). */
  since: number;
  /** Parts of the content that differ, as sentences ("answer to “…”", "the conclusion"). */
  parts: string[];
  /** Domains whose final level differs: label, level before, level now. */
  levels: { domain: string; before: string; after: string }[];
  /**
   * Per risk kept in both versions (same id) whose ratings differ: its number now ("R1"), title,
   * and each rating that moved, before and after measures, in the order likelihood, severity,
   * residual likelihood, residual severity.
   */
  ratings: {
    risk: string;
    title: string;
    changes: { rating: RiskRatingField; before: number; after: number }[];
  }[];
}

export const RISK_RATING_FIELDS = [
  'likelihood',
  'severity',
  'residualLikelihood',
  'residualSeverity',
] as const;
export type RiskRatingField = (typeof RISK_RATING_FIELDS)[number];

/** The ratings of each risk that moved between two versions (matched by id; new or removed risks are not rating changes). */
export function ratingChanges(before: Assessment, after: Assessment): VersionChanges['ratings'] {
  const numbers = riskNumbers(after.register);
  return after.register.flatMap((r) => {
    const was = before.register.find((x) => x.id === r.id);
    if (!was) return [];
    const changes = RISK_RATING_FIELDS.filter((f) => was[f] !== r[f]).map((f) => ({
      rating: f,
      before: was[f],
      after: r[f],
    }));
    return changes.length === 0
      ? []
      : [{ risk: numbers.get(r.id) ?? r.id, title: r.title, changes }];
  });
}

/** Changes of the current version against the previous one; null when no copy of it is kept. */
export function versionChanges(
  a: Assessment,
  q: Questionnaire,
  locale: string,
): VersionChanges | null {
  const since = a.version - 1;
  const content = since >= 1 ? versionContent(a, since) : null;
  if (!content) return null;
  const parsed = AssessmentSchema.safeParse({
    ...content,
    signOffs: [],
    history: [],
    updatedAt: a.updatedAt,
  });
  if (!parsed.success) return null;
  const before = parsed.data;
  const paths = changedPaths(before, a, 200).filter(
    (p) => p[0] !== 'version' && p[0] !== 'versions',
  );
  const parts = describeChanges(paths, before, a, locale, q).map((c) => c.text);
  const levelLabel = (id: string | null) =>
    id === null ? '—' : pick(q.levels.find((l) => l.id === id)?.label, locale) || id;
  const was = score(q, before);
  const now = score(q, a);
  const levels = q.domains.flatMap((d) => {
    const x = was.byDomain[d.id]?.final ?? null;
    const y = now.byDomain[d.id]?.final ?? null;
    return x === y
      ? []
      : [{ domain: pick(d.label, locale), before: levelLabel(x), after: levelLabel(y) }];
  });
  return { since, parts, levels, ratings: ratingChanges(before, a) };
}
