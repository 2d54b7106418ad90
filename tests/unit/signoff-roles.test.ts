/**
 * Who signs next, one signature per person and role, and withdrawing one's own sign-off: the role
 * comes from the record, the same person cannot sign a role twice, and a withdrawal is a record of
 * its own (nothing deleted) that takes the signature out of the seal and the status.
 */
import { describe, expect, it } from 'vitest';
import {
  addSignOff,
  blockerText,
  currentSignOffs,
  missingRoles,
  nextRoleToSign,
  SigningBlockedError,
  signOffStatus,
  withdrawnSignOffs,
  withdrawSignOff,
  WithdrawRefusedError,
} from '../../src/core/signoff';
import { verifySeal } from '../../src/core/assessment';
import { parseAssessment } from '../../src/core/assessment';
import type { Questionnaire } from '../../src/core/questionnaire';
import { miniQuestionnaire } from './core/helpers';
import { readyAssessment, signer } from './signing/assessments';

/** The mini questionnaire with the roles of the FRIA core: an optional reviewer in the middle. */
function threeRoles(): Questionnaire {
  return {
    ...miniQuestionnaire(),
    signOff: {
      roles: [
        { id: 'preparer', label: { nl: 'Opsteller', en: 'Preparer' }, required: true },
        { id: 'reviewer', label: { nl: 'Beoordelaar', en: 'Reviewer' }, required: false },
        { id: 'approver', label: { nl: 'Vaststeller', en: 'Approver' }, required: true },
      ],
      declaration: { nl: 'Ik verklaar.', en: 'I declare.' },
    },
  };
}
const q = threeRoles();
const opts = (id: string) => ({ id, now: '2026-12-07T10:00:00.000Z' });

describe('nextRoleToSign', () => {
  it('is the preparer first, then the required approver before the optional reviewer', async () => {
    let a = await readyAssessment();
    expect(nextRoleToSign(a, q)).toBe('preparer');
    a = await addSignOff(a, q, signer('preparer', 'Anna'), opts('s1'));
    expect(nextRoleToSign(a, q)).toBe('approver');
    a = await addSignOff(a, q, signer('approver', 'Wethouder Bos'), opts('s2'));
    expect(nextRoleToSign(a, q)).toBe('reviewer');
  });
});

describe('one signature per person and role', () => {
  it('refuses the same person signing the same role twice, in nl and en', async () => {
    let a = await readyAssessment();
    a = await addSignOff(a, q, signer('preparer', 'Anna de Vries'), opts('s1'));
    const again = addSignOff(a, q, signer('preparer', ' anna  de vries '), opts('s2'));
    await expect(again).rejects.toBeInstanceOf(SigningBlockedError);
    const err = (await again.catch((e: unknown) => e)) as SigningBlockedError;
    expect(blockerText(err.blockers[0]!, 'nl')).toBe(
      'Anna de Vries heeft deze versie al ondertekend als Opsteller. Iemand tekent een rol maar één keer; kies een andere rol, of trek die handtekening eerst in.',
    );
    expect(blockerText(err.blockers[0]!, 'en')).toContain(
      'Anna de Vries has already signed this version as Preparer.',
    );
    // Another role, or another person in the same role, is fine.
    a = await addSignOff(a, q, signer('reviewer', 'Anna de Vries'), opts('s3'));
    a = await addSignOff(a, q, signer('preparer', 'Bram Bakker'), opts('s4'));
    expect(currentSignOffs(a)).toHaveLength(3);
  });
});

describe('withdrawSignOff', () => {
  it('keeps the sign-off, adds a withdrawal with the reason, and opens the role again', async () => {
    let a = await readyAssessment();
    a = await addSignOff(a, q, signer('preparer', 'Anna'), opts('s1'));
    a = await addSignOff(a, q, signer('reviewer', 'Wethouder Bos'), opts('s2'));
    expect(signOffStatus(a, q)).toBe('inReview');
    const w = await withdrawSignOff(
      a,
      {
        signOffId: 's2',
        name: 'wethouder bos',
        reason: 'Ik tekende in de verkeerde rol.',
        date: '2026-12-07',
      },
      opts('w1'),
    );
    // Nothing removed: both sign-offs are still there, and a third record withdraws one.
    expect(w.signOffs.map((s) => s.id)).toEqual(['s1', 's2', 'w1']);
    expect(w.signOffs[2]).toMatchObject({
      withdraws: 's2',
      reason: 'Ik tekende in de verkeerde rol.',
      name: 'Wethouder Bos',
      role: 'reviewer',
    });
    expect(currentSignOffs(w).map((s) => s.id)).toEqual(['s1']);
    expect(withdrawnSignOffs(w)).toEqual([{ signOff: w.signOffs[1], withdrawal: w.signOffs[2] }]);
    expect(w.history.at(-1)).toMatchObject({ action: 'signOffWithdrawn' });
    expect(missingRoles(w, q).map((r) => r.id)).toEqual(['approver']);
    // The file still reads back, and the seal counts only the standing signature.
    const back = parseAssessment(JSON.parse(JSON.stringify(w)));
    expect(back.ok).toBe(true);
    const seal = await verifySeal(w);
    expect(seal.signOffs.map((s) => s.signOff.id)).toEqual(['s1']);
    expect(seal.status).toBe('valid');
    // The person can sign again now, in the right role.
    const again = await addSignOff(w, q, signer('approver', 'Wethouder Bos'), opts('s3'));
    expect(signOffStatus(again, q)).toBe('signed');
  });

  it('refuses another person, a missing reason and an earlier version, with nl/en texts', async () => {
    let a = await readyAssessment();
    a = await addSignOff(a, q, signer('preparer', 'Anna'), opts('s1'));
    const refuse = (p: Promise<unknown>): Promise<WithdrawRefusedError> =>
      p.then(
        () => {
          throw new Error('not refused');
        },
        (e: unknown) => e as WithdrawRefusedError,
      );
    const other = await refuse(
      withdrawSignOff(a, { signOffId: 's1', name: 'Bram', reason: 'x', date: '' }, opts('w1')),
    );
    expect(other).toBeInstanceOf(WithdrawRefusedError);
    expect(other.text('nl')).toBe(
      'Alleen wie tekende kan deze ondertekening intrekken: typ de naam zoals die is ondertekend (Anna).',
    );
    const noReason = await refuse(
      withdrawSignOff(a, { signOffId: 's1', name: 'Anna', reason: '  ', date: '' }, opts('w1')),
    );
    expect(noReason.text('en')).toBe('Say why you withdraw your sign-off.');
    const unknown = await refuse(
      withdrawSignOff(a, { signOffId: 'nope', name: 'Anna', reason: 'x', date: '' }, opts('w1')),
    );
    expect(unknown.code).toBe('withdrawNotFound');
  });
});
