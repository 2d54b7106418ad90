import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../core/assessment';
import type { Questionnaire } from '../../core/questionnaire';
import type { ScoreResult } from '../../core/scoring';
import { scoreAssessment } from '../../core/use-cases';
import { href } from '../router';
import { HeatMaps, RiskScoreCells, RiskScoreHeads } from './HeatMap';
import { domainLabel } from './labels';

/**
 * The register on the summary: every risk with its level before and after measures, the measures'
 * progress, open proposals, dismissed proposals with their reasons, and the heat map.
 */
export function RegisterSummary({
  q,
  a,
  result,
}: {
  q: Questionnaire;
  a: Assessment;
  result: ScoreResult;
}) {
  const { t, i18n } = useTranslation('register');
  const lang = i18n.language;
  const scored = scoreAssessment(a, q, lang, result);
  const numbers = new Map(scored.risks.map((r) => [r.id, r.number]));
  const measures = scored.actionPlan;
  const done = measures.filter((m) => m.status === 'done').length;
  const open = scored.proposals.filter((p) => p.status === 'open').length;
  const dismissed = scored.dismissedProposals;
  return (
    <section aria-labelledby="register-summary" className="stack register-summary">
      <h2 id="register-summary">{t('summary.title')}</h2>
      {a.register.length === 0 ? (
        <p>{t('summary.none')}</p>
      ) : (
        <>
          <p>
            {t('summary.counts', { count: a.register.length, measures: measures.length, done })}
          </p>
          <table className="data-table">
            <caption className="visually-hidden">{t('summary.caption')}</caption>
            <thead>
              <tr>
                <RiskScoreHeads />
                <th scope="col">{t('summary.colMeasures')}</th>
              </tr>
            </thead>
            <tbody>
              {a.register.map((r) => (
                <tr key={r.id}>
                  <RiskScoreCells q={q} risk={r} number={numbers.get(r.id) ?? ''} />
                  <td data-label={t('summary.colMeasures')}>
                    {r.measures.length === 0 ? (
                      t('risk.noMeasures')
                    ) : (
                      <ul className="plain-list">
                        {r.measures.map((m) => (
                          <li key={m.id}>
                            {m.text}{' '}
                            <span className="hint">
                              ({m.owner || t('risk.noOwner')}, {t(`status.${m.status}`)})
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {open > 0 ? (
        <p className="notice">
          {t('summary.openProposals', { count: open })}{' '}
          <a href={href({ name: 'register', id: a.id })}>{t('summary.toRegister')}</a>
        </p>
      ) : null}
      {dismissed.length > 0 ? (
        <div>
          <h3>{t('summary.dismissedTitle')}</h3>
          <ul>
            {dismissed.map((d) => (
              <li key={d.id}>
                <strong>{d.title}</strong>
                {d.domain ? ` (${domainLabel(q, d.domain, lang)})` : ''} — {t('proposals.reason')}:{' '}
                {d.reason}
                {d.current ? '' : ` (${t('proposals.notCurrent')})`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="actions">
        <a href={href({ name: 'register', id: a.id })}>{t('summary.toRegister')}</a>
        <a href={href({ name: 'actions', id: a.id })}>{t('summary.toPlan')}</a>
      </p>
      <HeatMaps q={q} register={a.register} headingLevel={3} id="summary-heatmap" />
    </section>
  );
}
