import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recovery } from '../../storage/idb-journal-replay';
import { downloadFile, safeFileName } from '../download';
import { useServices } from '../services';

/**
 * The notice's content (RecoveredNotice.tsx): loaded only when there is something to say.
 *
 * Says once, on any screen the app opens on, what became of changes that had not reached the
 * database when the page last closed (a reload, a crash, a full disk), as the repository found them
 * in the change journal (src/storage/change-journal.ts). "Nothing was lost" only when every change
 * was written back and read back equal; otherwise exactly what is not in the database yet.
 */
export function RecoveredDetails({ recovered }: { recovered: Recovery[] }) {
  const { t } = useTranslation();
  const { repository } = useServices();
  const [items, setItems] = useState<{ r: Recovery; title: string }[]>([]);
  const key = JSON.stringify(recovered);

  useEffect(() => {
    const wanted = JSON.parse(key) as Recovery[];
    if (wanted.length === 0) return;
    let live = true;
    const untitled = t('recovered.untitled');
    repository
      .list()
      .then(
        (list) =>
          wanted.map((r) => {
            const s = list.find((x) => x.id === r.id);
            return { r, title: s?.title || s?.systemName || untitled };
          }),
        () => wanted.map((r) => ({ r, title: untitled })),
      )
      .then((named) => live && setItems(named));
    return () => {
      live = false;
    };
  }, [key, repository, t]);

  const quote = (x: string) => `“${x}”`;
  const restored = items.filter((x) => x.r.outcome === 'restored');
  const others = items.filter((x) => x.r.outcome !== 'restored');
  const exportOne = async (id: string) => {
    const a = await repository.get(id).catch(() => null);
    if (a) {
      // Loaded only now: the assessment module brings zod, which the start screen must not load.
      const { serializeAssessment } = await import('../../core/assessment/assessment');
      downloadFile(
        serializeAssessment(a),
        `${safeFileName(a.meta.systemName)}.fria.json`,
        'application/json',
      );
    }
  };
  const fieldName = (path: (string | number)[]) => {
    const [head, id] = path;
    if (head === 'answers' && typeof id === 'string') return t('recovered.field.answer', { id });
    if (head === 'notes' && typeof id === 'string') return t('recovered.field.note', { id });
    return path.join(' → ');
  };

  if (items.length === 0) return null;
  return (
    <div className="notice">
      {restored.length > 0 ? (
        <p>{t('recovered.text', { titles: restored.map((x) => quote(x.title)).join(', ') })}</p>
      ) : null}
      {others.map(({ r, title }) => (
        <div key={r.id}>
          {r.outcome === 'pending' ? (
            <p>
              {t('recovered.pending', {
                title: quote(title),
                reason: t(
                  r.code === 'quotaExceeded'
                    ? 'recovered.reason.quotaExceeded'
                    : 'recovered.reason.other',
                ),
              })}
            </p>
          ) : r.outcome === 'partial' ? (
            <p>
              {t('recovered.partial', {
                title: quote(title),
                fields: r.missing.map(fieldName).join(', '),
              })}
            </p>
          ) : (
            <p>{t('recovered.orphaned', { id: r.id })}</p>
          )}
          {r.outcome !== 'orphaned' ? (
            <button type="button" className="button" onClick={() => void exportOne(r.id)}>
              {t('recovered.export', { title: quote(title) })}
            </button>
          ) : null}
        </div>
      ))}
      <button type="button" className="button" onClick={() => setItems([])}>
        {t('recovered.close')}
      </button>
    </div>
  );
}
