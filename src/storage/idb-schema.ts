/**
 * The shape of the IndexedDB database: its name, schema version, stores and the records they hold,
 * plus the faults a test can switch on. See docs/storage.md "The stores".
 */
import type { DBSchema, IDBPTransaction } from 'idb';
import type { AssessmentRecord } from './record-checks';
import type { SummaryRecord } from './summary-record';

export const DB_NAME = 'fria-wizard';
/** IndexedDB schema version: bump only with an `upgrade` step; an older app then refuses to open. */
export const DB_VERSION = 1;

/** An earlier state: the same shape as the current record. */
export type VersionRecord = AssessmentRecord;

export interface TrashRecord {
  recordFormat: number;
  id: string;
  deletedAt: string;
  record: AssessmentRecord;
  summary: SummaryRecord | null;
  versions: VersionRecord[];
}

export interface FriaDb extends DBSchema {
  assessments: { key: string; value: AssessmentRecord };
  summaries: { key: string; value: SummaryRecord };
  versions: { key: number; value: VersionRecord; indexes: { byAssessment: string } };
  trash: { key: string; value: TrashRecord };
  /** Small settings of the storage itself (reserved so a later need does not force an upgrade). */
  meta: { key: string; value: { key: string; value: unknown } };
}

export type WriteStore = 'assessments' | 'summaries' | 'versions' | 'trash' | 'meta';

/** The `meta` key holding an assessment's revision: the newest journalled change its stored state holds. */
export const revisionKey = (id: string) => `rev:${id}`;
export type WriteTx = IDBPTransaction<FriaDb, WriteStore[], 'readwrite'>;

/** Faults a test can switch on (see docs/storage.md "Test hooks"). */
export interface StorageFaults {
  /** Every put fails inside its transaction as if the disk were full (the transaction aborts). */
  quota?: boolean;
  /** Opening the database fails as in a private window where IndexedDB is switched off. */
  unavailable?: boolean;
  /**
   * Moving records into or out of sealed form (passphrase protection) stops, as if the tab died,
   * after this many records were written.
   */
  protectStopAfter?: number;
}

declare global {
  // The e2e tests set this from the page (page.evaluate) to simulate a full disk at any moment.
  var __friaStorageFaults: StorageFaults | undefined;
}

export type StorageEvent =
  /** Another tab opened a newer version of the app: this connection is closed; reload to go on. */
  | { kind: 'versionChange' }
  /** An older version of the app in another tab keeps the database from opening. */
  | { kind: 'blocked' }
  /** Another tab saved, deleted or restored these assessments. */
  | { kind: 'externalChange'; ids: string[] };
