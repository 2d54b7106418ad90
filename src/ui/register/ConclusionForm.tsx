import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conclusion } from '../../core/assessment';
import { conclusionProblems, DECISIONS, setConclusion, type Decision } from '../../core/register';
import { useSession } from '../state/session';
import { useDeferredWrite } from '../state/use-deferred-write';
import { TextField } from './RiskForm';
import { problemText } from './labels';

/**
 * The human conclusion (docs/scoring.md §8): recorded by people, never computed. Saved as it is typed,
 * like the answers: written to the assessment 300 ms after typing stops, and at once when the
 * decision changes, a condition is removed, a field is left or the page is left (so the summary is not re-scored
 * on every keystroke). What is still missing is listed (and blocks signing). The reasoning and
 * conditions appear once a decision is chosen, so there is always a conclusion to save them in.
 */
export function ConclusionForm() {
  const { t } = useTranslation('register');
  const { store } = useSession();
  const readOnly = store.readOnly;
  const initial = store.get().conclusion;
  const [decision, setDecision] = useState<Decision | null>(initial?.decision ?? null);
  const [reasoning, setReasoning] = useState(initial?.reasoning ?? '');
  const [conditions, setConditions] = useState<{ key: number; text: string }[]>(() =>
    (initial?.conditions ?? []).map((text, key) => ({ key, text })),
  );
  const nextKey = useRef(conditions.length);
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  const { schedule, flush } = useDeferredWrite(
    useCallback((c: Conclusion) => store.update((a) => setConclusion(a, c)), [store]),
  );
  const save = (
    patch: Partial<{ decision: Decision; reasoning: string; conditions: string[] }>,
    now = false,
  ) => {
    const d = patch.decision ?? decision;
    if (!d) return;
    schedule(
      {
        decision: d,
        reasoning: patch.reasoning ?? reasoning,
        conditions: patch.conditions ?? conditions.map((c) => c.text),
      },
      now,
    );
  };

  const setCondition = (i: number, text: string) => {
    const next = conditions.with(i, { ...conditions[i]!, text });
    setConditions(next);
    save({ conditions: next.map((c) => c.text) });
  };
  const addCondition = () => {
    const next = [...conditions, { key: nextKey.current++, text: '' }];
    focusAfter.current = `condition-${next.length - 1}`;
    setConditions(next);
  };
  const removeCondition = (i: number) => {
    const next = conditions.filter((_, j) => j !== i);
    focusAfter.current =
      next.length === 0 ? 'condition-add' : `condition-${Math.min(i, next.length - 1)}`;
    setConditions(next);
    save({ conditions: next.map((c) => c.text) }, true);
  };

  const problems = decision
    ? conclusionProblems({ decision, reasoning, conditions: conditions.map((c) => c.text) })
    : [];

  return (
    // Leaving a field writes at once: a click on "Download PDF" right after typing has it all.
    <section aria-labelledby="conclusion-heading" className="conclusion panel stack" onBlur={flush}>
      <h2 id="conclusion-heading">{t('conclusion.title')}</h2>
      <p className="hint">{t('conclusion.intro')}</p>
      <fieldset className="field" role="radiogroup" aria-required="true">
        <legend>{t('conclusion.decision')}</legend>
        <div className="options">
          {DECISIONS.map((d) => (
            <label key={d} className="option">
              <input
                type="radio"
                name="conclusion-decision"
                id={`conclusion-${d}`}
                value={d}
                checked={decision === d}
                disabled={readOnly}
                onChange={() => {
                  setDecision(d);
                  save({ decision: d }, true);
                }}
              />
              <span>
                {t(`decision.${d}`)}
                <span className="option__help">{t(`decision.${d}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {decision ? (
        <>
          <TextField
            id="conclusion-reasoning"
            label={t('conclusion.reasoning')}
            hint={t('conclusion.reasoningHint')}
            value={reasoning}
            onChange={(v) => {
              setReasoning(v);
              save({ reasoning: v });
            }}
            multiline
            required
            maxLength={20000}
            readOnly={readOnly}
          />
          {decision === 'proceedWithConditions' ? (
            <fieldset className="field conditions">
              <legend>{t('conclusion.conditions')}</legend>
              <p className="hint">{t('conclusion.conditionsHint')}</p>
              {conditions.length === 0 ? <p>{t('conclusion.noConditions')}</p> : null}
              <ol className="conditions__list">
                {conditions.map((c, i) => (
                  <li key={c.key} className="conditions__item">
                    <label htmlFor={`condition-${i}`}>
                      {t('conclusion.conditionN', { n: i + 1 })}
                    </label>
                    <span className="conditions__row">
                      <input
                        type="text"
                        id={`condition-${i}`}
                        value={c.text}
                        maxLength={2000}
                        readOnly={readOnly}
                        onChange={(e) => setCondition(i, e.target.value)}
                      />
                      {readOnly ? null : (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => removeCondition(i)}
                        >
                          {t('conclusion.removeCondition', { n: i + 1 })}
                        </button>
                      )}
                    </span>
                  </li>
                ))}
              </ol>
              {readOnly ? null : (
                <button type="button" className="button" id="condition-add" onClick={addCondition}>
                  {t('conclusion.addCondition')}
                </button>
              )}
            </fieldset>
          ) : null}
        </>
      ) : null}
      <div className="conclusion__status">
        {!decision ? (
          <p>{t('conclusion.notYet')}</p>
        ) : problems.length === 0 ? (
          <p className="conclusion__complete">
            <span aria-hidden="true">✓ </span>
            {t('conclusion.complete')}
          </p>
        ) : (
          <>
            <p>{t('conclusion.missing')}</p>
            <ul>
              {problems.map((p) => (
                <li key={p.code}>{problemText(t, p)}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
