/**
 * The list of what blocks signing links each point to its own field: the red flag's response, the
 * conclusion's decision, the open question — not several identical links to the top of a page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment';
import { renderApp, seedAssessment, testServices } from './harness';

afterEach(() => cleanup());

// A red flag (special data without a legal ground), no conclusion, and an open required question.
const ANSWERS = {
  personalData: true,
  dataKinds: ['health'],
  legalGround: 'no',
  automated: 'advice',
};

describe('what blocks signing', { timeout: 30_000 }, () => {
  it('links each point to its own field, and the link takes focus there', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo, { answers: ANSWERS });
    await renderApp(testServices(repo), { hash: '#/a/a1/signoff' });
    const list = await screen.findByRole(
      'region',
      { name: 'Ondertekenen kan nog niet' },
      { timeout: 15_000 },
    );
    const links = within(list).getAllByRole('link');
    const targets = links.map((l) => l.getAttribute('href'));
    // No two points share a link.
    expect(new Set(targets).size).toBe(targets.length);
    expect(targets).toContain('#/a/a1/summary?field=flag-response-specialNoGround');
    expect(targets.some((h) => /^#\/a\/a1\/summary\?field=conclusion-/.test(h ?? ''))).toBe(true);
    expect(targets.some((h) => /^#\/a\/a1\/step\/\d+\?field=q-purpose$/.test(h ?? ''))).toBe(true);

    const flagLink = links.find((l) => l.getAttribute('href')!.includes('flag-response'))!;
    await userEvent.setup().click(flagLink);
    await screen.findByRole('heading', { level: 1, name: /Samenvatting/ }, { timeout: 15_000 });
    await waitFor(() => expect(document.activeElement?.id).toBe('flag-response-specialNoGround'));
  });
});
