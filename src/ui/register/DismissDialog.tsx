import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { TextField } from './RiskForm';

/** Asks why a proposed risk does not apply; the reason is required and kept in the report. */
export function DismissDialog({
  title,
  count = 1,
  onDismiss,
  onClose,
  returnFocus,
}: {
  /** The proposals' titles, one per line. */
  title: string;
  count?: number;
  onDismiss(reason: string): void;
  onClose(): void;
  returnFocus?: () => HTMLElement | null;
}) {
  const { t } = useTranslation('register');
  const [reason, setReason] = useState('');
  const [error, setError] = useState(false);
  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (reason.trim() === '') {
      setError(true);
      document.getElementById('dismiss-reason')?.focus();
      return;
    }
    onDismiss(reason);
  }
  return (
    <Dialog labelledBy="dismiss-title" onClose={onClose} returnFocus={returnFocus}>
      <form noValidate onSubmit={submit} className="stack dialog__body">
        <h2 id="dismiss-title">{t('dismiss.title', { count })}</h2>
        <ul className="dialog__subject">
          {title.split('\n').map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        <TextField
          id="dismiss-reason"
          label={t('dismiss.reason')}
          hint={t('dismiss.reasonHint')}
          value={reason}
          onChange={(v) => {
            setReason(v);
            if (v.trim() !== '') setError(false);
          }}
          error={error ? t('problems.reasonRequired') : undefined}
          multiline
          required
          maxLength={5000}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('dismiss.confirm', { count })}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('dismiss.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
