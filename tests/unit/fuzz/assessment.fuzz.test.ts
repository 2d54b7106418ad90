/**
 * Fuzzing the assessment importer and the backup importer (files colleagues email around), and what
 * the app does next with an accepted file: score it, summarise it for the library, build the report
 * model. Thousands of generated and mutated inputs: nothing throws, every rejection is explained in
 * Dutch and English, hostile keys never reach a prototype.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  createAssessment,
  parseAssessmentText,
  serializeAssessment,
} from '../../../src/core/assessment/assessment';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import {
  createBackup,
  readAssessmentFile,
  serializeBackup,
} from '../../../src/core/assessment/backup';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import type { Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';
import { score } from '../../../src/core/scoring/scoring';
import { summarize } from '../../../src/core/assessment/summary';
import { buildReport } from '../../../src/core/report/report';
import {
  applyEdits,
  applyTextEdits,
  editArb,
  expectExplained,
  expectNoPollution,
  jsonArb,
  textEditArb,
  type Json,
} from './mutate';

const NOW = '2025-05-01T10:00:00.000Z';
const HASH = 'a'.repeat(64);
let q: Questionnaire;
let base: Assessment;

/** An assessment with every part of the format filled in. */
async function fullAssessment(questionnaire: Questionnaire): Promise<Assessment> {
  const a = await createAssessment(
    questionnaire,
    { title: 'Fuzz', systemName: 'Systeem', organisation: 'Org', owner: 'Eigenaar', locale: 'nl' },
    { id: 'fuzz-1', now: NOW },
  );
  return {
    ...a,
    answers: {
      purpose: 'Doel',
      personalData: true,
      dataKinds: ['health'],
      legalGround: 'no',
      groundText: 'tekst',
      automated: 'alone',
      usersPerYear: 12,
      startDate: '2025-06-01',
    },
    notes: { purpose: 'Notitie' },
    redFlagResponses: { specialNoGround: 'Reactie' },
    register: [
      {
        id: 'r1',
        domain: 'privacy',
        title: 'Risico',
        description: 'Beschrijving',
        affectedGroups: 'Inwoners',
        likelihood: 4,
        severity: 5,
        residualLikelihood: 2,
        residualSeverity: 3,
        measures: [
          { id: 'm1', text: 'Maatregel', owner: 'Team', dueDate: '2025-09-01', status: 'planned' },
        ],
      },
    ],
    proposals: { p1: { status: 'dismissed', reason: 'Niet van toepassing', at: NOW } },
    overrides: { privacy: { level: 'high', justification: 'Toelichting', at: NOW } },
    conclusion: { decision: 'proceedWithConditions', reasoning: 'Redenen', conditions: ['Eén'] },
    signOffs: [
      {
        id: 's1',
        role: 'preparer',
        name: 'Naam',
        function: 'Functie',
        organisation: 'Org',
        date: '2025-05-01',
        place: 'Utrecht',
        declaration: 'Verklaring',
        signature: { kind: 'typed', data: 'Naam' },
        contentHash: HASH,
        version: 1,
        at: NOW,
      },
    ],
    setAside: [{ questionId: 'old', value: 'x', reason: 'questionRemoved', fromVersion: '0.9.0' }],
    history: [...a.history, { at: NOW, action: 'edited', detail: 'fuzz' }],
  };
}

/** What the app does with an accepted assessment: none of it may throw. */
async function exerciseAccepted(a: Assessment): Promise<void> {
  const questionnaire = a.questionnaireSnapshot ?? q;
  score(questionnaire, a);
  summarize(a, questionnaire);
  await buildReport(a, questionnaire, 'nl', {
    appVersion: 'fuzz',
    generatedAt: NOW,
    timeZone: 'Europe/Amsterdam',
  });
}

beforeAll(async () => {
  const r = validateQuestionnaire(
    JSON.parse(readFileSync('tests/fixtures/mini-questionnaire.json', 'utf8')),
  );
  if (!r.valid) throw new Error('mini questionnaire invalid');
  q = r.questionnaire;
  base = await fullAssessment(q);
});

describe('assessment importer under fuzzing', { timeout: 120_000 }, () => {
  it('starts from a valid file with every part filled in', async () => {
    const r = parseAssessmentText(serializeAssessment(base));
    expect(r.ok).toBe(true);
    if (r.ok) await exerciseAccepted(r.value);
  });

  it('any JSON value: refused and explained', () => {
    fc.assert(
      fc.property(jsonArb, (v) => {
        const r = parseAssessmentText(JSON.stringify(v) ?? 'null');
        expect(r.ok).toBe(false);
        if (!r.ok) expectExplained(r.problems);
      }),
      { numRuns: 2000 },
    );
  });

  it('structure-aware mutations: refused and explained, or accepted and usable (2000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 6 }), async (edits) => {
        const r = parseAssessmentText(JSON.stringify(applyEdits(base as unknown as Json, edits)));
        if (r.ok) await exerciseAccepted(r.value);
        else expectExplained(r.problems);
        expectNoPollution();
      }),
      { numRuns: 2000 },
    );
  });

  it('structure-blind text mutations (2000 runs)', async () => {
    const text = serializeAssessment(base);
    await fc.assert(
      fc.asyncProperty(fc.array(textEditArb, { minLength: 1, maxLength: 5 }), async (edits) => {
        const r = parseAssessmentText(applyTextEdits(text, edits));
        if (r.ok) await exerciseAccepted(r.value);
        else expectExplained(r.problems);
      }),
      { numRuns: 2000 },
    );
  });

  it('mutations of the embedded questionnaire copy: the app still scores and reports (600 runs)', async () => {
    // The copy travels inside the file and is used where the questionnaire is not installed.
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 4 }), async (edits) => {
        const snapshot = applyEdits(base.questionnaireSnapshot as unknown as Json, edits);
        const r = parseAssessmentText(JSON.stringify({ ...base, questionnaireSnapshot: snapshot }));
        if (r.ok) await exerciseAccepted(r.value);
        else expectExplained(r.problems);
      }),
      { numRuns: 600 },
    );
  });

  it('prototype keys in answers, notes and metadata are inert', () => {
    const hostile = serializeAssessment(base)
      .replace('"answers": {', '"answers": { "__proto__": { "polluted": true },')
      .replace('"meta": {', '"meta": { "constructor": { "prototype": { "isAdmin": true } },');
    const r = parseAssessmentText(hostile);
    expectNoPollution();
    // The keys are dropped before the schema sees them, so the file is read as if they were absent.
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.getPrototypeOf(r.value.answers)).toBe(Object.prototype);
      expect(Object.keys(r.value.answers)).not.toContain('__proto__');
    }
  });

  it('a newer format is refused with a message naming both versions', () => {
    const r = parseAssessmentText(JSON.stringify({ ...base, formatVersion: 99 }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expectExplained(r.problems);
      expect(r.problems[0]!.code).toBe('newerFormat');
    }
  });
});

describe('backup importer under fuzzing', { timeout: 120_000 }, () => {
  const backupText = () =>
    serializeBackup(
      createBackup([base, { ...base, id: 'fuzz-2' }, { ...base, id: 'fuzz-3' }], {
        now: NOW,
        app: 'fuzz',
      }),
    );

  it('starts from a valid backup of three assessments', () => {
    const r = readAssessmentFile(backupText());
    expect(r.ok && r.value.assessments.length).toBe(3);
  });

  it('structure-aware mutations: every item read or skipped with reasons (2000 runs)', async () => {
    const data = JSON.parse(backupText()) as Json;
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 6 }), async (edits) => {
        const r = readAssessmentFile(JSON.stringify(applyEdits(data, edits)));
        if (!r.ok) {
          expectExplained(r.problems);
          return;
        }
        for (const s of r.value.skipped) expectExplained(s.problems);
        for (const a of r.value.assessments) await exerciseAccepted(a);
        expectNoPollution();
      }),
      { numRuns: 2000 },
    );
  });

  it('structure-blind text mutations (1500 runs)', () => {
    const text = backupText();
    fc.assert(
      fc.property(fc.array(textEditArb, { minLength: 1, maxLength: 5 }), (edits) => {
        const r = readAssessmentFile(applyTextEdits(text, edits));
        if (!r.ok) expectExplained(r.problems);
        else for (const s of r.value.skipped) expectExplained(s.problems);
      }),
      { numRuns: 1500 },
    );
  });

  it('deep nesting inside one item is refused for the whole file, before parsing', () => {
    const text = backupText().replace('"answers": {', `"answers": { "deep": ${'['.repeat(5000)}`);
    const r = readAssessmentFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.code)).toEqual(['tooDeep']);
  });
});
