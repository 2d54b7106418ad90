/**
 * A repeating group in the wizard: the roadmap is asked once per right ticked, each right under its
 * own heading, each question's accessible name saying which right it is for; answers are saved per
 * right, and the summary names the right of each open question.
 */
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import { questionnaireHash } from '../../src/core/assessment/assessment';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';
import { questionnaireSource } from '../../src/core/questionnaire/questionnaire-format';
import { renderApp, seedAssessment, testServices } from './harness';
import mini from '../fixtures/mini-questionnaire.json';

const LOAD = { timeout: 15_000 };
const t = (nl: string, en: string) => ({ nl, en });

/** The mini questionnaire with a rights question and a roadmap section repeated per right. */
async function withRoadmap() {
  const data = structuredClone(mini) as { sections: unknown[]; locales: string[] };
  data.sections.push(
    {
      id: 'rights',
      title: t('Grondrechten', 'Rights'),
      questions: [
        {
          id: 'rightsAffected',
          type: 'multiChoice',
          required: true,
          label: t('Welke grondrechten raakt het systeem?', 'Which rights?'),
          options: [
            { id: 'privacy', label: t('Privacy', 'Privacy') },
            { id: 'equality', label: t('Gelijke behandeling', 'Equal treatment') },
            { id: 'none', label: t('Geen', 'None'), exclusive: true },
          ],
        },
      ],
    },
    {
      id: 'roadmap',
      title: t('Afweging per grondrecht', 'Weighing per right'),
      repeatFor: 'rightsAffected',
      questions: [
        {
          id: 'seriousness',
          type: 'singleChoice',
          required: true,
          label: t('Hoe zwaar is de inbreuk op dit recht?', 'How serious?'),
          options: [
            { id: 'light', label: t('Licht', 'Light') },
            { id: 'serious', label: t('Ernstig', 'Serious') },
          ],
        },
      ],
    },
  );
  const v = validateQuestionnaire(data);
  if (!v.valid) throw new Error(JSON.stringify(v.problems));
  const q = v.questionnaire;
  return {
    step: q.sections.findIndex((s) => s.id === 'roadmap'),
    patch: {
      questionnaire: { id: q.id, version: q.version, hash: await questionnaireHash(q) },
      questionnaireSnapshot: questionnaireSource(q),
    },
  };
}

describe('a repeating group in the wizard', { timeout: 60_000 }, () => {
  it('asks the roadmap per right ticked, under a heading per right, and saves per right', async () => {
    const repo = createMemoryRepository();
    const { step, patch } = await withRoadmap();
    await seedAssessment(repo, {
      ...patch,
      answers: { personalData: false, rightsAffected: ['privacy', 'equality'] },
    });
    await renderApp(testServices(repo), { hash: `#/a/a1/step/${step}` });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Afweging per grondrecht' }, LOAD);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(
      expect.arrayContaining(['Privacy', 'Gelijke behandeling']),
    );
    const privacy = screen.getByRole('radiogroup', {
      // (jsdom joins the hidden instance name and the label without the space a browser keeps)
      name: /^Privacy —\s?Hoe zwaar is de inbreuk op dit recht\?\s?\(verplicht\)$/,
    });
    const equality = screen.getByRole('radiogroup', {
      name: /^Gelijke behandeling —\s?Hoe zwaar is de inbreuk op dit recht\?\s?\(verplicht\)$/,
    });
    await user.click(within(equality).getByRole('radio', { name: 'Ernstig' }));
    await waitFor(async () =>
      expect((await repo.get('a1'))?.answers['seriousness@equality']).toBe('serious'),
    );
    expect(within(privacy).getByRole('radio', { name: 'Ernstig' })).not.toBeChecked();

    window.location.hash = '#/a/a1/summary';
    const open = await screen.findByRole('heading', { level: 2, name: /open/i }, LOAD);
    const list = open.closest('section')!;
    expect(list).toHaveTextContent('Privacy — Hoe zwaar is de inbreuk op dit recht?');
    expect(list).not.toHaveTextContent('Gelijke behandeling — Hoe zwaar');
  });

  it('lists the answers of an unticked right as set aside, not counted', async () => {
    const repo = createMemoryRepository();
    const { patch } = await withRoadmap();
    await seedAssessment(repo, {
      ...patch,
      answers: {
        personalData: false,
        rightsAffected: ['privacy'],
        'seriousness@privacy': 'light',
        'seriousness@equality': 'serious',
      },
    });
    await renderApp(testServices(repo), { hash: '#/a/a1/summary' });
    const section = await screen.findByRole('region', { name: 'Antwoorden die opzij staan' }, LOAD);
    expect(section).toHaveTextContent('Gelijke behandeling: 1 bewaard antwoord');
    expect(section).not.toHaveTextContent('Privacy');
  });
});
