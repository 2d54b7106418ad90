import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, testServices } from './harness';
import { initI18n } from '../../src/ui/i18n';
import { UnlockScreen } from '../../src/ui/components/UnlockScreen';
import { WrongPassphraseError } from '../../src/storage/seal';
import type { ProtectionControl } from '../../src/ui/services';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

function fakeProtection(passphrase = 'de juiste wachtwoordzin') {
  let state: ReturnType<ProtectionControl['state']> = 'off';
  let current = passphrase;
  const control: ProtectionControl = {
    state: () => state,
    protect: vi.fn(async (p: string) => {
      current = p;
      state = 'on';
    }),
    changePassphrase: vi.fn(async (c: string, n: string) => {
      if (c !== current) throw new WrongPassphraseError();
      current = n;
    }),
    unprotect: vi.fn(async (p: string) => {
      if (p !== current) throw new WrongPassphraseError();
      state = 'off';
    }),
  };
  return control;
}

describe('passphrase protection in settings', () => {
  it('says first that a forgotten passphrase makes the work unreadable, checks the input, then protects', async () => {
    const protection = fakeProtection();
    await renderApp({ ...testServices(), protection }, { hash: '#/settings' });
    await screen.findByRole('heading', { level: 2, name: 'Beveiligen met een wachtwoordzin' });
    expect(
      screen.getByText(/vergeet u de wachtwoordzin, dan kan niemand uw werk nog lezen/),
    ).toBeTruthy();
    expect(screen.getByText(/niet versleuteld/)).toBeTruthy(); // exports stay readable files
    const user = userEvent.setup();
    const submit = screen.getByRole('button', { name: 'Beveiligen' });
    await user.type(
      screen.getByLabelText('Nieuwe wachtwoordzin (minstens 10 tekens)'),
      'lang genoeg zin',
    );
    await user.type(screen.getByLabelText('Herhaal de nieuwe wachtwoordzin'), 'lang genoeg zin');
    await user.click(submit);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Vink aan dat u begrijpt/);
    expect(protection.protect).not.toHaveBeenCalled();
    await user.click(screen.getByLabelText(/Ik begrijp dat mijn werk onleesbaar wordt/));
    await user.clear(screen.getByLabelText('Herhaal de nieuwe wachtwoordzin'));
    await user.type(screen.getByLabelText('Herhaal de nieuwe wachtwoordzin'), 'iets anders!!');
    await user.click(submit);
    expect(screen.getByRole('alert').textContent).toMatch(/niet gelijk/);
    await user.clear(screen.getByLabelText('Herhaal de nieuwe wachtwoordzin'));
    await user.type(screen.getByLabelText('Herhaal de nieuwe wachtwoordzin'), 'lang genoeg zin');
    await user.click(submit);
    expect(protection.protect).toHaveBeenCalledWith('lang genoeg zin');
    await screen.findByText('Uw beoordelingen zijn nu versleuteld.');
    expect(screen.getByRole('heading', { level: 3, name: 'Wachtwoordzin wijzigen' })).toBeTruthy();
  });

  it('a wrong current passphrase changes nothing and says so; the right one turns protection off', async () => {
    const protection = fakeProtection();
    await protection.protect('de juiste wachtwoordzin');
    await renderApp({ ...testServices(), protection }, { hash: '#/settings', lang: 'en' });
    await screen.findByRole('heading', { level: 3, name: 'Turn protection off' });
    const user = userEvent.setup();
    const fields = screen.getAllByLabelText('Current passphrase');
    await user.type(fields[1]!, 'wrong');
    await user.click(screen.getByRole('button', { name: 'Turn protection off' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The current passphrase is not correct. Nothing was changed.',
    );
    expect(protection.state()).toBe('on');
    await user.clear(fields[1]!);
    await user.type(fields[1]!, 'de juiste wachtwoordzin');
    await user.click(screen.getByRole('button', { name: 'Turn protection off' }));
    await screen.findByText(/Protection is off/);
    expect(protection.state()).toBe('off');
  });
});

describe('the unlock screen', () => {
  it('says the library is locked; a wrong passphrase gets a clear message and another try', async () => {
    await initI18n('nl');
    const unlock = vi.fn(async (p: string) => {
      if (p !== 'goed goed goed') throw new WrongPassphraseError();
    });
    const onUnlocked = vi.fn();
    render(<UnlockScreen unlock={unlock} onUnlocked={onUnlocked} />);
    screen.getByRole('heading', { level: 1, name: 'De bibliotheek is vergrendeld' });
    expect(screen.getByText(/Wachtwoordzin vergeten\? Dan kan niemand/)).toBeTruthy();
    const field = screen.getByLabelText('Wachtwoordzin');
    expect(document.activeElement).toBe(field);
    const user = userEvent.setup();
    await user.type(field, 'fout');
    await user.click(screen.getByRole('button', { name: 'Openen' }));
    expect(
      (await screen.findByText(/Deze wachtwoordzin klopt niet/)).closest('[role="alert"]'),
    ).not.toBeNull();
    expect(onUnlocked).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(field);
    await user.clear(field);
    await user.type(field, 'goed goed goed');
    await user.click(screen.getByRole('button', { name: 'Openen' }));
    await vi.waitFor(() => expect(onUnlocked).toHaveBeenCalled());
  });
});
