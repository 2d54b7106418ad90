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
}: {
  q: Questionnaire;
  level: string | null;
  provisional?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (level === null) return <span className="level level--none">{t('level.notAssessed')}</span>;
  const rank = q.levels.findIndex((l) => l.id === level);
  const def = q.levels[rank];
  const label = pick(def?.label, i18n.language) || level;
  return (
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
      {provisional ? <span className="level__provisional"> ({t('level.provisional')})</span> : null}
    </span>
  );
}
