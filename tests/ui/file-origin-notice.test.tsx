import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, testServices } from './harness';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

const TITLE = 'Let op: andere bestanden op deze computer kunnen uw beoordelingen lezen';

describe('the shared storage of the single file (file://)', () => {
  it('is said once in the single file, until the user closes the notice, which is remembered', async () => {
    const { unmount } = await renderApp({ ...testServices(), fileMode: true });
    const heading = await screen.findByRole('heading', { level: 2, name: TITLE });
    const region = heading.closest('section')!;
    expect(region.textContent).toContain('HTML-bijlage uit een e-mail');
    expect(region.textContent).toContain('website van uw organisatie');
    // Not a dialog: the rest of the page stays usable.
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Begrepen, niet meer tonen' }));
    expect(screen.queryByRole('heading', { name: TITLE })).toBeNull();
    expect(document.activeElement?.id).toBe('main');
    unmount();
    await renderApp({ ...testServices(), fileMode: true });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('heading', { name: TITLE })).toBeNull();
  });

  it('is not shown by the hosted app; settings say who can read the work, in both modes', async () => {
    const { unmount } = await renderApp(
      { ...testServices(), fileMode: false },
      { hash: '#/settings' },
    );
    await screen.findByRole('heading', { level: 2, name: 'Waar uw werk staat' });
    expect(screen.queryByRole('heading', { name: TITLE })).toBeNull();
    expect(screen.getByText(/alleen voor deze website/)).toBeTruthy();
    unmount();
    await renderApp({ ...testServices(), fileMode: true }, { hash: '#/settings', lang: 'en' });
    await screen.findByRole('heading', { level: 2, name: 'Where your work is kept' });
    expect(screen.getAllByText(/every other HTML file you open on this computer/)).toHaveLength(2);
    expect(
      screen.getByRole('heading', {
        name: 'Note: other files on this computer can read your assessments',
      }),
    ).toBeTruthy();
  });
});
