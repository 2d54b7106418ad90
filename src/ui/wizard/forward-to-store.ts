import type { UseFormReturn } from 'react-hook-form';
import type { Question } from '../../core/questionnaire';
import type { AssessmentStore } from '../state/assessment-store';
import { fieldName, fromFormValue, noteName, toFormValue } from './form-values';
import { sameJson } from './visible';

type Form = Pick<UseFormReturn<Record<string, unknown>>, 'subscribe' | 'getValues'>;

/**
 * Passes every change of a step's form to the store (autosave follows), and returns the
 * unsubscribe. When it starts, whatever the form already holds that the store does not is passed
 * too: a value the form took before this subscription existed would otherwise never be saved.
 * `questions` are the section's questions with their index, which names the fields (f3, n3).
 */
export function forwardToStore(
  form: Form,
  store: AssessmentStore,
  questions: readonly { q: Question; index: number }[],
): () => void {
  const push = (name: string, value: unknown) => {
    const m = /^([fn])(\d+)$/.exec(name);
    const entry = m ? questions[Number(m[2])] : undefined;
    if (!m || !entry) return;
    if (m[1] === 'f') store.setAnswer(entry.q.id, fromFormValue(entry.q, value));
    else store.setNote(entry.q.id, typeof value === 'string' ? value : '');
  };
  const unsubscribe = form.subscribe({
    formState: { values: true },
    callback: ({ values, name }) => {
      if (name) push(name, values[name]);
    },
  });
  // Compared as form values, so a stored answer the form cannot show (say, text for a number
  // question in an imported file) is left alone unless the user changed that field.
  const a = store.get();
  const current = form.getValues();
  for (const { q, index } of questions) {
    const f = fieldName(index);
    if (f in current && !sameJson(current[f], toFormValue(q, a.answers[q.id]))) push(f, current[f]);
    const n = noteName(index);
    if (typeof current[n] === 'string' && current[n] !== (a.notes[q.id] ?? '')) push(n, current[n]);
  }
  return unsubscribe;
}
