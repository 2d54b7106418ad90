/**
 * The rescue journal. When a page is reloaded or closed, the browser aborts IndexedDB transactions
 * that have not committed yet, so a save started in `pagehide` may never land (measured in Chromium:
 * the last keystrokes were lost on reload). localStorage is written synchronously, so the autosaver
 * puts the states it has not saved yet there when the page is hidden or goes away, and the
 * repository writes them back through its normal, checked save path the next time it opens.
 *
 * Entries are small in number (one per assessment with unsaved changes) and removed as soon as a
 * save of that state (or a later one) succeeds.
 */
import type { Assessment } from '../core/assessment';
import type { AssessmentSummary } from '../core/assessment';
import { assessmentJson } from './serialize';

const PREFIX = 'fria-wizard:unsaved:';
const FORMAT = 1;

export interface JournalEntry {
  format: number;
  id: string;
  /** The assessment's updatedAt: a stored state at least this new makes the entry obsolete. */
  updatedAt: string;
  /** The assessment as file text. */
  json: string;
  summary: AssessmentSummary;
}

/** localStorage when the browser lets the app use it (a policy or private mode may not). */
export function defaultJournalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Writes the state synchronously; false when it could not (no storage, or it is full). */
export function writeJournal(
  storage: Storage | null,
  a: Assessment,
  summary: AssessmentSummary,
): boolean {
  if (!storage) return false;
  const entry: JournalEntry = {
    format: FORMAT,
    id: a.id,
    updatedAt: a.updatedAt,
    json: assessmentJson(a),
    summary,
  };
  try {
    storage.setItem(PREFIX + a.id, JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}

/** Removes the entry of `id` when a state at least as new as it has been saved. */
export function clearJournal(storage: Storage | null, id: string, savedUpdatedAt: string): void {
  if (!storage) return;
  try {
    const entry = parseEntry(storage.getItem(PREFIX + id));
    if (!entry || entry.updatedAt <= savedUpdatedAt) storage.removeItem(PREFIX + id);
  } catch {
    // Not fatal: an obsolete entry is recognised as such when it is replayed.
  }
}

function parseEntry(text: string | null): JournalEntry | null {
  if (text === null) return null;
  try {
    const e = JSON.parse(text) as Partial<JournalEntry> | null;
    if (
      e &&
      e.format === FORMAT &&
      typeof e.id === 'string' &&
      typeof e.updatedAt === 'string' &&
      typeof e.json === 'string' &&
      e.summary &&
      typeof e.summary === 'object'
    ) {
      return e as JournalEntry;
    }
  } catch {
    // Damaged: treated as absent.
  }
  return null;
}

/** Every readable entry, and the keys of damaged ones (left in place for diagnosis). */
export function readJournal(storage: Storage | null): JournalEntry[] {
  if (!storage) return [];
  const out: JournalEntry[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const e = parseEntry(storage.getItem(key));
      if (e && key === PREFIX + e.id) out.push(e);
    }
  } catch {
    return out;
  }
  return out;
}

/** Removes the entry whatever it holds (after it was written back, or found obsolete). */
export function dropJournal(storage: Storage | null, id: string): void {
  try {
    storage?.removeItem(PREFIX + id);
  } catch {
    // See clearJournal.
  }
}
