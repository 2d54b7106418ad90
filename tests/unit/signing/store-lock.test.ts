/** A signed version is locked in the app's store: content edits are refused until a new version starts. */
import { describe, expect, it } from 'vitest';
import { AssessmentStore } from '../../../src/ui/state/assessment-store';
import { addSignOff, startNewVersion } from '../../../src/core/signoff/signoff';
import { miniQuestionnaire } from '../core/helpers';
import { NOW, readyAssessment, signer } from './assessments';

const q = miniQuestionnaire();

describe('AssessmentStore and the sign-off lock', () => {
  it('refuses edits of a signed version, takes more sign-offs, and opens up with a new version', async () => {
    const signed = await addSignOff(await readyAssessment(), q, signer('preparer', 'Anna'), {
      id: 's1',
      now: NOW,
    });
    const store = new AssessmentStore(signed, { now: () => NOW });
    expect(store.readOnly).toBe(true);
    expect(store.readOnlyReason).toBe('signed');

    store.setAnswer('purpose', 'Iets anders');
    expect(store.get().answers.purpose).toBe('Aanvragen sneller beoordelen');
    expect(store.update((a) => ({ ...a, notes: { purpose: 'x' } }))).toBe(false);

    // The approver's sign-off is outside the seal: allowed.
    const approved = await addSignOff(store.get(), q, signer('approver', 'Bram'), {
      id: 's2',
      now: NOW,
    });
    expect(store.update(() => approved)).toBe(true);
    expect(store.get().signOffs).toHaveLength(2);

    expect(store.update((a) => startNewVersion(a, { now: NOW }))).toBe(true);
    expect(store.readOnly).toBe(false);
    store.setAnswer('purpose', 'Iets anders');
    expect(store.get().answers.purpose).toBe('Iets anders');
    expect(store.get().version).toBe(2);
  });

  it('stays read-only for another tab, whatever the version', async () => {
    const store = new AssessmentStore(await readyAssessment(), { readOnly: true });
    expect(store.readOnlyReason).toBe('otherTab');
    expect(store.update((a) => startNewVersion(a, { now: NOW }))).toBe(false);
  });
});
