import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocked, startNewVersion } from '../../core/signoff';
import { useSession } from '../state/session';
import { useStoreValue } from '../state/assessment-store';
import { useServices } from '../services';
import { href } from '../router';
import './signing.css';

/**
 * Shown on a signed (locked) version: says so, and starts a new version after confirmation. Any
 * screen that edits the assessment can render it at the top and keep its fields read-only while
 * `isLocked(assessment)` holds. Renders nothing while the version is not locked.
 */
export function LockedNotice({
  onNewVersion,
  linkToSignOff = false,
}: {
  /** Called with the confirmation text once the new version has started. */
  onNewVersion?: (text: string) => void;
  /** Other screens link to the sign-off screen, where the signatures are listed. */
  linkToSignOff?: boolean;
}) {
  const { t } = useTranslation('signing');
  const { store } = useSession();
  const services = useServices();
  const a = useStoreValue(store, (x) => x);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const titleId = useId();
  const reasonId = useId();
  useEffect(() => {
    if (asking) reasonRef.current?.focus();
  }, [asking]);
  if (!isLocked(a)) return null;
  return (
    <section aria-labelledby={headingId} className="panel signoff__locked">
      <h2 id={headingId}>{t('locked.title')}</h2>
      <p>{t('locked.text')}</p>
      {linkToSignOff ? (
        <p>
          <a href={href({ name: 'signoff', id: a.id })}>{t('signoff.title')}</a>
        </p>
      ) : null}
      {!asking ? (
        <button type="button" className="button" onClick={() => setAsking(true)}>
          {t('locked.newVersion')}
        </button>
      ) : (
        <div role="group" aria-labelledby={titleId} className="signoff__confirm">
          <h3 id={titleId}>{t('locked.confirmTitle', { next: a.version + 1 })}</h3>
          <p>{t('locked.confirmText', { current: a.version, next: a.version + 1 })}</p>
          <div className="field">
            <label htmlFor={reasonId}>{t('locked.reason')}</label>
            <p className="hint" id={`${reasonId}-hint`}>
              {t('locked.reasonHint')}
            </p>
            {reasonError ? (
              <p className="field-error" id={`${reasonId}-error`} role="alert">
                {t('locked.reasonRequired')}
              </p>
            ) : null}
            <textarea
              id={reasonId}
              ref={reasonRef}
              rows={2}
              required
              aria-invalid={reasonError || undefined}
              aria-describedby={
                reasonError ? `${reasonId}-error ${reasonId}-hint` : `${reasonId}-hint`
              }
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <div className="actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                if (reason.trim() === '') {
                  setReasonError(true);
                  reasonRef.current?.focus();
                  return;
                }
                store.update((cur) =>
                  startNewVersion(cur, { now: services.now(), reason: reason.trim() }),
                );
                setAsking(false);
                setReason('');
                setReasonError(false);
                onNewVersion?.(t('locked.done', { version: a.version + 1 }));
              }}
            >
              {t('locked.confirm', { next: a.version + 1 })}
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {t('locked.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
