import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import { miniQuestionnaire, renderApp, seedAssessment, testServices } from './harness';

describe('mixed-language questionnaire texts', () => {
  it('marks a question shown in another language than the interface with its own lang', async () => {
    const repo = createMemoryRepository();
    const q = miniQuestionnaire();
    // A questionnaire in English only, opened in a Dutch interface.
    const english = JSON.parse(JSON.stringify(q, (k, v) => (k === 'nl' ? undefined : v)));
    english.locales = ['en'];
    await seedAssessment(repo, { questionnaireSnapshot: english });
    await renderApp(testServices(repo), { hash: '#/a/a1/step/0' });
    const label = await screen.findByText('What is the purpose of the system?');
    expect(label.closest('[lang]')?.getAttribute('lang')).toBe('en');
    // The app's own texts stay Dutch, without an extra lang.
    const required = screen.getAllByText('(verplicht)')[0]!;
    expect(required.closest('[lang]')).toBe(document.documentElement);
  });
});
