import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldError {
  /** The id of the control to focus. */
  fieldId: string;
  message: string;
}

/**
 * The government design-system pattern: a summary above the form that receives focus and links
 * to each field with a problem.
 */
export function ErrorSummary({
  errors,
  title,
  focusKey,
}: {
  errors: FieldError[];
  title?: string;
  /** Changes on each submit attempt: the summary then takes focus (not on every re-render). */
  focusKey: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0;
  const focusedFor = useRef<number | null>(null);
  useEffect(() => {
    // Once per submit attempt, as soon as its errors are known (validation may finish a render
    // later); fixing or re-breaking a field while typing must not pull focus away.
    if (hasErrors && focusedFor.current !== focusKey) {
      focusedFor.current = focusKey;
      ref.current?.focus();
    }
  }, [focusKey, hasErrors]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      className="error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{title ?? t('errors.summaryTitle')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.fieldId}>
            <a
              href={`#${e.fieldId}`}
              onClick={(ev) => {
                // Hash links would change the route: focus the field instead.
                ev.preventDefault();
                const el = document.getElementById(e.fieldId);
                el?.focus();
                el?.scrollIntoView?.({ block: 'center' });
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
