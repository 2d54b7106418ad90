/**
 * On a phone the step list stood before every step's content (18 links first). It folds behind a
 * disclosure button: closed at first, aria-expanded and aria-controls for screen readers, opened
 * and closed with the keyboard. (Wide screens hide the button and always show the list: CSS.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment';
import { renderApp, seedAssessment, testServices } from './harness';

afterEach(() => cleanup());

describe('the step list on a phone', { timeout: 30_000 }, () => {
  it('is a disclosure: folded first, opened and closed with the keyboard', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo);
    await renderApp(testServices(repo), { hash: '#/a/a1/step/0' });
    const nav = await screen.findByRole(
      'navigation',
      { name: 'Stappen van de beoordeling' },
      { timeout: 15_000 },
    );
    const toggle = within(nav).getByRole('button', { name: /Stap 1 van \d+ · alle stappen/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const list = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(list.tagName).toBe('OL');
    expect(nav).toHaveClass('step-list--folded');

    const user = userEvent.setup();
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(nav).not.toHaveClass('step-list--folded');
    expect(within(list).getAllByRole('link').length).toBeGreaterThan(3);
    await user.keyboard(' ');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });
});
