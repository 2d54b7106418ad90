// Composition root: wires the concrete adapters, starts the app. (zod is configured for the CSP by
// core/files/zod-setup.ts, which every module that uses zod imports; the start screen needs none.)
import { createRoot, hydrateRoot } from 'react-dom/client';
import { AppRoot } from './ui/AppRoot';
import { initI18n } from './ui/i18n';
import type { Services } from './ui/services';
import { openRepository } from './storage/idb-repository';
import { defaultChangeStorage } from './storage/change-journal';
import { newId } from './ui/ids';
import { parseRoute } from './ui/router';
import { preloadRoute } from './ui/screen-loaders';
import { UnlockScreen } from './ui/components/UnlockScreen';
import './ui/styles.css';

/**
 * The autosaver and the edit lock serve an open assessment only: their code loads with the first
 * edit lock, not at start (docs/performance.md). An assessment's session always takes its edit
 * lock before it creates its autosaver (src/ui/state/session.tsx), so the autosaver's code is there
 * by then.
 */
interface SessionStorage {
  createAutosaver: typeof import('./storage/autosave').createAutosaver;
  acquireEditLock: Services['acquireEditLock'];
}
let sessionStorage: SessionStorage | null = null;
let loadingSessionStorage: Promise<SessionStorage> | null = null;
function loadSessionStorage() {
  return (loadingSessionStorage ??= Promise.all([
    import('./storage/autosave'),
    import('./storage/edit-lock'),
  ]).then(([autosave, lock]) => {
    const loaded: SessionStorage = {
      createAutosaver: autosave.createAutosaver,
      acquireEditLock: lock.oneHolderPerTab(lock.acquireEditLock),
    };
    sessionStorage = loaded;
    return loaded;
  }));
}

async function start() {
  // A reload or bookmark on another screen than the start screen: its code loads meanwhile, so
  // that screen renders without a loading step (ui/screen-loaders.ts).
  const [i18n, opened] = await Promise.all([
    initI18n(),
    openRepository({
      // The library line of a state written back from the journal: loaded only when there is one.
      summarize: async (a) => {
        const [{ summarize }, { resolveQuestionnaire }] = await Promise.all([
          import('./core/assessment/summary'),
          import('./ui/questionnaires'),
        ]);
        const q = await resolveQuestionnaire(a);
        return q ? summarize(a, q) : null;
      },
    }),
    preloadRoute(parseRoute(window.location.hash)),
  ]);
  const idb = opened.idb;
  const root = document.getElementById('root')!;
  // A library protected with a passphrase opens locked: the passphrase first, then the app (its
  // journal is written back only after the unlock).
  let unlocked = false;
  if (idb?.locked()) {
    delete root.dataset.prerender;
    const gate = createRoot(root);
    await new Promise<void>((resolve) => {
      gate.render(<UnlockScreen unlock={(p) => idb.unlock(p)} onUnlocked={resolve} />);
    });
    gate.unmount();
    unlocked = true;
  }
  const services: Services = {
    repository: opened.repository,
    storageProblem: opened.problem,
    recovered: opened.idb?.recovered() ?? [],
    protection: idb
      ? {
          state: () => idb.protection(),
          protect: (p) => idb.protect(p),
          changePassphrase: (c, n) => idb.changePassphrase(c, n),
          unprotect: (p) => idb.unprotect(p),
        }
      : null,
    createAutosaver: (o) => {
      if (!sessionStorage) throw new Error('createAutosaver before the first acquireEditLock');
      return sessionStorage.createAutosaver({
        repository: opened.repository,
        ...o,
        // Changes are journalled only next to the browser's database (not on the memory fallback).
        journal: idb
          ? {
              storage: defaultChangeStorage(),
              revisionOf: (id) => idb.journalFrom(id),
              mirror: idb.mirror(),
              seal: idb.journalSeal(),
            }
          : null,
      });
    },
    acquireEditLock: async (id, o) => (await loadSessionStorage()).acquireEditLock(id, o),
    now: () => new Date().toISOString(),
    newId,
  };
  const app = <AppRoot services={services} />;
  // The built HTML holds the start screen as the app first renders it, in the language the start
  // script chose (scripts/prerender.ts, scripts/start-script.ts): React takes that markup over
  // (hydration), so nothing painted moves or flashes. Only when the first render is that same
  // markup: on the start screen (the link may have been followed before this point), in that
  // language, with no storage problem or recovered changes to show. Otherwise React replaces the markup in one commit.
  if (
    !unlocked &&
    root.dataset.prerender === i18n.language &&
    parseRoute(window.location.hash).name === 'home' &&
    !opened.problem &&
    services.recovered?.length === 0
  ) {
    hydrateRoot(root, app);
  } else {
    delete root.dataset.prerender;
    createRoot(root).render(app);
  }
}

void start();
