import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../core/assessment';
import {
  actionPlan,
  MEASURE_STATUSES,
  setMeasureStatus,
  sortActions,
  toCsv,
  type ActionRow,
  type ActionSortKey,
  type MeasureStatus,
  type SortDirection,
} from '../../core/register';
import type { Questionnaire } from '../../core/questionnaire';
import type { TFunction } from 'i18next';
import { useSession } from '../state/session';
import { useStoreValue } from '../state/assessment-store';
import { PageHeading } from '../components/PageHeading';
import { SaveStatusText } from '../components/SaveStatusText';
import { StepList } from '../wizard';
import { href } from '../router';
import { downloadFile, safeFileName } from '../download';
import { dayText } from './RiskCard';
import { domainLabel } from './labels';

type Sort = { key: ActionSortKey; direction: SortDirection } | null;

/**
 * The action plan as CSV: one row per measure with a header, in the order shown. Dates stay
 * yyyy-mm-dd so a spreadsheet sorts them; Dutch uses ";" as Excel with Dutch settings expects.
 */
export function actionPlanCsv(
  rows: readonly ActionRow[],
  q: Questionnaire,
  t: TFunction<'register'>,
  lang: string,
): string {
  const header = [
    t('plan.colRiskNumber'),
    t('plan.colRisk'),
    t('plan.colDomain'),
    t('plan.colMeasure'),
    t('plan.colOwner'),
    t('plan.colDue'),
    t('plan.colStatus'),
  ];
  const body = rows.map((r) => [
    r.riskNumber,
    r.riskTitle,
    domainLabel(q, r.domain, lang),
    r.text,
    r.owner,
    r.dueDate,
    t(`status.${r.status}`),
  ]);
  return toCsv(header, body, lang === 'nl' ? ';' : ',');
}

/** Every measure of every risk, sortable by due date and owner, with status and a CSV download. */
export function ActionPlanScreen() {
  const { t, i18n } = useTranslation('register');
  const lang = i18n.language;
  const { store, questionnaire: q, autosaver } = useSession();
  const a = useStoreValue(store, (x: Assessment) => x);
  const [sort, setSort] = useState<Sort>({ key: 'dueDate', direction: 'ascending' });
  const [message, setMessage] = useState('');
  const rows = useMemo(() => {
    const all = actionPlan(a);
    return sort ? sortActions(all, sort.key, sort.direction, lang) : all;
  }, [a, sort, lang]);
  const done = rows.filter((r) => r.status === 'done').length;

  const toggle = (key: ActionSortKey) =>
    setSort((s) =>
      s?.key === key
        ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: 'ascending' },
    );
  const ariaSort = (key: ActionSortKey) => (sort?.key === key ? sort.direction : 'none');
  const sortButton = (key: ActionSortKey, label: string) => (
    <button type="button" className="sort-button" onClick={() => toggle(key)}>
      {label}
      <span aria-hidden="true" className="sort-button__icon">
        {sort?.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ◇'}
      </span>{' '}
      <span className="visually-hidden">
        ({sort?.key === key ? t(`plan.sorted.${sort.direction}`) : t('plan.sortable')})
      </span>
    </button>
  );

  function download() {
    const csv = actionPlanCsv(rows, q, t, lang);
    downloadFile(
      csv,
      `${safeFileName(a.meta.systemName)}-${t('plan.fileSuffix')}.csv`,
      'text/csv;charset=utf-8',
    );
    setMessage(t('plan.downloaded'));
  }

  return (
    <div className="wizard wizard--wide">
      <StepList current="register" />
      <div className="wizard__main stack">
        <PageHeading title={t('plan.title')}>{t('plan.title')}</PageHeading>
        <p className="lead">{t('plan.lead')}</p>
        <SaveStatusText autosaver={autosaver} />
        {rows.length === 0 ? (
          <p>
            {t('plan.empty')}{' '}
            <a href={href({ name: 'register', id: a.id })}>{t('plan.toRegister')}</a>
          </p>
        ) : (
          <>
            <p>{t('plan.count', { count: rows.length, done })}</p>
            <div className="table-scroll" role="region" aria-labelledby="plan-caption" tabIndex={0}>
              <table className="data-table action-plan">
                <caption id="plan-caption">{t('plan.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="data-table__plain-head">
                      {t('plan.colMeasure')}
                    </th>
                    <th scope="col" className="data-table__plain-head">
                      {t('plan.colRisk')}
                    </th>
                    <th scope="col" aria-sort={ariaSort('owner')}>
                      {sortButton('owner', t('plan.colOwner'))}
                    </th>
                    <th scope="col" aria-sort={ariaSort('dueDate')}>
                      {sortButton('dueDate', t('plan.colDue'))}
                    </th>
                    <th scope="col" className="data-table__plain-head">
                      {t('plan.colStatus')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.measureId}>
                      <td data-label={t('plan.colMeasure')}>{r.text}</td>
                      <td data-label={t('plan.colRisk')}>
                        {r.riskNumber} {r.riskTitle}
                        <span className="hint"> · {domainLabel(q, r.domain, lang)}</span>
                      </td>
                      <td data-label={t('plan.colOwner')}>
                        {r.owner || <span className="hint">{t('risk.noOwner')}</span>}
                      </td>
                      <td data-label={t('plan.colDue')}>
                        {r.dueDate ? (
                          <time dateTime={r.dueDate}>{dayText(r.dueDate, lang)}</time>
                        ) : (
                          <span className="hint">{t('risk.noDueDate')}</span>
                        )}
                      </td>
                      <td data-label={t('plan.colStatus')}>
                        <label className="visually-hidden" htmlFor={`status-${r.measureId}`}>
                          {t('plan.statusOf', { text: r.text })}
                        </label>
                        <select
                          id={`status-${r.measureId}`}
                          value={r.status}
                          disabled={store.readOnly}
                          onChange={(e) =>
                            store.update((cur) =>
                              setMeasureStatus(
                                cur,
                                r.riskId,
                                r.measureId,
                                e.target.value as MeasureStatus,
                              ),
                            )
                          }
                        >
                          {MEASURE_STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {t(`status.${s}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="actions">
              <button type="button" className="button button--primary" onClick={download}>
                {t('plan.download')}
              </button>
              <span role="status" aria-live="polite">
                {message}
              </span>
            </div>
            <p className="hint">{t('plan.csvHint')}</p>
          </>
        )}
        <nav className="actions actions--split" aria-label={t('nav.label')}>
          <a className="button" href={href({ name: 'register', id: a.id })}>
            {t('plan.back')}
          </a>
          <a className="button button--primary" href={href({ name: 'summary', id: a.id })}>
            {t('nav.summary')}
          </a>
        </nav>
      </div>
    </div>
  );
}
