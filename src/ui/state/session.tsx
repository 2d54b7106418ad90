import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Assessment } from '../../core/assessment-schema';
import type { Questionnaire } from '../../core/questionnaire-schema';
import { summarize } from '../../core/summary';
import type { Autosaver } from '../../storage/autosave';
import { AssessmentStore } from './assessment-store';
import { resolveQuestionnaire } from '../questionnaires';
import { useServices } from '../services';

export interface Session {
  store: AssessmentStore;
  questionnaire: Questionnaire;
  /** Saves changes a moment after they happen; its status drives the save message. */
  autosaver: Autosaver;
  /** True when another tab edits this assessment: this one shows it read-only. */
  readOnly: boolean;
  /** Writes pending changes now (before export); resolves false when saving failed. */
  flush(): Promise<boolean>;
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
  | { kind: 'ready'; session: Session };

/** Opens an assessment by id for the screens below it, with the edit lock and autosave wired. */
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

  useEffect(() => {
    let cancelled = false;
    let cleanup = () => {};
    void (async () => {
      const lock = await services.acquireEditLock(id);
      const assessment = await services.repository.get(id);
      const questionnaire = assessment ? await resolveQuestionnaire(assessment) : null;
      if (cancelled) {
        lock.release();
        return;
      }
      if (!assessment) {
        lock.release();
        return setState({ kind: 'missing' });
      }
      if (!questionnaire) {
        lock.release();
        return setState({ kind: 'noQuestionnaire', assessment });
      }
      const store = new AssessmentStore(assessment, { now: services.now, readOnly: lock.readOnly });
      const autosaver = services.createAutosaver({
        summarize: (a) => summarize(a, questionnaire),
        readOnly: lock.readOnly,
      });
      store.onChange = (a) => autosaver.schedule(a);
      cleanup = () => {
        void autosaver.dispose().finally(() => lock.release());
      };
      setState({
        kind: 'ready',
        session: {
          store,
          questionnaire,
          autosaver,
          readOnly: lock.readOnly,
          flush: () => autosaver.flush(),
        },
      });
    })();
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [id, services]);

  if (state.kind !== 'ready') return <>{fallback(state.kind)}</>;
  return <SessionContext.Provider value={state.session}>{children}</SessionContext.Provider>;
}
