/**
 * Core costs in Node (the same code the browser runs): scoring, validation, autosave. Each figure
 * is the median (with min/max) of many runs after a warm-up, measured with performance.now().
 */
// Installs an in-memory IndexedDB as a global, for the repository's put (Node has none).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { score } from '../../src/core/scoring/scoring';
import { validateQuestionnaireText } from '../../src/core/questionnaire/validate';
import { serializeAssessment } from '../../src/core/assessment/assessment';
import { summarize } from '../../src/core/assessment/summary';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import type { Questionnaire } from '../../src/core/questionnaire/questionnaire-schema';
import { filledAssessment, syntheticQuestionnaire } from './synthetic';
import { stats, type Stats } from './stats';

export function timeRuns(fn: () => unknown, runs: number, warmup = Math.min(20, runs)): Stats {
  for (let i = 0; i < warmup; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return stats(xs);
}

async function timeRunsAsync(fn: () => Promise<unknown>, runs: number, warmup = 5): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return stats(xs);
}

export interface NodeResults {
  node: string;
  score2000: Stats;
  score2000Questions: number;
  validateFriaCore: Stats;
  friaCoreQuestions: number;
  validateSynthetic300: Stats;
  autosave: {
    assessmentBytes: number;
    /** summarize() (it scores, for the library's level): the autosaver's first task. */
    summary: Stats;
    /** serializeAssessment() alone. */
    serialize: Stats;
    /** summarize + repository.put on fake-indexeddb: checks, serialising and the fake database's own JS work. */
    put: Stats;
  };
  autosaveIama: { assessmentBytes: number; summary: Stats; serialize: Stats; put: Stats };
}

async function autosaveCost(a: Assessment, q: Questionnaire, runs: number) {
  const { openIdbRepository } = await import('../../src/storage/idb-repository');
  const repo = await openIdbRepository({ name: `bench-${a.id}-${Date.now()}`, journal: null });
  let n = 0;
  const next = (): Assessment => ({
    ...a,
    updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n++)).toISOString(),
    notes: { ...a.notes, bench: `edit ${n}` },
  });
  const result = {
    assessmentBytes: Buffer.byteLength(serializeAssessment(a)),
    summary: timeRuns(() => summarize(a, q), runs),
    serialize: timeRuns(() => serializeAssessment(a), runs),
    put: await timeRunsAsync(async () => {
      const x = next();
      await repo.put(x, summarize(x, q));
    }, runs),
  };
  repo.close();
  return result;
}

export async function measureNode(iamaSized: {
  a: Assessment;
  q: Questionnaire;
}): Promise<NodeResults> {
  const q2000 = syntheticQuestionnaire(100);
  const a2000 = await filledAssessment(q2000, { riskCount: 50 });
  const friaCoreText = readFileSync('questionnaires/fria-core/questionnaire.json', 'utf8');
  const friaCore = validateQuestionnaireText(friaCoreText);
  if (!friaCore.valid) throw new Error('fria-core questionnaire is invalid');
  const q300 = syntheticQuestionnaire(15);
  const q300Text = JSON.stringify(q300);
  const a300 = await filledAssessment(q300, { riskCount: 50 });
  return {
    node: process.version,
    score2000: timeRuns(() => score(q2000, a2000), 200),
    score2000Questions: q2000.sections.reduce((s, x) => s + x.questions.length, 0),
    validateFriaCore: timeRuns(() => validateQuestionnaireText(friaCoreText), 50),
    friaCoreQuestions: friaCore.questionnaire.sections.reduce((s, x) => s + x.questions.length, 0),
    validateSynthetic300: timeRuns(() => validateQuestionnaireText(q300Text), 30),
    autosave: await autosaveCost(a300, q300, 40),
    autosaveIama: await autosaveCost(iamaSized.a, iamaSized.q, 40),
  };
}
