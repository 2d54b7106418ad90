/**
 * What the library's buttons do, apart from how they look: export, backup, duplicate, delete and
 * undo, going back to an earlier version, and importing with conflict choices. Every change to an
 * assessment first takes its edit lock, so the library never overwrites a tab that is editing it.
 */
import type { Assessment } from '../../core/assessment';
import { serializeAssessment } from '../../core/assessment';
import {
  createBackup,
  planImport,
  resolveImport,
  serializeBackup,
  type ImportDecision,
  type ImportItem,
} from '../../core/assessment';
import { StorageError, type AssessmentSummary, type StorageErrorCode } from '../../core/assessment';
import { summarize } from '../../core/assessment';
import { resolveQuestionnaire } from '../questionnaires';
import { startCarried, type CarryStarted } from '../state/carry-start';
import type { Services } from '../services';
import { assessmentFileName } from './library-model';
import type { Questionnaire } from '../../core/questionnaire';
import { migrateToQuestionnaire, type QuestionnaireMigration } from '../../core/questionnaire';
import { isLocked, startNewVersion } from '../../core/signoff';

/** Why an action could not be done. */
export type ActionError =
  StorageErrorCode | 'busyElsewhere' | 'notFound' | 'otherQuestionnaire' | 'sameVersion';

export class LibraryActionError extends Error {
  constructor(readonly code: ActionError) {
    super(code);
  }
}

function codeOf(e: unknown): ActionError {
  if (e instanceof LibraryActionError) return e.code;
  if (e instanceof StorageError) return e.code;
  return 'failed';
}

/** Runs `fn` while holding the assessment's edit lock; refuses when another tab edits it. */
async function withLock<T>(s: Services, id: string, fn: () => Promise<T>): Promise<T> {
  const lock = await s.acquireEditLock(id);
  try {
    if (lock.readOnly) throw new LibraryActionError('busyElsewhere');
    return await fn();
  } finally {
    lock.release();
  }
}

async function store(s: Services, a: Assessment, checkpoint = false): Promise<void> {
  const q = await resolveQuestionnaire(a);
  await s.repository.put(a, summarize(a, q), { checkpoint });
}

export type Result<T = void> = { ok: true; value: T } | { ok: false; error: ActionError };

async function attempt<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return { ok: false, error: codeOf(e) };
  }
}

/** The file for one assessment (name and text), and it is recorded as exported. */
export function exportOne(
  s: Services,
  id: string,
): Promise<Result<{ name: string; text: string }>> {
  return attempt(async () => {
    const a = await s.repository.get(id);
    if (!a) throw new LibraryActionError('notFound');
    const file = { name: assessmentFileName(a), text: serializeAssessment(a) };
    await s.repository.markExported([id], s.now()).catch(() => {
      // The file is made; failing to note the time only means a reminder too many.
    });
    return file;
  });
}

/** The file for an earlier saved state of an assessment (not recorded as an export). */
export function exportVersion(a: Assessment): Promise<{ name: string; text: string }> {
  return Promise.resolve({ name: assessmentFileName(a), text: serializeAssessment(a) });
}

/**
 * A copy of an assessment under a new id that starts a new version: the original stays exactly as it
 * was (signed or not); earlier sign-offs show in the copy as "signed a previous version".
 */
export function duplicateAsNewVersion(
  a: Assessment,
  opts: { newId: string; now: string },
): Assessment {
  const copy = startNewVersion({ ...a, id: opts.newId, createdAt: opts.now }, { now: opts.now });
  return {
    ...copy,
    history: [
      ...copy.history,
      { at: opts.now, action: 'duplicated', detail: `from ${a.id} v${a.version}` },
    ],
  };
}

/**
 * The text of a record this app cannot open (newer format, damaged), when the repository can give
 * it: "export anyway" so the user can take it to a newer app or ask for help.
 */
export function exportUnreadable(
  s: Services,
  summary: AssessmentSummary,
): Promise<Result<{ name: string; text: string }>> {
  return attempt(async () => {
    const repo = s.repository as { exportText?: (id: string) => Promise<string | null> };
    const text = repo.exportText ? await repo.exportText(summary.id) : null;
    if (text === null) throw new LibraryActionError('notFound');
    const name = assessmentFileName({
      meta: {
        title: summary.title,
        systemName: summary.systemName,
        organisation: '',
        owner: '',
        locale: '',
      },
      version: summary.version ?? 1,
    });
    return { name, text };
  });
}

/**
 * One backup file with every assessment this app can read; records it cannot read (from a newer
 * app) are included as they are, so a newer app can restore them. Marks all as exported.
 */
export function exportAll(
  s: Services,
  app: string,
): Promise<Result<{ text: string; count: number }>> {
  return attempt(async () => {
    const list = await s.repository.list();
    const readable: Assessment[] = [];
    const raw: unknown[] = [];
    const repo = s.repository as { exportText?: (id: string) => Promise<string | null> };
    for (const item of list) {
      if (item.problem) {
        const text = repo.exportText ? await repo.exportText(item.id) : null;
        if (text !== null) {
          try {
            raw.push(JSON.parse(text) as unknown);
          } catch {
            // A damaged record that is not even JSON cannot go into a JSON backup.
          }
        }
        continue;
      }
      const a = await s.repository.get(item.id);
      if (a) readable.push(a);
    }
    const backup = createBackup(readable, { now: s.now(), app });
    const text = serializeBackup({
      ...backup,
      assessments: [...backup.assessments, ...(raw as Assessment[])],
    });
    await s.repository
      .markExported(
        readable.map((a) => a.id),
        backup.createdAt,
      )
      .catch(() => {});
    return { text, count: readable.length + raw.length };
  });
}

/** Copies an assessment under a new id as its next version; the original stays as it is. */
export function duplicate(s: Services, id: string): Promise<Result<Assessment>> {
  return attempt(async () => {
    const a = await s.repository.get(id);
    if (!a) throw new LibraryActionError('notFound');
    const copy = duplicateAsNewVersion(a, { newId: s.newId(), now: s.now() });
    await store(s, copy);
    return copy;
  });
}

/** Starts the assessment `sourceQ` carries this one's answers into (ui/state/carry-start.ts). */
export function startWithCarriedAnswers(
  s: Services,
  id: string,
  sourceQ: Questionnaire,
): Promise<Result<CarryStarted>> {
  return attempt(async () => {
    const r = await startCarried(s, id, sourceQ);
    if (r === 'notFound') throw new LibraryActionError('notFound');
    if (r === 'noTarget') throw new LibraryActionError('otherQuestionnaire');
    return r;
  });
}

export function remove(s: Services, id: string): Promise<Result> {
  return attempt(() => withLock(s, id, () => s.repository.delete(id)));
}

/** Undoes a delete; false when it could not (e.g. an assessment with that id came back meanwhile). */
export function undoRemove(s: Services, id: string): Promise<Result<boolean>> {
  return attempt(() => s.repository.restore(id));
}

/** Makes an earlier saved state current again; the state before it is kept as a version. */
export function restoreVersion(s: Services, version: Assessment, savedAt: string): Promise<Result> {
  return attempt(() =>
    withLock(s, version.id, async () => {
      const now = s.now();
      const back: Assessment = {
        ...version,
        updatedAt: now,
        history: [...version.history, { at: now, action: 'restoredVersion', detail: savedAt }],
      };
      await store(s, back, true);
    }),
  );
}

export interface ImportStart {
  /** Stored right away: not here before. */
  added: Assessment[];
  /** Already here with the very same content. */
  identical: Assessment[];
  /** Here in another state: the user chooses. */
  conflicts: ImportItem[];
  /** New ones that could not be stored, with the reason. */
  failed: { assessment: Assessment; error: ActionError }[];
}

/** Stores what is new, skips what is identical, and returns the conflicts for the user to decide. */
export async function startImport(s: Services, incoming: Assessment[]): Promise<ImportStart> {
  const plan = await planImport(incoming, async (id) => {
    try {
      return await s.repository.get(id);
    } catch {
      // Here but unreadable (e.g. from a newer app): storing over it will be refused and reported.
      return null;
    }
  });
  const out: ImportStart = { added: [], identical: [], conflicts: [], failed: [] };
  for (const item of plan) {
    if (item.status === 'identical') out.identical.push(item.incoming);
    else if (item.status === 'conflict') out.conflicts.push(item);
    else {
      const r = await attempt(() => store(s, item.incoming));
      if (r.ok) out.added.push(item.incoming);
      else out.failed.push({ assessment: item.incoming, error: r.error });
    }
  }
  // They came from a file: that file is their export.
  if (out.added.length > 0) {
    await s.repository
      .markExported(
        out.added.map((a) => a.id),
        s.now(),
      )
      .catch(() => {});
  }
  return out;
}

export interface ImportDecided {
  keptBoth: Assessment[];
  replaced: Assessment[];
  cancelled: Assessment[];
  failed: { assessment: Assessment; error: ActionError }[];
}

/** Carries out the user's choice for each conflict. "Replace" keeps the state it replaces as a version. */
export async function finishImport(
  s: Services,
  decisions: { item: ImportItem; decision: ImportDecision }[],
): Promise<ImportDecided> {
  const out: ImportDecided = { keptBoth: [], replaced: [], cancelled: [], failed: [] };
  for (const { item, decision } of decisions) {
    const a = resolveImport(item, decision, { newId: s.newId(), now: s.now() });
    if (!a) {
      out.cancelled.push(item.incoming);
      continue;
    }
    const r =
      decision === 'replace'
        ? await attempt(() => withLock(s, a.id, () => store(s, a, true)))
        : await attempt(() => store(s, a));
    if (!r.ok) out.failed.push({ assessment: item.incoming, error: r.error });
    else if (decision === 'replace') {
      out.replaced.push(a);
      await s.repository.markExported([a.id], s.now()).catch(() => {});
    } else out.keptBoth.push(a);
  }
  return out;
}

export interface QuestionnaireMove {
  migration: QuestionnaireMigration;
  /** The questionnaire the answers were given under (for the labels of what was set aside). */
  from: Questionnaire | null;
  /** True when the assessment was signed and the move started its next version. */
  newVersion: boolean;
}

/**
 * Moves an assessment to another version of its questionnaire: answers carry over by question id,
 * the rest is set aside in the assessment (core/questionnaire/questionnaire-migration.ts). A signed assessment
 * first starts its next version. The state before is kept as an earlier version to go back to.
 */
export function moveToQuestionnaire(
  s: Services,
  id: string,
  to: Questionnaire,
): Promise<Result<QuestionnaireMove>> {
  return attempt(() =>
    withLock(s, id, async () => {
      const stored = await s.repository.get(id);
      if (!stored) throw new LibraryActionError('notFound');
      const from = await resolveQuestionnaire(stored);
      const now = s.now();
      const newVersion = isLocked(stored);
      const base = newVersion ? startNewVersion(stored, { now }) : stored;
      const r = await migrateToQuestionnaire(base, to, {
        now,
        ...(from ? { from } : {}),
      });
      if (!r.ok) {
        throw new LibraryActionError(r.reason === 'signed' ? 'failed' : r.reason);
      }
      await store(s, r.value.assessment, true);
      return { migration: r.value, from, newVersion };
    }),
  );
}
