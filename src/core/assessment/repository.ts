import type { Assessment } from './assessment-schema';

/** Status shown in the library. */
export type AssessmentStatus = 'draft' | 'inReview' | 'signed';

/** What the library lists without loading whole assessments. */
export interface AssessmentSummary {
  id: string;
  title: string;
  systemName: string;
  questionnaireId: string;
  questionnaireVersion: string;
  status: AssessmentStatus;
  overallLevel: string | null;
  updatedAt: string;
  /** When this assessment was last exported to a file or backup; null if never. */
  exportedAt: string | null;
  /**
   * Set when the stored record cannot be opened here: made by a newer version of the app, or
   * damaged. The library shows it (so the user knows it exists) but does not open or change it.
   */
  problem?: 'newerFormat' | 'corrupt' | 'tampered';
  /** The assessment's own version number (a new one starts after sign-off); set by the repository. */
  version?: number;
}

/** Why the repository could not do what was asked; the UI explains each code in plain words. */
export type StorageErrorCode =
  /** The browser offers no database here (private mode, a policy, an old browser). */
  | 'unavailable'
  /** The database is held by another tab with an older version of the app open. */
  | 'blocked'
  /** The disk or the browser's storage quota is full. */
  | 'quotaExceeded'
  /** A newer version of the app opened the database in another tab; this tab must reload. */
  | 'versionChange'
  /** The database was made by a newer version of the app; this app leaves it untouched. */
  | 'newerDatabase'
  /** This record was made by a newer version of the app; it is refused and left untouched. */
  | 'newerFormat'
  /** The stored record does not pass validation. */
  | 'corrupt'
  /** The assessment does not pass validation, so it is not written (a bug; the work stays in memory). */
  | 'invalid'
  /** A record of a passphrase-protected library failed authentication: changed outside the app. */
  | 'tampered'
  /** The library is protected with a passphrase and not unlocked in this tab. */
  | 'locked'
  /** Anything else the browser reported. */
  | 'failed';

/** The error every repository method rejects with. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface PutOptions {
  /**
   * Always keep the state before this write as a saved version, however recent (before a replace
   * on import, a questionnaire migration, or any step the user may want to go back on).
   */
  checkpoint?: boolean;
  /**
   * The number of the newest change journalled in the browser that this state contains (see the
   * storage's change journal); stored with it so that older journal records are never replayed
   * over it. Writes without it (library actions) keep the stored number.
   */
  revision?: number;
}

/** One earlier saved state of an assessment, kept so the user can go back. */
export interface SavedVersion {
  savedAt: string;
  assessment: Assessment;
}

/**
 * Where assessments are kept. The core defines it; src/storage implements it (IndexedDB), tests
 * use an in-memory one. Every write is all-or-nothing: a failed save leaves the previous state intact
 * and rejects with an error the UI can explain (e.g. a full disk).
 */
export interface AssessmentRepository {
  list(): Promise<AssessmentSummary[]>;
  get(id: string): Promise<Assessment | null>;
  /** Saves the assessment and its summary in one transaction, keeping a few earlier versions. */
  put(assessment: Assessment, summary: AssessmentSummary, options?: PutOptions): Promise<void>;
  /** Deletes an assessment; `restore` brings it back (with its versions) during this visit. */
  delete(id: string): Promise<void>;
  /** Undoes a delete; false when there is nothing to restore. */
  restore(id: string): Promise<boolean>;
  versions(id: string): Promise<SavedVersion[]>;
  markExported(ids: string[], at: string): Promise<void>;
}

/** A repository in memory: for tests, and as the fallback when the browser's database is unavailable. */
export function createMemoryRepository(): AssessmentRepository {
  type Item = { a: Assessment; s: AssessmentSummary; v: SavedVersion[] };
  const items = new Map<string, Item>();
  const deleted = new Map<string, Item>();
  const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  return {
    async list() {
      return [...items.values()].map((x) => clone(x.s));
    },
    async get(id) {
      const x = items.get(id);
      return x ? clone(x.a) : null;
    },
    async put(a, s) {
      const prev = items.get(a.id);
      const v = prev
        ? [{ savedAt: prev.a.updatedAt, assessment: prev.a }, ...prev.v].slice(0, 10)
        : [];
      // The export time belongs to the repository (markExported): a fresh summary must not erase it.
      const exportedAt = s.exportedAt ?? prev?.s.exportedAt ?? null;
      items.set(a.id, { a: clone(a), s: clone({ ...s, exportedAt, version: a.version }), v });
    },
    async delete(id) {
      const x = items.get(id);
      if (x) deleted.set(id, x);
      items.delete(id);
    },
    async restore(id) {
      const x = deleted.get(id);
      if (!x || items.has(id)) return false;
      items.set(id, x);
      deleted.delete(id);
      return true;
    },
    async versions(id) {
      return clone(items.get(id)?.v ?? []);
    },
    async markExported(ids, at) {
      for (const id of ids) {
        const x = items.get(id);
        if (x) x.s.exportedAt = at;
      }
    },
  };
}
