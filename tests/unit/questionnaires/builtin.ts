/** Loads the built-in questionnaires and their example assessments for the content tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import type { Question, Questionnaire } from '../../../src/core/questionnaire/questionnaire-schema';

export const root = join(import.meta.dirname, '..', '..', '..');
export const questionnaireDir = join(root, 'questionnaires');

/** The questionnaires the app ships; the UI imports exactly these paths. */
export const BUILT_IN = ['fria-core', 'quick-scan', 'aia-benefits'] as const;
export type BuiltInId = (typeof BUILT_IN)[number];

export function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function questionnaireFile(id: string): string {
  return join(questionnaireDir, id, 'questionnaire.json');
}

/** The validated questionnaire; throws with the validator's problems if it is invalid. */
export function loadQuestionnaire(id: string): Questionnaire {
  const result = validateQuestionnaire(readJson(questionnaireFile(id)));
  if (!result.valid) {
    throw new Error(`${id} is invalid: ${JSON.stringify(result.problems.slice(0, 5))}`);
  }
  return result.questionnaire;
}

export function allQuestions(q: Questionnaire): Question[] {
  return q.sections.flatMap((s) => s.questions);
}

export function fixtureDir(id: string): string {
  return join(questionnaireDir, id, 'fixtures');
}

export function fixtureNames(id: string): string[] {
  const dir = fixtureDir(id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.fria.json'))
    .sort();
}

export interface Expectation {
  overall: string | null;
  domains: Record<string, string | null>;
  redFlags: string[];
  why: string;
}

export function loadExpected(id: string): Record<string, Expectation> {
  return readJson(join(fixtureDir(id), 'expected.json')) as Record<string, Expectation>;
}

/**
 * The first fenced block of the given language (`json`, `text`) in docs/authoring-questionnaires.md
 * that contains `marker`: how the tests that keep the guide's examples true read them.
 */
export function guideBlock(lang: string, marker: string): string | undefined {
  const doc = readFileSync(join(root, 'docs', 'authoring-questionnaires.md'), 'utf8');
  return [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```', 'g'))]
    .map((m) => m[1] ?? '')
    .find((text) => text.includes(marker));
}
