import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Assessment } from '../../core/assessment-schema';
import type { Questionnaire } from '../../core/questionnaire-schema';
import { summarize } from '../../core/summary';
import { AssessmentStore } from './assessment-store';
import { resolveQuestionnaire } from '../questionnaires';
import { useServices, type Services } from '../services';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string };

export interface Session {
  store: AssessmentStore;
  questionnaire: Questionnaire;
  saveStatus: SaveStatus;
  /** Writes pending changes now (before export, on leaving the page). */
  flush(): Promise<void>;
}

const SAVE_DELAY_MS = 400;

/** Debounced saving of the open assessment; flushes when the page is hidden or closed. */
function createSaver(services: Services, q: Questionnaire, setStatus: (s: SaveStatus) => void) {
  let pending: Assessment | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  const write = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const a = pending;
    if (!a) return;
    pending = null;
    setStatus({ kind: 'saving' });
    try {
      await services.repository.put(a, summarize(a, q));
      setStatus({ kind: 'saved', at: a.updatedAt });
    } catch (e) {
      // Keep the latest state so that the next change or flush tries again; nothing is dropped.
      pending ??= a;
      setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const flush = () => (running = running.then(write));
  return {
    schedule(a: Assessment) {
      pending = a;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    flush,
  };
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('SessionProvider missing');
  return s;
}

type LoadState =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'noQuestionnaire'; assessment: Assessment }
  | {
      kind: 'ready';
      store: AssessmentStore;
      questionnaire: Questionnaire;
      flush: () => Promise<void>;
    };

/** Opens an assessment by id for the screens below it, with autosave wired. */
export function SessionProvider({
  id,
  children,
  fallback,
}: {
  id: string;
  children: ReactNode;
  fallback: (state: 'loading' | 'missing' | 'noQuestionnaire') => ReactNode;
}) {
  const services = useServices();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ kind: 'idle' });

  useEffect(() => {
    let cancelled = false;
    let cleanup = () => {};
    void (async () => {
      const assessment = await services.repository.get(id);
      if (cancelled) return;
      if (!assessment) return setState({ kind: 'missing' });
      const questionnaire = await resolveQuestionnaire(assessment);
      if (cancelled) return;
      if (!questionnaire) return setState({ kind: 'noQuestionnaire', assessment });
      const store = new AssessmentStore(assessment, { now: services.now });
      const saver = createSaver(services, questionnaire, setSaveStatus);
      store.onChange = (a) => saver.schedule(a);
      const onHide = () => {
        if (document.visibilityState === 'hidden') void saver.flush();
      };
      const onPageHide = () => void saver.flush();
      document.addEventListener('visibilitychange', onHide);
      window.addEventListener('pagehide', onPageHide);
      cleanup = () => {
        document.removeEventListener('visibilitychange', onHide);
        window.removeEventListener('pagehide', onPageHide);
        void saver.flush();
      };
      setState({ kind: 'ready', store, questionnaire, flush: saver.flush });
    })();
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [id, services]);

  if (state.kind !== 'ready') return <>{fallback(state.kind)}</>;
  return (
    <SessionContext.Provider
      value={{
        store: state.store,
        questionnaire: state.questionnaire,
        saveStatus,
        flush: state.flush,
      }}
    >
      {children}
    </SessionContext.Provider>
  );
}
