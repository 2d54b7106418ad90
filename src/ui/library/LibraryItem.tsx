import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentSummary, SavedVersion } from '../../core/assessment';
import type { Questionnaire } from '../../core/questionnaire';
import { useServices } from '../services';
import { href } from '../router';
import { downloadFile } from '../download';
import { LevelBadge } from '../components/LevelBadge';
import { hasUnexportedChanges } from './library-model';
import {
  duplicate,
  exportOne,
  exportUnreadable,
  exportVersion,
  moveToQuestionnaire,
  remove,
  restoreVersion,
} from './actions';
import { setAsideLines, unmatchedLines } from './set-aside-text';
import { deletedThisVisit } from './deleted-this-visit';
import type { LibraryContext } from './Library';

/** One assessment in the library: what it is, and what the user can do with it. */
export function LibraryItem({
  summary: s,
  questionnaire,
  questionnaireTitle,
  upgrade,
  ctx,
}: {
  summary: AssessmentSummary;
  questionnaire: Questionnaire | null;
  questionnaireTitle: string;
  /** A newer built-in version of the questionnaire, to offer moving to. */
  upgrade: Questionnaire | null;
  ctx: LibraryContext;
}) {
  const services = useServices();
  const { t, i18n } = useTranslation('library');
  const titleId = useId();
  const title = ctx.displayTitle(s);
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  // The visible text plus the title, so each button is unique for screen-reader users (and the
  // visible words come first, as WCAG "label in name" asks).
  // (Made once per item: a translation call per button was most of a library page's render time.)
  const forTitle = t('item.actionsFor', { title });
  const named = (text: string) => `${text} ${forTitle}`;
  const versionText = t('item.version', { version: s.version ?? 1 });

  async function onExport() {
    const r = await exportOne(services, s.id);
    if (!r.ok) return ctx.announce(ctx.errorText(r.error, title));
    downloadFile(r.value.text, r.value.name, 'application/json');
    ctx.announce({ kind: 'ok', text: t('done.exported', { title, file: r.value.name }) });
    await ctx.refresh();
  }

  async function onExportAnyway() {
    const r = await exportUnreadable(services, s);
    if (!r.ok) return ctx.announce(ctx.errorText(r.error, title));
    downloadFile(r.value.text, r.value.name, 'application/json');
    ctx.announce({ kind: 'ok', text: t('done.exported', { title, file: r.value.name }) });
  }

  async function onDuplicate() {
    const r = await duplicate(services, s.id);
    if (!r.ok) return ctx.announce(ctx.errorText(r.error, title));
    ctx.announce({
      kind: 'ok',
      text: t('done.duplicated', { title, version: r.value.version }),
      link: {
        href: href({ name: 'step', id: r.value.id, step: 0 }),
        text: t('done.openCopy', { version: r.value.version }),
      },
    });
    await ctx.refresh();
  }

  async function onMove(to: Questionnaire) {
    const r = await moveToQuestionnaire(services, s.id, to);
    if (!r.ok) return ctx.announce(ctx.errorText(r.error, title));
    const { migration, from, newVersion } = r.value;
    ctx.announce({
      kind: 'ok',
      text: [
        t('upgrade.done', {
          title,
          version: to.version,
          carried: migration.carried.length,
          aside: migration.setAside.length,
        }),
        newVersion ? t('upgrade.doneSigned', { version: migration.assessment.version }) : '',
        ...unmatchedLines(migration.unmatched, from, i18n.language, (k, o) => t(k, o)),
        migration.setAside.length > 0 ? t('upgrade.asideIntro') : '',
      ]
        .filter(Boolean)
        .join(' '),
      details: setAsideLines(migration.setAside, from, i18n.language, (k, o) => t(k, o)),
    });
    await ctx.refresh();
  }

  async function onDelete() {
    const r = await remove(services, s.id);
    setConfirming(false);
    if (!r.ok) return ctx.announce(ctx.errorText(r.error, title));
    ctx.announce(null);
    // The list first, then the notice: "is deleted" is said once the item is gone from the list.
    await ctx.refresh();
    deletedThisVisit.add({ id: s.id, title });
  }

  if (s.problem) {
    return (
      <li className="card library-item library-item--problem" aria-labelledby={titleId}>
        <h3 id={titleId} className="library-item__title">
          {title}
        </h3>
        <p className="card__meta">
          {[s.systemName, `${questionnaireTitle} ${s.questionnaireVersion}`]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <p className="library-item__problem">{t(`storage.error.${s.problem}`)}</p>
        <div className="actions">
          <button
            type="button"
            className="button"
            aria-label={named(t('actions.exportAnyway'))}
            onClick={() => void onExportAnyway()}
          >
            {t('actions.exportAnyway')}
          </button>
        </div>
      </li>
    );
  }

  const exportState =
    s.exportedAt === null
      ? t('item.notExported')
      : hasUnexportedChanges(s)
        ? t('item.changedSinceExport')
        : null;

  // Each text once (a library page renders 50 items; translation calls were most of its time).
  const label = {
    summary: t('actions.summary'),
    export: t('actions.export'),
    duplicate: t('actions.duplicate'),
    delete: t('actions.delete'),
  };

  return (
    <li className="card library-item" aria-labelledby={titleId}>
      <h3 id={titleId} className="library-item__title">
        <a href={href({ name: 'step', id: s.id, step: 0 })}>{title}</a>
      </h3>
      <p className="card__meta">
        {[
          s.systemName !== title ? s.systemName : '',
          `${questionnaireTitle} ${s.questionnaireVersion}`,
          versionText,
          t(`status.${s.status}`),
          t('item.changed', { date: ctx.formatDate(s.updatedAt) }),
          exportState ?? '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p className="library-item__level">
        {t('item.level')}{' '}
        {questionnaire ? (
          <LevelBadge q={questionnaire} level={s.overallLevel} />
        ) : (
          <span>{s.overallLevel ?? '—'}</span>
        )}
      </p>
      {upgrade ? (
        <p className="library-item__upgrade">
          {t('upgrade.available', { version: upgrade.version })}{' '}
          <button
            type="button"
            className="link-button"
            aria-label={named(t('upgrade.button', { version: upgrade.version }))}
            onClick={() => void onMove(upgrade)}
          >
            {t('upgrade.button', { version: upgrade.version })}
          </button>
        </p>
      ) : null}
      <div className="actions library-item__actions">
        <a
          className="button"
          href={href({ name: 'summary', id: s.id })}
          aria-label={named(label.summary)}
        >
          {label.summary}
        </a>
        <button
          type="button"
          className="button"
          aria-label={named(label.export)}
          onClick={() => void onExport()}
        >
          {label.export}
        </button>
        <button
          type="button"
          className="button"
          aria-label={named(label.duplicate)}
          onClick={() => void onDuplicate()}
        >
          {label.duplicate}
        </button>
        <button
          ref={deleteButton}
          type="button"
          className="button button--danger"
          aria-expanded={confirming}
          aria-label={named(label.delete)}
          onClick={() => setConfirming(true)}
        >
          {label.delete}
        </button>
      </div>
      {confirming ? (
        <ConfirmDelete
          text={t('delete.confirmText', {
            title,
            system: s.systemName,
            questionnaire: `${questionnaireTitle} ${s.questionnaireVersion}`,
            version: s.version ?? 1,
          })}
          heading={t('delete.confirmTitle', { title })}
          onConfirm={() => void onDelete()}
          onCancel={() => {
            setConfirming(false);
            deleteButton.current?.focus();
          }}
        />
      ) : null}
      <Versions summary={s} title={title} ctx={ctx} />
    </li>
  );
}

function ConfirmDelete({
  heading,
  text,
  onConfirm,
  onCancel,
}: {
  heading: string;
  text: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('library');
  const id = useId();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      role="group"
      aria-labelledby={id}
      className="library-confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h4 id={id} ref={ref} tabIndex={-1}>
        {heading}
      </h4>
      <p>{text}</p>
      <div className="actions">
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {t('delete.confirm')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('delete.cancel')}
        </button>
      </div>
    </div>
  );
}

/** The earlier states kept of an assessment, loaded when the user opens the list. */
function Versions({
  summary,
  title,
  ctx,
}: {
  summary: AssessmentSummary;
  title: string;
  ctx: LibraryContext;
}) {
  const services = useServices();
  const { t } = useTranslation('library');
  const [versions, setVersions] = useState<SavedVersion[] | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    services.repository
      .versions(summary.id)
      .then((v) => live && setVersions(v))
      .catch(() => live && setVersions([]));
    return () => {
      live = false;
    };
    // A new save of the assessment (summary.updatedAt) can add a version: load again.
  }, [open, services.repository, summary.id, summary.updatedAt]);

  async function goBack(v: SavedVersion) {
    const r = await restoreVersion(services, v.assessment, v.savedAt);
    if (!r.ok) return ctx.announce(ctx.errorText(r.error, title));
    ctx.announce({
      kind: 'ok',
      text: t('done.versionRestored', { title, date: ctx.formatDate(v.savedAt) }),
    });
    await ctx.refresh();
  }

  return (
    <details className="library-versions" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary aria-label={`${t('versions.title')} ${t('item.actionsFor', { title })}`}>
        {t('versions.title')}
      </summary>
      {versions === null ? (
        <p>{t('versions.loading')}</p>
      ) : versions.length === 0 ? (
        <p>{t('versions.none')}</p>
      ) : (
        <>
          <p className="hint">{t('versions.about')}</p>
          <ul>
            {versions.map((v, i) => {
              const when = t('versions.savedAt', { date: ctx.formatDate(v.savedAt) });
              return (
                <li key={`${v.savedAt}-${i}`}>
                  <span>{when}</span>{' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${t('versions.restore')} (${when})`}
                    onClick={() => void goBack(v)}
                  >
                    {t('versions.restore')}
                  </button>{' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${t('versions.download')} (${when})`}
                    onClick={() =>
                      void exportVersion(v.assessment).then((f) =>
                        downloadFile(f.text, f.name, 'application/json'),
                      )
                    }
                  >
                    {t('versions.download')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </details>
  );
}
