import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { computeVisibility } from '../../../src/core/scoring/visibility';
import type { Answers } from '../../../src/core/scoring/answers';
import { allQuestions, fixtureDir, loadQuestionnaire, readJson } from './builtin';
import { questionnaireSource } from '../../../src/core/questionnaire/questionnaire-format';
import { questionInstance } from '../../../src/core/questionnaire/repeat';

/**
 * How many questions a user sees on a low-risk and a high-risk path (conditions keep it
 * short for simple systems). The counts are pinned on purpose: if you add a question or change a
 * condition, update the number here and in docs/authoring-questionnaires.md, knowingly.
 */
function visibleCount(id: string, answers: Answers): number {
  return computeVisibility(loadQuestionnaire(id), answers).questions.size;
}

function fixtureAnswers(id: string, name: string): Answers {
  return (readJson(join(fixtureDir(id), name)) as { answers: Answers }).answers;
}

describe('fria-core path lengths', () => {
  const q = loadQuestionnaire('fria-core');
  // Questions as written; the roadmap's five are asked once per right ticked (a repeating group).
  const total = allQuestions(questionnaireSource(q)).length;

  /** The simplest system: plain software, no data about people, nobody affected. */
  const simplest: Answers = {
    systemKind: 'simple',
    personalData: 'none',
    emergingTech: ['none'],
    decisionRole: 'none',
    affectedGroups: ['noOne'],
    directUse: 'internal',
    hardware: 'none',
    rightsAffected: ['none'],
  };

  /** Everything switched on that can be at once (ml and genai exclude each other). */
  const widest: Answers = {
    legalBasis: 'specificLaw',
    systemKind: 'genai',
    personalData: 'aboutPeople',
    emergingTech: [
      'biometrics',
      'emotionRecognition',
      'neurotech',
      'xr',
      'socialAI',
      'personalisation',
      'synthetic',
    ],
    decisionRole: 'recommends',
    highRiskArea: ['benefits'],
    affectedGroups: ['residents', 'staff'],
    vulnerableGroups: ['children', 'elderly'],
    directUse: 'direct',
    dataCategories: ['health'],
    profiling: true,
    hardware: 'many',
    layerCloud: 'nonEu',
    rightsAffected: ['privacy'],
  };

  it('has 101 questions in all', () => {
    expect(total).toBe(101);
  });

  it('shows 39 questions for the simplest system', () => {
    expect(visibleCount('fria-core', simplest)).toBe(39);
  });

  it('shows 44 questions on the low-risk path (internal planning tool)', () => {
    expect(visibleCount('fria-core', fixtureAnswers('fria-core', 'planning-tool.fria.json'))).toBe(
      44,
    );
  });

  it('shows 90 to 113 questions on the high-risk paths of the example assessments (the roadmap’s five per right ticked)', () => {
    const counts = Object.fromEntries(
      [
        'fraud-risk-scoring.fria.json',
        'companion-chatbot.fria.json',
        'school-biometrics.fria.json',
        'genai-caseworkers.fria.json',
      ].map((n) => [n, visibleCount('fria-core', fixtureAnswers('fria-core', n))]),
    );
    expect(counts).toEqual({
      // 6 rights: 75 + 6 × 5; 5 rights: 88 + 5 × 5; 4 rights: 85 + 4 × 5; 3 rights: 75 + 3 × 5.
      'fraud-risk-scoring.fria.json': 105,
      'companion-chatbot.fria.json': 113,
      'school-biometrics.fria.json': 105,
      'genai-caseworkers.fria.json': 90,
    });
  });

  it('shows 100 of 101 on the widest path (only the feedback-loop question, for self-learning models, stays hidden)', () => {
    const v = computeVisibility(q, widest);
    expect(v.questions.size).toBe(100);
    // Of the roadmap, only the instance for the one right ticked (privacy) is asked.
    expect(
      allQuestions(q)
        .filter((x) => !v.questions.has(x.id))
        .filter((x) => questionInstance(q, x.id) === null)
        .map((x) => x.id),
    ).toEqual(['feedbackLoop']);
  });

  it('keeps the low-risk path under half of the widest path', () => {
    expect(
      visibleCount('fria-core', fixtureAnswers('fria-core', 'planning-tool.fria.json')),
    ).toBeLessThan(visibleCount('fria-core', widest) / 2);
  });

  it('hides privacy, AI and decision questions from a system without them', () => {
    const v = computeVisibility(q, simplest);
    expect(v.sections.has('privacy')).toBe(false);
    expect(v.sections.has('autonomy')).toBe(false);
    for (const id of [
      'highRiskArea',
      'providerInfo',
      'trainingData',
      'humanOversight',
      'explainability',
    ]) {
      expect(v.questions.has(id), id).toBe(false);
    }
  });
});

describe('quick-scan path lengths', () => {
  it('shows 17 questions for a model without data about people and 26 for a youth-care risk model', () => {
    expect(
      visibleCount('quick-scan', fixtureAnswers('quick-scan', 'road-maintenance.fria.json')),
    ).toBe(17);
    expect(
      visibleCount('quick-scan', fixtureAnswers('quick-scan', 'youth-risk-signals.fria.json')),
    ).toBe(26);
  });
});
