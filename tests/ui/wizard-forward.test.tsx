/**
 * The wizard's form → store forwarding (src/ui/wizard/forward-to-store.ts): a value the form took
 * before the forwarding started is saved too, and starting it changes nothing the user did not touch.
 */
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { createAssessment } from '../../src/core/assessment/assessment';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import { AssessmentStore } from '../../src/ui/state/assessment-store';
import { forwardToStore } from '../../src/ui/wizard/forward-to-store';
import { fieldName, noteName, toFormValue } from '../../src/ui/wizard/form-values';
import { miniQuestionnaire } from './harness';

const q = miniQuestionnaire();
/** The "decisions" section: scale, number, date. */
const section = q.sections.find((s) => s.id === 'decisions')!;
const questions = section.questions.map((question, index) => ({ q: question, index }));

async function newStore(patch: Partial<Assessment> = {}): Promise<AssessmentStore> {
  const a = await createAssessment(
    q,
    { title: 'T', systemName: 'S', organisation: 'O', owner: 'E', locale: 'nl' },
    { id: 'a1', now: '2026-11-28T10:00:00.000Z' },
  );
  return new AssessmentStore({ ...a, ...patch }, { now: () => '2026-11-28T11:00:00.000Z' });
}

/** The step's fields for the number question and its note, as the wizard builds them. */
function Fields({ store, onForm }: { store: AssessmentStore; onForm(f: UseFormReturn): void }) {
  const a = store.get();
  const values: Record<string, unknown> = {};
  for (const { q: question, index } of questions) {
    values[fieldName(index)] = toFormValue(question, a.answers[question.id]);
    values[noteName(index)] = a.notes[question.id] ?? '';
  }
  const form = useForm<Record<string, unknown>>({ defaultValues: values });
  onForm(form as unknown as UseFormReturn);
  return (
    <form>
      <label>
        Gebruikers
        <input type="number" {...form.register(fieldName(1))} />
      </label>
      <label>
        Notitie
        <textarea {...form.register(noteName(1))} />
      </label>
    </form>
  );
}

describe('forwarding the wizard form to the store', () => {
  it('saves what was typed before the forwarding started, and every change after it', async () => {
    const store = await newStore();
    let form: UseFormReturn | null = null;
    render(<Fields store={store} onForm={(f) => (form = f)} />);
    const user = userEvent.setup();
    // The user is faster than the subscription: typed while nothing forwards yet.
    await user.type(screen.getByLabelText('Gebruikers'), '1200');
    await user.type(screen.getByLabelText('Notitie'), 'Schatting');
    expect(store.get().answers.usersPerYear).toBeUndefined();

    const stop = forwardToStore(form!, store, questions);
    expect(store.get().answers.usersPerYear).toBe(1200);
    expect(store.get().notes.usersPerYear).toBe('Schatting');

    await user.type(screen.getByLabelText('Notitie'), ' 2026');
    expect(store.get().notes.usersPerYear).toBe('Schatting 2026');
    stop();
    await user.type(screen.getByLabelText('Notitie'), '!');
    expect(store.get().notes.usersPerYear).toBe('Schatting 2026');
  });

  it('changes nothing when the form holds what the store holds, even answers the form cannot show', async () => {
    // A number question answered with text (an imported file): the field shows it empty; starting
    // the forwarding must not erase it, nor touch the date answer and the note.
    const store = await newStore({
      answers: { usersPerYear: 'ongeveer duizend' as unknown as number, startDate: '2027-01-01' },
      notes: { usersPerYear: 'Zie bijlage' },
    });
    const before = store.get();
    let form: UseFormReturn | null = null;
    render(<Fields store={store} onForm={(f) => (form = f)} />);
    const stop = forwardToStore(form!, store, questions);
    expect(store.get()).toBe(before);
    stop();
  });
});
