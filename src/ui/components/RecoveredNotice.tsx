import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../services';

/**
 * Says once, on any screen the app opens on, that changes which had not reached the database when
 * the page last closed (a crash, a closed lid) were written back from the rescue journal
 * (src/storage/journal.ts). Without it the user cannot know that the work is complete.
 */
export function RecoveredNotice() {
  const { t } = useTranslation();
  const { repository, recovered } = useServices();
  const [titles, setTitles] = useState<string[]>([]);
  const ids = recovered?.join('\n') ?? '';

  useEffect(() => {
    if (!ids) return;
    let live = true;
    const wanted = ids.split('\n');
    const untitled = t('recovered.untitled');
    repository
      .list()
      .then(
        (list) =>
          wanted.map((id) => {
            const s = list.find((x) => x.id === id);
            return s?.title || s?.systemName || untitled;
          }),
        () => wanted.map(() => untitled),
      )
      .then((names) => live && setTitles(names));
    return () => {
      live = false;
    };
  }, [ids, repository, t]);

  // The live region is in the page from the start, so the text is announced when it arrives.
  return (
    <div role="status" className="recovered-notice">
      {titles.length > 0 ? (
        <div className="notice">
          <p>
            {t('recovered.text', {
              titles: titles.map((x) => `“${x}”`).join(', '),
            })}
          </p>
          <button type="button" className="button" onClick={() => setTitles([])}>
            {t('recovered.close')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
