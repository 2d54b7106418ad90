import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import { renderApp, seedAssessment, testServices } from './harness';

describe('start screen', () => {
  it('lists the assessments on this device to continue', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo);
    await renderApp(testServices(repo));
    const list = await screen.findByRole('region', { name: 'Verder met een beoordeling' });
    // The items' code loads when the list comes (an empty library never loads it).
    expect(await within(list).findByRole('link', { name: 'Test' })).toHaveAttribute(
      'href',
      '#/a/a1/step/0',
    );
  });

  it('explains every problem of a broken questionnaire file in Dutch', async () => {
    await renderApp(testServices());
    const user = userEvent.setup();
    const input = await screen.findByLabelText('Kies een bestand met een vragenlijst (.json)');
    const broken = JSON.stringify({ id: 'x', version: '1', locales: ['nl'], title: { nl: 'X' } });
    await user.upload(input, new File([broken], 'eigen.json', { type: 'application/json' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('eigen.json is niet te gebruiken');
    expect(alert).toHaveTextContent('version');
    expect(alert).toHaveTextContent('Deze waarde heeft niet de goede vorm');
    expect(alert).toHaveTextContent('domains');
    expect(alert).toHaveTextContent('Dit veld is verplicht, maar ontbreekt.');
  });

  it('says so when a file is not JSON at all', async () => {
    await renderApp(testServices());
    const user = userEvent.setup();
    const input = await screen.findByLabelText('Kies een bestand met een vragenlijst (.json)');
    await user.upload(input, new File(['{ nope'], 'kapot.json', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Het bestand is geen geldige JSON');
  });
});
