import { createContext, useContext, type ReactNode } from 'react';
import type { Assessment } from '../core/assessment';
import type { AssessmentRepository, AssessmentSummary, StorageErrorCode } from '../core/assessment';
import type { Autosaver } from '../storage/autosave';
import type { EditLock, EditLockOptions } from '../storage/edit-lock';
import type { Recovery } from '../storage/idb-journal-replay';

/** The concrete adapters, wired once in the composition root (src/main.tsx); tests pass their own. */
export interface Services {
  repository: AssessmentRepository;
  /** Why the browser database could not be used, if it could not (the app then keeps work in memory). */
  storageProblem: StorageErrorCode | null;
  /**
   * The single file opened from disk (`file://`), whose storage other local HTML files share;
   * read from the location when not given (tests set it).
   */
  fileMode?: boolean;
  /** What the change journal held at start that the database did not, and what became of it. */
  recovered?: Recovery[];
  /**
   * Passphrase protection of the library (src/storage/idb-repository.ts); null where the browser
   * database cannot be used (nothing is kept to protect).
   */
  protection?: ProtectionControl | null;
  /** A debounced saver for the open assessment (src/storage/autosave.ts). */
  createAutosaver(opts: {
    summarize: (a: Assessment) => AssessmentSummary;
    readOnly: boolean;
  }): Autosaver;
  /** One editing tab per assessment (src/storage/edit-lock.ts). */
  acquireEditLock(id: string, opts?: EditLockOptions): Promise<EditLock>;
  now(): string;
  newId(): string;
}

export interface ProtectionControl {
  state(): 'off' | 'on' | 'enabling' | 'disabling';
  protect(passphrase: string): Promise<void>;
  changePassphrase(current: string, next: string): Promise<void>;
  unprotect(passphrase: string): Promise<void>;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  services: Services;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesProvider missing');
  return s;
}
