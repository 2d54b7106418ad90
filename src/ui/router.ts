import { useEffect, useState, useTransition } from 'react';
import { routeLoaded } from './screen-loaders';

/**
 * Hash routes (the app must work from file://, where there is no server to rewrite paths):
 *   #/                         start / library
 *   #/new                      new assessment
 *   #/a/<id>/step/<n>          wizard step n (0-based over all sections)
 *   #/a/<id>/summary           summary and export
 *   #/a/<id>/register          risk register
 *   #/a/<id>/actions           action plan (all measures of the register)
 *   #/a/<id>/signoff           sign-off and signing
 *   #/verify, #/settings, #/about, #/accessibility
 */
export type Route =
  | { name: 'home' }
  | { name: 'new' }
  | { name: 'step'; id: string; step: number }
  | { name: 'summary'; id: string }
  | { name: 'register'; id: string }
  | { name: 'actions'; id: string }
  | { name: 'signoff'; id: string }
  | { name: 'verify' }
  | { name: 'settings' }
  | { name: 'about' }
  | { name: 'accessibility' }
  | { name: 'notFound'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'home' };
  const [a, b, c, d] = parts;
  if (parts.length === 1) {
    if (
      a === 'new' ||
      a === 'verify' ||
      a === 'settings' ||
      a === 'about' ||
      a === 'accessibility'
    ) {
      return { name: a };
    }
  }
  if (a === 'a' && b) {
    if (c === 'step' && d !== undefined && /^\d+$/.test(d))
      return { name: 'step', id: b, step: Number(d) };
    if (c === 'summary' || c === 'register' || c === 'signoff' || c === 'actions')
      return { name: c, id: b };
    if (c === undefined) return { name: 'step', id: b, step: 0 };
  }
  return { name: 'notFound', path };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'step':
      return `#/a/${encodeURIComponent(route.id)}/step/${route.step}`;
    case 'summary':
    case 'register':
    case 'actions':
    case 'signoff':
      return `#/a/${encodeURIComponent(route.id)}/${route.name}`;
    case 'notFound':
      return `#${route.path}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  const target = href(route);
  if (window.location.hash !== target) window.location.hash = target;
}

/**
 * The current route, following the address. A screen whose code is not loaded yet (its first
 * opening) is rendered as a transition: the current screen stays until the next one's code is in,
 * instead of a "loading" line that React would keep for at least 300 ms (its fallback throttle;
 * measured: every first opening of a screen took ~320 ms, now about the time its code needs;
 * docs/performance.md). `pending` is true meanwhile. A loaded screen renders at once, as any update.
 */
export function useRoute(): { route: Route; pending: boolean } {
  const [hash, setHash] = useState(() => window.location.hash);
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    const update = () => {
      const next = window.location.hash;
      if (routeLoaded(parseRoute(next))) setHash(next);
      else startTransition(() => setHash(next));
    };
    window.addEventListener('hashchange', update);
    update(); // the address may have changed before this effect ran
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return { route: parseRoute(hash), pending };
}
