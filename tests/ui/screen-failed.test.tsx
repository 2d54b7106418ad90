import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import { renderApp, testServices } from './harness';

// A screen whose code is broken (as when its part of the file is damaged): rendering it throws.
vi.mock('../../src/ui/about/AboutScreen', () => ({
  AboutScreen: () => {
    throw new Error('broken part');
  },
}));

afterEach(cleanup);

describe('a screen that cannot be opened', () => {
  it('says so with a way out instead of an empty page, and the next address works again', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await renderApp(testServices(createMemoryRepository()), { hash: '#/about' });
    const alert = await screen.findByRole('alert');
    expect(
      screen.getByRole('heading', { level: 1, name: 'Dit scherm kon niet worden geopend' }),
    ).toBeInTheDocument();
    expect(alert.textContent).toContain('Uw werk is opgeslagen in deze browser');
    expect(screen.getByRole('button', { name: 'Opnieuw laden' })).toBeInTheDocument();
    // The rest of the app still stands: the way home works and shows the start screen.
    act(() => {
      window.location.hash = '#/';
    });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Impact op grondrechten beoordelen',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    quiet.mockRestore();
  });

  it('in English too', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await renderApp(testServices(createMemoryRepository()), { lang: 'en', hash: '#/about' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This screen could not be opened' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    quiet.mockRestore();
  });
});
