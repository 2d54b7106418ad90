import { describe, expect, it } from 'vitest';
import {
  addSignOff,
  blockerText,
  isLocked,
  missingRoles,
  signingBlockers,
  signOffRoles,
  signOffStatus,
  SigningBlockedError,
  startNewVersion,
  type SigningBlocker,
} from '../../src/core/signoff/signoff';
import { assessmentHash } from '../../src/core/assessment/assessment';
import { buildReport } from '../../src/core/report/report';
import { miniData, miniQuestionnaire } from './core/helpers';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';
import { blankAssessment, NOW, readyAssessment, signer } from './signing/assessments';

const q = miniQuestionnaire();
const codes = (bs: SigningBlocker[]) => bs.map((b) => b.code);

describe('signingBlockers', () => {
  it('lists open required questions and the missing conclusion of a blank assessment', async () => {
    const blockers = signingBlockers(await blankAssessment(), q);
    // purpose and personalData are required; the privacy section is hidden while personalData is open.
    expect(blockers).toEqual([
      expect.objectContaining({ code: 'openRequired', questionId: 'purpose' }),
      expect.objectContaining({ code: 'openRequired', questionId: 'personalData' }),
      { code: 'missingConclusion' },
    ]);
    expect(blockerText(blockers[0]!, 'nl')).toBe(
      'Verplichte vraag niet beantwoord: "Wat is het doel van het systeem?".',
    );
    expect(blockerText(blockers[0]!, 'en')).toBe(
      'Required question not answered: "What is the purpose of the system?".',
    );
    expect(blockerText(blockers[2]!, 'nl')).toContain('De conclusie ontbreekt');
  });

  it('asks for the required question a yes answer reveals', async () => {
    const a = { ...(await readyAssessment()) };
    a.answers = { ...a.answers, personalData: true };
    // The answer also proposes a privacy risk; the team handled it, so only the question is open.
    a.proposals = {
      'answer:personalData:privacy': {
        status: 'dismissed',
        reason: 'Wordt behandeld in de DPIA',
        at: NOW,
      },
    };
    expect(signingBlockers(a, q)).toEqual([
      expect.objectContaining({ code: 'openRequired', questionId: 'legalGround' }),
    ]);
  });

  it('blocks a fired red flag until it has a non-blank response', async () => {
    const a = await readyAssessment();
    a.answers = { ...a.answers, automated: 'alone' };
    // The flag also proposes a risk; the team handled it, so only the response is missing.
    a.proposals = {
      'redFlag:soloDecision': { status: 'dismissed', reason: 'Al besproken met de CISO', at: NOW },
    };
    const blockers = signingBlockers(a, q);
    expect(blockers).toEqual([
      expect.objectContaining({ code: 'redFlagWithoutResponse', flagId: 'soloDecision' }),
    ]);
    expect(blockerText(blockers[0]!, 'en')).toBe(
      'Red flag without a response: "Decision without a human".',
    );
    expect(codes(signingBlockers({ ...a, redFlagResponses: { soloDecision: '   ' } }, q))).toEqual([
      'redFlagWithoutResponse',
    ]);
    expect(
      signingBlockers({ ...a, redFlagResponses: { soloDecision: 'Mens kijkt mee' } }, q),
    ).toEqual([]);
  });

  it('a red flag taken into the register is answered by that risk (no separate text needed)', async () => {
    const a = await readyAssessment();
    a.answers = { ...a.answers, automated: 'alone' };
    const risk = {
      id: 'r-1',
      domain: 'autonomy',
      title: 'Besluit zonder mens',
      description: '',
      affectedGroups: '',
      likelihood: 3,
      severity: 4,
      residualLikelihood: 2,
      residualSeverity: 3,
      measures: [],
      proposal: 'redFlag:soloDecision',
      number: 1,
    };
    const covered = {
      ...a,
      register: [risk],
      proposals: {
        'redFlag:soloDecision': { status: 'accepted' as const, riskId: 'r-1', at: NOW },
      },
    };
    expect(signingBlockers(covered, q)).toEqual([]);
    const model = await buildReport(covered, q, 'nl', { appVersion: 't', generatedAt: NOW });
    expect(model.summary.redFlags[0]).toMatchObject({
      response: null,
      coveredBy: 'Opgenomen in het register als risico R1 “Besluit zonder mens”.',
    });
  });

  it('blocks a proposed risk nobody handled, until it is accepted, merged or dismissed', async () => {
    const a = await readyAssessment();
    a.answers = { ...a.answers, automated: 'alone' };
    a.redFlagResponses = { soloDecision: 'Een medewerker kijkt elke afwijzing na.' };
    const blockers = signingBlockers(a, q);
    expect(blockers).toEqual([
      expect.objectContaining({ code: 'openProposal', proposalId: 'redFlag:soloDecision' }),
    ]);
    expect(blockerText(blockers[0]!, 'nl')).toContain('Voorgesteld risico nog niet behandeld');
    expect(blockerText(blockers[0]!, 'en')).toContain('Proposed risk not handled yet');
    // Dismissed with a reason: no longer blocks.
    const dismissed = {
      ...a,
      proposals: {
        'redFlag:soloDecision': { status: 'dismissed' as const, reason: 'Zie DPIA', at: NOW },
      },
    };
    expect(signingBlockers(dismissed, q)).toEqual([]);
    await expect(
      addSignOff(a, q, signer('preparer', 'Anna'), { id: 's1', now: NOW }),
    ).rejects.toThrow(/Proposed risk not handled yet/);
  });

  it('needs reasoning, and conditions when proceeding with conditions', async () => {
    const a = await readyAssessment();
    expect(
      codes(
        signingBlockers(
          { ...a, conclusion: { decision: 'doNotProceed', reasoning: ' ', conditions: [] } },
          q,
        ),
      ),
    ).toEqual(['missingReasoning']);
    expect(
      codes(
        signingBlockers(
          {
            ...a,
            conclusion: { decision: 'proceedWithConditions', reasoning: 'x', conditions: [''] },
          },
          q,
        ),
      ),
    ).toEqual(['missingConditions']);
    expect(signingBlockers(a, q)).toEqual([]);
  });

  it('lets the preparer sign first, and refuses unknown roles', async () => {
    const a = await readyAssessment();
    expect(codes(signingBlockers(a, q, 'approver'))).toEqual(['preparerFirst']);
    expect(blockerText(signingBlockers(a, q, 'approver')[0]!, 'nl')).toBe(
      'De opsteller tekent als eerste.',
    );
    expect(codes(signingBlockers(a, q, 'boss'))).toEqual(['unknownRole']);
    expect(signingBlockers(a, q, 'preparer')).toEqual([]);
  });
});

describe('sign-off, locking and new versions', () => {
  it('records the current content hash, version and declaration; the hash survives the sign-off', async () => {
    const a = await readyAssessment();
    const hash = await assessmentHash(a);
    expect(isLocked(a)).toBe(false);
    const signed = await addSignOff(a, q, signer('preparer', 'Anna'), { id: 's1', now: NOW });
    expect(signed.signOffs).toHaveLength(1);
    expect(signed.signOffs[0]).toMatchObject({
      role: 'preparer',
      name: 'Anna',
      contentHash: hash,
      version: 1,
    });
    expect(signed.signOffs[0]!.declaration).toMatch(/^Ik verklaar/);
    // Sign-offs, updatedAt and history are outside the hash: the approver signs the same hash.
    expect(await assessmentHash(signed)).toBe(hash);
    expect(isLocked(signed)).toBe(true);
    expect(signOffStatus(signed, q)).toBe('inReview');
    expect(missingRoles(signed, q).map((r) => r.id)).toEqual(['approver']);
    const both = await addSignOff(signed, q, signer('approver', 'Bram'), {
      id: 's2',
      now: NOW,
      locale: 'en',
    });
    expect(both.signOffs[1]!.contentHash).toBe(hash);
    expect(both.signOffs[1]!.declaration).toMatch(/^I declare/);
    expect(signOffStatus(both, q)).toBe('signed');
    // The input was not changed.
    expect(a.signOffs).toEqual([]);
  });

  it('refuses to sign with blockers or an incomplete form, listing every reason', async () => {
    const blank = await blankAssessment();
    await expect(
      addSignOff(blank, q, signer('preparer', 'Anna'), { id: 's1', now: NOW }),
    ).rejects.toThrow(SigningBlockedError);
    const a = await readyAssessment();
    const err = await addSignOff(
      a,
      q,
      { ...signer('preparer', ' '), date: '', signature: undefined },
      { id: 's1', now: NOW },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SigningBlockedError);
    expect(codes((err as SigningBlockedError).blockers)).toEqual([
      'missingName',
      'missingDate',
      'missingSignature',
    ]);
  });

  it('refuses a sign-off id the file format would reject (a UUID starting with a digit)', async () => {
    const a = await readyAssessment();
    await expect(
      addSignOff(a, q, signer('preparer', 'Anna'), {
        id: '0b7c9f1e-1d2a-4c3b-9e8f-123456789abc',
        now: NOW,
      }),
    ).rejects.toThrow('Invalid sign-off id');
  });

  it('starts a new version that unlocks, changes the hash, and keeps earlier sign-offs', async () => {
    const a = await readyAssessment();
    const signed = await addSignOff(a, q, signer('preparer', 'Anna'), { id: 's1', now: NOW });
    const v2 = startNewVersion(signed, { now: '2025-04-01T09:00:00.000Z' });
    expect(v2.version).toBe(2);
    expect(isLocked(v2)).toBe(false);
    expect(v2.signOffs).toEqual(signed.signOffs);
    expect(await assessmentHash(v2)).not.toBe(signed.signOffs[0]!.contentHash);
    expect(signOffStatus(v2, q)).toBe('draft');
    // The preparer again signs first in the new version.
    expect(codes(signingBlockers(v2, q, 'approver'))).toEqual(['preparerFirst']);
    expect(v2.history.at(-1)).toMatchObject({ action: 'newVersion' });
  });

  it('uses the roles a questionnaire declares, required unless marked optional', () => {
    const data = miniData();
    data.signOff = {
      roles: [
        { id: 'author', label: { nl: 'auteur', en: 'author' } },
        { id: 'dpo', label: { nl: 'FG', en: 'DPO' }, required: false },
        { id: 'cio', label: { nl: 'CIO', en: 'CIO' }, required: true },
      ],
      declaration: { nl: 'Akkoord.', en: 'Agreed.' },
    };
    const v = validateQuestionnaire(data);
    if (!v.valid) throw new Error('invalid');
    expect(signOffRoles(v.questionnaire).map((r) => [r.id, r.required])).toEqual([
      ['author', true],
      ['dpo', false],
      ['cio', true],
    ]);
  });

  it('counts as signed only when every required declared role has signed', async () => {
    const data = miniData();
    data.signOff = {
      roles: [
        { id: 'author', label: { nl: 'auteur', en: 'author' } },
        { id: 'dpo', label: { nl: 'FG', en: 'DPO' }, required: false },
        { id: 'cio', label: { nl: 'CIO', en: 'CIO' } },
      ],
      declaration: { nl: 'Akkoord.', en: 'Agreed.' },
    };
    const v = validateQuestionnaire(data);
    if (!v.valid) throw new Error('invalid');
    const q2 = v.questionnaire;
    let a = await readyAssessment();
    a = await addSignOff(a, q2, signer('author', 'Anna'), { id: 's1', now: NOW });
    expect(a.signOffs[0]!.declaration).toBe('Akkoord.');
    expect(missingRoles(a, q2).map((r) => r.id)).toEqual(['cio']);
    a = await addSignOff(a, q2, signer('cio', 'Cees'), { id: 's2', now: NOW });
    expect(signOffStatus(a, q2)).toBe('signed');
  });
});
