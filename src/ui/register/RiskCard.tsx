import { useTranslation } from 'react-i18next';
import type { RiskItem } from '../../core/assessment';
import type { Questionnaire } from '../../core/questionnaire';
import { riskScores } from '../../core/register';
import { formatDay } from '../../core/report';
import { reportLocale } from '../../core/report';
import { LevelBadge } from '../components/LevelBadge';
import { domId } from './labels';

export const riskHeadingId = (riskId: string) => `risk-${domId(riskId)}-heading`;
export const editButtonId = (riskId: string) => `risk-${domId(riskId)}-edit`;

/** A day as "1 maart 2027" / "1 March 2027" in the UI language. */
export function dayText(day: string, lang: string): string {
  return formatDay(day, reportLocale(lang));
}

/** One stored risk: its ratings before and after measures, the measures, and what can be done. */
export function RiskCard({
  q,
  risk,
  number,
  onEdit,
  onRemove,
  readOnly,
  sources = [],
}: {
  q: Questionnaire;
  risk: RiskItem;
  number: string;
  /** Where the proposals it was taken from came from (beside the risk, not in its text). */
  sources?: readonly string[];
  onEdit(): void;
  onRemove(): void;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation('register');
  const lang = i18n.language;
  const { inherent, residual } = riskScores(q, risk);
  const headingId = riskHeadingId(risk.id);
  return (
    <article className="risk-card" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1} className="risk-card__title">
        <span className="risk-card__number">{number}</span> {risk.title}
      </h3>
      {risk.proposal && sources.length === 0 ? (
        <p className="risk-card__from">{t('risk.fromProposal')}</p>
      ) : null}
      {sources.length > 0 ? (
        <div className="risk-card__from">
          <p>{t('risk.fromProposals', { count: sources.length })}</p>
          <ul>
            {sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className="risk-card__facts">
        <div>
          <dt>{t('risk.before')}</dt>
          <dd>
            {t('heat.score', { l: risk.likelihood, s: risk.severity, p: inherent.product })}{' '}
            <LevelBadge q={q} level={inherent.level} />
          </dd>
        </div>
        <div>
          <dt>{t('risk.after')}</dt>
          <dd>
            {t('heat.score', {
              l: risk.residualLikelihood,
              s: risk.residualSeverity,
              p: residual.product,
            })}{' '}
            <LevelBadge q={q} level={residual.level} />
          </dd>
        </div>
        {risk.affectedGroups ? (
          <div>
            <dt>{t('risk.affectedGroups')}</dt>
            <dd>{risk.affectedGroups}</dd>
          </div>
        ) : null}
      </dl>
      {risk.description ? <p className="risk-card__description">{risk.description}</p> : null}
      {risk.residualJustification ? (
        <p>
          <strong>{t('risk.whyHigher')}</strong> {risk.residualJustification}
        </p>
      ) : null}
      <h4 className="risk-card__measures-title">
        {t('risk.measures', { count: risk.measures.length })}
      </h4>
      {risk.measures.length === 0 ? (
        <p className="hint">{t('risk.noMeasures')}</p>
      ) : (
        <ul className="risk-card__measures">
          {risk.measures.map((m) => (
            <li key={m.id}>
              <span className="risk-card__measure-text">{m.text}</span>
              <span className="risk-card__measure-meta">
                {m.owner || t('risk.noOwner')} ·{' '}
                {m.dueDate ? dayText(m.dueDate, lang) : t('risk.noDueDate')} ·{' '}
                <span className={`status status--${m.status}`}>{t(`status.${m.status}`)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {readOnly ? null : (
        <div className="actions">
          <button type="button" className="button" id={editButtonId(risk.id)} onClick={onEdit}>
            {t('risk.edit')}{' '}
            <span className="visually-hidden">
              {number} {risk.title}
            </span>
          </button>
          <button type="button" className="button button--danger" onClick={onRemove}>
            {t('risk.remove')}{' '}
            <span className="visually-hidden">
              {number} {risk.title}
            </span>
          </button>
        </div>
      )}
    </article>
  );
}
