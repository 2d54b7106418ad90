import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import { renderApp, seedAssessment, testServices } from './harness';

afterEach(cleanup);

describe('changes written back from the rescue journal', () => {
  it('are named once at start, on any screen, and the message can be closed', async () => {
    const repository = createMemoryRepository();
    await seedAssessment(repository, { meta: { ...baseMeta, title: 'Parkeerhandhaving' } });
    await renderApp(
      {
        ...testServices(repository),
        recovered: [
          { id: 'a1', outcome: 'restored' },
          { id: 'gone', outcome: 'restored' },
        ],
      },
      { hash: '#/settings' },
    );
    const status = await screen.findByText(/Hersteld: uw laatste wijzigingen in/);
    expect(status.textContent).toContain('“Parkeerhandhaving”');
    // An id that is no longer listed is still counted, without a made-up title.
    expect(status.textContent).toContain('“een beoordeling zonder titel”');
    expect(status.closest('[role="status"]')).not.toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Melding sluiten' }));
    expect(screen.queryByText(/Hersteld:/)).toBeNull();
  });

  it('in English too, and nothing is said when nothing was written back', async () => {
    const repository = createMemoryRepository();
    await seedAssessment(repository);
    const { unmount } = await renderApp(
      { ...testServices(repository), recovered: [{ id: 'a1', outcome: 'restored' }] },
      { lang: 'en' },
    );
    expect(
      (await screen.findByText(/Recovered: your last changes to “Test” had not been saved/))
        .textContent,
    ).toContain('Nothing was lost');
    unmount();
    await renderApp(testServices(repository), { lang: 'en' });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByText(/Recovered:/)).toBeNull();
  });
});

const baseMeta = {
  title: 'Test',
  systemName: 'Toeslagen-risicomodel',
  organisation: 'Gemeente Test',
  owner: 'Team A',
  locale: 'nl',
};
