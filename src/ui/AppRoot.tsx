import { StrictMode } from 'react';
import { App } from './App';
import { ServicesProvider, type Services } from './services';

/**
 * The whole React tree of the app. The composition root (src/main.tsx) renders or hydrates it, and
 * the build prerenders the start screen with it (src/ui/prerender.tsx): one tree for both, so the
 * markup in the HTML file is exactly what the app's first render gives.
 */
export function AppRoot({ services }: { services: Services }) {
  return (
    <StrictMode>
      <ServicesProvider services={services}>
        <App />
      </ServicesProvider>
    </StrictMode>
  );
}
