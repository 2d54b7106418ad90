import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../core/localized';
import { useSession } from '../state/session';
import { useDebouncedScore } from '../state/use-debounced-score';
import { LevelBadge } from '../components/LevelBadge';

/** Live domain levels beside the form; can be collapsed. */
export function LiveLevels() {
  const { t, i18n } = useTranslation('wizard');
  const { store, questionnaire: q } = useSession();
  const result = useDebouncedScore(store, q);
  const [open, setOpen] = useState(true);
  return (
    <section className="live-levels" aria-labelledby="live-levels-title">
      <h2 id="live-levels-title" className="live-levels__title">
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {t('live.title')}
        </button>
      </h2>
      {open ? (
        <>
          <dl className="live-levels__list">
            {result.domains.map((d) => (
              <div key={d.domain} className="live-levels__row">
                <dt>{pick(q.domains.find((x) => x.id === d.domain)?.label, i18n.language)}</dt>
                <dd>
                  <LevelBadge
                    q={q}
                    level={d.final}
                    provisional={d.trace.some((e) => e.kind === 'unanswered')}
                  />
                </dd>
              </div>
            ))}
          </dl>
          <p className="live-levels__overall">
            {t('live.overall')}:{' '}
            <LevelBadge q={q} level={result.overall.level} provisional={!result.complete} />
          </p>
          {result.redFlags.length > 0 ? (
            <p className="live-levels__flags">
              {t('live.redFlags', { count: result.redFlags.length })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
