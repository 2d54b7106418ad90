import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../services';

const MIN_LENGTH = 10;
type Message = { kind: 'done' | 'problem'; key: string } | null;

function Field({
  id,
  label,
  value,
  onChange,
  autoComplete,
}: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  autoComplete: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/**
 * Passphrase protection of the library (docs/storage.md "Passphrase protection"): turn it on (after
 * the user confirms that a forgotten passphrase makes the work unreadable), change the passphrase,
 * turn it off. The work of each runs in the storage; this screen says what happened.
 */
export function ProtectionSettings() {
  const { t } = useTranslation('settings');
  const { protection } = useServices();
  const id = useId();
  const [state, setState] = useState(() => protection?.state() ?? 'off');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [understand, setUnderstand] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [removePass, setRemovePass] = useState('');

  if (!protection) return <p>{t('protection.unavailable')}</p>;

  const run = (work: () => Promise<void>, done: string) => {
    setBusy(true);
    setMessage(null);
    work()
      .then(
        () => {
          setMessage({ kind: 'done', key: done });
          setCurrent('');
          setNext('');
          setRepeat('');
          setRemovePass('');
          setUnderstand(false);
        },
        (e: unknown) => {
          const wrong = e instanceof Error && e.name === 'WrongPassphraseError';
          setMessage({ kind: 'problem', key: wrong ? 'wrong' : 'failed' });
        },
      )
      .finally(() => {
        setBusy(false);
        setState(protection.state());
      });
  };
  const checkNew = (): string | null => {
    if (next.length < MIN_LENGTH) return 'tooShort';
    if (next !== repeat) return 'mismatch';
    return null;
  };
  const onEnable = (e: FormEvent) => {
    e.preventDefault();
    const problem = !understand ? 'mustUnderstand' : checkNew();
    if (problem) return setMessage({ kind: 'problem', key: problem });
    run(() => protection.protect(next), 'enabled');
  };
  const onChange = (e: FormEvent) => {
    e.preventDefault();
    const problem = checkNew();
    if (problem) return setMessage({ kind: 'problem', key: problem });
    run(() => protection.changePassphrase(current, next), 'changed');
  };
  const onRemove = (e: FormEvent) => {
    e.preventDefault();
    run(() => protection.unprotect(removePass), 'removed');
  };

  const on = state !== 'off';
  return (
    <>
      <p>{on ? t('protection.onIntro') : t('protection.offIntro')}</p>
      <p>{t('protection.exports')}</p>
      <div role="alert">
        {message?.kind === 'problem' ? (
          <p className="field-error">{t(`protection.${message.key}`)}</p>
        ) : null}
      </div>
      <p role="status">
        {busy
          ? t('protection.busy')
          : message?.kind === 'done'
            ? t(`protection.${message.key}`)
            : ''}
      </p>
      {!on ? (
        <form className="stack" onSubmit={onEnable} noValidate>
          <p className="notice">{t('protection.warning')}</p>
          <label className="inline-choice">
            <input
              type="checkbox"
              checked={understand}
              onChange={(e) => setUnderstand(e.target.checked)}
            />{' '}
            {t('protection.understand')}
          </label>
          <Field
            id={`${id}-new`}
            label={t('protection.new')}
            value={next}
            onChange={setNext}
            autoComplete="new-password"
          />
          <Field
            id={`${id}-repeat`}
            label={t('protection.repeat')}
            value={repeat}
            onChange={setRepeat}
            autoComplete="new-password"
          />
          <div>
            <button type="submit" disabled={busy}>
              {t('protection.enable')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <form className="stack" onSubmit={onChange} noValidate>
            <h3>{t('protection.change')}</h3>
            <Field
              id={`${id}-current`}
              label={t('protection.current')}
              value={current}
              onChange={setCurrent}
              autoComplete="current-password"
            />
            <Field
              id={`${id}-next`}
              label={t('protection.new')}
              value={next}
              onChange={setNext}
              autoComplete="new-password"
            />
            <Field
              id={`${id}-again`}
              label={t('protection.repeat')}
              value={repeat}
              onChange={setRepeat}
              autoComplete="new-password"
            />
            <div>
              <button type="submit" disabled={busy}>
                {t('protection.changeSubmit')}
              </button>
            </div>
          </form>
          <form className="stack" onSubmit={onRemove} noValidate>
            <h3>{t('protection.remove')}</h3>
            <Field
              id={`${id}-remove`}
              label={t('protection.current')}
              value={removePass}
              onChange={setRemovePass}
              autoComplete="current-password"
            />
            <div>
              <button type="submit" disabled={busy}>
                {t('protection.removeSubmit')}
              </button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
