import { useTranslation } from 'react-i18next';
import type { Questionnaire } from '../../core/questionnaire';
import { pick } from '../../core/texts/localized';

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
  q: Questionnaire;
  level: string | null;
  /** Marks the level "provisional". */
  provisional?: boolean;
  /** Required questions still open: when above 0 the level says "provisional — n … open". */
  open?: number;
}) {
  const { t, i18n } = useTranslation();
  if (level === null) return <span className="level level--none">{t('level.notAssessed')}</span>;
  const rank = q.levels.findIndex((l) => l.id === level);
  const def = q.levels[rank];
  const label = pick(def?.label, i18n.language) || level;
  const note =
    open !== undefined && open > 0
      ? t('level.provisionalCount', { count: open })
      : provisional
        ? t('level.provisional')
        : null;
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
