import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { serializeAssessment } from '../../core/assessment';
import type { Autosaver } from '../../storage/autosave';
import { downloadFile, safeFileName } from '../download';
import { formatTime } from '../../core/texts/format';

/**
 * The save status, announced politely. Subscribes to the autosaver directly, so a save does not
 * re-render the form. On an error the work is still in memory: offer to export it now.
 */
export function SaveStatusText({ autosaver }: { autosaver: Autosaver }) {
  const { t, i18n } = useTranslation();
  const status = useSyncExternalStore(
    (cb) => autosaver.subscribe(cb),
    () => autosaver.status(),
  );
  const journalOk = useSyncExternalStore(
    (cb) => autosaver.subscribe(cb),
    () => autosaver.journalOk(),
  );
  let text = '';
  if (status.kind === 'saving') text = t('save.saving');
  if (status.kind === 'saved') {
    const time = formatTime(status.at, i18n.language);
    text = t('save.saved', { time });
  }
  if (status.kind === 'error') {
    text = t(`library:storage.error.${status.code}`, { defaultValue: t('save.error') });
  }
  const exportNow = () => {
    for (const a of autosaver.unsaved()) {
      downloadFile(
        serializeAssessment(a),
        `${safeFileName(a.meta.systemName)}.fria.json`,
        'application/json',
      );
    }
  };
  return (
    <div className={`save-status save-status--${status.kind}`}>
      <p role="status" aria-live="polite">
        {text}
      </p>
      {/* A change that reached no journal exists only on this page: said at once, assertively. */}
      {/* An assertive live region that is always present (so the message is announced when it
          appears) but is no alert while empty: other screens' alerts stay the only ones. */}
      <div aria-live="assertive" aria-atomic="true">
        {journalOk ? null : <p role="alert">{t('recovered.journalFull')}</p>}
      </div>
      {(status.kind === 'error' || !journalOk) && autosaver.unsaved().length > 0 ? (
        <button type="button" className="button" onClick={exportNow}>
          {t('library:storage.exportNow')}
        </button>
      ) : null}
    </div>
  );
}
