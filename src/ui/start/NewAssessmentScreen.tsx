import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from '../../core/files/zod-setup';
import type { Questionnaire } from '../../core/questionnaire';
import { createAssessment } from '../../core/assessment';
import { summarize } from '../../core/assessment';
import { pick } from '../../core/texts';
import { indexQuestionnaire } from '../../core/questionnaire';
import { PageHeading } from '../components/PageHeading';
import { ErrorSummary } from '../components/ErrorSummary';
import { builtinQuestionnaires } from '../questionnaires';
import { takePreselectedQuestionnaire } from './preselect';
import { useServices } from '../services';
import { navigate } from '../router';

interface FormValues {
  questionnaire: string;
  title: string;
  systemName: string;
  organisation: string;
  owner: string;
  locale: 'nl' | 'en';
}

const key = (q: Questionnaire) => `${q.id}@${q.version}`;

/** Choose a questionnaire and describe the system; creates the assessment and opens step 1. */
export function NewAssessmentScreen() {
  const { t, i18n } = useTranslation('start');
  const services = useServices();
  const [choices, setChoices] = useState<Questionnaire[] | null>(null);
  const [loadError, setLoadError] = useState(false);

  useEffect(() => {
    const pre = takePreselectedQuestionnaire();
    builtinQuestionnaires().then(
      (list) => setChoices(pre ? [pre, ...list.filter((q) => key(q) !== key(pre))] : list),
      () => setLoadError(true),
    );
  }, []);

  const schema = useMemo(
    () =>
      z.object({
        questionnaire: z.string().min(1, t('new.errors.questionnaire')),
        title: z.string().max(300),
        systemName: z.string().trim().min(1, t('new.errors.systemName')).max(300),
        organisation: z.string().max(300),
        owner: z.string().max(300),
        locale: z.enum(['nl', 'en']),
      }),
    [t],
  );
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<FormValues>({
    resolver: zodResolver(schema),
    // The error summary takes focus instead (government design-system pattern).
    shouldFocusError: false,
    defaultValues: {
      questionnaire: '',
      title: '',
      systemName: '',
      organisation: '',
      owner: '',
      locale: i18n.language === 'en' ? 'en' : 'nl',
    },
  });
  // Before paint: the first choice shows as chosen from the moment the choices appear (the built-in
  // questionnaires are a lazy chunk, so they arrive after the screen).
  useLayoutEffect(() => {
    if (choices?.[0]) setValue('questionnaire', key(choices[0]));
  }, [choices, setValue]);

  const errorList = [
    errors.questionnaire && { fieldId: 'q-choice-0', message: errors.questionnaire.message ?? '' },
    errors.systemName && { fieldId: 'new-systemName', message: errors.systemName.message ?? '' },
  ].filter((e): e is { fieldId: string; message: string } => !!e);

  async function onSubmit(v: FormValues) {
    const q = choices?.find((c) => key(c) === v.questionnaire);
    if (!q) return;
    const now = services.now();
    const a = await createAssessment(
      q,
      {
        title: v.title.trim() || v.systemName.trim(),
        systemName: v.systemName.trim(),
        organisation: v.organisation.trim(),
        owner: v.owner.trim(),
        locale: v.locale,
      },
      { id: services.newId(), now },
    );
    await services.repository.put(a, summarize(a, q));
    navigate({ name: 'step', id: a.id, step: 0 });
  }

  return (
    <div className="stack">
      <PageHeading title={t('new.title')}>{t('new.title')}</PageHeading>
      <ErrorSummary errors={errorList} focusKey={submitCount} />
      {loadError ? <p role="alert">{t('new.loadError')}</p> : null}
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="stack">
        <fieldset className="choice-cards">
          <legend>{t('new.questionnaire')}</legend>
          {choices === null ? <p>{t('new.loading')}</p> : null}
          {choices?.map((q, i) => {
            const count = indexQuestionnaire(q).questions.length;
            return (
              <label key={key(q)} className="choice-card">
                <input
                  type="radio"
                  id={`q-choice-${i}`}
                  value={key(q)}
                  {...register('questionnaire')}
                />
                <span className="choice-card__body">
                  <span className="choice-card__title">{pick(q.title, i18n.language)}</span>
                  <span className="choice-card__meta">
                    {t('new.meta', {
                      version: q.version,
                      count,
                      minutes: q.estimatedMinutes ?? '?',
                    })}
                  </span>
                  {q.description ? <span>{pick(q.description, i18n.language)}</span> : null}
                </span>
              </label>
            );
          })}
        </fieldset>
        <div className="field">
          <label htmlFor="new-systemName">
            {t('new.systemName')} <span className="required">({t('common:required')})</span>
          </label>
          <p className="hint" id="new-systemName-hint">
            {t('new.systemNameHint')}
          </p>
          <input
            id="new-systemName"
            type="text"
            aria-describedby={`new-systemName-hint${errors.systemName ? ' new-systemName-error' : ''}`}
            aria-invalid={errors.systemName ? true : undefined}
            aria-required="true"
            {...register('systemName')}
          />
          {errors.systemName ? (
            <p className="field-error" id="new-systemName-error">
              {errors.systemName.message}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="new-title">{t('new.assessmentTitle')}</label>
          <input id="new-title" type="text" {...register('title')} />
        </div>
        <div className="field">
          <label htmlFor="new-organisation">{t('new.organisation')}</label>
          <input
            id="new-organisation"
            type="text"
            autoComplete="organization"
            {...register('organisation')}
          />
        </div>
        <div className="field">
          <label htmlFor="new-owner">{t('new.owner')}</label>
          <input id="new-owner" type="text" autoComplete="name" {...register('owner')} />
        </div>
        <fieldset className="field">
          <legend>{t('new.locale')}</legend>
          <label className="inline-choice">
            <input type="radio" value="nl" {...register('locale')} /> Nederlands
          </label>
          <label className="inline-choice">
            <input type="radio" value="en" {...register('locale')} /> English
          </label>
        </fieldset>
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={isSubmitting || !choices}
          >
            {t('new.start')}
          </button>
        </div>
      </form>
    </div>
  );
}
