import {
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AssessmentSummary } from '../../core/assessment';
import type { Questionnaire } from '../../core/questionnaire';
import { pick } from '../../core/texts/localized';
import { formatMoment } from '../../core/texts/format';
import { useServices } from '../services';
import { href } from '../router';
import { downloadFile } from '../download';
import {
  applyQuery,
  backupFileName,
  compareVersions,
  DEFAULT_QUERY,
  needsReminder,
  type LibraryQuery,
} from './library-model';
import { exportAll, undoRemove } from './actions';
import type { ActionError } from './library-actions';
import { deletedThisVisit, useDeletedThisVisit } from './deleted-this-visit';
import { lazyScreen, once } from '../lazy-screen';
import type { ItemTexts } from './item-texts';
import type { QuestionnaireInfo } from './questionnaire-info';
import './library.css';

// Only a library with assessments shows these: an empty one never loads their code, which keeps
// the start screen's JavaScript small (docs/performance.md). They load with the list, before it is
// shown (readList), so the list renders once, complete, without suspending.
const listCode = once(() => import('./library-list'));
const LibraryToolbar = lazyScreen(listCode, (m) => m.LibraryToolbar);
const LibraryItem = lazyScreen(listCode, (m) => m.LibraryItem);

// The panels under the list load as the start screen starts, but the screen does not wait for them:
// in the prerendered page (scripts/prerender.ts) they are already shown, and React takes them over
// when their code has come. Rendered without suspending once loaded (lazy-screen.ts).
const panels = once(() => import('./library-panels'));
void panels().catch(() => undefined);
const ImportPanel = lazyScreen(panels, (m) => m.ImportPanel);
const StorageStatus = lazyScreen(panels, (m) => m.StorageStatus);

/** A result to announce: polite for what worked, an alert for what did not. */
export interface Note {
  kind: 'ok' | 'error';
  text: string;
  /** Extra lines (e.g. the reason of an error). */
  details?: string[];
  link?: { href: string; text: string };
}

export interface LibraryContext {
  announce(note: Note | null): void;
  refresh(): Promise<void>;
  /** Plain-language text for an action error about this title. */
  errorText(error: ActionError, title: string): Note;
  displayTitle(s: Pick<AssessmentSummary, 'title' | 'systemName'>): string;
  formatDate(iso: string): string;
  /** The library's texts (namespace `library`) and the item texts made from them once. */
  t: TFunction<'library'>;
  texts: ItemTexts;
  locale: string;
  /** The whole built-in questionnaire behind a catalogue entry (loaded and checked), or null. */
  loadBuiltin(info: QuestionnaireInfo): Promise<Questionnaire | null>;
}

/** How many library items are listed at first, and added by "show more". */
export const PAGE = 50;
const NONE: AssessmentSummary[] = [];

type Repo = { subscribe?: (l: (e: { kind: string }) => void) => () => void };

/** The library's lines, with the code that shows them loaded when there are any. */
async function readList(repository: { list(): Promise<AssessmentSummary[]> }) {
  const list = await repository.list();
  // Not fatal: the items' Suspense boundary loads the code again.
  if (list.length > 0) await listCode().catch(() => undefined);
  return list;
}

async function loadBuiltin(info: QuestionnaireInfo): Promise<Questionnaire | null> {
  const { builtinQuestionnairesWithIds } = await import('../questionnaires');
  const all = await builtinQuestionnairesWithIds([info.id]);
  return all.find((q) => q.version === info.version) ?? null;
}

/**
 * The library on the home screen: every assessment on this device with search, sort and filter;
 * open, export, duplicate, delete with undo; backup, import and restore; storage status and a
 * gentle reminder to back up. Texts in locales/<lng>/library.json.
 */
export function Library() {
  const services = useServices();
  const { repository } = services;
  const { t, i18n } = useTranslation('library');
  const locale = i18n.language;
  const [items, setItems] = useState<AssessmentSummary[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [query, setQueryState] = useState<LibraryQuery>(DEFAULT_QUERY);
  // A large library (thousands of assessments) is listed a page at a time: rendering every item
  // froze the start screen for seconds. Search, sort and filter work on all summaries.
  const [limit, setLimit] = useState(PAGE);
  const setQuery = useCallback((q: LibraryQuery) => {
    setQueryState(q);
    setLimit(PAGE);
  }, []);
  const listRef = useRef<HTMLUListElement>(null);
  const focusFrom = useRef<number | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const { questionnaireOf, newerBuiltin } = useQuestionnaires(items);
  const deleted = useDeletedThisVisit();
  const headingId = useId();

  const refresh = useCallback(async () => {
    try {
      setItems(await readList(repository));
      setLoadFailed(false);
    } catch {
      setLoadFailed(true);
      setItems((prev) => prev ?? []);
    }
  }, [repository]);

  useEffect(() => {
    let live = true;
    const load = () =>
      readList(repository).then(
        (list) => {
          if (!live) return;
          setItems(list);
          setLoadFailed(false);
        },
        () => {
          if (!live) return;
          setLoadFailed(true);
          setItems((prev) => prev ?? []);
        },
      );
    void load();
    // Another tab saved or deleted something: show the library as it is now.
    const unsubscribe = (repository as Repo).subscribe?.((e) => {
      if (e.kind === 'externalChange') void load();
    });
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [repository]);

  const ctx: LibraryContext = useMemo(() => {
    let texts: ItemTexts | null = null;
    return {
      announce: setNote,
      refresh,
      t,
      // Made on first use, by the items (their chunk brings the code: not on the start path).
      get texts() {
        return (texts ??= listCode.loaded()!.itemTexts(t));
      },
      locale,
      loadBuiltin,
      displayTitle: (s) => s.title || s.systemName || t('item.untitled'),
      // The shared formatter: made once per language, when the first date is shown.
      formatDate: (iso) => formatMoment(iso, locale, undefined, 'short'),
      errorText: (error, title) => {
        if (
          error === 'busyElsewhere' ||
          error === 'notFound' ||
          error === 'otherQuestionnaire' ||
          error === 'sameVersion'
        ) {
          return { kind: 'error', text: t(`errors.${error}`, { title }) };
        }
        return {
          kind: 'error',
          text: t('errors.action', { title }),
          details: [t(`storage.error.${error}`)],
        };
      },
    };
  }, [refresh, t, locale]);

  const doExportAll = useCallback(async () => {
    const r = await exportAll(services, __APP_VERSION__);
    if (!r.ok) return setNote(ctx.errorText(r.error, t('backup.title')));
    if (r.value.count === 0) return setNote({ kind: 'ok', text: t('backup.nothing') });
    const file = backupFileName(new Date(services.now()));
    downloadFile(r.value.text, file, 'application/json');
    setNote({ kind: 'ok', text: t('done.backup', { count: r.value.count, file }) });
    await refresh();
  }, [services, ctx, t, refresh]);

  // After an undo, focus goes to the restored assessment (its notice and button are gone).
  const focusRestored = useRef<string | null>(null);
  useEffect(() => {
    const id = focusRestored.current;
    if (!id || !items?.some((s) => s.id === id)) return;
    focusRestored.current = null;
    document
      .querySelector<HTMLAnchorElement>(
        `.library-item__title a[href="${href({ name: 'step', id, step: 0 })}"]`,
      )
      ?.focus();
  }, [items]);

  const undo = useCallback(
    async (id: string, title: string) => {
      const r = await undoRemove(services, id);
      deletedThisVisit.remove(id);
      if (!r.ok) setNote(ctx.errorText(r.error, title));
      else if (!r.value) setNote({ kind: 'error', text: t('deleted.cannotRestore', { title }) });
      else {
        setNote({ kind: 'ok', text: t('deleted.restored', { title }) });
        focusRestored.current = id;
      }
      await refresh();
    },
    [services, ctx, t, refresh],
  );

  const questionnaireTitle = useCallback(
    (s: AssessmentSummary) => {
      const q = questionnaireOf(s);
      return q ? pick(q.title, locale) : s.questionnaireId;
    },
    [questionnaireOf, locale],
  );

  const shown = useMemo(
    () =>
      items
        ? applyQuery(items, query, {
            locale,
            labels: questionnaireTitle,
            levelRank: (s) =>
              questionnaireOf(s)?.levels.findIndex((l) => l.id === s.overallLevel) ?? -1,
          })
        : [],
    [items, query, locale, questionnaireTitle, questionnaireOf],
  );

  const page = useMemo(() => shown.slice(0, limit), [shown, limit]);
  // A full page of a large library is first shown empty and then rendered in the background, a few
  // items at a time with input handled in between: rendering the first 50 items in one go was the
  // longest task of a start with 10,000 assessments.
  const deferred = useDeferredValue(page, NONE);
  const listed = shown.length > PAGE ? deferred : page;
  useEffect(() => {
    // After "show more", the first newly listed item takes the focus, so keyboard and screen
    // reader users go on where the list grew.
    const from = focusFrom.current;
    if (from === null || listed.length <= from) return;
    focusFrom.current = null;
    listRef.current?.children[from]?.querySelector<HTMLElement>('a, button')?.focus();
  }, [listed]);

  const remind = useMemo(
    () => (items ? needsReminder(items, services.now()) : []),
    [items, services],
  );
  const questionnaireList = useMemo(
    () => (items ? uniqueQuestionnaires(items, questionnaireTitle) : []),
    [items, questionnaireTitle],
  );

  return (
    <>
      <section aria-labelledby={headingId} className="panel library">
        <h2 id={headingId}>{t('title')}</h2>
        {services.storageProblem ? (
          <div className="notice notice--warning library-problem">
            <p>
              <strong>{t('memoryOnly')}</strong> {t(`storage.error.${services.storageProblem}`)}
            </p>
          </div>
        ) : null}
        {remind.length > 0 ? (
          <Reminder titles={remind.map((s) => ctx.displayTitle(s))} onExport={doExportAll} />
        ) : null}
        <Announcer note={note} />
        <DeletedNotices items={deleted} onUndo={undo} />
        {items === null ? (
          <p role="status">{t('loading')}</p>
        ) : loadFailed ? (
          <p role="alert">{t('loadError')}</p>
        ) : items.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            {items.length > 1 ? (
              <LibraryToolbar
                query={query}
                onChange={setQuery}
                questionnaires={questionnaireList}
              />
            ) : null}
            {items.length > 1 ? (
              <p className="library-count" role="status">
                {t('count', { shown: shown.length, count: items.length })}
              </p>
            ) : null}
            {shown.length === 0 ? <p>{t('noMatch')}</p> : null}
            <ul className="card-list library-list" aria-labelledby={headingId} ref={listRef}>
              {listed.map((s) => (
                <LibraryItem
                  key={s.id}
                  summary={s}
                  questionnaire={questionnaireOf(s)}
                  questionnaireTitle={questionnaireTitle(s)}
                  upgrade={newerBuiltin(s)}
                  ctx={ctx}
                />
              ))}
            </ul>
            {shown.length > limit ? (
              <p className="library-more">
                {/* Not a live region: the count above is the one announced; after "show more"
                    the focus goes to the first new item. */}
                <span>{t('listed', { listed: limit, count: shown.length })}</span>{' '}
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    focusFrom.current = limit;
                    setLimit((l) => l + PAGE);
                  }}
                >
                  {t('showMore', { count: Math.min(PAGE, shown.length - limit) })}
                </button>
              </p>
            ) : null}
          </Suspense>
        )}
      </section>
      <Suspense fallback={null}>
        <ImportPanel ctx={ctx} onExportAll={doExportAll} />
        <StorageStatus items={items} />
      </Suspense>
    </>
  );
}

function uniqueQuestionnaires(
  items: AssessmentSummary[],
  title: (s: AssessmentSummary) => string,
): { id: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const s of items)
    if (!s.problem && !seen.has(s.questionnaireId)) seen.set(s.questionnaireId, title(s));
  return [...seen].map(([id, t]) => ({ id, title: t }));
}

/**
 * The questionnaire of each summary, as the list shows it (title, levels): a built-in one by id and
 * version from the catalogue made at build time, else the assessment's own copy.
 */
function useQuestionnaires(items: AssessmentSummary[] | null) {
  const { repository } = useServices();
  // Loaded before a non-empty list is shown (readList); null until then, or if it failed to load.
  const builtins = items && items.length > 0 ? (listCode.loaded()?.builtinCatalog ?? null) : null;
  const [embedded, setEmbedded] = useState<Map<string, Questionnaire | null>>(new Map());
  const asked = useRef(new Set<string>());
  const builtin = useCallback(
    (s: AssessmentSummary) =>
      builtins?.find((q) => q.id === s.questionnaireId && q.version === s.questionnaireVersion) ??
      null,
    [builtins],
  );
  useEffect(() => {
    if (!items || builtins === null) return;
    for (const s of items) {
      const key = `${s.questionnaireId}@${s.questionnaireVersion}`;
      if (s.problem || asked.current.has(key) || builtin(s)) continue;
      asked.current.add(key);
      void repository
        .get(s.id)
        .then((a) => a?.questionnaireSnapshot ?? null)
        .catch(() => null)
        .then((q) => setEmbedded((m) => new Map(m).set(key, q)));
    }
  }, [items, builtins, builtin, repository]);
  const questionnaireOf = useCallback(
    (s: AssessmentSummary): QuestionnaireInfo | null =>
      builtin(s) ?? embedded.get(`${s.questionnaireId}@${s.questionnaireVersion}`) ?? null,
    [builtin, embedded],
  );
  /** The newest built-in version of the summary's questionnaire, when it is newer than the one used. */
  const newerBuiltin = useCallback(
    (s: AssessmentSummary): QuestionnaireInfo | null => {
      if (s.problem) return null;
      const newest = (builtins ?? [])
        .filter((q) => q.id === s.questionnaireId)
        .sort((a, b) => compareVersions(b.version, a.version))[0];
      return newest && compareVersions(newest.version, s.questionnaireVersion) > 0 ? newest : null;
    },
    [builtins],
  );
  return { questionnaireOf, newerBuiltin };
}

function Announcer({ note }: { note: Note | null }) {
  // The polite region stays in the page so that a change of its text is announced; an alert is
  // announced when it appears.
  return (
    <>
      <div role="status" className="library-note">
        {note?.kind === 'ok' ? (
          <div className="notice">
            <p>
              {note.text} {note.link ? <a href={note.link.href}>{note.link.text}</a> : null}
            </p>
            {note.details && note.details.length > 0 ? (
              <ul>
                {note.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      {note?.kind === 'error' ? (
        <div role="alert" className="library-note error-summary">
          <p>{note.text}</p>
          {note.details?.map((d, i) => (
            <p key={i}>{d}</p>
          ))}
        </div>
      ) : null}
    </>
  );
}

function DeletedNotices({
  items,
  onUndo,
}: {
  items: { id: string; title: string }[];
  onUndo: (id: string, title: string) => void;
}) {
  const { t } = useTranslation('library');
  const first = useRef<HTMLParagraphElement>(null);
  const newest = items[0]?.id;
  useEffect(() => {
    // After a delete, land on its notice: it says what happened and offers the undo next to it.
    if (newest) first.current?.focus();
  }, [newest]);
  if (items.length === 0) return null;
  return (
    <ul className="library-deleted">
      {items.map((d, i) => (
        <li key={d.id} className="notice">
          <p ref={i === 0 ? first : undefined} tabIndex={-1}>
            {t('deleted.text', { title: d.title })}
          </p>
          <button
            type="button"
            className="button"
            aria-label={t('deleted.undoFor', { title: d.title })}
            onClick={() => onUndo(d.id, d.title)}
          >
            {t('deleted.undo')}
          </button>
        </li>
      ))}
    </ul>
  );
}

function Reminder({ titles, onExport }: { titles: string[]; onExport: () => void }) {
  const { t } = useTranslation('library');
  const id = useId();
  const list = titles.slice(0, 5).join('”, “');
  return (
    <section aria-labelledby={id} className="notice library-reminder">
      <h3 id={id}>{t('reminder.title')}</h3>
      <p>
        {t('reminder.text', {
          count: titles.length,
          titles: titles.length === 1 ? list : `“${list}”${titles.length > 5 ? ' …' : ''}`,
        })}
      </p>
      <button type="button" className="button button--primary" onClick={onExport}>
        {t('backup.exportAll')}
      </button>
    </section>
  );
}
