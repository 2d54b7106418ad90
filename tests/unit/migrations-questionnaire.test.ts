import { describe, expect, it } from 'vitest';
import { migrateToQuestionnaire } from '../../src/core/questionnaire/questionnaire-migration';
import { questionnaireHash } from '../../src/core/assessment/assessment';
import { questionnaireSource } from '../../src/core/questionnaire/questionnaire-format';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import type { Questionnaire } from '../../src/core/questionnaire/questionnaire-schema';
import { multi, opt, plain, questionnaire, section, single, yesNo } from './core/helpers';
import { createAssessment, parseAssessment } from '../../src/core/assessment/assessment';

const NOW = '2026-05-01T12:00:00.000Z';

// Version 1: five questions of different types.
const v1 = questionnaire([
  section('s1', [
    plain('name', 'shortText'),
    single('choice', [opt('a'), opt('b'), opt('c')]),
    multi('many', [opt('x'), opt('y'), opt('z')]),
    yesNo('flag'),
    plain('count', 'number'),
    plain('gone', 'longText'),
  ]),
]);

// Version 2: "gone" removed, "choice" lost option "c", "many" lost "z", "flag" became a text,
// "name" widened from short to long text, "count" unchanged, one new question.
const v2: Questionnaire = questionnaire(
  [
    section('s1', [
      plain('name', 'longText'),
      single('choice', [opt('a'), opt('b')]),
      multi('many', [opt('x'), opt('y')]),
      plain('flag', 'shortText'),
      plain('count', 'number'),
      plain('fresh', 'date'),
    ]),
  ],
  { version: '2.0.0' },
);

async function answered(
  answers: Assessment['answers'],
  notes: Assessment['notes'] = {},
): Promise<Assessment> {
  const a = await createAssessment(
    v1,
    { title: 'T', systemName: 'S', organisation: 'O', owner: 'P', locale: 'en' },
    { id: 'a1', now: '2026-01-01T00:00:00.000Z' },
  );
  return { ...a, answers, notes };
}

describe('moving an assessment to a new questionnaire version', () => {
  it('carries answers over by question id and sets aside the rest, with reasons', async () => {
    const a = await answered(
      { name: 'Camera', choice: 'c', many: ['x', 'z'], flag: true, count: 3, gone: 'Long answer' },
      { gone: 'Why it mattered', choice: 'Note stays', count: 'Counted twice' },
    );
    const r = await migrateToQuestionnaire(a, v2, { now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const m = r.value;
    expect(m.assessment.answers).toEqual({ name: 'Camera', many: ['x'], count: 3 });
    expect(m.carried.sort()).toEqual(['count', 'many', 'name']);
    expect(m.setAside).toEqual([
      { questionId: 'choice', value: 'c', reason: 'optionRemoved', fromVersion: '1.0.0' },
      { questionId: 'many', value: ['z'], reason: 'optionRemoved', fromVersion: '1.0.0' },
      { questionId: 'flag', value: true, reason: 'typeChanged', fromVersion: '1.0.0' },
      {
        questionId: 'gone',
        value: 'Long answer',
        note: 'Why it mattered',
        reason: 'questionRemoved',
        fromVersion: '1.0.0',
      },
    ]);
    // Notes of questions that still exist stay with them.
    expect(m.assessment.notes).toEqual({ choice: 'Note stays', count: 'Counted twice' });
    expect(m.assessment.setAside).toEqual(m.setAside);
    expect(m.assessment.questionnaire).toEqual({
      id: 'test',
      version: '2.0.0',
      hash: await questionnaireHash(v2),
    });
    // The copy as its file says it (these test files are written without a format version).
    expect(m.assessment.questionnaireSnapshot).toEqual(questionnaireSource(v2));
    expect(m.assessment.updatedAt).toBe(NOW);
    expect(parseAssessment(m.assessment).ok).toBe(true);
    expect(m.assessment.history.at(-1)).toMatchObject({ at: NOW, action: 'questionnaireMigrated' });
  });

  it('loses nothing: every old answer value is either carried over or set aside', async () => {
    const a = await answered({
      name: 'n',
      choice: 'c',
      many: ['x', 'y', 'z'],
      flag: false,
      count: 0,
      gone: '',
    });
    const r = await migrateToQuestionnaire(a, v2, { now: NOW });
    if (!r.ok) throw new Error(r.reason);
    for (const [id, value] of Object.entries(a.answers)) {
      const kept = r.value.assessment.answers[id];
      const aside = r.value.setAside.filter((s) => s.questionId === id).map((s) => s.value);
      const pieces = [kept, ...aside].filter((v) => v !== undefined);
      if (Array.isArray(value)) expect(pieces.flat().sort()).toEqual([...value].sort());
      else expect(pieces).toEqual([value]);
    }
  });

  it('keeps a note of a removed question that was never answered', async () => {
    const a = await answered({}, { gone: 'Only a note' });
    const r = await migrateToQuestionnaire(a, v2, { now: NOW });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.setAside).toEqual([
      {
        questionId: 'gone',
        value: '',
        note: 'Only a note',
        reason: 'questionRemoved',
        fromVersion: '1.0.0',
      },
    ]);
  });

  it('keeps earlier set-aside answers', async () => {
    const earlier = {
      questionId: 'old',
      value: 'x',
      reason: 'questionRemoved' as const,
      fromVersion: '0.9.0',
    };
    const a = { ...(await answered({ gone: 'g' })), setAside: [earlier] };
    const r = await migrateToQuestionnaire(a, v2, { now: NOW });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.assessment.setAside.map((s) => s.questionId)).toEqual(['old', 'gone']);
  });

  it('recognises a changed type by the value’s shape when the old questionnaire is not at hand', async () => {
    const a = await answered({ flag: true, name: 'x' });
    const { questionnaireSnapshot: _s, ...bare } = a;
    const r = await migrateToQuestionnaire(bare, v2, { now: NOW });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.setAside.map((s) => [s.questionId, s.reason])).toEqual([
      ['flag', 'typeChanged'],
    ]);
    expect(r.value.assessment.answers).toEqual({ name: 'x' });
    // Without an embedded copy before, none is added after.
    expect(r.value.assessment.questionnaireSnapshot).toBeUndefined();
  });

  it('sets aside a same-shaped answer whose question type changed (single choice → short text)', async () => {
    const v3 = questionnaire([section('s1', [plain('choice', 'shortText')])], { version: '3.0.0' });
    const a = await answered({ choice: 'a' });
    const r = await migrateToQuestionnaire(a, v3, { now: NOW });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.setAside).toEqual([
      { questionId: 'choice', value: 'a', reason: 'typeChanged', fromVersion: '1.0.0' },
    ]);
  });

  it('lists overrides, red-flag responses and risks that point at ids the new version lacks', async () => {
    const a = {
      ...(await answered({})),
      overrides: {
        c: { level: 'low', justification: 'j' },
        a: { level: 'low', justification: 'k' },
        // A domain that stays, with a level the new version does not have.
        b: { level: 'extreme', justification: 'l' },
      },
      redFlagResponses: { oldFlag: 'response' },
    };
    const v4 = questionnaire([section('s1', [plain('name', 'shortText')])], {
      version: '4.0.0',
      domainIds: ['a', 'b'],
    });
    const r = await migrateToQuestionnaire(a, v4, { now: NOW });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.unmatched).toEqual({
      overrides: ['c', 'b'],
      redFlagResponses: ['oldFlag'],
      riskDomains: [],
    });
    // Kept as they are.
    expect(r.value.assessment.overrides).toEqual(a.overrides);
    expect(r.value.assessment.redFlagResponses).toEqual(a.redFlagResponses);
  });

  it('refuses another questionnaire, the same version, and a signed assessment', async () => {
    const a = await answered({ name: 'x' });
    expect(await migrateToQuestionnaire(a, { ...v2, id: 'other' }, { now: NOW })).toEqual({
      ok: false,
      reason: 'otherQuestionnaire',
    });
    expect(await migrateToQuestionnaire(a, v1, { now: NOW })).toEqual({
      ok: false,
      reason: 'sameVersion',
    });
    const signed: Assessment = {
      ...a,
      signOffs: [
        {
          id: 's1',
          role: 'preparer',
          name: 'N',
          function: 'F',
          organisation: 'O',
          date: '2026-01-02',
          place: 'P',
          declaration: 'D',
          contentHash: '0'.repeat(64),
          version: 1,
          at: '2026-01-02T00:00:00.000Z',
        },
      ],
    };
    expect(await migrateToQuestionnaire(signed, v2, { now: NOW })).toEqual({
      ok: false,
      reason: 'signed',
    });
    // Once a new version is started, the sign-offs belong to the previous one: it may migrate.
    const next = await migrateToQuestionnaire({ ...signed, version: 2 }, v2, { now: NOW });
    expect(next.ok).toBe(true);
  });

  it('does not change the assessment it was given', async () => {
    const a = await answered({ gone: 'g', choice: 'c' }, { gone: 'n' });
    const before = structuredClone(a);
    await migrateToQuestionnaire(a, v2, { now: NOW });
    expect(a).toEqual(before);
  });
});
