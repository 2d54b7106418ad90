import type { z } from 'zod';
import type { Assessment, SetAsideAnswerSchema } from '../assessment/assessment-schema';
import type { AnswerValue } from '../scoring/answers';
import type { Question, Questionnaire } from './questionnaire-schema';
import { questionnaireHash } from '../assessment/assessment';
import { indexQuestionnaire } from './questionnaire-index';
import { questionnaireSource } from './questionnaire-format';
import { isLocked } from '../signoff/signoff';

export type SetAsideAnswer = z.infer<typeof SetAsideAnswerSchema>;

/** Why an assessment cannot be moved to the other questionnaire. */
export type QuestionnaireMigrationRefusal =
  /** The target is a different questionnaire, not a new version of the same one. */
  | 'otherQuestionnaire'
  /** The current version is signed: start a new version first, so the signed one stays as it was. */
  | 'signed'
  /** The assessment already uses exactly this questionnaire content. */
  | 'sameVersion';

export interface QuestionnaireMigration {
  assessment: Assessment;
  /** Question ids whose answers carried over unchanged. */
  carried: string[];
  /** The answers (and notes) this migration set aside, to list to the user. */
  setAside: SetAsideAnswer[];
  /**
   * Stored items that refer to ids the new version no longer has; kept as they are. `overrides`:
   * the domains whose override no longer counts (its domain or its level is gone).
   */
  unmatched: { overrides: string[]; redFlagResponses: string[]; riskDomains: string[] };
}

export type QuestionnaireMigrationResult =
  | { ok: true; value: QuestionnaireMigration }
  | { ok: false; reason: QuestionnaireMigrationRefusal };

// Only widening changes that cannot lose or misread an answer carry over across a type change.
const compatibleTypeChanges = new Set(['shortText>longText']);

/** Does the stored value have the shape this question type takes? */
function fitsType(question: Question, value: AnswerValue): boolean {
  switch (question.type) {
    case 'singleChoice':
    case 'scale':
    case 'shortText':
    case 'longText':
    case 'date':
      return typeof value === 'string';
    case 'multiChoice':
      return Array.isArray(value);
    case 'yesNo':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
  }
}

function optionIds(question: Question): Set<string> | null {
  return 'options' in question ? new Set(question.options.map((o) => o.id)) : null;
}

/**
 * Moves an assessment to another version of its questionnaire. Answers carry over by question id;
 * an answer whose question is gone, whose question changed type, or whose chosen option no longer
 * exists is moved to `setAside` with the reason (with the question's note when the question itself
 * is gone) — nothing is dropped. `from` is the questionnaire the answers were given under (by default
 * the assessment's embedded copy); without it, type changes are recognised by the value's shape only.
 * Pure: the input is not changed; `now` is passed in.
 */
export async function migrateToQuestionnaire(
  assessment: Assessment,
  to: Questionnaire,
  opts: { now: string; from?: Questionnaire; embedQuestionnaire?: boolean },
): Promise<QuestionnaireMigrationResult> {
  if (to.id !== assessment.questionnaire.id) return { ok: false, reason: 'otherQuestionnaire' };
  // Sign-offs of earlier versions do not lock; those of the current version do.
  if (isLocked(assessment)) return { ok: false, reason: 'signed' };
  const toHash = await questionnaireHash(to);
  if (toHash === assessment.questionnaire.hash) return { ok: false, reason: 'sameVersion' };

  const from = opts.from ?? assessment.questionnaireSnapshot;
  const oldIndex = from ? indexQuestionnaire(from) : null;
  const newIndex = indexQuestionnaire(to);
  const fromVersion = assessment.questionnaire.version;

  const answers: Assessment['answers'] = {};
  const notes: Assessment['notes'] = {};
  const carried: string[] = [];
  const setAside: SetAsideAnswer[] = [];
  const aside = (
    questionId: string,
    value: AnswerValue,
    reason: SetAsideAnswer['reason'],
    note?: string,
  ): void => {
    setAside.push({
      questionId,
      value,
      ...(note !== undefined && note !== '' ? { note } : {}),
      reason,
      fromVersion,
    });
  };

  for (const [id, value] of Object.entries(assessment.answers)) {
    const next = newIndex.byId.get(id)?.question;
    const note = assessment.notes[id];
    if (!next) {
      aside(id, value, 'questionRemoved', note);
      continue;
    }
    const prevType = oldIndex?.byId.get(id)?.question.type;
    const typeChanged =
      (prevType !== undefined &&
        prevType !== next.type &&
        !compatibleTypeChanges.has(`${prevType}>${next.type}`)) ||
      !fitsType(next, value);
    if (typeChanged) {
      aside(id, value, 'typeChanged');
      continue;
    }
    const options = optionIds(next);
    if (options && typeof value === 'string' && !options.has(value)) {
      aside(id, value, 'optionRemoved');
      continue;
    }
    if (options && Array.isArray(value)) {
      const kept = value.filter((v) => options.has(v));
      const gone = value.filter((v) => !options.has(v));
      if (gone.length > 0) aside(id, gone, 'optionRemoved');
      if (kept.length > 0) {
        answers[id] = kept;
        carried.push(id);
      }
      continue;
    }
    answers[id] = value;
    carried.push(id);
  }

  // Notes stay with their question while it exists; a note on a removed question is set aside
  // (with its answer above, or here on its own when the question was never answered).
  for (const [id, note] of Object.entries(assessment.notes)) {
    if (newIndex.byId.has(id)) notes[id] = note;
    else if (!Object.prototype.hasOwnProperty.call(assessment.answers, id) && note !== '') {
      aside(id, '', 'questionRemoved', note);
    }
  }

  const domains = new Set(to.domains.map((d) => d.id));
  const levels = new Set(to.levels.map((l) => l.id));
  const flags = new Set((to.redFlags ?? []).map((f) => f.id));
  const unmatched = {
    overrides: Object.entries(assessment.overrides)
      .filter(([d, o]) => !domains.has(d) || !levels.has(o.level))
      .map(([d]) => d),
    redFlagResponses: Object.keys(assessment.redFlagResponses).filter((f) => !flags.has(f)),
    riskDomains: [
      ...new Set(assessment.register.map((r) => r.domain).filter((d) => !domains.has(d))),
    ],
  };

  const embed = opts.embedQuestionnaire ?? assessment.questionnaireSnapshot !== undefined;
  const { questionnaireSnapshot: _old, ...rest } = assessment;
  const migrated: Assessment = {
    ...rest,
    ...(embed ? { questionnaireSnapshot: questionnaireSource(to) } : {}),
    updatedAt: opts.now,
    questionnaire: { id: to.id, version: to.version, hash: toHash },
    answers,
    notes,
    setAside: [...assessment.setAside, ...setAside],
    history: [
      ...assessment.history,
      {
        at: opts.now,
        action: 'questionnaireMigrated',
        detail: `${fromVersion} → ${to.version}; ${carried.length} carried over, ${setAside.length} set aside`,
      },
    ],
  };
  return { ok: true, value: { assessment: migrated, carried, setAside, unmatched } };
}
