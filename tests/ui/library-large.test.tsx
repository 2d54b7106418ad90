import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createMemoryRepository,
  type AssessmentSummary,
} from '../../src/core/assessment/repository';
import { renderApp, testServices } from './harness';

afterEach(cleanup);

// The built-in questionnaire as it is now (its version changes with its content).
const friaCore = JSON.parse(
  readFileSync('questionnaires/fria-core/questionnaire.json', 'utf8'),
) as {
  version: string;
  title: { nl: string };
};

/** 10,000 library lines, newest first by number (no assessments behind them: only the list is read). */
function summaries(n: number): AssessmentSummary[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `big-${i}`,
    title: `Beoordeling ${String(i).padStart(5, '0')}`,
    systemName: i === 9876 ? 'Parkeerscanner Zuid' : `Systeem ${i}`,
    questionnaireId: 'fria-core',
    questionnaireVersion: friaCore.version,
    status: 'draft',
    overallLevel: null,
    updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    exportedAt: new Date(Date.UTC(2026, 11, 1)).toISOString(),
    version: 1,
  }));
}

describe('a library of 10,000 assessments', () => {
  it('lists the first page with the right total, shows more on request, and search reaches every item', async () => {
    const list = summaries(10_000);
    const repository = {
      ...createMemoryRepository(),
      list: async () => list.map((s) => ({ ...s })),
    };
    await renderApp(testServices(repository));
    const lib = await screen.findByRole('region', { name: 'Verder met een beoordeling' });
    await within(lib).findByText('10000 van 10000 beoordelingen');
    // The first page is rendered in the background (in slices): the newest item appears.
    await within(lib).findByRole('link', { name: 'Beoordeling 09999' }, { timeout: 20_000 });
    expect(within(lib).getAllByRole('listitem').length).toBeLessThanOrEqual(60);
    expect(within(lib).getByText('De eerste 50 van 10000 staan in de lijst.')).toBeTruthy();
    // The total is announced once: one live region says it, not two.
    const liveWithTotal = [...lib.querySelectorAll('[role="status"], [aria-live]')].filter((el) =>
      (el.textContent ?? '').includes('10000'),
    );
    expect(liveWithTotal.map((el) => el.textContent)).toEqual(['10000 van 10000 beoordelingen']);
    // Every listed item has its questionnaire's name (from the catalogue, without loading it).
    const first = within(lib).getAllByRole('listitem')[0]!;
    expect(first.textContent).toContain(`${friaCore.title.nl} ${friaCore.version}`);

    const user = userEvent.setup();
    await user.click(within(lib).getByRole('button', { name: 'Toon nog 50' }));
    expect(within(lib).getByText('De eerste 100 van 10000 staan in de lijst.')).toBeTruthy();
    // The first newly listed item has the focus, once it is there.
    await waitFor(() =>
      expect(document.activeElement?.closest('li')).toBe(
        within(lib)
          .getAllByRole('listitem')
          .filter((li) => li.closest('.library-list'))[50],
      ),
    );

    // An item far down the list (the 9877th) is found by search.
    await user.type(within(lib).getByLabelText('Zoeken'), 'Parkeerscanner');
    await within(lib).findByText('1 van 10000 beoordelingen');
    expect(await within(lib).findByRole('link', { name: 'Beoordeling 09876' })).toBeTruthy();

    // The last item of the list (the oldest: the 10,000th) is found too.
    await user.clear(within(lib).getByLabelText('Zoeken'));
    await user.type(within(lib).getByLabelText('Zoeken'), 'Beoordeling 00000');
    await within(lib).findByText('1 van 10000 beoordelingen');
    expect(await within(lib).findByRole('link', { name: 'Beoordeling 00000' })).toBeTruthy();
  }, 60_000);
});
