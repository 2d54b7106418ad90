import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

type Problem = 'wrong' | 'tampered' | 'failed';

/**
 * Shown instead of the app while a passphrase-protected library is locked (src/main.tsx): nothing
 * of the library is read or written before the passphrase opens it. A wrong passphrase changes
 * nothing and says so; the field keeps focus for another try.
 */
export function UnlockScreen({
  unlock,
  onUnlocked,
}: {
  unlock(passphrase: string): Promise<void>;
  onUnlocked(): void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => input.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    unlock(passphrase).then(onUnlocked, (err: unknown) => {
      const name = err instanceof Error ? err.name : '';
      const code = (err as { code?: unknown } | null)?.code;
      setProblem(
        name === 'WrongPassphraseError' ? 'wrong' : code === 'tampered' ? 'tampered' : 'failed',
      );
      setBusy(false);
      input.current?.focus();
    });
  };
  return (
    <main id="main" tabIndex={-1} className="site-main">
      <div className="stack">
        <h1>{t('unlock.title')}</h1>
        <p>{t('unlock.intro')}</p>
        <form onSubmit={submit} className="stack" noValidate>
          <div className="field">
            <label htmlFor={`${id}-pass`}>{t('unlock.label')}</label>
            <input
              ref={input}
              id={`${id}-pass`}
              type="password"
              autoComplete="current-password"
              value={passphrase}
              aria-invalid={problem === 'wrong' || undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </div>
          <div role="alert" id={`${id}-problem`}>
            {problem ? <p className="field-error">{t(`unlock.${problem}`)}</p> : null}
          </div>
          <p role="status">{busy ? t('unlock.busy') : ''}</p>
          <div>
            <button type="submit" disabled={busy}>
              {t('unlock.submit')}
            </button>
          </div>
        </form>
        <p>{t('unlock.forgotten')}</p>
      </div>
    </main>
  );
}
