import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assessmentHash,
  createAssessment,
  parseAssessment,
  parseAssessmentText,
  questionnaireHash,
  serializeAssessment,
} from '../../../src/core/assessment/assessment';
import {
  ASSESSMENT_FORMAT_VERSION,
  type Assessment,
} from '../../../src/core/assessment/assessment-schema';
import { problemText } from '../../../src/core/files/safe-json';
import { miniData, miniQuestionnaire } from './helpers';

const meta = {
  title: 'Toeslagen',
  systemName: 'Risicomodel',
  organisation: 'Gemeente',
  owner: 'Team',
  locale: 'nl',
};
const mini = miniQuestionnaire();
const fresh = (embed = true) =>
  createAssessment(mini, meta, {
    id: 'a1',
    now: '2025-01-02T03:04:05.000Z',
    embedQuestionnaire: embed,
  });

// Keys as the app writes them (question ids); values of every answer kind the format holds.
const key = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,12}$/)
  .filter((k) => k !== 'constructor' && k !== 'prototype');
const answerValue = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }),
);

describe('createAssessment', () => {
  it('starts empty, tied to the questionnaire by id, version and content hash', async () => {
    const a = await fresh();
    expect(a).toMatchObject({
      format: 'fria-assessment',
      formatVersion: ASSESSMENT_FORMAT_VERSION,
      id: 'a1',
      version: 1,
      questionnaire: { id: 'mini', version: '1.0.0', hash: await questionnaireHash(mini) },
      answers: {},
      register: [],
      signOffs: [],
      history: [{ at: '2025-01-02T03:04:05.000Z', action: 'created' }],
    });
    expect(a.questionnaire.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.questionnaireSnapshot).toEqual(mini);
    expect((await fresh(false)).questionnaireSnapshot).toBeUndefined();
  });

  it('the questionnaire hash ignores key order but not content', async () => {
    const shuffled = Object.fromEntries(Object.entries(miniData()).reverse());
    expect(await questionnaireHash(shuffled as never)).toBe(await questionnaireHash(mini));
    const changed = miniQuestionnaire();
    changed.thresholds = [0.2, 0.5, 0.75];
    expect(await questionnaireHash(changed)).not.toBe(await questionnaireHash(mini));
  });
});

describe('create → serialize → parse', () => {
  it('gives back the same assessment and the same hash, for any answers and notes', async () => {
    const base = await fresh();
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(key, answerValue, { maxKeys: 8 }),
        fc.dictionary(key, fc.string({ maxLength: 40 }), { maxKeys: 4 }),
        async (answers, notes) => {
          const a: Assessment = { ...base, answers, notes };
          const r = parseAssessmentText(serializeAssessment(a));
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.value).toEqual(a);
          expect(await assessmentHash(r.value)).toBe(await assessmentHash(a));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the content hash changes with an answer but not with the save time or history', async () => {
    const a = await fresh();
    const h = await assessmentHash(a);
    expect(
      await assessmentHash({
        ...a,
        updatedAt: '2030-01-01T00:00:00.000Z',
        history: [...a.history, { at: 'x', action: 'saved' }],
      }),
    ).toBe(h);
    expect(await assessmentHash({ ...a, answers: { personalData: true } })).not.toBe(h);
  });
});

describe('parseAssessment refuses what it cannot read, plainly', () => {
  it('a file from a newer version', async () => {
    const data = { ...(await fresh()), formatVersion: ASSESSMENT_FORMAT_VERSION + 1 };
    const r = parseAssessment(data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.code])).toEqual([['formatVersion', 'newerFormat']]);
    const v = ASSESSMENT_FORMAT_VERSION;
    expect(problemText(r.problems[0]!, 'en')).toBe(
      `This file was made by a newer version of FRIA Wizard (format ${v + 1}; this app reads up to ${v}). Open it in the newer version. The file was not changed.`,
    );
    expect(problemText(r.problems[0]!, 'nl')).toContain(`formaat ${v + 1}`);
  });

  it.each([
    ['a questionnaire', miniData()],
    ['null', null],
    ['a list', []],
    ['text', 'fria-assessment'],
    ['another format', { format: 'dpia', formatVersion: 1 }],
  ])('%s is not an assessment', (_, data) => {
    const r = parseAssessment(data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.code])).toEqual([['format', 'notAssessment']]);
    expect(problemText(r.problems[0]!, 'en')).toBe('This is not a FRIA Wizard assessment file.');
    expect(problemText(r.problems[0]!, 'nl')).toBe(
      'Dit is geen beoordelingsbestand van FRIA Wizard.',
    );
  });

  it('a damaged current file lists each problem with its path', async () => {
    const a = JSON.parse(serializeAssessment(await fresh())) as Record<string, unknown>;
    delete a.meta;
    a.answers = { q: { nested: true } };
    a.colour = 'x';
    const r = parseAssessment(a);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.code]).sort()).toEqual(
      [
        ['meta', 'missing'],
        ['answers.q', 'invalid'],
        ['colour', 'unknownField'],
      ].sort(),
    );
  });

  it('bad JSON text', () => {
    const r = parseAssessmentText('{"format": "fria-assessment",');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.code).toBe('notJson');
  });
});
