import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDecision, ImportItem } from '../../core/assessment';
import { useServices } from '../services';
import { useFilesChosenEarly } from '../components/use-files-chosen-early';
import type { FileOutcome } from './import-files';
import type { ImportDecided, ImportStart } from './library-actions';
import { finishImport, readImportFiles, startImport } from './actions';
import type { LibraryContext } from './Library';

interface Report {
  files: FileOutcome[];
  start: ImportStart;
  decided: ImportDecided | null;
}

/**
 * Backup and import: "export everything" as one backup file, and import of assessment files,
 * backups and PDFs made by the app (file picker or drag and drop, many at once). An assessment that
 * is here already in another state asks: keep both, replace, or do not import.
 */
export function ImportPanel({
  ctx,
  onExportAll,
}: {
  ctx: LibraryContext;
  onExportAll: () => void;
}) {
  const services = useServices();
  const { t, i18n } = useTranslation('library');
  const headingId = useId();
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const [reading, setReading] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [choices, setChoices] = useState<ImportDecision[]>([]);

  async function onFiles(list: FileList | File[] | null) {
    const files = list ? [...list] : [];
    if (files.length === 0) return;
    setReading(true);
    setReport(null);
    try {
      const outcomes = await readImportFiles(files, i18n.language);
      const start = await startImport(
        services,
        outcomes.flatMap((o) => o.assessments),
      );
      // "Keep both" loses nothing, so it is the choice made for the user until they pick another.
      setChoices(start.conflicts.map(() => 'keepBoth'));
      setReport({ files: outcomes, start, decided: null });
      await ctx.refresh();
    } finally {
      setReading(false);
    }
  }

  const inputRef = useFilesChosenEarly((files) => void onFiles(files));

  async function apply(conflicts: ImportItem[]) {
    if (!report) return;
    const decided = await finishImport(
      services,
      conflicts.map((item, i) => ({ item, decision: choices[i] ?? 'keepBoth' })),
    );
    setReport({ ...report, decided });
    await ctx.refresh();
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void onFiles(e.dataTransfer.files);
  };

  return (
    <section aria-labelledby={headingId} className="panel library-backup">
      <h2 id={headingId}>{t('backup.title')}</h2>
      <p>{t('backup.intro')}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onExportAll}>
          {t('backup.exportAll')}
        </button>
      </div>
      <div
        className={`library-drop${dragging ? ' library-drop--active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="file-input" htmlFor={inputId}>
          <span>{t('import.button')}</span>
        </label>
        <input
          id={inputId}
          type="file"
          multiple
          accept=".json,.pdf,.p7s,application/json,application/pdf"
          ref={inputRef}
          onChange={(e) => {
            const input = e.currentTarget;
            void onFiles(input.files).finally(() => {
              // The same file can be chosen again (e.g. after "do not import").
              input.value = '';
            });
          }}
        />
        <p className="hint">{dragging ? t('import.dropActive') : t('import.drop')}</p>
      </div>
      <div role="status">{reading ? <p>{t('import.reading')}</p> : null}</div>
      {report ? (
        <ImportReport
          report={report}
          choices={choices}
          onChoice={(i, d) => setChoices((c) => c.map((x, j) => (j === i ? d : x)))}
          onApply={(conflicts) => void apply(conflicts)}
          ctx={ctx}
        />
      ) : null}
    </section>
  );
}

function ImportReport({
  report,
  choices,
  onChoice,
  onApply,
  ctx,
}: {
  report: Report;
  choices: ImportDecision[];
  onChoice: (i: number, d: ImportDecision) => void;
  onApply: (conflicts: ImportItem[]) => void;
  ctx: LibraryContext;
}) {
  const { t } = useTranslation('library');
  const { files, start, decided } = report;
  const conflictsHeading = useRef<HTMLHeadingElement>(null);
  const pending = start.conflicts.length > 0 && !decided;
  useEffect(() => {
    if (pending) conflictsHeading.current?.focus();
  }, [pending]);
  const failed = [...start.failed, ...(decided?.failed ?? [])];
  const lines = [
    start.added.length > 0 ? t('import.added', { count: start.added.length }) : '',
    start.identical.length > 0 ? t('import.identical', { count: start.identical.length }) : '',
    decided && decided.keptBoth.length > 0
      ? t('import.keptBoth', { count: decided.keptBoth.length })
      : '',
    decided && decided.replaced.length > 0
      ? t('import.replaced', { count: decided.replaced.length })
      : '',
    decided && decided.cancelled.length > 0
      ? t('import.cancelled', { count: decided.cancelled.length })
      : '',
  ].filter(Boolean);
  const fileProblems = files.filter((f) => f.problems.length > 0 || f.assessments.length === 0);
  const notes = files.flatMap((f) => f.notes ?? []);
  return (
    <div className="library-import-report">
      <div role="status">
        {lines.length > 0 ? (
          <p className="notice">
            {t('import.result')} {lines.join(' ')}
          </p>
        ) : null}
        {notes.map((n, i) => (
          <p key={i} className="notice">
            {n}
          </p>
        ))}
      </div>
      {fileProblems.length > 0 || failed.length > 0 ? (
        <div role="alert" className="error-summary">
          <ul>
            {fileProblems.map((f, i) => (
              <li key={`f${i}`}>
                {f.problems.length > 0
                  ? t('import.fileProblems', { file: f.fileName })
                  : t('import.nothingFound', { file: f.fileName })}
                {f.problems.length > 0 ? (
                  <ul>
                    {f.problems.slice(0, 20).map((p, j) => (
                      <li key={j}>{p}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
            {failed.map((f, i) => (
              <li key={`s${i}`}>
                {t('import.failed', { title: ctx.displayTitle(f.assessment.meta) })}{' '}
                {f.error === 'busyElsewhere'
                  ? t('errors.busyElsewhere', { title: ctx.displayTitle(f.assessment.meta) })
                  : t(`storage.error.${f.error}`, { defaultValue: f.error })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {pending ? (
        <form
          className="library-conflicts"
          onSubmit={(e) => {
            e.preventDefault();
            onApply(start.conflicts);
          }}
        >
          <h3 ref={conflictsHeading} tabIndex={-1}>
            {t('import.conflictsTitle')}
          </h3>
          <p>{t('import.conflictsIntro')}</p>
          {start.conflicts.map((c, i) => (
            <fieldset key={i} className="library-conflict">
              <legend>
                {t('import.conflictLegend', {
                  title: ctx.displayTitle(c.incoming.meta),
                  here: c.existing ? ctx.formatDate(c.existing.updatedAt) : '—',
                  file: ctx.formatDate(c.incoming.updatedAt),
                })}
              </legend>
              {(['keepBoth', 'replace', 'cancel'] as const).map((d) => (
                <label key={d} className="inline-choice">
                  <input
                    type="radio"
                    name={`conflict-${i}`}
                    value={d}
                    checked={choices[i] === d}
                    onChange={() => onChoice(i, d)}
                  />{' '}
                  {t(`import.${d}`)}
                </label>
              ))}
            </fieldset>
          ))}
          <button type="submit" className="button button--primary">
            {t('import.apply')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
