/**
 * Carry-over: a questionnaire may say which of its answers fill which questions of another one
 * (the quick scan into the full FRIA). This module holds the rules for such a mapping: what can
 * fill what, how an answer value becomes the other question's value, and the checks of a mapping
 * on its own (against the questionnaire that declares it) and against its target.
 *
 * Carrying itself — from an assessment to the answers of a new one, with where each came from —
 * is `src/core/assessment/carry.ts`.
 */
import type { CarryQuestion, Question, Questionnaire } from './questionnaire-schema';
import { problem, type FileProblem } from '../files/safe-json';
import { indexQuestionnaire } from './questionnaire-index';

type Kind = 'text' | 'choice' | 'multi' | 'yesNo' | 'number' | 'date';

function kindOf(q: Question): Kind {
  switch (q.type) {
    case 'shortText':
    case 'longText':
      return 'text';
    case 'singleChoice':
    case 'scale':
      return 'choice';
    case 'multiChoice':
      return 'multi';
    default:
      return q.type;
  }
}

/** Which kind of question can fill which: same kind, or one answer among options either way. */
function compatible(from: Kind, to: Kind): boolean {
  if (from === to) return true;
  return (from === 'choice' && to === 'yesNo') || (from === 'yesNo' && to === 'choice');
}

/** The values a question's answer can take, as the keys of a mapping ("true"/"false" for yes/no). */
export function carryKeys(q: Question): string[] | null {
  if ('options' in q) return q.options.map((o) => o.id);
  if (q.type === 'yesNo') return ['true', 'false'];
  return null;
}

/**
 * The value one answer value carries as: the mapped one, or (not listed) itself — true/false
 * for a yes/no target. Null: not carried.
 */
export function carryValue(
  rule: CarryQuestion,
  key: string,
  target: Question,
): string | boolean | null {
  const mapped =
    rule.options && Object.prototype.hasOwnProperty.call(rule.options, key)
      ? rule.options[key]!
      : undefined;
  if (mapped !== undefined) return mapped;
  if (target.type === 'yesNo') return key === 'true' ? true : key === 'false' ? false : null;
  return key;
}

/**
 * The checks of the carry-over blocks against the questionnaire that declares them: a target
 * other than itself, once each; every `from` one of its questions, and no question of the target
 * filled twice; mapping keys that are values of the `from` question.
 */
export function carryOverSourceProblems(q: Questionnaire): FileProblem[] {
  const out: FileProblem[] = [];
  const index = indexQuestionnaire(q);
  const targets = new Set<string>();
  (q.carryOver ?? []).forEach((block, bi) => {
    const base = `carryOver[${bi}]`;
    if (block.target === q.id) out.push(problem(`${base}.target`, 'carrySelf', { id: q.id }));
    if (targets.has(block.target))
      out.push(problem(`${base}.target`, 'duplicateId', { id: block.target, kind: 'target' }));
    targets.add(block.target);
    const filled = new Set<string>();
    block.questions.forEach((rule, ri) => {
      const path = `${base}.questions[${ri}]`;
      if (filled.has(rule.to))
        out.push(problem(`${path}.to`, 'carryTwice', { id: rule.to, target: block.target }));
      filled.add(rule.to);
      const from = index.byId.get(rule.from)?.question;
      if (!from) {
        out.push(problem(`${path}.from`, 'unknownQuestion', { id: rule.from }));
        return;
      }
      const keys = carryKeys(from);
      for (const key of Object.keys(rule.options ?? {})) {
        if (!keys || !keys.includes(key))
          out.push(
            problem(`${path}.options.${key}`, 'conditionValue', { id: from.id, value: key }),
          );
      }
    });
  });
  return out;
}

/**
 * The checks of one questionnaire's carry-over into `target` (known here by its file): every
 * `to` is a question there of a kind the `from` question can fill, and every answer value carries
 * as a value that question has (an option id, or true/false) — a value not mapped must exist
 * there under the same id. Paths point into the declaring questionnaire.
 */
export function carryOverProblems(source: Questionnaire, target: Questionnaire): FileProblem[] {
  const out: FileProblem[] = [];
  const from = indexQuestionnaire(source);
  const to = indexQuestionnaire(target);
  (source.carryOver ?? []).forEach((block, bi) => {
    if (block.target !== target.id) return;
    block.questions.forEach((rule, ri) => {
      const path = `carryOver[${bi}].questions[${ri}]`;
      const a = from.byId.get(rule.from)?.question;
      const b = to.byId.get(rule.to)?.question;
      if (!b) {
        out.push(problem(`${path}.to`, 'carryUnknownTarget', { id: rule.to, target: target.id }));
        return;
      }
      if (!a) return; // named by carryOverSourceProblems
      if (!compatible(kindOf(a), kindOf(b))) {
        out.push(
          problem(path, 'carryTypes', { from: a.id, fromType: a.type, to: b.id, toType: b.type }),
        );
        return;
      }
      const keys = carryKeys(a);
      if (!keys) return;
      const targetIds = carryKeys(b) ?? [];
      for (const key of keys) {
        const value = carryValue(rule, key, b);
        if (value === null) continue;
        const fits =
          b.type === 'yesNo'
            ? typeof value === 'boolean'
            : typeof value === 'string' && targetIds.includes(value);
        if (fits) continue;
        const listed = rule.options && Object.prototype.hasOwnProperty.call(rule.options, key);
        out.push(
          listed
            ? problem(`${path}.options.${key}`, 'carryOptionTarget', {
                value: String(value),
                id: b.id,
                target: target.id,
              })
            : problem(`${path}.options`, 'carryOptionMissing', {
                value: key,
                from: a.id,
                id: b.id,
                target: target.id,
              }),
        );
      }
    });
  });
  return out;
}
