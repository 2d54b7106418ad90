/**
 * Which questionnaire an assessment is read, scored and reported with — one rule for the app, its
 * import, Verify and the command line:
 *
 * 1. a copy the user chose explicitly (the CLI's `--questionnaire <file>`), when given;
 * 2. else the copy embedded in the assessment (the one it was made with);
 * 3. else a copy known by the questionnaire's id (a built-in one; in the app also a file loaded
 *    during this visit): the one whose content hash is the one the assessment records, or — only
 *    where the caller accepts it, as the CLI does with a warning — one with the same id.
 *
 * Every copy is checked in full by the validator (shape and cross-references), the embedded one
 * too: a copy edited by hand could otherwise be scored against levels or ids that do not exist. A
 * copy that fails is refused with the problems found; it is never used, and the rule does not fall
 * through to another copy (that would score with a questionnaire the user did not pick). Whether
 * the copy used is the exact one the assessment records (content hash) is part of the answer.
 */
import type { Assessment } from '../assessment/assessment-schema';
import type { Questionnaire } from './questionnaire-schema';
import { questionnaireHash } from '../assessment/assessment';
import { problem, type FileProblem } from '../files/safe-json';
import {
  validateQuestionnaire,
  validateQuestionnaireText,
  type ValidationResult,
} from './validate';

export type QuestionnaireSource = 'chosen' | 'embedded' | 'builtin';

/** A questionnaire as found: its JSON text (from a file) or parsed data. */
export type QuestionnaireCopy = { text: string } | { data: unknown };

export interface QuestionnaireSources {
  /** The copy the user chose explicitly; it comes before every other. */
  chosen?: QuestionnaireCopy;
  /** The copies known by this id (built-in, or loaded during this visit); none: an empty list. */
  byId?: (id: string) => QuestionnaireCopy[] | Promise<QuestionnaireCopy[]>;
  /**
   * Use a copy known by id whose content differs from the one the assessment records (the CLI does,
   * with a warning). The app does not: it offers moving to the other version instead.
   */
  acceptOtherContent?: boolean;
}

export type QuestionnaireResolution =
  | {
      ok: true;
      questionnaire: Questionnaire;
      from: QuestionnaireSource;
      /** Content hash of the questionnaire used. */
      hash: string;
      /** True when it is exactly the one the assessment was made with. */
      hashMatches: boolean;
    }
  | {
      ok: false;
      /** The copy that was refused; null when there was none to use. */
      from: QuestionnaireSource | null;
      /** What is wrong, first a sentence saying which copy and that it is not used. */
      problems: FileProblem[];
    };

// An embedded copy is checked on import, on opening and on saving: the same object once.
const checked = new WeakMap<object, ValidationResult>();

function validate(copy: QuestionnaireCopy): ValidationResult {
  if ('text' in copy) return validateQuestionnaireText(copy.text);
  const data = copy.data;
  if (data === null || typeof data !== 'object') return validateQuestionnaire(data);
  let r = checked.get(data);
  if (!r) {
    r = validateQuestionnaire(data);
    checked.set(data, r);
  }
  return r;
}

const SUMMARY = {
  chosen: 'chosenQuestionnaireInvalid',
  embedded: 'embeddedQuestionnaireInvalid',
  builtin: 'builtinQuestionnaireInvalid',
} as const;

function refused(
  from: QuestionnaireSource,
  a: Assessment,
  problems: FileProblem[],
): QuestionnaireResolution {
  const base = from === 'embedded' ? 'questionnaireSnapshot' : '';
  return {
    ok: false,
    from,
    problems: [
      problem(base, SUMMARY[from], { id: a.questionnaire.id, version: a.questionnaire.version }),
      ...problems.map((p) => (base ? { ...p, path: p.path ? `${base}.${p.path}` : base } : p)),
    ],
  };
}

/**
 * The embedded copy, checked, without the hash (which needs a digest): for callers that only
 * show labels from it, such as Verify. Null when the assessment embeds none.
 */
export function checkEmbeddedQuestionnaire(
  a: Assessment,
): { ok: true; questionnaire: Questionnaire } | { ok: false; problems: FileProblem[] } | null {
  if (a.questionnaireSnapshot === undefined) return null;
  const v = validate({ data: a.questionnaireSnapshot });
  if (v.valid) return { ok: true, questionnaire: v.questionnaire };
  const r = refused('embedded', a, v.problems);
  return { ok: false, problems: r.ok ? [] : r.problems };
}

/** The questionnaire for an assessment by the rule above. */
export async function resolveQuestionnaire(
  a: Assessment,
  sources: QuestionnaireSources = {},
): Promise<QuestionnaireResolution> {
  const recorded = a.questionnaire;
  const accept = async (questionnaire: Questionnaire, from: QuestionnaireSource) => {
    const hash = await questionnaireHash(questionnaire);
    return { ok: true as const, questionnaire, from, hash, hashMatches: hash === recorded.hash };
  };
  if (sources.chosen) {
    const v = validate(sources.chosen);
    return v.valid ? accept(v.questionnaire, 'chosen') : refused('chosen', a, v.problems);
  }
  const embedded = checkEmbeddedQuestionnaire(a);
  if (embedded) {
    return embedded.ok
      ? accept(embedded.questionnaire, 'embedded')
      : { ok: false, from: 'embedded', problems: embedded.problems };
  }
  const copies = sources.byId ? await sources.byId(recorded.id) : [];
  let other: Questionnaire | null = null;
  let invalid: FileProblem[] | null = null;
  for (const copy of copies) {
    const v = validate(copy);
    if (!v.valid) {
      invalid ??= v.problems;
      continue;
    }
    if (v.questionnaire.id !== recorded.id) continue;
    const r = await accept(v.questionnaire, 'builtin');
    if (r.hashMatches) return r;
    other ??= v.questionnaire;
  }
  if (other && sources.acceptOtherContent) return accept(other, 'builtin');
  if (invalid && !other) return refused('builtin', a, invalid);
  return {
    ok: false,
    from: null,
    problems: [
      problem('questionnaire', 'questionnaireMismatch', {
        id: recorded.id,
        version: recorded.version,
      }),
    ],
  };
}
