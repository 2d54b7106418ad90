import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  changedPaths,
  changesSignedContent,
  describeChanges,
  sealSummaryText,
  signOffSealText,
  verifySeal,
} from '../../src/core/assessment/seal';
import { addSignOff, startNewVersion } from '../../src/core/signoff/signoff';
import { assessmentHash } from '../../src/core/assessment/assessment';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import type { AnswerValue } from '../../src/core/scoring/answers';
import { miniQuestionnaire } from './core/helpers';
import { blankAssessment, NOW, readyAssessment, signer } from './signing/assessments';

const q = miniQuestionnaire();

async function signedByTwo(): Promise<Assessment> {
  let a = await readyAssessment();
  a = await addSignOff(a, q, signer('preparer', 'Anna de Vries'), { id: 's1', now: NOW });
  return addSignOff(a, q, signer('approver', 'Bram Bakker'), { id: 's2', now: NOW });
}

describe('verifySeal', () => {
  it('reports an unsigned assessment as unsigned', async () => {
    const r = await verifySeal(await blankAssessment());
    expect(r.status).toBe('unsigned');
    expect(r.signOffs).toEqual([]);
    expect(sealSummaryText(r, 'nl')).toBe('Deze beoordeling is niet ondertekend.');
  });

  it('holds for an untouched signed assessment, also after saving and history entries', async () => {
    const a = await signedByTwo();
    const touched = {
      ...a,
      updatedAt: '2030-01-01T00:00:00.000Z',
      history: [...a.history, { at: NOW, action: 'exported' }],
    };
    const r = await verifySeal(touched);
    expect(r.status).toBe('valid');
    expect(r.contentHash).toBe(a.signOffs[0]!.contentHash);
    expect(r.signOffs.map((s) => s.status)).toEqual(['valid', 'valid']);
    expect(signOffSealText(r.signOffs[0]!, r.version, 'nl', q)).toBe(
      'Past bij de inhoudshash die is vastgelegd toen Anna de Vries (opsteller) tekende op 2025-03-01.',
    );
    expect(sealSummaryText(r, 'en')).toMatch(/^The file is internally consistent/);
  });

  it('detects a changed answer without a new version as "changed since signing"', async () => {
    const a = await signedByTwo();
    const tampered = { ...a, answers: { ...a.answers, purpose: 'Iets anders' } };
    const r = await verifySeal(tampered);
    expect(r.status).toBe('changed');
    expect(r.signOffs.map((s) => s.status)).toEqual(['changed', 'changed']);
    expect(signOffSealText(r.signOffs[1]!, r.version, 'en', q)).toBe(
      'Does not match: Bram Bakker (approver) signed on 2025-03-01 a content with another hash than the content now in the file.',
    );
  });

  it('detects a forged sign-off hash', async () => {
    const a = await signedByTwo();
    const forged = {
      ...a,
      signOffs: [{ ...a.signOffs[0]!, contentHash: '0'.repeat(64) }, a.signOffs[1]!],
    };
    expect((await verifySeal(forged)).signOffs.map((s) => s.status)).toEqual(['changed', 'valid']);
    expect((await verifySeal(forged)).status).toBe('changed');
  });

  it('shows sign-offs of an earlier version as "signed a previous version"', async () => {
    const a = await signedByTwo();
    const v2 = startNewVersion(a, { now: NOW });
    const edited = { ...v2, answers: { ...v2.answers, purpose: 'Nieuw doel' } };
    const r = await verifySeal(edited);
    expect(r.status).toBe('previousVersion');
    expect(r.signOffs.map((s) => s.status)).toEqual(['previousVersion', 'previousVersion']);
    expect(signOffSealText(r.signOffs[0]!, r.version, 'nl', q)).toBe(
      'Anna de Vries (opsteller) tekende versie 1. Dit is versie 2: die handtekening geldt hier niet voor.',
    );
    // Once version 2 is signed, the old sign-offs stay "previous" and the new one is valid.
    const signed2 = await addSignOff(edited, q, signer('preparer', 'Anna de Vries'), {
      id: 's3',
      now: NOW,
    });
    const r2 = await verifySeal(signed2);
    expect(r2.status).toBe('valid');
    expect(r2.signOffs.map((s) => s.status)).toEqual([
      'previousVersion',
      'previousVersion',
      'valid',
    ]);
  });

  it('says which parts changed when an earlier signed copy is at hand', async () => {
    const before = await signedByTwo();
    const after: Assessment = {
      ...before,
      answers: { ...before.answers, purpose: 'Iets anders', usersPerYear: 5 },
      conclusion: { ...before.conclusion!, reasoning: 'Toch niet' },
      meta: { ...before.meta, owner: 'B. Smit' },
      // Not covered by the seal: must not be listed.
      updatedAt: '2031-01-01T00:00:00.000Z',
    };
    const paths = changedPaths(before, after);
    expect(paths).toEqual([
      ['answers', 'purpose'],
      ['answers', 'usersPerYear'],
      ['conclusion', 'reasoning'],
      ['meta', 'owner'],
    ]);
    expect(describeChanges(paths, before, after, 'nl', q).map((c) => c.text)).toEqual([
      'antwoord op "Wat is het doel van het systeem?"',
      'antwoord op "Hoeveel mensen per jaar?"',
      'de conclusie',
      'de gegevens (owner)',
    ]);
    expect(describeChanges(paths, before, after, 'en', q)[0]!.path).toBe('answers.purpose');
  });
});

/** Any JSON answer value; -0 is left out because JSON (and so the file) cannot tell it from 0. */
const answerValue: fc.Arbitrary<AnswerValue> = fc.oneof(
  fc.string(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 5 }),
);
const answerId = fc.constantFrom('purpose', 'personalData', 'dataKinds', 'automated', 'x', 'ä', '');

describe('changesSignedContent', () => {
  it('is true for content edits and false for sign-offs, saving time and history', async () => {
    const a = await readyAssessment();
    const signed = await addSignOff(a, q, signer('preparer', 'Anna'), { id: 's1', now: NOW });
    expect(changesSignedContent(a, signed)).toBe(false);
    expect(changesSignedContent(signed, { ...signed, updatedAt: 'x', history: [] })).toBe(false);
    expect(changesSignedContent(signed, { ...signed, notes: { purpose: 'n' } })).toBe(true);
    expect(changesSignedContent(signed, startNewVersion(signed, { now: NOW }))).toBe(true);
  });
});

describe('property: the hash follows the answers', () => {
  it('changes when any answer changes, is added or is removed', async () => {
    const base = await blankAssessment();
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(answerId, answerValue),
        answerId,
        fc.option(answerValue, { nil: undefined }),
        async (answers, id, next) => {
          const before = { ...base, answers };
          const afterAnswers = { ...answers };
          if (next === undefined) delete afterAnswers[id];
          else afterAnswers[id] = next;
          // Equal as JSON means no change the file could show: skip those draws.
          fc.pre(JSON.stringify(answers[id]) !== JSON.stringify(afterAnswers[id]));
          const after = { ...base, answers: afterAnswers };
          expect(await assessmentHash(after)).not.toBe(await assessmentHash(before));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order answers were given in', async () => {
    const base = await blankAssessment();
    await fc.assert(
      fc.asyncProperty(fc.dictionary(answerId, answerValue), async (answers) => {
        const reversed = Object.fromEntries(Object.entries(answers).reverse());
        expect(await assessmentHash({ ...base, answers: reversed })).toBe(
          await assessmentHash({ ...base, answers }),
        );
      }),
    );
  });
});
