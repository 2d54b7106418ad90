import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../core/texts';
import { useSession } from '../state/session';
import { useDebouncedScore } from '../state/use-debounced-score';
import { LevelBadge } from '../components/LevelBadge';
import type { DomainScore } from '../../core/scoring';

/** True when nothing counts for the domain yet: no answer that scores it, no flag, risk or override. */
function nothingYet(d: DomainScore): boolean {
  return (
    d.final !== null &&
    !d.trace.some((e) => e.kind === 'answer') &&
    d.redFlags.length === 0 &&
    d.registerLevel === null &&
    d.override === null
  );
}

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
                  {nothingYet(d) ? (
                    // Before any answer, red flag, risk or override counts for it, "Low
                    // (provisional)" would read as a result: say there is none yet.
                    <span className="level level--none">{t('live.nothingYet')}</span>
                  ) : (
                    <LevelBadge
                      q={q}
                      level={d.final}
                      provisional={!result.complete || d.trace.some((e) => e.kind === 'unanswered')}
                    />
                  )}
                </dd>
              </div>
            ))}
          </dl>
          <p className="live-levels__overall">
            {t('live.overall')}:{' '}
            {result.domains.every((d) => d.final === null || nothingYet(d)) &&
            result.overall.redFlags.length === 0 ? (
              <span className="level level--none">{t('live.nothingYet')}</span>
            ) : (
              <LevelBadge
                q={q}
                level={result.overall.level}
                open={result.complete ? 0 : result.openRequired.length}
              />
            )}
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
