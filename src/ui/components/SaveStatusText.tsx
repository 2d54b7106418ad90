import { useTranslation } from 'react-i18next';
import type { SaveStatus } from '../state/session';

/** Save status, announced politely to screen readers. */
export function SaveStatusText({ status }: { status: SaveStatus }) {
  const { t, i18n } = useTranslation();
  let text = '';
  if (status.kind === 'saving') text = t('save.saving');
  if (status.kind === 'saved') {
    const time = new Date(status.at).toLocaleTimeString(i18n.language, {
      hour: '2-digit',
      minute: '2-digit',
    });
    text = t('save.saved', { time });
  }
  if (status.kind === 'error') text = t('save.error');
  return (
    <p className={`save-status save-status--${status.kind}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
