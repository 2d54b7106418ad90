// Composition root: wires the concrete adapters, starts the app. (zod is configured for the CSP by
// core/files/zod-setup.ts, which every module that uses zod imports; the start screen needs none.)
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { initI18n } from './ui/i18n';
import { ServicesProvider, type Services } from './ui/services';
import { openRepository } from './storage/idb-repository';
import { createAutosaver } from './storage/autosave';
import { acquireEditLock, oneHolderPerTab } from './storage/edit-lock';
import { newId } from './ui/ids';
import { parseRoute } from './ui/router';
import { preloadRoute } from './ui/screen-loaders';
import './ui/styles.css';

async function start() {
  // A reload or bookmark on another screen than the start screen: its code loads meanwhile, so
  // that screen renders without a loading step (ui/screen-loaders.ts).
  const [, opened] = await Promise.all([
    initI18n(),
    openRepository(),
    preloadRoute(parseRoute(window.location.hash)),
  ]);
  const services: Services = {
    repository: opened.repository,
    storageProblem: opened.problem,
    recovered: opened.idb?.recovered() ?? [],
    createAutosaver: (o) => createAutosaver({ repository: opened.repository, ...o }),
    acquireEditLock: oneHolderPerTab(acquireEditLock),
    now: () => new Date().toISOString(),
    newId,
  };
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ServicesProvider services={services}>
        <App />
      </ServicesProvider>
    </StrictMode>,
  );
}

void start();
