/**
 * The Verify screen leads with one plain verdict that says what was proven: a file without a
 * digital signature is "internally consistent only", a draft names the role that has not signed,
 * and sign-offs of earlier versions are one compact line instead of a warning each.
 */
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import {
  assessmentHash,
  createAssessment,
  serializeAssessment,
} from '../../src/core/assessment/assessment';
import { signOffChainHash } from '../../src/core/signoff/signoff-chain';
import type { Assessment, SignOff } from '../../src/core/assessment/assessment-schema';
import { miniQuestionnaire, renderApp, testServices } from './harness';

async function withSignOffs(
  roles: { role: string; name: string; version?: number }[],
  version = 1,
): Promise<Assessment> {
  const a = await createAssessment(
    miniQuestionnaire(),
    { title: 'T', systemName: 'S', organisation: 'O', owner: 'A', locale: 'nl' },
    { id: 'a1', now: '2026-11-28T10:00:00.000Z' },
  );
  const current = { ...a, version };
  const signOffs: SignOff[] = [];
  for (const [i, r] of roles.entries()) {
    const v = r.version ?? version;
    const s: SignOff = {
      id: `s${i + 1}`,
      role: r.role,
      name: r.name,
      function: '',
      organisation: '',
      date: '2026-11-28',
      place: '',
      declaration: 'Ik verklaar.',
      signature: { kind: 'typed', data: r.name },
      contentHash: await assessmentHash({ ...current, version: v }),
      version: v,
      at: '2026-11-28T11:00:00.000Z',
    };
    s.chainHash = await signOffChainHash(s, signOffs[signOffs.length - 1]);
    signOffs.push(s);
  }
  return { ...current, signOffs };
}

async function verifyFileOnScreen(a: Assessment, lang: 'nl' | 'en' = 'nl') {
  await renderApp(testServices(createMemoryRepository()), { lang, hash: '#/verify' });
  const input = await screen.findByLabelText(
    lang === 'nl'
      ? 'Pdf of beoordelingsbestand (.pdf, .json)'
      : 'PDF or assessment file (.pdf, .json)',
  );
  const file = new File([serializeAssessment(a)], 'x.fria.json', { type: 'application/json' });
  await userEvent.upload(input, file);
  const result = await screen.findByTestId('verify-result', {}, { timeout: 5000 });
  // The verdict is the first line after the heading: one plain sentence.
  const verdict = await within(result).findByRole('alert');
  return { result, verdict };
}

describe('the Verify verdict', () => {
  it('a draft with the approver missing is never a green "Geldig"', async () => {
    const { result, verdict } = await verifyFileOnScreen(
      await withSignOffs([{ role: 'preparer', name: 'Anna' }]),
    );
    expect(verdict.textContent).toMatch(/^Concept: de goedkeurder heeft nog niet getekend\./);
    expect(verdict.textContent).not.toContain('Geldig');
    expect(verdict.className).not.toContain('verdict--ok');
    expect(result.getAttribute('data-status')).toBe('consistent');
  });

  it('a complete file without a digital signature is "internally consistent only" (en)', async () => {
    const { verdict } = await verifyFileOnScreen(
      await withSignOffs([
        { role: 'preparer', name: 'Anna' },
        { role: 'approver', name: 'Bram' },
      ]),
      'en',
    );
    expect(verdict.textContent).toBe(
      'Internally consistent only: there is no digital signature, so this does not prove that nothing was changed, nor who signed.',
    );
  });

  it('sign-offs of earlier versions are one compact line, not a warning each', async () => {
    const earlier = Array.from({ length: 5 }, (_, i) => ({
      role: i % 2 ? 'approver' : 'preparer',
      name: `Persoon ${i + 1}`,
      version: 1 + Math.floor(i / 2),
    }));
    const { result } = await verifyFileOnScreen(await withSignOffs(earlier, 4));
    const text = result.textContent ?? '';
    expect(text).toContain('Eerdere versies (handtekeningen die niet gelden voor versie 4):');
    expect(text.match(/Dit is versie 4/g) ?? []).toHaveLength(0);
    // At most one note (the seal's summary), instead of one "!" per earlier sign-off.
    expect(result.querySelectorAll('.verify__mark--warn').length).toBeLessThanOrEqual(1);
  });
});

describe('an address with a malformed % escape', () => {
  it('shows "page not found" instead of throwing', async () => {
    await renderApp(testServices(createMemoryRepository()), { hash: '#/a/%/step/0' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pagina niet gevonden' }),
    ).toBeInTheDocument();
  });
});
