/**
 * Small inline questionnaires for core tests: every expectation in the tests is computed by hand
 * from what is written here, so these builders keep the boilerplate (texts, levels, bands) out of
 * the way and leave the points and conditions visible in each test.
 */
import type {
  Condition,
  Option,
  Points,
  Question,
  Questionnaire,
  Section,
} from '../../../src/core/questionnaire/questionnaire-schema';
import { validateQuestionnaire } from '../../../src/core/questionnaire/validate';
import type { RiskItem } from '../../../src/core/assessment/assessment-schema';
import mini from '../../fixtures/mini-questionnaire.json';

export const en = (s: string) => ({ en: s });

/** Four levels low < medium < high < veryHigh with thresholds 0.25 / 0.5 / 0.75 (docs/scoring.md §5). */
export const LEVELS = ['low', 'medium', 'high', 'veryHigh'] as const;

export function opt(id: string, points?: Points): Option {
  return points ? { id, label: en(id), points } : { id, label: en(id) };
}

export function single(id: string, options: Option[], extra: Partial<Question> = {}): Question {
  return { id, type: 'singleChoice', label: en(id), options, ...extra } as Question;
}

export function scale(id: string, options: Option[], extra: Partial<Question> = {}): Question {
  return { id, type: 'scale', label: en(id), options, ...extra } as Question;
}

export function multi(
  id: string,
  options: Option[],
  extra: Partial<Question> & { maxPoints?: Points } = {},
): Question {
  return { id, type: 'multiChoice', label: en(id), options, ...extra } as Question;
}

export function yesNo(
  id: string,
  yesPoints?: Points,
  noPoints?: Points,
  extra: Partial<Question> = {},
): Question {
  return {
    id,
    type: 'yesNo',
    label: en(id),
    ...(yesPoints ? { yesPoints } : {}),
    ...(noPoints ? { noPoints } : {}),
    ...extra,
  } as Question;
}

export function plain(
  id: string,
  type: 'shortText' | 'longText' | 'number' | 'date',
  extra: Partial<Question> = {},
): Question {
  return { id, type, label: en(id), ...extra } as Question;
}

export function section(id: string, questions: Question[], condition?: Condition): Section {
  return { id, title: en(id), questions, ...(condition ? { condition } : {}) };
}

/**
 * A valid questionnaire (English only) around the given sections. Domains default to a, b, c.
 * Validates the result, so a test cannot silently run on a questionnaire the app would refuse.
 */
export function questionnaire(
  sections: Section[],
  extra: Partial<Questionnaire> & { domainIds?: string[] } = {},
): Questionnaire {
  const { domainIds = ['a', 'b', 'c'], ...rest } = extra;
  const q: Questionnaire = {
    id: 'test',
    version: '1.0.0',
    locales: ['en'],
    title: en('Test'),
    domains: domainIds.map((id) => ({ id, label: en(id) })),
    levels: LEVELS.map((id, i) => ({
      id,
      label: en(id),
      color: ['#2e7d32', '#b26a00', '#c62828', '#6a1b9a'][i]!,
    })),
    thresholds: [0.25, 0.5, 0.75],
    riskBands: [
      { min: 1, max: 4, level: 'low' },
      { min: 5, max: 9, level: 'medium' },
      { min: 10, max: 16, level: 'high' },
      { min: 17, max: 25, level: 'veryHigh' },
    ],
    sections,
    ...rest,
  };
  const v = validateQuestionnaire(q);
  if (!v.valid) {
    throw new Error(
      `Test questionnaire is invalid:\n${v.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`,
    );
  }
  return v.questionnaire;
}

/** A register entry with only what scoring reads mattering: domain and residual L × S. */
export function risk(
  id: string,
  domain: string,
  residualLikelihood: number,
  residualSeverity: number,
  inherent: [number, number] = [5, 5],
): RiskItem {
  return {
    id,
    domain,
    title: id,
    description: '',
    affectedGroups: '',
    likelihood: inherent[0],
    severity: inherent[1],
    residualLikelihood,
    residualSeverity,
    measures: [],
  };
}

/** A deep copy of the mini questionnaire fixture as plain data (tests mutate it). */
export function miniData(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(mini)) as Record<string, unknown>;
}

export function miniQuestionnaire(): Questionnaire {
  const v = validateQuestionnaire(miniData());
  if (!v.valid) throw new Error('mini questionnaire invalid');
  return v.questionnaire;
}
