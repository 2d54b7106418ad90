/**
 * Obligations per level: what a questionnaire says must happen at the overall level (a peer
 * review, a notice to the people affected, a human decision, an approval by a named role), and
 * which sign-off roles that level makes required (docs/scoring.md §14). Pure.
 *
 * The level is the final overall level, after overrides. While a required question is open that
 * level can still change, and so can its obligations: `settled` says so, and every view says it in
 * words instead of presenting the obligations as fixed.
 */
import type { Obligation, Questionnaire } from '../questionnaire/questionnaire-schema';
import type { LocalizedText } from '../texts/localized';
import type { ScoreResult } from './scoring';

export interface LevelObligations {
  /** The final overall level these obligations belong to. */
  level: string;
  levelLabel: LocalizedText;
  obligations: Obligation[];
  /** Ids of the sign-off roles this level makes required. */
  requiredRoles: string[];
  /** False while required questions are open: the level, and so this list, may still change. */
  settled: boolean;
}

/**
 * The obligations of the final overall level, or null when there is no overall level yet or the
 * level carries neither obligations nor required roles.
 */
export function levelObligations(
  q: Questionnaire,
  result: Pick<ScoreResult, 'overall' | 'complete'>,
): LevelObligations | null {
  const id = result.overall.level;
  if (id === null) return null;
  const level = q.levels.find((l) => l.id === id);
  if (!level) return null;
  const obligations = level.obligations ?? [];
  const requiredRoles = level.requiredRoles ?? [];
  if (obligations.length === 0 && requiredRoles.length === 0) return null;
  return {
    level: id,
    levelLabel: level.label,
    obligations,
    requiredRoles,
    settled: result.complete,
  };
}

/** True when some level of the questionnaire declares obligations or required roles. */
export function hasLevelObligations(q: Questionnaire): boolean {
  return q.levels.some(
    (l) => (l.obligations?.length ?? 0) > 0 || (l.requiredRoles?.length ?? 0) > 0,
  );
}

const KIND_LABELS: Record<string, Record<NonNullable<Obligation['kind']>, string>> = {
  en: {
    peerReview: 'Peer review',
    notice: 'Notice to the people affected',
    humanDecision: 'Human decision',
    approval: 'Approval',
    advice: 'Advice',
    other: 'Obligation',
  },
  nl: {
    peerReview: 'Collegiale toetsing',
    notice: 'Mensen informeren om wie het gaat',
    humanDecision: 'Besluit door een mens',
    approval: 'Goedkeuring',
    advice: 'Advies',
    other: 'Verplichting',
  },
};

/** The kind of an obligation in words ("Peer review", "Collegiale toetsing"), for every view. */
export function obligationKindLabel(kind: Obligation['kind'], locale: string): string {
  return (KIND_LABELS[locale] ?? KIND_LABELS.en!)[kind ?? 'other'];
}
