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
import { pick } from '../texts/localized';

export interface VersionChanges {
  /** The version compared with (the one before the current). */
  since: number;
  /** Parts of the content that differ, as sentences ("answer to “…”", "the conclusion"). */
  parts: string[];
  /** Domains whose final level differs: label, level before, level now. */
  levels: { domain: string; before: string; after: string }[];
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
  return { since, parts, levels };
}
