import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../core/texts';
import type { DomainScore } from '../../core/scoring';
import {
  overrideProblems,
  redFlagFloorAbove,
  removeOverride,
  setOverride,
  type RegisterProblem,
} from '../../core/register';
import { useSession } from '../state/session';
import { useServices } from '../services';
import { LevelBadge } from '../components/LevelBadge';
import { Dialog } from './Dialog';
import { TextField } from './RiskForm';
import { domainLabel, problemText } from './labels';

/**
 * Sets a domain's final level by hand, with the written justification docs/scoring.md §8 requires.
 * The dialog shows the computed level, which stays visible beside the new one everywhere.
 */
export function OverrideDialog({
  domain,
  onClose,
  onDone,
}: {
  domain: DomainScore;
  onClose(): void;
  /** Called after saving or removing, with a sentence to announce. */
  onDone(message: string): void;
}) {
  const { t, i18n } = useTranslation('register');
  const lang = i18n.language;
  const { store, questionnaire: q } = useSession();
  const services = useServices();
  const existing = store.get().overrides[domain.domain];
  // A saved level this questionnaire does not have (an edited file) is not preselected: it does
  // not count, and the dialog says so.
  const unknownSaved =
    existing && !q.levels.some((l) => l.id === existing.level) ? existing.level : null;
  const [level, setLevel] = useState(unknownSaved === null ? (existing?.level ?? '') : '');
  const [justification, setJustification] = useState(existing?.justification ?? '');
  const [by, setBy] = useState(existing?.by ?? '');
  const floor = redFlagFloorAbove(q, domain, level);
  const [problems, setProblems] = useState<RegisterProblem[]>([]);
  const name = domainLabel(q, domain.domain, lang);
  const errorOf = (path: string) => {
    const p = problems.find((x) => x.path === path);
    return p ? problemText(t, p) : undefined;
  };

  function save(e: React.FormEvent) {
    e.preventDefault();
    const found = overrideProblems(q, domain.domain, level, justification, by);
    setProblems(found);
    if (found.length > 0) {
      const first =
        found[0]!.path === 'level'
          ? 'override-level-0'
          : found[0]!.path === 'by'
            ? 'override-by'
            : 'override-justification';
      document.getElementById(first)?.focus();
      return;
    }
    store.update((a) => {
      const r = setOverride(a, q, domain.domain, level, justification, services.now(), by);
      return r.ok ? r.assessment : a;
    });
    onDone(
      t('override.saved', {
        domain: name,
        level: pick(q.levels.find((l) => l.id === level)?.label, lang),
      }),
    );
    onClose();
  }

  function remove() {
    store.update((a) => removeOverride(a, domain.domain, services.now()));
    onDone(t('override.removed', { domain: name }));
    onClose();
  }

  const levelError = errorOf('level');
  return (
    <Dialog
      labelledBy="override-title"
      describedBy={
        unknownSaved === null ? 'override-computed' : 'override-computed override-unknown-saved'
      }
      onClose={onClose}
    >
      <form noValidate onSubmit={save} className="stack dialog__body">
        <h2 id="override-title">{t('override.title', { domain: name })}</h2>
        <p id="override-computed">
          {t('override.computed')} <LevelBadge q={q} level={domain.computed} />.{' '}
          {t('override.computedStays')}
        </p>
        {unknownSaved !== null ? (
          <p className="field-error" id="override-unknown-saved">
            {t('override.unknownSaved', { level: unknownSaved })}
          </p>
        ) : null}
        <fieldset
          role="radiogroup"
          aria-required="true"
          aria-invalid={levelError ? 'true' : undefined}
          aria-describedby={levelError ? 'override-level-error' : undefined}
          className="field"
        >
          <legend>{t('override.level')}</legend>
          {levelError ? (
            <p className="field-error" id="override-level-error">
              {levelError}
            </p>
          ) : null}
          <div className="options">
            {q.levels.map((l, i) => (
              <label key={l.id} className="option">
                <input
                  type="radio"
                  name="override-level"
                  id={`override-level-${i}`}
                  value={l.id}
                  checked={level === l.id}
                  onChange={() => setLevel(l.id)}
                  data-autofocus={
                    (existing && unknownSaved === null ? l.id === existing.level : i === 0) ||
                    undefined
                  }
                />
                <span>
                  {pick(l.label, lang)}
                  {l.id === domain.computed ? ` (${t('override.isComputed')})` : ''}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <p className="override-floor" aria-live="polite">
          {floor
            ? t('override.belowRedFlag', {
                level: pick(q.levels.find((l) => l.id === floor)?.label, lang),
              })
            : ''}
        </p>
        <TextField
          id="override-justification"
          label={t('override.justification')}
          hint={t('override.justificationHint')}
          value={justification}
          onChange={setJustification}
          error={errorOf('justification')}
          multiline
          required
          maxLength={10000}
        />
        <TextField
          id="override-by"
          label={t('override.by')}
          hint={t('override.byHint')}
          value={by}
          onChange={setBy}
          error={errorOf('by')}
          required
          maxLength={200}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('override.save')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('override.cancel')}
          </button>
          {existing ? (
            <button type="button" className="button button--danger" onClick={remove}>
              {t('override.remove')}
            </button>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}
