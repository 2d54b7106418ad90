import { useTranslation } from 'react-i18next';
import type { Questionnaire } from '../../core/questionnaire';
import type { IgnoredOverride, ScoreResult } from '../../core/scoring';
import { removeOverride } from '../../core/register';
import { useSession } from '../state/session';
import { useServices } from '../services';
import { domainLabel, levelLabel } from './labels';

/** One override scoring did not apply, as a sentence that names its domain and the reason. */
export function useIgnoredOverrideText(q: Questionnaire): (o: IgnoredOverride) => string {
  const { t, i18n } = useTranslation('register');
  const lang = i18n.language;
  return (o) =>
    t(`override.ignored.${o.reason}`, {
      domain: domainLabel(q, o.domain, lang),
      level: o.reason === 'justificationRequired' ? levelLabel(q, o.level, lang) : o.level,
    });
}

/**
 * Overrides in the assessment that do not count (an unknown level or domain, no justification:
 * typically a file edited by hand or made with another questionnaire version). Scoring keeps the
 * computed level for them; this notice says so instead of leaving it silent, and offers to remove
 * each one.
 */
export function IgnoredOverrides({
  q,
  result,
  onDone,
  focusAfter,
}: {
  q: Questionnaire;
  result: ScoreResult;
  /** Called after removing one, with a sentence to announce. */
  onDone(message: string): void;
  /** Id of a focusable element for after a removal when the domain has no row of its own. */
  focusAfter: string;
}) {
  const { t, i18n } = useTranslation('register');
  const { store } = useSession();
  const services = useServices();
  const text = useIgnoredOverrideText(q);
  if (result.ignoredOverrides.length === 0) return null;
  return (
    <div className="notice stack" role="note" aria-labelledby="ignored-overrides">
      <h3 id="ignored-overrides">{t('override.ignored.title')}</h3>
      <p>{t('override.ignored.intro')}</p>
      <ul>
        {result.ignoredOverrides.map((o) => (
          <li key={o.domain}>
            {text(o)}{' '}
            {store.readOnly ? null : (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  store.update((a) => removeOverride(a, o.domain, services.now()));
                  // The button goes away: focus the domain's "Adjust level…", else the heading.
                  requestAnimationFrame(() =>
                    (
                      document.getElementById(`override-${o.domain}`) ??
                      document.getElementById(focusAfter)
                    )?.focus(),
                  );
                  onDone(
                    t('override.ignored.removed', {
                      domain: domainLabel(q, o.domain, i18n.language),
                    }),
                  );
                }}
              >
                {t('override.ignored.remove')}
                <span className="visually-hidden">: {text(o)}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
