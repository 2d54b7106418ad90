/**
 * "Not applicable" in the wizard, where the questionnaire allows it: ticking it asks for a reason;
 * with one, a required question no longer blocks "next", the reason is saved, and the summary lists
 * the question with its reason. Without a reason the question stays open.
 */
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import { questionnaireHash } from '../../src/core/assessment/assessment';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';
import { renderApp, seedAssessment, testServices } from './harness';
import mini from '../fixtures/mini-questionnaire.json';

const LOAD = { timeout: 15_000 };

/** The mini questionnaire where the required "purpose" question allows "not applicable". */
async function withNa() {
  const data = structuredClone(mini) as { sections: { questions: Record<string, unknown>[] }[] };
  data.sections[0]!.questions.find((x) => x.id === 'purpose')!.notApplicable = true;
  const v = validateQuestionnaire(data);
  if (!v.valid) throw new Error(JSON.stringify(v.problems));
  const q = v.questionnaire;
  return {
    questionnaire: { id: q.id, version: q.version, hash: await questionnaireHash(q) },
    questionnaireSnapshot: q,
  };
}

describe('"not applicable" in the wizard', { timeout: 60_000 }, () => {
  it('asks for a reason, then counts the required question as answered and the summary lists it', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { ...(await withNa()), answers: { personalData: false } });
    await renderApp(testServices(repo), { hash: '#/a/a1/step/0' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Context' }, LOAD);
    const steps = screen.getByRole('navigation', { name: 'Stappen van de beoordeling' });
    const context = within(steps).getByRole('link', { name: /Context/ });
    expect(context).toHaveTextContent('1 verplichte open');

    await user.click(screen.getByRole('checkbox', { name: 'Niet van toepassing' }));
    const reason = screen.getByRole('textbox', {
      name: 'Waarom is deze vraag niet van toepassing? (verplicht)',
    });
    expect(reason).toHaveAccessibleDescription(
      'Geef een korte reden: zonder reden blijft de vraag open.',
    );
    expect(context).toHaveTextContent('1 verplichte open');
    await user.type(reason, 'Alleen intern getest');
    await waitFor(() => expect(context).toHaveTextContent('compleet'));
    await waitFor(async () =>
      expect((await repo.get('a1'))?.notApplicable).toEqual({ purpose: 'Alleen intern getest' }),
    );

    window.location.hash = '#/a/a1/summary';
    const section = await screen.findByRole(
      'region',
      { name: 'Vragen beantwoord met “niet van toepassing”' },
      LOAD,
    );
    expect(section).toHaveTextContent('Wat is het doel van het systeem? — Alleen intern getest');
  });
});
