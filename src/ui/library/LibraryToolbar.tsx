import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryQuery, SortKey, StatusFilter } from './library-model';

const SORTS: SortKey[] = ['updated', 'title', 'status', 'level'];
const STATUSES: StatusFilter[] = ['all', 'draft', 'inReview', 'signed'];

/** Search, sort and filter for the library; every control has a visible label. */
export function LibraryToolbar({
  query,
  onChange,
  questionnaires,
}: {
  query: LibraryQuery;
  onChange: (q: LibraryQuery) => void;
  questionnaires: { id: string; title: string }[];
}) {
  const { t } = useTranslation('library');
  const id = useId();
  const set = (patch: Partial<LibraryQuery>) => onChange({ ...query, ...patch });
  return (
    <search className="library-toolbar">
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query.search}
          aria-describedby={`${id}-search-hint`}
          onChange={(e) => set({ search: e.currentTarget.value })}
        />
        <span id={`${id}-search-hint`} className="hint">
          {t('searchHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>{t('sort.label')}</label>
        <select
          id={`${id}-sort`}
          value={query.sort}
          onChange={(e) => set({ sort: e.currentTarget.value as SortKey })}
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('filter.status')}</label>
        <select
          id={`${id}-status`}
          value={query.status}
          onChange={(e) => set({ status: e.currentTarget.value as StatusFilter })}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === 'all' ? t('filter.all') : t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {questionnaires.length > 1 ? (
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('filter.questionnaire')}</label>
          <select
            id={`${id}-q`}
            value={query.questionnaire}
            onChange={(e) => set({ questionnaire: e.currentTarget.value })}
          >
            <option value="all">{t('filter.allQuestionnaires')}</option>
            {questionnaires.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field library-toolbar__check">
        <input
          id={`${id}-unexported`}
          type="checkbox"
          checked={query.onlyUnexported}
          onChange={(e) => set({ onlyUnexported: e.currentTarget.checked })}
        />
        <label htmlFor={`${id}-unexported`}>{t('filter.unexported')}</label>
      </div>
    </search>
  );
}
