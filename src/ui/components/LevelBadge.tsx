import { useTranslation } from 'react-i18next';
import type { Questionnaire } from '../../core/questionnaire';
import { pick } from '../../core/texts/localized';

/** What a badge needs of a questionnaire: its levels, in rank order. */
export interface LevelScale {
  levels: readonly Pick<Questionnaire['levels'][number], 'id' | 'label' | 'color'>[];
}

/**
 * A level as text plus a pattern (dots per rank), coloured by the questionnaire — colour is never
 * the only carrier of the meaning.
 */
export function LevelBadge({
  q,
  level,
  provisional,
  open,
}: {
  q: LevelScale;
  level: string | null;
  /** Marks the level "provisional". */
  provisional?: boolean;
  /** Required questions still open: when above 0 the level says "provisional — n … open". */
  open?: number;
}) {
  const { t, i18n } = useTranslation();
  const note =
    level !== null && open !== undefined && open > 0
      ? t('level.provisionalCount', { count: open })
      : level !== null && provisional
        ? t('level.provisional')
        : null;
  return levelBadge(q, level, i18n.language, t('level.notAssessed'), note);
}

/**
 * The badge without a hook, for lists that render many (the library): the caller passes the texts,
 * made once per list instead of once per badge.
 */
export function levelBadge(
  q: LevelScale,
  level: string | null,
  language: string,
  notAssessed: string,
  note: string | null = null,
) {
  if (level === null) return <span className="level level--none">{notAssessed}</span>;
  const rank = q.levels.findIndex((l) => l.id === level);
  const def = q.levels[rank];
  const label = pick(def?.label, language) || level;
  const badge = (
    <span
      className="level"
      data-rank={rank}
      style={{ '--level-color': def?.color ?? '#555' } as React.CSSProperties}
    >
      <span className="level__pattern" aria-hidden="true">
        {'●'.repeat(rank + 1)}
        {'○'.repeat(Math.max(0, q.levels.length - rank - 1))}
      </span>
      <span className="level__label">{label}</span>
    </span>
  );
  if (note === null) return badge;
  // The note sits beside the badge, not inside it: a badge that wraps reads as two levels.
  return (
    <span className="level-with-note">
      {badge}
      <span className="level__provisional"> ({note})</span>
    </span>
  );
}
