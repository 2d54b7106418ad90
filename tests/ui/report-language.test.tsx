/**
 * The PDF is in the assessment's report language (chosen at the start), not the interface's,
 * unless the user picks another at export; after the download the library no longer lists the
 * assessment as "not exported yet" (the PDF carries the assessment file).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment';
import { renderApp, seedAssessment, testServices } from './harness';

const calls = vi.hoisted(() => [] as string[]);
vi.mock('../../src/pdf/render', () => ({
  renderReportPdf: (_a: unknown, _q: unknown, locale: string) => {
    calls.push(locale);
    return Promise.resolve(new Uint8Array([37, 80, 68, 70]));
  },
}));

beforeAll(() => {
  Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => {} });
});
afterEach(() => {
  cleanup();
  calls.length = 0;
});

describe('report language of the PDF', { timeout: 30_000 }, () => {
  it('exports a Dutch assessment in Dutch from the English interface, or in English when chosen', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo); // meta.locale "nl"
    await renderApp(testServices(repo), { hash: '#/a/a1/summary', lang: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Summary' }, { timeout: 15_000 });
    const user = userEvent.setup();
    const select = screen.getByRole('combobox', { name: 'Language of the PDF report' });
    expect(select).toHaveValue('nl');
    await user.click(screen.getByRole('button', { name: 'Download PDF report' }));
    await waitFor(() => expect(calls).toEqual(['nl']));
    await screen.findByText('The PDF has been downloaded.');
    const [summary] = await repo.list();
    expect(summary!.exportedAt).not.toBeNull();

    await user.selectOptions(select, 'en');
    await user.click(screen.getByRole('button', { name: 'Download PDF report' }));
    await waitFor(() => expect(calls).toEqual(['nl', 'en']));
  });
});
