/**
 * A step with 20 questions (the benchmark's 300-question questionnaire): the questions below the
 * first ones are rendered a moment after the step's heading (docs/performance.md). What a user
 * notices must not change: every question is there, in the questionnaire's order (reading and
 * keyboard order), and an address that names a field far down the step focuses that field directly,
 * not the heading first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { createMemoryRepository } from '../../src/core/assessment';
import { createAssessment } from '../../src/core/assessment/assessment';
import { summarize } from '../../src/core/assessment/summary';
import { syntheticQuestionnaire } from '../../scripts/bench/synthetic';
import { renderApp, testServices } from './harness';

afterEach(() => cleanup());

async function setUp(hash: string) {
  const q = syntheticQuestionnaire(2);
  const repo = createMemoryRepository();
  const a = await createAssessment(
    q,
    {
      title: 'Groot',
      systemName: 'Systeem',
      organisation: 'Gemeente',
      owner: 'Team',
      locale: 'nl',
    },
    { id: 'big', now: '2026-11-28T10:00:00.000Z' },
  );
  await repo.put(a, summarize(a, q));
  await renderApp(testServices(repo), { hash });
  return q;
}

/** The question ids in the page, in document order. */
const inPage = () =>
  [...document.querySelectorAll('[data-question]')].map((el) => el.getAttribute('data-question'));

describe('a step with 20 questions', { timeout: 60_000 }, () => {
  it('shows every question of the step, in the questionnaire’s order', async () => {
    const q = await setUp('#/a/big/step/0');
    await screen.findByRole('heading', { level: 1 }, { timeout: 20_000 });
    // The 20th question's field comes a moment after the heading.
    await waitFor(() => expect(inPage()).toContain('s0q19'));
    // Only the questions hidden by their condition ("only when the one before is yes") are missing.
    const order = q.sections[0]!.questions.filter((x) => !x.condition).map((x) => x.id);
    expect(order.length).toBe(18);
    expect(inPage()).toEqual(order);
    // Keyboard order follows: the last question's field comes before the step's buttons.
    const last = document.getElementById('q-s0q19')!;
    const next = screen.getByRole('button', { name: 'Opslaan en verder' });
    expect(last.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('an address naming a field far down the step focuses that field, not the heading first', async () => {
    await setUp('#/a/big/step/0');
    await waitFor(() => expect(inPage()).toContain('s0q19'), { timeout: 20_000 });
    const focused: string[] = [];
    document.addEventListener('focusin', (e) => focused.push((e.target as HTMLElement).tagName));
    window.location.hash = '#/a/big/step/1?field=q-s1q17';
    await waitFor(() => expect(document.activeElement?.id).toBe('q-s1q17'), { timeout: 20_000 });
    expect(focused).not.toContain('H1');
  });
});
