import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Assessment } from '../../core/assessment';
import type { Questionnaire } from '../../core/questionnaire';
import { summarize } from '../../core/assessment';
import type { Autosaver } from '../../storage/autosave';
import { AssessmentStore } from './assessment-store';
import { resolveAssessmentQuestionnaire } from '../questionnaires';
import type { FileProblem } from '../../core/files';
import { useServices } from '../services';

export interface Session {
  store: AssessmentStore;
  questionnaire: Questionnaire;
  /** Saves changes a moment after they happen; its status drives the save message. */
  autosaver: Autosaver;
  /** True when another tab edits this assessment: this one shows it read-only. */
  readOnly: boolean;
  /** The other tab has let go of this assessment: a reload makes it editable here. */
  otherTabReleased: boolean;
  /** Writes pending changes now (before export); resolves false when saving failed. */
  flush(): Promise<boolean>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('SessionProvider missing');
  return s;
}

export type FallbackState =
  'loading' | 'missing' | 'noQuestionnaire' | 'questionnaireInvalid' | 'unreadable' | 'tampered';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'unreadable'; message: string }
  /** A record of a passphrase-protected library that fails authentication: never shown. */
  | { kind: 'tampered' }
  | { kind: 'noQuestionnaire'; assessment: Assessment }
  /** Its questionnaire copy is refused by the validator: never opened or scored with it. */
  | { kind: 'questionnaireInvalid'; problems: FileProblem[] }
  | { kind: 'ready'; session: Session };

/** Opens an assessment by id for the screens below it, with the edit lock and autosave wired. */
export function SessionProvider({
  id,
  children,
  fallback,
}: {
  id: string;
  children: ReactNode;
  fallback: (state: FallbackState, problems?: readonly FileProblem[]) => ReactNode;
}) {
  const services = useServices();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [editableElsewhereEnded, setEditableElsewhereEnded] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let cleanup = () => {};
    void (async () => {
      const lock = await services.acquireEditLock(id, {
        // The tab that edited it let go: say so, and offer to reload to edit here.
        onAvailable: () => setEditableElsewhereEnded(true),
      });
      let assessment: Assessment | null;
      try {
        assessment = await services.repository.get(id);
      } catch (e) {
        // A record from a newer app or a damaged one: never a screen that keeps loading.
        lock.release();
        if (!cancelled)
          setState(
            (e as { code?: unknown } | null)?.code === 'tampered'
              ? { kind: 'tampered' }
              : { kind: 'unreadable', message: e instanceof Error ? e.message : String(e) },
          );
        return;
      }
      const resolved = assessment ? await resolveAssessmentQuestionnaire(assessment) : null;
      if (cancelled) {
        lock.release();
        return;
      }
      if (!assessment) {
        lock.release();
        return setState({ kind: 'missing' });
      }
      if (!resolved?.ok) {
        lock.release();
        return setState(
          resolved?.from
            ? { kind: 'questionnaireInvalid', problems: resolved.problems }
            : { kind: 'noQuestionnaire', assessment },
        );
      }
      const questionnaire = resolved.questionnaire;
      const store = new AssessmentStore(assessment, { now: services.now, readOnly: lock.readOnly });
      const autosaver = services.createAutosaver({
        summarize: (a) => summarize(a, questionnaire),
        readOnly: lock.readOnly,
      });
      store.onChange = (a, prev) => autosaver.schedule(a, prev);
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
          otherTabReleased: false,
          flush: () => autosaver.flush(),
        },
      });
    })();
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [id, services]);

  if (state.kind !== 'ready')
    return <>{fallback(state.kind, state.kind === 'questionnaireInvalid' ? state.problems : [])}</>;
  const session = editableElsewhereEnded
    ? { ...state.session, otherTabReleased: true }
    : state.session;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
