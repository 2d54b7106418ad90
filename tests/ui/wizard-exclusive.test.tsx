/**
 * Exclusive options in the wizard: ticking "Geen van deze" clears the other boxes and ticking
 * another box clears it; a stored answer that mixes them is open, and the question says why.
 */
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import { questionnaireHash } from '../../src/core/assessment/assessment';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';
import { renderApp, seedAssessment, testServices } from './harness';
import mini from '../fixtures/mini-questionnaire.json';

const LOAD = { timeout: 10_000 };

/** The mini questionnaire with an exclusive "Geen van deze" in dataKinds. */
async function withNone() {
  const data = structuredClone(mini) as { sections: { questions: Record<string, unknown>[] }[] };
  const kinds = data.sections.flatMap((s) => s.questions).find((x) => x.id === 'dataKinds')!;
  (kinds.options as unknown[]).push({
    id: 'none',
    label: { nl: 'Geen van deze', en: 'None of these' },
    exclusive: true,
  });
  const v = validateQuestionnaire(data);
  if (!v.valid) throw new Error('invalid');
  const q = v.questionnaire;
  return {
    questionnaire: { id: q.id, version: q.version, hash: await questionnaireHash(q) },
    questionnaireSnapshot: q,
  };
}

describe('exclusive options in the wizard', { timeout: 30_000 }, () => {
  it('ticking "Geen van deze" clears the others, ticking another clears it', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, {
      ...(await withNone()),
      answers: { personalData: true, dataKinds: ['health'] },
    });
    await renderApp(testServices(repo), { hash: '#/a/a1/step/1' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: /Privacy/ }, LOAD);
    const none = screen.getByRole('checkbox', { name: 'Geen van deze' });
    const boxes = screen.getAllByRole('checkbox');
    const health = boxes.find((b) => (b as HTMLInputElement).value === 'health')!;
    expect(health).toBeChecked();
    await user.click(none);
    expect(none).toBeChecked();
    expect(health).not.toBeChecked();
    await waitFor(async () => expect((await repo.get('a1'))?.answers.dataKinds).toEqual(['none']));
    await user.click(health);
    expect(health).toBeChecked();
    expect(none).not.toBeChecked();
    await waitFor(async () =>
      expect((await repo.get('a1'))?.answers.dataKinds).toEqual(['health']),
    );
  });

  it('a stored answer that mixes them is open, and the question says why', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, {
      ...(await withNone()),
      answers: { personalData: true, dataKinds: ['health', 'none'], legalGround: 'yes' },
    });
    await renderApp(testServices(repo), { hash: '#/a/a1/step/1' });
    await screen.findByRole('heading', { level: 1, name: /Privacy/ }, LOAD);
    const none = screen.getByRole('checkbox', { name: 'Geen van deze' });
    const group = none.closest('fieldset')!;
    expect(group).toHaveAccessibleDescription(
      /Het opgeslagen antwoord kiest “Geen van deze” samen met andere keuzes; het telt niet mee\./,
    );
    const steps = screen.getByRole('navigation', { name: 'Stappen van de beoordeling' });
    // Counted as open: of dataKinds, legalGround and groundText only legalGround is answered.
    expect(within(steps).getByRole('link', { name: /Privacy/ })).toHaveTextContent(
      '1 van 3 beantwoord',
    );
  });
});
