import type { Assessment } from '../core/assessment';
import type { Questionnaire } from '../core/questionnaire';
import { validateQuestionnaire } from '../core/questionnaire';
import { questionnaireHash } from '../core/assessment';
import {
  resolveQuestionnaire as resolveInCore,
  type QuestionnaireResolution,
} from '../core/questionnaire';

// Built-in questionnaires are separate chunks: the start screen does not need them.
const builtins = import.meta.glob<unknown>('../../questionnaires/*/questionnaire.json', {
  import: 'default',
});

const loaded = new Map<string, Promise<Questionnaire>>();
const hashes = new WeakMap<Questionnaire, Promise<string>>();

/** Content hash of a questionnaire, computed once per object. */
export function hashOf(q: Questionnaire): Promise<string> {
  let h = hashes.get(q);
  if (!h) {
    h = questionnaireHash(q);
    hashes.set(q, h);
  }
  return h;
}

/** The folder of a built-in questionnaire: questionnaires/<id>/questionnaire.json. */
const folderOf = (path: string) => /questionnaires\/([^/]+)\/questionnaire\.json$/.exec(path)?.[1];

async function loadBuiltin(path: string): Promise<Questionnaire> {
  let p = loaded.get(path);
  if (!p) {
    p = builtins[path]!().then((data) => {
      const r = validateQuestionnaire(data);
      if (!r.valid)
        throw new Error(`Built-in questionnaire ${path} is invalid: ${r.problems[0]?.message}`);
      // builtinQuestionnairesWithIds finds a built-in by its folder.
      if (r.questionnaire.id !== folderOf(path))
        throw new Error(
          `Built-in questionnaire ${path} has id ${r.questionnaire.id}: use its folder's name`,
        );
      return r.questionnaire;
    });
    loaded.set(path, p);
  }
  return p;
}

/** The ids of the built-in questionnaires (their folders), without loading them. */
export function builtinIds(): string[] {
  return Object.keys(builtins)
    .map(folderOf)
    .filter((id): id is string => id !== undefined);
}

/**
 * The built-in questionnaire an assessment with `q` can start with its answers carried over (its
 * `carryOver` block's target, when that is a built-in), or null.
 */
export function carryTarget(q: Questionnaire): string | null {
  const ids = new Set(builtinIds());
  return (q.carryOver ?? []).map((b) => b.target).find((id) => ids.has(id)) ?? null;
}

/** Every built-in questionnaire, validated. */
export async function builtinQuestionnaires(): Promise<Questionnaire[]> {
  const all = await Promise.all(Object.keys(builtins).sort().map(loadBuiltin));
  // FRIA core first: it is the one most users need.
  return all.sort((a, b) =>
    a.id === 'fria-core' ? -1 : b.id === 'fria-core' ? 1 : a.id.localeCompare(b.id),
  );
}

/**
 * The built-in questionnaires among these ids, validated; ids that are no built-in's are skipped.
 * Loads only what is asked for: each built-in is a chunk to unpack and check (fria-core ~10 ms).
 */
export async function builtinQuestionnairesWithIds(
  ids: readonly string[],
): Promise<Questionnaire[]> {
  const wanted = new Set(ids);
  const paths = Object.keys(builtins)
    .sort()
    .filter((p) => wanted.has(folderOf(p) ?? ''));
  return Promise.all(paths.map(loadBuiltin));
}

/** Questionnaires the user loaded from a file during this visit. */
const userLoaded = new Map<string, Questionnaire>();

export function rememberUserQuestionnaire(q: Questionnaire): void {
  userLoaded.set(`${q.id}@${q.version}`, q);
}

/**
 * The questionnaire an assessment is opened and scored with, by the core's one rule
 * (core/questionnaire/resolve.ts): the embedded copy, checked in full; else a built-in one or one
 * loaded this visit, with the content hash the assessment records. A copy the validator refuses is
 * never used; the answer says why.
 */
export function resolveAssessmentQuestionnaire(a: Assessment): Promise<QuestionnaireResolution> {
  return resolveInCore(a, {
    byId: async (id) => [
      ...(await builtinQuestionnairesWithIds([id])).map((data) => ({ data })),
      ...[...userLoaded.values()].filter((q) => q.id === id).map((data) => ({ data })),
    ],
  });
}

/** The questionnaire by the rule above, or null when there is none that may be used. */
export async function resolveQuestionnaire(a: Assessment): Promise<Questionnaire | null> {
  const r = await resolveAssessmentQuestionnaire(a);
  return r.ok ? r.questionnaire : null;
}
