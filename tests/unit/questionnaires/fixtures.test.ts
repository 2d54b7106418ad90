import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseAssessment, questionnaireHash } from '../../../src/core/assessment/assessment';
import { score } from '../../../src/core/scoring/scoring';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import {
  BUILT_IN,
  allQuestions,
  fixtureDir,
  fixtureNames,
  loadExpected,
  loadQuestionnaire,
  readJson,
} from './builtin';

function loadFixture(id: string, name: string): Assessment {
  const parsed = parseAssessment(readJson(join(fixtureDir(id), name)));
  if (!parsed.ok) throw new Error(`${id}/${name}: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

describe('example assessments', () => {
  it('cover five cases for fria-core and two for each other questionnaire', () => {
    expect(fixtureNames('fria-core')).toEqual(
      expect.arrayContaining([
        'planning-tool.fria.json',
        'fraud-risk-scoring.fria.json',
        'companion-chatbot.fria.json',
        'school-biometrics.fria.json',
        'genai-caseworkers.fria.json',
      ]),
    );
    expect(fixtureNames('quick-scan').length).toBeGreaterThanOrEqual(2);
    expect(fixtureNames('aia-benefits').length).toBeGreaterThanOrEqual(2);
  });

  it('come in both languages', () => {
    const locales = new Set(
      BUILT_IN.flatMap((id) => fixtureNames(id).map((n) => loadFixture(id, n).meta.locale)),
    );
    expect(locales).toEqual(new Set(['nl', 'en']));
  });
});

describe.each(BUILT_IN)('fixtures of %s', (id) => {
  const q = loadQuestionnaire(id);
  const expected = loadExpected(id);
  const names = fixtureNames(id);
  const questions = new Map(allQuestions(q).map((x) => [x.id, x]));

  it('has an expectation for every fixture and a fixture for every expectation', () => {
    expect(Object.keys(expected).sort()).toEqual(names);
  });

  describe.each(names)('%s', (name) => {
    const a = loadFixture(id, name);
    const result = score(q, a);
    const want = expected[name]!;

    it('is a valid assessment file tied to this exact questionnaire (hash, no embedded copy)', async () => {
      expect(a.questionnaire.id).toBe(q.id);
      expect(a.questionnaire.version).toBe(q.version);
      // If this fails after editing the questionnaire: npx tsx scripts/update-fixture-hashes.ts
      expect(a.questionnaire.hash).toBe(await questionnaireHash(q));
      expect(a.questionnaireSnapshot).toBeUndefined();
    });

    it('answers only existing questions, with values of the right kind', () => {
      const wrong: string[] = [];
      for (const [qid, value] of Object.entries(a.answers)) {
        const question = questions.get(qid);
        if (!question) {
          wrong.push(`${qid}: no such question`);
          continue;
        }
        const options = 'options' in question ? question.options.map((o) => o.id) : [];
        const ok =
          question.type === 'singleChoice' || question.type === 'scale'
            ? typeof value === 'string' && options.includes(value)
            : question.type === 'multiChoice'
              ? Array.isArray(value) && value.every((v) => options.includes(v))
              : question.type === 'yesNo'
                ? typeof value === 'boolean'
                : question.type === 'number'
                  ? typeof value === 'number'
                  : question.type === 'date'
                    ? typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
                    : typeof value === 'string' && value.trim().length > 0;
        if (!ok) wrong.push(`${qid}: ${JSON.stringify(value)}`);
      }
      for (const qid of Object.keys(a.notes)) if (!questions.has(qid)) wrong.push(`note ${qid}`);
      expect(wrong).toEqual([]);
    });

    it('answers every visible required question, so its levels are final, not provisional', () => {
      expect(result.openRequired).toEqual([]);
      expect(result.complete).toBe(true);
    });

    it('fills in the text answers, as a real assessor would', () => {
      const emptyTexts = allQuestions(q)
        .filter((x) => (x.type === 'longText' || x.type === 'shortText') && x.required)
        .filter((x) => result.visibility.questions.has(x.id))
        .filter((x) => String(a.answers[x.id] ?? '').length < 20)
        .map((x) => x.id);
      expect(emptyTexts).toEqual([]);
    });

    it(`gets the levels a careful assessor expects: overall ${want.overall}`, () => {
      const levels = Object.fromEntries(result.domains.map((d) => [d.domain, d.final]));
      expect({ overall: result.overall.level, domains: levels }).toEqual({
        overall: want.overall,
        domains: want.domains,
      });
    });

    it('raises exactly the expected red flags', () => {
      expect(result.redFlags.map((f) => f.id).sort()).toEqual([...want.redFlags].sort());
    });
  });
});
