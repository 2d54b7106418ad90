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
  put(assessment: Assessment, summary: AssessmentSummary): Promise<void>;
  delete(id: string): Promise<void>;
  versions(id: string): Promise<SavedVersion[]>;
  markExported(ids: string[], at: string): Promise<void>;
}

/** A repository in memory: for tests, and as the fallback when the browser's database is unavailable. */
export function createMemoryRepository(): AssessmentRepository {
  const items = new Map<string, { a: Assessment; s: AssessmentSummary; v: SavedVersion[] }>();
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
      items.set(a.id, { a: clone(a), s: clone(s), v });
    },
    async delete(id) {
      items.delete(id);
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
