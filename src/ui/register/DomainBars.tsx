import { useTranslation } from 'react-i18next';
import type { Questionnaire } from '../../core/questionnaire';
import type { ScoreResult } from '../../core/scoring';
import { LevelBadge } from '../components/LevelBadge';
import { domainLabel } from './labels';

/**
 * A bar per domain, as long as its final level is high; an overridden domain also shows its
 * computed level as a dashed outline, so the override never hides it. The bars are drawing only:
 * the text beside each bar says the same, and each band has its own pattern besides its colour.
 */
export function DomainBars({ q, result }: { q: Questionnaire; result: ScoreResult }) {
  const { t, i18n } = useTranslation('register');
  const lang = i18n.language;
  const n = q.levels.length;
  const rank = (id: string | null) => q.levels.findIndex((l) => l.id === id);
  const width = (id: string | null) => `${((rank(id) + 1) / n) * 100}%`;
  return (
    <section aria-labelledby="domain-bars" className="domain-bars-section">
      <h2 id="domain-bars">{t('bars.title')}</h2>
      <ul className="domain-bars">
        {result.domains.map((d) => {
          const r = rank(d.final);
          const color = q.levels[r]?.color;
          return (
            <li key={d.domain} className="domain-bars__row">
              <span className="domain-bars__label">{domainLabel(q, d.domain, lang)}</span>
              <span className="domain-bars__track" aria-hidden="true">
                {d.final !== null ? (
                  <span
                    className="domain-bars__bar"
                    data-rank={Math.min(r, 4)}
                    style={{ width: width(d.final), '--level-color': color } as React.CSSProperties}
                  />
                ) : null}
                {d.override && d.computed !== null ? (
                  <span className="domain-bars__computed" style={{ width: width(d.computed) }} />
                ) : null}
              </span>
              <span className="domain-bars__value">
                <LevelBadge q={q} level={d.final} />
                {d.override ? (
                  <span className="computed-note">
                    {' '}
                    {t('bars.computed')}: <LevelBadge q={q} level={d.computed} />
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      {result.domains.some((d) => d.override) ? (
        <p className="hint">{t('bars.computedHint')}</p>
      ) : null}
    </section>
  );
}
