import { Fragment, startTransition, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { Question, Section } from '../../core/questionnaire';
import { pick } from '../../core/texts';
import { instanceLabel, questionInstance, questionTitle } from '../../core/questionnaire/repeat';
import { useSession } from '../state/session';
import { useStoreValue } from '../state/assessment-store';
import { isLocked } from '../../core/signoff';
import { carriedSource, carriedState, unconfirmedCarried } from '../../core/assessment/carry';
import { LockedNotice } from '../signing';
import { PageHeading } from '../components/PageHeading';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { SaveStatusText } from '../components/SaveStatusText';
import { Localized } from '../components/Localized';
import { fieldInAddress, navigate } from '../router';
import { QuestionField } from './QuestionField';
import { StepList } from './StepList';
import { LiveLevels } from './LiveLevels';
import { forwardToStore } from './forward-to-store';
import { controlId, fieldName, noteName, stepSchema, toFormValue } from './form-values';
import { sameJson, sectionProgress, visibleInSection } from './visible';

/** One wizard step: the questions of one section, with the step list and live levels beside it. */
export function WizardScreen({ step }: { step: number }) {
  const { store, questionnaire: q } = useSession();
  const progress = useStoreValue(store, (a) => sectionProgress(q, a), sameJson);
  // Re-render when the version is signed or a new one starts: the fields follow store.readOnly.
  useStoreValue(store, isLocked);
  const id = store.get().id;
  const current = progress[step];
  const visibleSteps = progress.filter((p) => p.visible).map((p) => p.index);

  // A step that does not exist or is hidden by earlier answers: go to the nearest visible one.
  const redirect =
    !current || !current.visible
      ? (visibleSteps.find((i) => i > step) ?? visibleSteps.at(-1) ?? null)
      : null;
  useEffect(() => {
    if (redirect !== null) navigate({ name: 'step', id, step: redirect });
  }, [redirect, id]);
  if (!current || !current.visible) return null;

  const section = q.sections[step]!;
  const pos = visibleSteps.indexOf(step);
  const next = visibleSteps[pos + 1];
  const prev = visibleSteps[pos - 1];
  return (
    <div className="wizard">
      <StepList current={step} />
      <StepForm
        key={section.id}
        section={section}
        sectionIndex={step}
        stepNumber={pos + 1}
        stepCount={visibleSteps.length}
        // After the last questions comes the risk register (as in the step list), then the summary.
        onNext={() =>
          navigate(next !== undefined ? { name: 'step', id, step: next } : { name: 'register', id })
        }
        onPrev={prev !== undefined ? () => navigate({ name: 'step', id, step: prev }) : null}
        isLast={next === undefined}
      />
      <aside className="wizard__aside">
        <LiveLevels />
      </aside>
    </div>
  );
}

interface StepFormProps {
  section: Section;
  sectionIndex: number;
  stepNumber: number;
  stepCount: number;
  onNext(): void;
  onPrev: (() => void) | null;
  isLast: boolean;
}

function StepForm({
  section,
  sectionIndex,
  stepNumber,
  stepCount,
  onNext,
  onPrev,
  isLast,
}: StepFormProps) {
  const { t, i18n } = useTranslation('wizard');
  const { store, questionnaire: q, autosaver, otherTabReleased } = useSession();
  const lang = i18n.language;
  const visibleIds = useStoreValue(store, (a) => visibleInSection(q, a, sectionIndex), sameJson);
  // Stored answers the core does not count (they do not fit their question): asked again.
  const notFitting = useStoreValue(
    store,
    (a) => sectionProgress(q, a)[sectionIndex]?.notFitting ?? [],
    sameJson,
  );
  const mixedExclusive = useStoreValue(
    store,
    (a) => sectionProgress(q, a)[sectionIndex]?.mixedExclusive ?? [],
    sameJson,
  );
  // "Not applicable" reasons of this section's questions that allow it.
  const naReasons = useStoreValue(
    store,
    (a) =>
      Object.fromEntries(
        section.questions
          .filter((x) => x.notApplicable && a.notApplicable?.[x.id] !== undefined)
          .map((x) => [x.id, a.notApplicable![x.id]!]),
      ),
    sameJson,
  );
  const naInEffect = useMemo(
    () =>
      new Set(
        Object.entries(naReasons)
          .filter(([, r]) => r.trim() !== '')
          .map(([id]) => id),
      ),
    [naReasons],
  );
  // Answers carried over from another assessment (the quick scan): where from, and which of this
  // step's are not confirmed yet.
  const carried = useStoreValue(
    store,
    (a) =>
      a.carried && a.carriedFrom
        ? {
            states: Object.fromEntries(
              section.questions
                .map((x) => [x.id, carriedState(a, x.id)] as const)
                .filter(([, st]) => st !== null),
            ) as Record<string, 'unconfirmed' | 'confirmed'>,
            open: unconfirmedCarried(a, q).filter((id) =>
              section.questions.some((x) => x.id === id),
            ),
            from: a.carriedFrom,
          }
        : null,
    sameJson,
  );
  const carriedText = carried ? t('carried.from', carriedSource(carried.from, lang)) : '';
  const questions = useMemo(
    () => section.questions.map((question, index) => ({ q: question, index })),
    [section],
  );
  const visible = useMemo(
    () => questions.filter((x) => visibleIds.includes(x.q.id)),
    [questions, visibleIds],
  );
  // The first questions come with the step's heading; the rest right after that frame is painted
  // (a step of a large questionnaire has 20 or more: rendering all before the first paint made the
  // step change slower than 50 ms). An address that names a field of a later question renders
  // through that question at once, so focus goes straight to it.
  const [firstCount] = useState(() => firstSliceEnd(visible, fieldInAddress()));
  const [allShown, setAllShown] = useState(() => visible.length <= firstCount);
  useEffect(() => {
    if (allShown) return;
    return afterPaint(() => startTransition(() => setAllShown(true)));
  }, [allShown]);
  const shownQuestions = allShown ? visible : visible.slice(0, firstCount);

  const schema = useMemo(
    () =>
      stepSchema(
        visible,
        {
          required: t('errors.required'),
          tooLong: (max) => t('errors.tooLong', { max }),
          notANumber: t('errors.notANumber'),
          min: (min) => t('errors.min', { min }),
          max: (max) => t('errors.max', { max }),
          date: t('errors.date'),
        },
        naInEffect,
      ),
    [visible, t, naInEffect],
  );

  const [defaultValues] = useState(() => {
    const a = store.get();
    const values: Record<string, unknown> = {};
    for (const { q: question, index } of questions) {
      values[fieldName(index)] = toFormValue(question, a.answers[question.id]);
      values[noteName(index)] = a.notes[question.id] ?? '';
    }
    return values;
  });
  const { register, control, handleSubmit, subscribe, getValues, formState } = useForm<
    Record<string, unknown>
  >({
    defaultValues,
    resolver: zodResolver(schema),
    // The error summary takes focus instead (government design-system pattern).
    shouldFocusError: false,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });

  // Every change goes to the store at once (autosave follows); no re-render of the form is needed.
  // A layout effect, not a passive one: it runs in the same task as the commit that puts the fields
  // in the page, so no input can reach the form before the subscription exists (a passive effect
  // may run after the browser has painted and handled input). On (re)subscribing, whatever the form
  // holds that the store does not is pushed as well (forwardToStore), so nothing typed is lost.
  useLayoutEffect(
    () => forwardToStore({ subscribe, getValues }, store, questions),
    [subscribe, getValues, store, questions],
  );

  const [showErrors, setShowErrors] = useState(false);
  const errorList: FieldError[] = showErrors
    ? visible
        .filter(({ index }) => formState.errors[fieldName(index)])
        .map(({ q: question, index }) => ({
          fieldId: controlId(question),
          message: labelled(
            questionTitle(q, question.id, lang),
            String(formState.errors[fieldName(index)]?.message ?? ''),
          ),
        }))
    : [];
  const title = pick(section.title, lang);
  const notes = store.get().notes;

  return (
    <div className="wizard__main">
      <p className="step-counter">{t('steps.counter', { n: stepNumber, total: stepCount })}</p>
      <PageHeading title={`${title} (${t('steps.counter', { n: stepNumber, total: stepCount })})`}>
        <Localized text={section.title} />
      </PageHeading>
      {section.description ? (
        <div className="section-intro">
          <Localized text={section.description} markdown />
        </div>
      ) : null}
      <SaveStatusText autosaver={autosaver} />
      <LockedNotice linkToSignOff />
      {store.readOnlyReason === 'otherTab' ? (
        <div className="notice" role="note">
          <p aria-live="polite">
            {otherTabReleased
              ? t('common:session.otherTabReleased')
              : t('library:storage.error.readOnly')}
          </p>
          {otherTabReleased ? (
            <button type="button" className="button" onClick={() => window.location.reload()}>
              {t('common:session.reload')}
            </button>
          ) : null}
        </div>
      ) : null}
      {carried && carried.open.length > 0 ? (
        <div className="notice carried-step" role="note">
          <p>
            {t('carried.step', {
              count: carried.open.length,
              ...carriedSource(carried.from, lang),
            })}
          </p>
          {store.readOnly ? null : (
            <button
              type="button"
              className="button"
              onClick={() => store.confirmCarried(carried.open)}
            >
              {t('carried.confirmAll', { count: carried.open.length })}
            </button>
          )}
        </div>
      ) : null}
      <ErrorSummary errors={errorList} focusKey={formState.submitCount} />
      <form
        noValidate
        onSubmit={handleSubmit(
          () => {
            setShowErrors(false);
            onNext();
          },
          () => setShowErrors(true),
        )}
        className={store.readOnly ? 'stack wizard__form--read-only' : 'stack'}
      >
        {shownQuestions.map(({ q: question, index }, i) => {
          // A repeating group: each instance under its own heading, the option it is asked for.
          const inst = questionInstance(q, question.id);
          const prev = i > 0 ? questionInstance(q, visible[i - 1]!.q.id) : null;
          const name = inst ? instanceLabel(q, inst, lang) : undefined;
          return (
            <Fragment key={question.id}>
              {inst && inst.option !== prev?.option ? (
                <h2 className="instance-heading" id={`instance-${inst.option}`}>
                  {name}
                </h2>
              ) : null}
              <QuestionField
                instance={name}
                q={question}
                index={index}
                register={register}
                control={control}
                error={formState.errors[fieldName(index)] as never}
                hasNote={!!notes[question.id]}
                readOnly={store.readOnly}
                notFitting={
                  mixedExclusive.includes(question.id)
                    ? 'exclusive'
                    : notFitting.includes(question.id)
                }
                carried={
                  carried?.states[question.id]
                    ? {
                        state: carried.states[question.id]!,
                        source: carriedText,
                        confirm: () => store.confirmCarried([question.id]),
                      }
                    : undefined
                }
                notApplicable={
                  question.notApplicable
                    ? {
                        reason: naReasons[question.id] ?? null,
                        set: (reason) => store.setNotApplicable(question.id, reason),
                      }
                    : undefined
                }
              />
            </Fragment>
          );
        })}
        <div className="actions actions--split">
          {onPrev ? (
            <button type="button" className="button" onClick={onPrev}>
              {t('nav.previous')}
            </button>
          ) : (
            <span />
          )}
          {store.readOnly ? (
            // Nothing can be saved here (a signed version, or open in another tab): the button
            // only moves on, and says so.
            <button type="button" className="button button--primary" onClick={onNext}>
              {isLast ? t('nav.toRegisterReadOnly') : t('nav.nextReadOnly')}
            </button>
          ) : (
            <button type="submit" className="button button--primary">
              {isLast ? t('nav.toRegister') : t('nav.next')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}

/** How many questions a step renders before its first paint. */
export const FIRST_QUESTIONS = 6;

/** The end of the first slice: FIRST_QUESTIONS, or through the question that holds `field`. */
function firstSliceEnd(visible: readonly { q: Question }[], field: string | null): number {
  let end = FIRST_QUESTIONS;
  if (field) {
    visible.forEach(({ q }, i) => {
      const id = controlId(q);
      if (field === id || field.startsWith(`${id}-`)) end = Math.max(end, i + 1);
    });
  }
  return end;
}

/** Runs `fn` in a task after the next frame has been painted; returns a cancel function. */
function afterPaint(fn: () => void): () => void {
  let live = true;
  const frame = requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      if (live) fn();
    };
    ch.port2.postMessage(null);
  });
  return () => {
    live = false;
    cancelAnimationFrame(frame);
  };
}

/** "Label: message", but a label that ends a sentence ("…of the system?") gets no colon after it. */
function labelled(label: string, message: string): string {
  const l = label.trim();
  return /[?.!:]$/.test(l) ? `${l} ${message}` : `${l}: ${message}`;
}
