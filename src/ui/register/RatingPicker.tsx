import { useTranslation } from 'react-i18next';
import { RATINGS } from '../../core/register';

/**
 * Likelihood or severity, 1 to 5, as a group of radio buttons with plain-language labels
 * ("4 – likely"). Arrow keys move within the group, as in any radio group. A required pair (the
 * risk before measures) says so in its legend, as every required field does.
 */
export function RatingPicker({
  kind,
  name,
  idPrefix,
  legend,
  value,
  onChange,
  error,
  disabled,
  required = false,
}: {
  kind: 'likelihood' | 'severity';
  /** The radio group's name; unique in the form. */
  name: string;
  /** Radio ids are `${idPrefix}-1` … `${idPrefix}-5`; errors link to the first. */
  idPrefix: string;
  legend: string;
  value: number | null;
  onChange(v: number): void;
  error?: string;
  disabled?: boolean;
  /** Marked "(verplicht)" in its legend, as required text fields are, and aria-required. */
  required?: boolean;
}) {
  const { t } = useTranslation('register');
  const hintId = `${idPrefix}-hint`;
  const errorId = `${idPrefix}-error`;
  return (
    <fieldset
      className={`rating${error ? ' rating--error' : ''}`}
      role="radiogroup"
      aria-required={required ? 'true' : undefined}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
    >
      <legend className="rating__legend">
        {legend}
        {required ? <span className="required"> ({t('common:required')})</span> : null}
      </legend>
      <p className="hint" id={hintId}>
        {t(`rating.${kind}Hint`)}
      </p>
      {error ? (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">{t('common:error')}: </span>
          {error}
        </p>
      ) : null}
      <div className="rating__options">
        {RATINGS.map((n) => (
          <label key={n} className="rating__option">
            <input
              type="radio"
              id={`${idPrefix}-${n}`}
              name={name}
              value={n}
              checked={value === n}
              disabled={disabled}
              onChange={() => onChange(n)}
            />
            <span>{t(`rating.${kind}.${n}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
