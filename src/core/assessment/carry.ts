/**
 * Carrying answers from one assessment into a new one with another questionnaire (the quick scan
 * into the full FRIA), by the source questionnaire's `carryOver` block for the target
 * (src/core/questionnaire/carry-over.ts), and what a carried answer is until the user confirms it.
 *
 * Only what the source assessment established is carried: a visible answer that fits its
 * question. A hidden answer (kept but not counted there), an answer "not applicable", one the
 * mapping leaves out (null) and one that would not fit the target question stay behind, each
 * with its reason. A carried answer is an answer of the other assessment until the user confirms
 * it: it is marked, listed on the summary and blocks the sign-off (while it is still the answer;
 * one the user changed is the user's own).
 */
import type { Assessment, CarriedAnswer, CarriedFrom } from './assessment-schema';
import type { Question, Questionnaire } from '../questionnaire/questionnaire-schema';
import { indexQuestionnaire } from '../questionnaire/questionnaire-index';
import { carryValue } from '../questionnaire/carry-over';
import { computeVisibility } from '../scoring/visibility';
import { answerFits, type AnswerValue } from '../scoring/answers';
import { pick } from '../texts/localized';
import { formatDay } from '../texts/format';

export type CarrySkipReason =
  'notAnswered' | 'hidden' | 'notApplicable' | 'leftOut' | 'doesNotFit' | 'unknownQuestion';

export interface CarryResult {
  /** Answers for the new assessment, by target question id. */
  answers: Record<string, AnswerValue>;
  /** Where each carried answer came from (by target question id), none confirmed yet. */
  carried: Record<string, CarriedAnswer>;
  carriedFrom: CarriedFrom;
  /** The mapped questions whose answer stayed behind, and why. */
  skipped: { from: string; to: string; reason: CarrySkipReason }[];
}

/** Longest text a text question takes when it sets no maxLength (the wizard's limits). */
const TEXT_LIMIT = { shortText: 1000, longText: 100000 } as const;

function toTarget(
  from: Question,
  to: Question,
  value: AnswerValue,
  options: (key: string) => string | boolean | null,
): AnswerValue | null {
  if (from.type === 'multiChoice') {
    if (!Array.isArray(value)) return null;
    const out: string[] = [];
    for (const v of value) {
      const m = options(v);
      if (typeof m === 'string' && !out.includes(m)) out.push(m);
    }
    return out.length > 0 ? out : null;
  }
  if ('options' in from || from.type === 'yesNo') {
    return options(String(value));
  }
  if ((to.type === 'shortText' || to.type === 'longText') && typeof value === 'string') {
    return value.length <= (to.maxLength ?? TEXT_LIMIT[to.type]) ? value : null;
  }
  if (to.type === 'number' && typeof value === 'number') {
    if (to.min !== undefined && value < to.min) return null;
    if (to.max !== undefined && value > to.max) return null;
  }
  return value;
}

/**
 * The answers `sourceQ`'s carry-over block for `targetQ` fills from `source`, with where each
 * came from. Pure: `source` is not changed. No block for the target: nothing is carried.
 */
export function carry(
  source: Assessment,
  sourceQ: Questionnaire,
  targetQ: Questionnaire,
): CarryResult {
  const result: CarryResult = {
    answers: {},
    carried: {},
    carriedFrom: {
      assessmentId: source.id,
      questionnaireId: sourceQ.id,
      questionnaireVersion: sourceQ.version,
      questionnaireTitle: sourceQ.title,
      title: source.meta.title,
      at: source.updatedAt,
    },
    skipped: [],
  };
  const block = (sourceQ.carryOver ?? []).find((b) => b.target === targetQ.id);
  if (!block) return result;
  const vis = computeVisibility(sourceQ, source.answers, source.notApplicable ?? {});
  const from = indexQuestionnaire(sourceQ);
  const to = indexQuestionnaire(targetQ);
  for (const rule of block.questions) {
    const skip = (reason: CarrySkipReason) =>
      result.skipped.push({ from: rule.from, to: rule.to, reason });
    const a = from.byId.get(rule.from)?.question;
    const b = to.byId.get(rule.to)?.question;
    if (!a || !b) {
      skip('unknownQuestion');
      continue;
    }
    if (!vis.questions.has(a.id)) {
      skip('hidden');
      continue;
    }
    if (vis.notApplicable.has(a.id)) {
      skip('notApplicable');
      continue;
    }
    const value = vis.effective[a.id];
    if (value === undefined) {
      skip('notAnswered');
      continue;
    }
    const mapped = toTarget(a, b, value, (key) => carryValue(rule, key, b));
    if (mapped === null) {
      skip(Array.isArray(value) || 'options' in a || a.type === 'yesNo' ? 'leftOut' : 'doesNotFit');
      continue;
    }
    if (!answerFits(b, mapped)) {
      skip('doesNotFit');
      continue;
    }
    result.answers[b.id] = mapped;
    result.carried[b.id] = { from: a.id, value: mapped };
  }
  return result;
}

/**
 * A new assessment with the carried answers filled in (answers the assessment already has are
 * kept, not overwritten) and where they came from. Pure.
 */
export function applyCarry(a: Assessment, r: CarryResult, now: string): Assessment {
  const answers = { ...a.answers };
  const carried: Record<string, CarriedAnswer> = { ...(a.carried ?? {}) };
  let n = 0;
  for (const [id, value] of Object.entries(r.answers)) {
    if (Object.prototype.hasOwnProperty.call(answers, id)) continue;
    answers[id] = value;
    carried[id] = r.carried[id]!;
    n++;
  }
  return {
    ...a,
    answers,
    carried,
    carriedFrom: r.carriedFrom,
    history: [
      ...a.history,
      {
        at: now,
        action: 'carriedOver',
        detail: `${n} answers from ${r.carriedFrom.questionnaireId} ${r.carriedFrom.assessmentId}`,
      },
    ],
  };
}

function sameValue(x: AnswerValue | undefined, y: AnswerValue): boolean {
  if (Array.isArray(x) && Array.isArray(y))
    return x.length === y.length && x.every((v, i) => v === y[i]);
  return x === y;
}

export type CarriedState = 'unconfirmed' | 'confirmed';

/**
 * Whether the answer to this question is a carried one: 'unconfirmed' while it is still the
 * value carried and nobody confirmed it, 'confirmed' once confirmed; null when nothing was carried
 * or the user has since changed the answer (then it is the user's own).
 */
export function carriedState(a: Assessment, questionId: string): CarriedState | null {
  const c =
    a.carried && Object.prototype.hasOwnProperty.call(a.carried, questionId)
      ? a.carried[questionId]
      : undefined;
  if (!c) return null;
  if (c.confirmedAt !== undefined) return 'confirmed';
  const answer = Object.prototype.hasOwnProperty.call(a.answers, questionId)
    ? a.answers[questionId]
    : undefined;
  return sameValue(answer, c.value) ? 'unconfirmed' : null;
}

/**
 * Visible questions (in questionnaire order) whose answer is carried and not yet confirmed: what
 * the summary lists and what keeps the assessment from being signed. A hidden one does not count
 * (its answer is not counted either), nor one answered "not applicable".
 */
export function unconfirmedCarried(a: Assessment, q: Questionnaire): string[] {
  if (!a.carried) return [];
  const vis = computeVisibility(q, a.answers, a.notApplicable ?? {});
  return indexQuestionnaire(q)
    .questions.map(({ question }) => question.id)
    .filter(
      (id) =>
        vis.questions.has(id) &&
        !vis.notApplicable.has(id) &&
        carriedState(a, id) === 'unconfirmed',
    );
}

/** The assessment with these carried answers confirmed by the user at `now`. Pure. */
export function confirmCarried(a: Assessment, ids: readonly string[], now: string): Assessment {
  if (!a.carried) return a;
  const carried = { ...a.carried };
  const done: string[] = [];
  for (const id of ids) {
    if (carriedState(a, id) !== 'unconfirmed') continue;
    carried[id] = { ...carried[id]!, confirmedAt: now };
    done.push(id);
  }
  if (done.length === 0) return a;
  return {
    ...a,
    carried,
    history: [...a.history, { at: now, action: 'carriedConfirmed', detail: done.join(', ') }],
  };
}

/** "Quickscan grondrechten “Titel” van 5 januari 2026": where carried answers came from. */
export function carriedSource(
  from: CarriedFrom,
  locale: string,
): {
  source: string;
  title: string;
  date: string;
} {
  return {
    source: pick(from.questionnaireTitle, locale),
    title: from.title,
    date: formatDay(from.at.slice(0, 10), locale),
  };
}
