import { memo, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentSummary, SavedVersion } from '../../core/assessment';
import type { QuestionnaireInfo } from './questionnaire-info';
import { pick } from '../../core/texts/localized';
import { useServices } from '../services';
import { href } from '../router';
import { downloadFile } from '../download';
import { levelBadge } from '../components/LevelBadge';
import { hasUnexportedChanges } from './library-model';
import {
  duplicate,
  startWithCarriedAnswers,
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

/**
 * One assessment in the library: what it is, and what the user can do with it. Light, because a
 * page renders 50: its texts come made from the list (`ctx.texts`), it uses no translation hook,
 * and it renders again only when its own props change (memo).
 */
export const LibraryItem = memo(function LibraryItem({
  summary: s,
  questionnaire,
  questionnaireTitle,
  upgrade,
  ctx,
}: {
  summary: AssessmentSummary;
  /** What the list shows of the questionnaire (title, levels); null while unknown. */
  questionnaire: QuestionnaireInfo | null;
  questionnaireTitle: string;
  /** A newer built-in version of the questionnaire, to offer moving to (loaded when chosen). */
  upgrade: QuestionnaireInfo | null;
  ctx: LibraryContext;
}) {
  const services = useServices();
  const { t, texts, locale } = ctx;
  const titleId = useId();
  const title = ctx.displayTitle(s);
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  // The visible text plus the title, so each button is unique for screen-reader users (and the
  // visible words come first, as WCAG "label in name" asks).
  const forTitle = texts.actionsFor(title);
  const named = (text: string) => `${text} ${forTitle}`;

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

  async function onCarry(info: QuestionnaireInfo) {
    // The built-in questionnaire (checked) is loaded when asked for; an assessment with a
    // questionnaire of its own offers this on its summary, where that one is checked.
    const from = await ctx.loadBuiltin(info);
    if (!from) return ctx.announce(ctx.errorText('notFound', title));
    const r = await startWithCarriedAnswers(services, s.id, from);
    if (!r.ok) return ctx.announce(ctx.errorText(r.error, title));
    const { assessment, carried, target } = r.value;
    ctx.announce({
      kind: 'ok',
      text: t('done.carried', { title, count: carried, target: pick(target.title, locale) }),
      link: {
        href: href({ name: 'step', id: assessment.id, step: 0 }),
        text: t('done.openCarried'),
      },
    });
    await ctx.refresh();
  }

  async function onMove(info: QuestionnaireInfo) {
    const to = await ctx.loadBuiltin(info);
    if (!to) return ctx.announce(ctx.errorText('notFound', title));
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
        ...unmatchedLines(migration.unmatched, from, locale, (k, o) => t(k, o)),
        migration.setAside.length > 0 ? t('upgrade.asideIntro') : '',
      ]
        .filter(Boolean)
        .join(' '),
      details: setAsideLines(migration.setAside, from, locale, (k, o) => t(k, o)),
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
            aria-label={named(texts.exportAnyway)}
            onClick={() => void onExportAnyway()}
          >
            {texts.exportAnyway}
          </button>
        </div>
      </li>
    );
  }

  const exportState =
    s.exportedAt === null
      ? texts.notExported
      : hasUnexportedChanges(s)
        ? texts.changedSinceExport
        : null;
  const label = texts;

  return (
    <li className="card library-item" aria-labelledby={titleId}>
      <h3 id={titleId} className="library-item__title">
        <a href={href({ name: 'step', id: s.id, step: 0 })}>{title}</a>
      </h3>
      <p className="card__meta">
        {[
          s.systemName !== title ? s.systemName : '',
          `${questionnaireTitle} ${s.questionnaireVersion}`,
          texts.version(s.version ?? 1),
          texts.status[s.status],
          texts.changed(ctx.formatDate(s.updatedAt)),
          exportState ?? '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p className="library-item__level">
        {texts.level}{' '}
        {questionnaire ? (
          levelBadge(questionnaire, s.overallLevel, locale, texts.notAssessed)
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
        {questionnaire?.carryTargets?.length ? (
          <button
            type="button"
            className="button"
            aria-label={named(t('actions.carry'))}
            onClick={() => void onCarry(questionnaire)}
          >
            {t('actions.carry')}
          </button>
        ) : null}
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
});

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

/**
 * The earlier states kept of an assessment: a closed disclosure until the user opens it; its list
 * (and its texts) are made only then.
 */
function Versions({
  summary,
  title,
  ctx,
}: {
  summary: AssessmentSummary;
  title: string;
  ctx: LibraryContext;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="library-versions" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary aria-label={`${ctx.texts.versionsTitle} ${ctx.texts.actionsFor(title)}`}>
        {ctx.texts.versionsTitle}
      </summary>
      {open ? <VersionList summary={summary} title={title} ctx={ctx} /> : null}
    </details>
  );
}

/** The list of earlier states, loaded when the disclosure opens. */
function VersionList({
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

  useEffect(() => {
    let live = true;
    services.repository
      .versions(summary.id)
      .then((v) => live && setVersions(v))
      .catch(() => live && setVersions([]));
    return () => {
      live = false;
    };
    // A new save of the assessment (summary.updatedAt) can add a version: load again.
  }, [services.repository, summary.id, summary.updatedAt]);

  async function goBack(v: SavedVersion) {
    const r = await restoreVersion(services, v.assessment, v.savedAt);
    if (!r.ok) return ctx.announce(ctx.errorText(r.error, title));
    ctx.announce({
      kind: 'ok',
      text: t('done.versionRestored', { title, date: ctx.formatDate(v.savedAt) }),
    });
    await ctx.refresh();
  }

  return versions === null ? (
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
  );
}
