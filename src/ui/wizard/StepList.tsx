import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Localized } from '../components/Localized';
import { useSession } from '../state/session';
import { useStoreValue } from '../state/assessment-store';
import { href } from '../router';
import { sameJson, sectionProgress } from './visible';

/**
 * The steps with progress; any step can be opened directly. On a narrow screen (a phone) the list
 * is folded behind a disclosure button, so a step's own content comes first instead of 18 links:
 * the button (aria-expanded, aria-controls) opens and closes it; on a wide screen the list is always
 * shown and the button is not there (styles.css).
 */
export function StepList({ current }: { current: number | 'register' | 'summary' | 'signoff' }) {
  const { t } = useTranslation('wizard');
  const { store, questionnaire: q } = useSession();
  const id = store.get().id;
  const progress = useStoreValue(store, (a) => sectionProgress(q, a), sameJson);
  const visible = progress.filter((p) => p.visible);
  const riskCount = useStoreValue(store, (a) => a.register.length);
  const [open, setOpen] = useState(false);
  const listId = `${useId().replace(/:/g, '')}-steps`;
  const position = visible.findIndex((p) => p.index === current);
  return (
    <nav aria-label={t('steps.label')} className={`step-list${open ? '' : ' step-list--folded'}`}>
      <button
        type="button"
        className="step-list__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="step-list__toggle-mark" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>{' '}
        {position >= 0
          ? t('steps.toggleAt', { n: position + 1, total: visible.length })
          : t('steps.toggle', { total: visible.length })}
      </button>
      <ol id={listId}>
        {visible.map((p, n) => {
          const s = q.sections[p.index]!;
          const done = p.total > 0 && p.openRequired === 0 && p.answered > 0;
          return (
            <li key={s.id} className={p.index === current ? 'is-current' : undefined}>
              <a
                href={href({ name: 'step', id, step: p.index })}
                aria-current={p.index === current ? 'step' : undefined}
              >
                <span className="step-list__number" aria-hidden="true">
                  {done ? '✓' : n + 1}
                </span>
                <span className="step-list__title">
                  <Localized text={s.title} />
                </span>
                <span className="step-list__progress">
                  {t('steps.progress', { answered: p.answered, total: p.total })}
                  {p.openRequired > 0
                    ? ` · ${t('steps.openRequired', { count: p.openRequired })}`
                    : ''}
                  {done ? <span className="visually-hidden"> · {t('steps.complete')}</span> : null}
                </span>
              </a>
            </li>
          );
        })}
        <li className={current === 'register' ? 'is-current' : undefined}>
          <a
            href={href({ name: 'register', id })}
            aria-current={current === 'register' ? 'step' : undefined}
          >
            <span className="step-list__number" aria-hidden="true">
              !
            </span>
            <span className="step-list__title">{t('register:stepTitle')}</span>
            <span className="step-list__progress">
              {t('register:stepProgress', { count: riskCount })}
            </span>
          </a>
        </li>
        <li className={current === 'summary' ? 'is-current' : undefined}>
          <a
            href={href({ name: 'summary', id })}
            aria-current={current === 'summary' ? 'step' : undefined}
          >
            <span className="step-list__number" aria-hidden="true">
              Σ
            </span>
            <span className="step-list__title">{t('steps.summary')}</span>
          </a>
        </li>
        <li className={current === 'signoff' ? 'is-current' : undefined}>
          <a
            href={href({ name: 'signoff', id })}
            aria-current={current === 'signoff' ? 'step' : undefined}
          >
            <span className="step-list__number" aria-hidden="true">
              ✍
            </span>
            <span className="step-list__title">{t('signing:signoff.title')}</span>
          </a>
        </li>
      </ol>
    </nav>
  );
}
