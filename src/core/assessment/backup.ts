import { z } from '../files/zod-setup';
import { ASSESSMENT_FORMAT, type Assessment } from './assessment-schema';
import { parseAssessment } from './assessment';
import { canonicalJson } from './canonical';
import { isLocked, startNewVersion } from '../signoff/signoff';
import { migrateChain, type MigrationStep } from './migrations';
import { parseJsonSafely, problem, type FileProblem, type SafeParse } from '../files/safe-json';
import { zodProblems } from '../files/zod-problems';
import { checkEmbeddedQuestionnaire } from '../questionnaire/resolve';

/** The backup file: many assessments in one versioned envelope (`*.fria-backup.json`). */
export const BACKUP_FORMAT = 'fria-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Steps for the backup envelope (`backupSteps[n]` turns format n into n + 1); none yet. */
export const backupSteps: Record<number, MigrationStep> = {};

const BackupEnvelopeSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string().max(40),
  /** Version of the app that wrote the backup, for support questions. */
  app: z.string().max(50).optional(),
  // Each assessment is checked on its own (parseAssessment) so one bad item cannot sink the rest.
  assessments: z.array(z.unknown()).max(10000),
});

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  app?: string;
  assessments: Assessment[];
}

/** A backup of these assessments; `now` and `app` are passed in to keep the core pure. */
export function createBackup(
  assessments: readonly Assessment[],
  opts: { now: string; app?: string },
): Backup {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: opts.now,
    ...(opts.app !== undefined ? { app: opts.app } : {}),
    assessments: [...assessments],
  };
}

/** The backup file's text. */
export function serializeBackup(b: Backup): string {
  return JSON.stringify(b, null, 1);
}

/** An item of a file that could not be read; the others are still imported. */
export interface SkippedItem {
  /** Position in the backup (0-based); 0 for a single assessment file. */
  index: number;
  /** Title of the item when it could be found, to name it to the user. */
  title: string | null;
  problems: FileProblem[];
}

export interface ReadFile {
  kind: 'assessment' | 'backup';
  assessments: Assessment[];
  skipped: SkippedItem[];
  /** For a backup: when it was made. */
  createdAt: string | null;
}

/**
 * An assessment from a file, with its embedded questionnaire checked in full: an assessment whose
 * copy the validator refuses is not imported (it would be scored with a broken questionnaire).
 */
function readOne(data: unknown): SafeParse<Assessment> {
  const a = parseAssessment(data);
  if (!a.ok) return a;
  const embedded = checkEmbeddedQuestionnaire(a.value);
  if (embedded && !embedded.ok) return { ok: false, problems: embedded.problems };
  return a;
}

function titleOf(item: unknown): string | null {
  const t = (item as { meta?: { title?: unknown } } | null)?.meta?.title;
  return typeof t === 'string' ? t : null;
}

/**
 * Reads the text of a user's file: an assessment (`.fria.json`) or a backup. Refuses files that
 * are neither, and files (or items) from a newer version of the app, with plain-language problems.
 * Items of a backup that cannot be read are listed in `skipped`; the file is never changed.
 */
export function readAssessmentFile(text: string): SafeParse<ReadFile> {
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return parsed;
  const data = parsed.value;
  const format = (data as { format?: unknown } | null)?.format;
  if (data !== null && typeof data === 'object' && format === ASSESSMENT_FORMAT) {
    const a = readOne(data);
    if (!a.ok) return a;
    return {
      ok: true,
      value: { kind: 'assessment', assessments: [a.value], skipped: [], createdAt: null },
    };
  }
  if (data === null || typeof data !== 'object' || format !== BACKUP_FORMAT) {
    return { ok: false, problems: [problem('format', 'notAssessment')] };
  }
  const migrated = migrateChain(
    data as Record<string, unknown>,
    backupSteps,
    BACKUP_FORMAT_VERSION,
  );
  if (!migrated.ok) return migrated;
  const env = BackupEnvelopeSchema.safeParse(migrated.value);
  if (!env.success) return { ok: false, problems: zodProblems(env.error, migrated.value) };
  const assessments: Assessment[] = [];
  const skipped: SkippedItem[] = [];
  env.data.assessments.forEach((item, index) => {
    const a = readOne(item);
    if (a.ok) assessments.push(a.value);
    else
      skipped.push({
        index,
        title: titleOf(item),
        problems: a.problems.map((p) => ({
          ...p,
          path: p.path ? `assessments[${index}].${p.path}` : `assessments[${index}]`,
        })),
      });
  });
  return {
    ok: true,
    value: { kind: 'backup', assessments, skipped, createdAt: env.data.createdAt },
  };
}

/** What importing one assessment would do. */
export type ImportStatus =
  /** No assessment with this id here: it is simply added. */
  | 'new'
  /** The very same content is here already: nothing to do. */
  | 'identical'
  /** Another state of the same assessment is here: ask keep both / replace / cancel. */
  | 'conflict';

export interface ImportItem {
  incoming: Assessment;
  status: ImportStatus;
  /** The assessment it conflicts with (stored here, or earlier in the same import). */
  existing: Assessment | null;
}

/** The user's answer to a conflict. */
export type ImportDecision = 'keepBoth' | 'replace' | 'cancel';

/**
 * Compares incoming assessments with what is stored (looked up by id), and with each other: two
 * items of one import with the same id conflict too. Never decides a conflict itself.
 */
export async function planImport(
  incoming: readonly Assessment[],
  lookup: (id: string) => Promise<Assessment | null>,
): Promise<ImportItem[]> {
  const seen = new Map<string, Assessment>();
  const out: ImportItem[] = [];
  for (const a of incoming) {
    const existing = seen.get(a.id) ?? (await lookup(a.id));
    seen.set(a.id, a);
    let status: ImportStatus = 'new';
    if (existing) status = canonicalJson(existing) === canonicalJson(a) ? 'identical' : 'conflict';
    out.push({ incoming: a, status, existing });
  }
  return out;
}

/**
 * The assessment to store for an import item and the user's decision, or null when nothing is to
 * be stored. "Keep both" stores the incoming one under `newId`, with a history line saying so (and,
 * when it is signed, as its next unsigned version).
 */
export function resolveImport(
  item: ImportItem,
  decision: ImportDecision,
  opts: { newId: string; now: string },
): Assessment | null {
  if (item.status === 'identical') return null;
  if (item.status === 'new') return item.incoming;
  if (decision === 'cancel') return null;
  if (decision === 'replace') return item.incoming;
  // A copy is not the document that was signed (its id differs, so the seal would not hold): a
  // signed one becomes the next, unsigned version, its sign-offs shown as of a previous version.
  const base = isLocked(item.incoming)
    ? startNewVersion(item.incoming, { now: opts.now })
    : item.incoming;
  return {
    ...base,
    id: opts.newId,
    history: [
      ...base.history,
      { at: opts.now, action: 'importedAsCopy', detail: `copy of ${item.incoming.id}` },
    ],
  };
}
