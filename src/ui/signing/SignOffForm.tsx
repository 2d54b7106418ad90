import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick, roleName } from '../../core/texts';
import {
  addSignOff,
  blockerText,
  currentSignOffs,
  nextRoleToSign,
  sameSignerBlocker,
  signingBlockers,
  signOffDeclaration,
  signOffRoles,
  SigningBlockedError,
} from '../../core/signoff';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { useSession } from '../state/session';
import { useStoreValue } from '../state/assessment-store';
import { useServices } from '../services';
import { SignatureInput, type SignatureValue } from './SignatureInput';
import type { SignOffPerson } from '../../core/assessment';

type Values = SignOffPerson & { agree: boolean };

/** One person's sign-off: role, who, where and when, the declaration, and a signature. */
export function SignOffForm() {
  const { t, i18n } = useTranslation('signing');
  const lang = i18n.language;
  const { store, questionnaire: q, flush } = useSession();
  const services = useServices();
  const a = useStoreValue(store, (x) => x);
  const roles = signOffRoles(q, a);
  const standing = currentSignOffs(a);
  const signedRoles = new Set(standing.map((s) => s.role));
  // The role follows the record: when a signature is added or withdrawn (here, in another tab,
  // or before a reload), the next required role that has not signed is selected again.
  const recordKey = standing.map((s) => s.id).join(' ');
  const [seenKey, setSeenKey] = useState(recordKey);
  const today = services.now().slice(0, 10);
  const [values, setValues] = useState<Values>({
    role: nextRoleToSign(a, q),
    name: '',
    function: '',
    organisation: a.meta.organisation,
    date: today,
    place: '',
    agree: false,
  });
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const uid = useId().replace(/:/g, '');
  const id = (k: string) => `so-${uid}-${k}`;
  const errorFor = (k: string) => errors.find((e) => e.fieldId === id(k))?.message;
  const set = <K extends keyof Values>(k: K, v: Values[K]) =>
    setValues((old) => ({ ...old, [k]: v }));
  if (seenKey !== recordKey) {
    setSeenKey(recordKey);
    setValues((old) => ({ ...old, role: nextRoleToSign(a, q) }));
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (busy) return;
    const list: FieldError[] = [];
    for (const b of signingBlockers(a, q, values.role)) {
      list.push({ fieldId: id(`role-${values.role}`), message: blockerText(b, lang) });
    }
    if (values.name.trim() === '')
      list.push({ fieldId: id('name'), message: t('form.errors.name') });
    const twice = sameSignerBlocker(a, q, values.role, values.name);
    if (twice) list.push({ fieldId: id('name'), message: blockerText(twice, lang) });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date))
      list.push({ fieldId: id('date'), message: t('form.errors.date') });
    if (!values.agree) list.push({ fieldId: id('agree'), message: t('form.errors.agree') });
    if (!signature) list.push({ fieldId: id('sig-draw'), message: t('form.errors.signature') });
    setErrors(list);
    setAttempt((n) => n + 1);
    if (list.length > 0 || !signature) return;
    setBusy(true);
    try {
      const before = store.get();
      const next = await addSignOff(
        before,
        q,
        { ...values, signature },
        // Sign-off ids must start with a letter (IdSchema); a UUID may start with a digit.
        { id: `signoff-${services.newId()}`, now: services.now(), locale: lang },
      );
      store.update((cur) => (cur === before ? next : cur));
      await flush();
      const role = roles.find((r) => r.id === values.role);
      setDone(t('form.done', { name: values.name.trim(), role: roleName(role?.label, lang) }));
      setSignature(null);
      // The next person signs in the next required role that has not signed, not again in the
      // role that just signed.
      setValues((old) => ({
        ...old,
        role: nextRoleToSign(store.get(), q),
        name: '',
        function: '',
        agree: false,
      }));
      setErrors([]);
    } catch (err) {
      if (err instanceof SigningBlockedError) {
        setErrors(
          err.blockers.map((b) => ({ fieldId: id('name'), message: blockerText(b, lang) })),
        );
        setAttempt((n) => n + 1);
      } else throw err;
    } finally {
      setBusy(false);
    }
  }

  const field = (
    k: 'name' | 'function' | 'organisation' | 'place',
    required = false,
    auto?: string,
  ) => (
    <div className="field">
      <label htmlFor={id(k)}>
        {t(`form.${k}`)}
        {required ? <span className="required"> ({t('common:required')})</span> : null}
      </label>
      <input
        id={id(k)}
        type="text"
        value={values[k]}
        autoComplete={auto}
        aria-required={required || undefined}
        aria-invalid={errorFor(k) ? true : undefined}
        aria-describedby={errorFor(k) ? `${id(k)}-error` : undefined}
        onChange={(e) => set(k, e.target.value)}
      />
      {errorFor(k) ? (
        <p className="field-error" id={`${id(k)}-error`}>
          {errorFor(k)}
        </p>
      ) : null}
    </div>
  );

  return (
    <section aria-labelledby={id('title')} className="panel">
      <h2 id={id('title')}>{t('form.title')}</h2>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        <fieldset className="field">
          <legend>{t('form.role')}</legend>
          {roles.map((r) => (
            <label key={r.id} className="inline-choice signoff__role">
              <input
                type="radio"
                id={id(`role-${r.id}`)}
                name={id('role')}
                checked={values.role === r.id}
                onChange={() => set('role', r.id)}
              />{' '}
              {capitalise(pick(r.label, lang))}{' '}
              <span className="hint">
                (
                {signedRoles.has(r.id)
                  ? t('form.roleSigned')
                  : r.byLevel
                    ? t('form.roleRequiredByLevel')
                    : r.required
                      ? t('form.roleRequired')
                      : t('form.roleOptional')}
                )
              </span>
            </label>
          ))}
        </fieldset>
        {field('name', true, 'name')}
        {field('function', false, 'organization-title')}
        {field('organisation', false, 'organization')}
        <div className="field">
          <label htmlFor={id('date')}>
            {t('form.date')}
            <span className="required"> ({t('common:required')})</span>
          </label>
          <input
            id={id('date')}
            type="date"
            value={values.date}
            aria-required="true"
            aria-invalid={errorFor('date') ? true : undefined}
            onChange={(e) => set('date', e.target.value)}
          />
        </div>
        {field('place')}
        <fieldset className="field">
          <legend>{t('form.declaration')}</legend>
          <p className="signoff__declaration">{signOffDeclaration(q, lang)}</p>
          <label className="inline-choice">
            <input
              type="checkbox"
              id={id('agree')}
              checked={values.agree}
              aria-invalid={errorFor('agree') ? true : undefined}
              onChange={(e) => set('agree', e.target.checked)}
            />{' '}
            {t('form.agree')}
          </label>
        </fieldset>
        <SignatureInput
          idPrefix={id('sig')}
          value={signature}
          onChange={setSignature}
          error={errorFor('sig-draw')}
        />
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={busy || undefined}
          >
            {t('form.submit')}
          </button>
        </div>
        <p role="status" aria-live="polite">
          {done}
        </p>
      </form>
    </section>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
