import { withTexts } from './i18n';
import type { Route } from './router';
import { once, type Loader } from './lazy-screen';
import { assessmentLoaders } from './assessment-loaders';

export { lazyScreen } from './lazy-screen';

/**
 * Which chunks each route needs (docs/performance.md): every screen but the start screen is its
 * own chunk, loaded with the texts of every screen when first needed. The screens of an open
 * assessment are loaded by assessment-loaders.ts, which assessment-routes.tsx uses too: that way
 * this table and the screens it loads never import each other.
 */
export const loaders = {
  assessment: once(() => withTexts(import('./assessment-routes'))),
  new: once(() => withTexts(import('./start/NewAssessmentScreen'))),
  ...assessmentLoaders,
  verify: once(() => withTexts(import('./verify/VerifyScreen'))),
  settings: once(() => withTexts(import('./settings/SettingsScreen'))),
  about: once(() => withTexts(import('./about/AboutScreen'))),
  accessibility: once(() => withTexts(import('./accessibility/AccessibilityScreen'))),
};

/** The loaders of a route's chunks (none for the start screen, which is always loaded). */
function loadersOf(route: Route): Loader<unknown>[] {
  switch (route.name) {
    case 'step':
    case 'summary':
    case 'register':
    case 'actions':
    case 'signoff':
      return [loaders.assessment, loaders[route.name]];
    case 'new':
    case 'verify':
    case 'settings':
    case 'about':
    case 'accessibility':
      return [loaders[route.name]];
    default:
      return [];
  }
}

/** True when every chunk the route needs is loaded: it renders without waiting. */
export function routeLoaded(route: Route): boolean {
  return loadersOf(route).every((l) => l.loaded() !== undefined);
}

/** The chunks a route needs, all at once (a failure shows later, where the screen renders). */
export function preloadRoute(route: Route): Promise<void> {
  return Promise.all(loadersOf(route).map((l) => l())).then(
    () => undefined,
    () => undefined,
  );
}
