import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '../../core/assessment';
import { useServices } from '../services';
import { href } from '../router';
import { formatMoment } from '../../core/texts/format';

/** The assessments on this device, newest first, to continue where the user left off. */
export function AssessmentList() {
  const { t, i18n } = useTranslation('start');
  const { repository } = useServices();
  const [items, setItems] = useState<AssessmentSummary[] | null>(null);
  useEffect(() => {
    let live = true;
    void repository.list().then((list) => {
      if (live) setItems(list.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
    });
    return () => {
      live = false;
    };
  }, [repository]);
  if (items === null) return null;
  return (
    <section aria-labelledby="continue" className="panel">
      <h2 id="continue">{t('continue.title')}</h2>
      {items.length === 0 ? (
        <p>{t('continue.empty')}</p>
      ) : (
        <ul className="card-list">
          {items.map((s) => (
            <li key={s.id} className="card">
              <a href={href({ name: 'step', id: s.id, step: 0 })} className="card__title">
                {s.title || s.systemName || t('continue.untitled')}
              </a>
              <span className="card__meta">
                {s.systemName} · {t(`status.${s.status}`)} ·{' '}
                {t('continue.changed', {
                  date: formatMoment(s.updatedAt, i18n.language, undefined, 'short'),
                })}
              </span>
              <a href={href({ name: 'summary', id: s.id })}>{t('continue.summary')}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
