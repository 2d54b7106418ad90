import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Measure } from '../../core/assessment';
import { pick } from '../../core/texts';
import { bandLevel } from '../../core/scoring';
import {
  draftProducts,
  MEASURE_STATUSES,
  residualAboveInherent,
  riskProblems,
  type RegisterProblem,
  type RiskDraft,
} from '../../core/register';
import { useSession } from '../state/session';
import { useServices } from '../services';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { LevelBadge } from '../components/LevelBadge';
import { RatingPicker } from './RatingPicker';
import { problemText } from './labels';

/** Ids of the form's controls; error links and focus moves use them. */
export const FORM_ID = 'risk-form';
const fieldId = (path: string) => {
  const m = /^measures\.(\d+)\.(\w+)$/.exec(path);
  if (m) return `${FORM_ID}-m${m[1]}-${m[2]}`;
  if (
    path === 'likelihood' ||
    path === 'severity' ||
    path === 'residualLikelihood' ||
    path === 'residualSeverity'
  )
    return `${FORM_ID}-${path}-1`;
  return `${FORM_ID}-${path}`;
};

/**
 * The form for one risk: domain, title, description, affected groups, likelihood × severity before
 * measures, the measures, and likelihood × severity after them (with a justification when that is
 * higher). The draft is held here, so a keystroke re-renders only the form; every change is also
 * reported to the parent (which keeps it for leaving the page unsaved). It is stored only when
 * the core's rules pass, so a stored risk is always valid.
 */
export function RiskForm({
  initialDraft,
  onChange,
  onSave,
  onCancel,
  heading,
  saveLabel,
  restored,
  sources,
}: {
  initialDraft: RiskDraft;
  /** Every change, for the parent to keep (it must not re-render the form for it). */
  onChange(d: RiskDraft): void;
  /** Stores the draft; returns the problems if the store refused it. */
  onSave(d: RiskDraft): RegisterProblem[] | null;
  onCancel(): void;
  heading: string;
  saveLabel: string;
  /** True when this draft was brought back after leaving the page unsaved. */
  restored?: boolean;
  /**
   * Where the proposals taken into this risk came from (question and answer, or red flag): shown
   * beside the fields, never written into the team's own text.
   */
  sources?: readonly string[];
}) {
  const { t, i18n } = useTranslation('register');
  const lang = i18n.language;
  const { questionnaire: q } = useSession();
  const services = useServices();
  const [draft, setDraft] = useState(initialDraft);
  const [attempt, setAttempt] = useState(0);
  const [refused, setRefused] = useState<RegisterProblem[] | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  const problems = attempt > 0 ? (refused ?? riskProblems(draft, q)) : [];
  const errorOf = (path: string) => {
    const p = problems.find((x) => x.path === path);
    return p ? problemText(t, p) : undefined;
  };
  const errors: FieldError[] = problems.map((p) => ({
    fieldId: fieldId(p.path),
    message: problemText(t, p),
  }));

  const set = (patch: Partial<RiskDraft>) => {
    setRefused(null);
    const next = { ...draft, ...patch };
    setDraft(next);
    onChange(next);
  };
  const setMeasure = (i: number, patch: Partial<Measure>) =>
    set({ measures: draft.measures.with(i, { ...draft.measures[i]!, ...patch }) });
  const addMeasure = (m: Partial<Measure> = {}) => {
    const measure: Measure = {
      id: `m-${services.newId()}`,
      text: '',
      owner: '',
      dueDate: '',
      status: 'planned',
      ...m,
    };
    focusAfter.current = fieldId(`measures.${draft.measures.length}.text`);
    set({ measures: [...draft.measures, measure] });
  };
  const removeMeasure = (i: number) => {
    const rest = draft.measures.filter((_, j) => j !== i);
    // Focus the measure that takes this place, else the one before, else "add a measure".
    focusAfter.current =
      rest.length === 0
        ? `${FORM_ID}-add-measure`
        : fieldId(`measures.${Math.min(i, rest.length - 1)}.text`);
    set({ measures: rest });
  };

  const { inherent, residual } = draftProducts(draft);
  const higher = residualAboveInherent(draft);
  const suggestions = (q.suggestedMeasures ?? []).filter(
    (s) => s.domain === draft.domain && !draft.measures.some((m) => m.suggestedMeasure === s.id),
  );

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    if (riskProblems(draft, q).length > 0) return;
    const result = onSave(draft);
    setRefused(result);
  }

  const product = (p: number | null, which: 'before' | 'after') =>
    p === null ? (
      t(`form.product.${which}Open`)
    ) : (
      <>
        {t(`form.product.${which}`, {
          l: which === 'before' ? draft.likelihood : draft.residualLikelihood,
          s: which === 'before' ? draft.severity : draft.residualSeverity,
          p,
        })}{' '}
        <LevelBadge q={q} level={bandLevel(q, p)} />
      </>
    );

  return (
    <form
      className="risk-form panel stack"
      noValidate
      onSubmit={submit}
      aria-labelledby={`${FORM_ID}-heading`}
    >
      <h3 id={`${FORM_ID}-heading`} ref={headingRef} tabIndex={-1} className="risk-form__heading">
        {heading}
      </h3>
      {restored ? <p className="notice">{t('form.restored')}</p> : null}
      {sources && sources.length > 0 ? (
        <div className="risk-form__sources" role="note">
          <p className="risk-form__sources-title">{t('form.sources')}</p>
          <ul>
            {sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          <p className="hint">{t('form.sourcesHint')}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} focusKey={attempt} />

      <div className="field">
        <label htmlFor={`${FORM_ID}-domain`}>{t('form.domain')}</label>
        {errorOf('domain') ? (
          <p className="field-error" id={`${FORM_ID}-domain-error`}>
            {errorOf('domain')}
          </p>
        ) : null}
        <select
          id={`${FORM_ID}-domain`}
          value={draft.domain}
          aria-invalid={errorOf('domain') ? 'true' : undefined}
          aria-describedby={errorOf('domain') ? `${FORM_ID}-domain-error` : undefined}
          onChange={(e) => set({ domain: e.target.value })}
        >
          {q.domains.some((d) => d.id === draft.domain) ? null : (
            <option value="">{t('form.domainChoose')}</option>
          )}
          {q.domains.map((d) => (
            <option key={d.id} value={d.id}>
              {pick(d.label, lang)}
            </option>
          ))}
        </select>
      </div>

      <TextField
        id={`${FORM_ID}-title`}
        label={t('form.title')}
        value={draft.title}
        onChange={(v) => set({ title: v })}
        error={errorOf('title')}
        required
        maxLength={500}
      />
      <TextField
        id={`${FORM_ID}-description`}
        label={t('form.description')}
        hint={t('form.descriptionHint')}
        value={draft.description}
        onChange={(v) => set({ description: v })}
        multiline
        maxLength={20000}
      />
      <TextField
        id={`${FORM_ID}-affectedGroups`}
        label={t('form.affectedGroups')}
        hint={t('form.affectedGroupsHint')}
        value={draft.affectedGroups}
        onChange={(v) => set({ affectedGroups: v })}
        multiline
        maxLength={5000}
      />

      <fieldset className="risk-form__rating-set">
        <legend>{t('form.before')}</legend>
        <div className="risk-form__ratings">
          <RatingPicker
            kind="likelihood"
            name="likelihood"
            idPrefix={`${FORM_ID}-likelihood`}
            legend={t('rating.likelihoodLegend')}
            value={draft.likelihood}
            onChange={(v) => set({ likelihood: v })}
            error={errorOf('likelihood')}
            required
          />
          <RatingPicker
            kind="severity"
            name="severity"
            idPrefix={`${FORM_ID}-severity`}
            legend={t('rating.severityLegend')}
            value={draft.severity}
            onChange={(v) => set({ severity: v })}
            error={errorOf('severity')}
            required
          />
        </div>
        <p className="risk-form__product" aria-live="polite">
          {product(inherent, 'before')}
        </p>
      </fieldset>

      <fieldset className="risk-form__measures">
        <legend>{t('form.measures')}</legend>
        <p className="hint">{t('form.measuresHint')}</p>
        {draft.measures.length === 0 ? <p>{t('form.noMeasures')}</p> : null}
        <ol className="measure-list">
          {draft.measures.map((m, i) => (
            <li key={m.id}>
              <fieldset className="measure">
                <legend>{t('form.measureN', { n: i + 1 })}</legend>
                <TextField
                  id={fieldId(`measures.${i}.text`)}
                  label={t('form.measureText')}
                  value={m.text}
                  onChange={(v) => setMeasure(i, { text: v })}
                  error={errorOf(`measures.${i}.text`)}
                  multiline
                  required
                  maxLength={5000}
                />
                <div className="measure__row">
                  <TextField
                    id={fieldId(`measures.${i}.owner`)}
                    label={t('form.owner')}
                    hint={t('form.ownerHint')}
                    value={m.owner}
                    onChange={(v) => setMeasure(i, { owner: v })}
                    maxLength={200}
                  />
                  <TextField
                    id={fieldId(`measures.${i}.dueDate`)}
                    label={t('form.dueDate')}
                    value={m.dueDate}
                    onChange={(v) => setMeasure(i, { dueDate: v })}
                    error={errorOf(`measures.${i}.dueDate`)}
                    type="date"
                  />
                  <div className="field">
                    <label htmlFor={fieldId(`measures.${i}.status`)}>{t('form.status')}</label>
                    <select
                      id={fieldId(`measures.${i}.status`)}
                      value={m.status}
                      onChange={(e) =>
                        setMeasure(i, { status: e.target.value as Measure['status'] })
                      }
                    >
                      {MEASURE_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`status.${s}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                <button type="button" className="link-button" onClick={() => removeMeasure(i)}>
                  {t('form.removeMeasure', { n: i + 1 })}
                </button>
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="actions">
          <button
            type="button"
            className="button"
            id={`${FORM_ID}-add-measure`}
            onClick={() => addMeasure()}
          >
            {t('form.addMeasure')}
          </button>
        </div>
        {suggestions.length > 0 ? (
          <div className="suggestions">
            <h4>{t('form.suggested')}</h4>
            <ul>
              {suggestions.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => addMeasure({ text: pick(s.text, lang), suggestedMeasure: s.id })}
                  >
                    {t('form.addSuggested', { text: pick(s.text, lang) })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </fieldset>

      <fieldset className="risk-form__rating-set">
        <legend>{t('form.after')}</legend>
        <p className="hint">{t('form.afterHint')}</p>
        <div className="risk-form__ratings">
          <RatingPicker
            kind="likelihood"
            name="residualLikelihood"
            idPrefix={`${FORM_ID}-residualLikelihood`}
            legend={t('rating.likelihoodLegend')}
            value={draft.residualLikelihood}
            onChange={(v) => set({ residualLikelihood: v })}
            error={errorOf('residualLikelihood')}
          />
          <RatingPicker
            kind="severity"
            name="residualSeverity"
            idPrefix={`${FORM_ID}-residualSeverity`}
            legend={t('rating.severityLegend')}
            value={draft.residualSeverity}
            onChange={(v) => set({ residualSeverity: v })}
            error={errorOf('residualSeverity')}
          />
        </div>
        <p className="risk-form__product" aria-live="polite">
          {product(residual, 'after')}
        </p>
        {higher ? (
          <TextField
            id={`${FORM_ID}-residualJustification`}
            label={t('form.residualJustification')}
            hint={t('form.residualJustificationHint', { before: inherent, after: residual })}
            value={draft.residualJustification ?? ''}
            onChange={(v) => set({ residualJustification: v })}
            error={errorOf('residualJustification')}
            multiline
            required
            maxLength={5000}
          />
        ) : null}
      </fieldset>

      <div className="actions">
        <button type="submit" className="button button--primary">
          {saveLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A labelled text input or textarea with hint and error, wired for screen readers. */
export function TextField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  multiline,
  required,
  type = 'text',
  maxLength,
  readOnly,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange(v: string): void;
  error?: string;
  multiline?: boolean;
  required?: boolean;
  type?: 'text' | 'date';
  maxLength?: number;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    value,
    maxLength,
    readOnly,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
    'aria-required': required ? ('true' as const) : undefined,
  };
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> ({t('required')})</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('error')}: </span>
          {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea rows={3} {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input type={type} {...common} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}
