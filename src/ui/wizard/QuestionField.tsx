import { Controller, type Control, type UseFormRegister, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../core/questionnaire';
import { pick } from '../../core/texts';
import { toggleOption } from '../../core/scoring';
import { Localized } from '../components/Localized';
import { controlId, fieldName, noteName } from './form-values';

interface Props {
  q: Question;
  index: number;
  register: UseFormRegister<Record<string, unknown>>;
  control: Control<Record<string, unknown>>;
  error: FieldError | undefined;
  hasNote: boolean;
  readOnly: boolean;
  /**
   * The stored answer does not fit the question (the core counts it as open): ask to choose again.
   * `'exclusive'`: it mixes an option that stands alone ("None of these") with others.
   */
  notFitting?: boolean | 'exclusive';
  /**
   * When the questionnaire allows "not applicable" for this question: the reason given (empty
   * while it is typed; null when not ticked) and how to change it.
   */
  notApplicable?: { reason: string | null; set: (reason: string | null) => void };
  /**
   * For a question of a repeating group: its instance's name ("Private life and personal data"),
   * read before the label by assistive technology, since the same label recurs per instance.
   */
  instance?: string;
  /**
   * The answer was carried over from another assessment: where from (a sentence), whether the
   * user confirmed it, and how to confirm it.
   */
  carried?: { state: 'unconfirmed' | 'confirmed'; source: string; confirm: () => void };
}

/** One question: label or legend, help with the legal source, the control, a note, and its error. */
export function QuestionField({
  q,
  index,
  register,
  control,
  error,
  hasNote,
  readOnly,
  notFitting = false,
  notApplicable,
  instance,
  carried,
}: Props) {
  const { t, i18n } = useTranslation('wizard');
  const lang = i18n.language;
  const id = controlId(q);
  const name = fieldName(index);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const misfitId = `${id}-misfit`;
  const carriedId = `${id}-carried`;
  const describedBy =
    [
      q.help || q.legal?.length ? helpId : null,
      carried ? carriedId : null,
      notFitting ? misfitId : null,
      error ? errorId : null,
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  const label = pick(q.label, lang);
  const instanceName = instance ? <span className="visually-hidden">{instance} — </span> : null;
  const required = q.required ? <span className="required"> ({t('common:required')})</span> : null;
  const invalid = error ? true : undefined;

  const help =
    q.help || q.legal?.length ? (
      <details className="help" id={helpId}>
        <summary>{t('help.why')}</summary>
        {q.help ? <Localized text={q.help} markdown /> : null}
        {q.legal?.length ? (
          <p className="legal">
            <span className="legal__label">{t('help.source')}: </span>
            {q.legal.map((l, i) => (
              <span key={i}>
                {i > 0 ? '; ' : ''}
                {l.source}
                {l.article ? ` ${l.article}` : ''}
                {l.note ? ` — ${pick(l.note, lang)}` : ''}
              </span>
            ))}
          </p>
        ) : null}
      </details>
    ) : null;
  const misfit = notFitting ? (
    <p className="field-notice" id={misfitId}>
      {notFitting === 'exclusive'
        ? t('answer.mixedExclusive', {
            options: (q.type === 'multiChoice' ? q.options : [])
              .filter((o) => o.exclusive)
              .map((o) => `“${pick(o.label, lang)}”`)
              .join(t('answer.or')),
          })
        : t('answer.notFitting')}
    </p>
  ) : null;
  // Where a carried answer came from, until the user confirms it (and, quietly, after).
  const carriedNote = carried ? (
    <div
      className={`carried carried--${carried.state}`}
      id={carriedId}
      data-carried={carried.state}
    >
      <p>
        {carried.source}{' '}
        {carried.state === 'unconfirmed' ? t('carried.unconfirmed') : t('carried.confirmed')}
      </p>
      {carried.state === 'unconfirmed' && !readOnly ? (
        <button
          type="button"
          className="button"
          aria-label={t('carried.confirmFor', { question: label })}
          onClick={carried.confirm}
        >
          {t('carried.confirm')}
        </button>
      ) : null}
    </div>
  ) : null;
  const errorText = error ? (
    <p className="field-error" id={errorId}>
      <span className="visually-hidden">{t('common:error')}: </span>
      {error.message}
    </p>
  ) : null;
  const naReason = notApplicable?.reason ?? null;
  const naBlock = notApplicable ? (
    <div className="not-applicable">
      <label className="option">
        <input
          type="checkbox"
          id={`${id}-na`}
          checked={naReason !== null}
          disabled={readOnly}
          onChange={(e) => notApplicable.set(e.currentTarget.checked ? '' : null)}
        />
        <span>{t('notApplicable.toggle')}</span>
      </label>
      {naReason !== null ? (
        <>
          <label htmlFor={`${id}-na-reason`}>{t('notApplicable.reason')}</label>
          <textarea
            id={`${id}-na-reason`}
            rows={2}
            maxLength={1000}
            value={naReason}
            readOnly={readOnly}
            aria-describedby={`${id}-na-hint`}
            onChange={(e) => notApplicable.set(e.currentTarget.value)}
          />
          <p className="field-notice" id={`${id}-na-hint`}>
            {naReason.trim() === '' ? t('notApplicable.needsReason') : t('notApplicable.inEffect')}
          </p>
        </>
      ) : null}
    </div>
  ) : null;
  const note = (
    <details className="note" open={hasNote}>
      <summary>{t('note.toggle')}</summary>
      <label htmlFor={`${id}-note`}>{t('note.label', { question: label })}</label>
      <textarea id={`${id}-note`} rows={3} readOnly={readOnly} {...register(noteName(index))} />
    </details>
  );

  if ('options' in q || q.type === 'yesNo') {
    const options =
      q.type === 'yesNo'
        ? [
            { id: 'yes', label: t('yes'), help: undefined },
            { id: 'no', label: t('no'), help: undefined },
          ]
        : q.options.map((o) => ({
            id: o.id,
            label: <Localized text={o.label} />,
            help: o.help ? <Localized text={o.help} /> : undefined,
          }));
    const multi = q.type === 'multiChoice';
    return (
      <div className={`question${error ? ' question--error' : ''}`} data-question={q.id}>
        {/* A radio group may carry required/invalid state; a checkbox group (role group) may not,
            so there the state goes on each box and the legend says "required". */}
        <fieldset
          role={multi ? undefined : 'radiogroup'}
          aria-describedby={describedBy}
          aria-invalid={multi ? undefined : invalid}
          aria-required={multi ? undefined : q.required || undefined}
        >
          <legend className="question__label">
            {instanceName}
            <Localized text={q.label} />
            {required}
          </legend>
          {help}
          {carriedNote}
          {misfit}
          {errorText}
          <div className={`options${q.type === 'scale' ? ' options--scale' : ''}`}>
            {multi ? (
              <Controller
                control={control}
                name={name}
                render={({ field }) => {
                  const value = Array.isArray(field.value) ? (field.value as string[]) : [];
                  return (
                    <>
                      {options.map((o, i) => (
                        <label key={o.id} className="option">
                          <input
                            type="checkbox"
                            id={i === 0 ? id : `${id}-${o.id}`}
                            name={name}
                            value={o.id}
                            checked={value.includes(o.id)}
                            aria-invalid={invalid}
                            disabled={readOnly}
                            onBlur={field.onBlur}
                            ref={i === 0 ? field.ref : undefined}
                            onChange={(e) =>
                              // An exclusive option ("None of these") clears the others, and
                              // ticking another clears it: the answer never mixes them.
                              field.onChange(toggleOption(q, value, o.id, e.currentTarget.checked))
                            }
                          />
                          <span>
                            {o.label}
                            {o.help ? <span className="option__help">{o.help}</span> : null}
                          </span>
                        </label>
                      ))}
                    </>
                  );
                }}
              />
            ) : (
              options.map((o, i) => (
                <label key={o.id} className="option">
                  <input
                    type="radio"
                    id={i === 0 ? id : `${id}-${o.id}`}
                    value={o.id}
                    disabled={readOnly}
                    {...register(name)}
                  />
                  <span>
                    {o.label}
                    {o.help ? <span className="option__help">{o.help}</span> : null}
                  </span>
                </label>
              ))
            )}
          </div>
        </fieldset>
        {naBlock}
        {note}
      </div>
    );
  }

  let input;
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
    'aria-required': q.required || undefined,
    readOnly,
  };
  switch (q.type) {
    case 'longText':
      input = <textarea rows={6} {...common} {...register(name)} />;
      break;
    case 'number':
      input = (
        <span className="number-input">
          <input
            type="number"
            inputMode="decimal"
            min={q.min}
            max={q.max}
            step="any"
            {...common}
            {...register(name)}
          />
          {q.unit ? <span className="unit">{pick(q.unit, lang)}</span> : null}
        </span>
      );
      break;
    case 'date':
      input = <input type="date" {...common} {...register(name)} />;
      break;
    default:
      input = <input type="text" {...common} {...register(name)} />;
  }
  return (
    <div className={`question${error ? ' question--error' : ''}`} data-question={q.id}>
      <label htmlFor={id} className="question__label">
        {instanceName}
        <Localized text={q.label} />
        {required}
      </label>
      {help}
      {carriedNote}
      {misfit}
      {errorText}
      {input}
      {naBlock}
      {note}
    </div>
  );
}
