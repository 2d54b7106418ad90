import {
  ASSESSMENT_FORMAT,
  ASSESSMENT_FORMAT_VERSION,
  AssessmentSchema,
  type Assessment,
  type AssessmentMeta,
} from './assessment-schema';
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import { canonicalHash } from './canonical';
import { parseJsonSafely, problem, type FileProblem, type SafeParse } from '../files/safe-json';
import { zodProblems } from '../files/zod-problems';
import { migrateAssessment } from './migrations';
import { questionnaireSource } from '../questionnaire/questionnaire-format';

/**
 * Hash of a questionnaire's canonical form: ties an assessment to the exact content it used. A
 * questionnaire read from a file of an older format is hashed as that file says it, so the hash
 * an assessment recorded stays its hash after the format moved on.
 */
export function questionnaireHash(q: Questionnaire): Promise<string> {
  return canonicalHash(questionnaireSource(q));
}

/** A new, empty assessment for a questionnaire. `now` and `id` are passed in to keep the core pure. */
export async function createAssessment(
  q: Questionnaire,
  meta: AssessmentMeta,
  opts: { id: string; now: string; embedQuestionnaire?: boolean },
): Promise<Assessment> {
  return {
    format: ASSESSMENT_FORMAT,
    formatVersion: ASSESSMENT_FORMAT_VERSION,
    id: opts.id,
    createdAt: opts.now,
    updatedAt: opts.now,
    version: 1,
    questionnaire: { id: q.id, version: q.version, hash: await questionnaireHash(q) },
    // The copy as its file says it: it then hashes to the recorded hash when it is read again.
    ...(opts.embedQuestionnaire === false ? {} : { questionnaireSnapshot: questionnaireSource(q) }),
    meta,
    answers: {},
    notes: {},
    redFlagResponses: {},
    register: [],
    proposals: {},
    overrides: {},
    signOffs: [],
    setAside: [],
    history: [{ at: opts.now, action: 'created' }],
  };
}

/** The assessment's content for hashing and signing: everything but the sign-offs and timestamps of saving. */
export function assessmentContent(
  a: Assessment,
): Omit<Assessment, 'signOffs' | 'updatedAt' | 'history'> {
  const { signOffs: _s, updatedAt: _u, history: _h, ...content } = a;
  return content;
}

/** SHA-256 over the RFC 8785 canonical form of the assessment content (the integrity seal). */
export function assessmentHash(a: Assessment): Promise<string> {
  return canonicalHash(assessmentContent(a));
}

/** Serialises an assessment as the `.fria.json` file text. */
export function serializeAssessment(a: Assessment): string {
  return JSON.stringify(a, null, 2);
}

/** Reads an assessment file: safe parse, migration of older formats, refusal of newer ones, schema. */
export function parseAssessmentText(text: string): SafeParse<Assessment> {
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return parsed;
  return parseAssessment(parsed.value);
}

export function parseAssessment(data: unknown): SafeParse<Assessment> {
  if (
    data === null ||
    typeof data !== 'object' ||
    (data as { format?: unknown }).format !== ASSESSMENT_FORMAT
  ) {
    return { ok: false, problems: [problem('format', 'notAssessment')] };
  }
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > ASSESSMENT_FORMAT_VERSION) {
    return {
      ok: false,
      problems: [
        problem('formatVersion', 'newerFormat', {
          found: version,
          supported: ASSESSMENT_FORMAT_VERSION,
        }),
      ],
    };
  }
  const migrated = migrateAssessment(data as Record<string, unknown>);
  if (!migrated.ok) return migrated;
  const result = AssessmentSchema.safeParse(migrated.value);
  if (!result.success) return { ok: false, problems: zodProblems(result.error, migrated.value) };
  return { ok: true, value: result.data };
}

export type { FileProblem };
