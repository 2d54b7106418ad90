/**
 * The route table, a leaf module: screens import it for links (href, navigate) without importing
 * the code that loads screens (use-route.ts, screen-loaders.ts), so no import runs in a circle.
 *
 * Hash routes (the app must work from file://, where there is no server to rewrite paths):
 *   #/                         start / library
 *   #/new                      new assessment
 *   #/a/<id>/step/<n>          wizard step n (0-based over all sections)
 *   #/a/<id>/summary           summary and export
 *   #/a/<id>/register          risk register
 *   #/a/<id>/register/<target> risk register, scrolled to and focusing the element with that id
 *   #/a/<id>/actions           action plan (all measures of the register)
 *   #/a/<id>/signoff           sign-off and signing
 *   #/verify, #/settings, #/about, #/accessibility
 */
export type Route =
  | { name: 'home' }
  | { name: 'new' }
  | { name: 'step'; id: string; step: number }
  | { name: 'summary'; id: string }
  | { name: 'register'; id: string; target?: string }
  | { name: 'actions'; id: string }
  | { name: 'signoff'; id: string }
  | { name: 'verify' }
  | { name: 'settings' }
  | { name: 'about' }
  | { name: 'accessibility' }
  | { name: 'notFound'; path: string };

export function parseRoute(hash: string): Route {
  // "?field=<id>" names a field to go to on the screen (see fieldInAddress); not part of the route.
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    // A malformed % escape (e.g. typed or cut off in a link): an address that does not exist.
    return { name: 'notFound', path };
  }
  if (parts.length === 0) return { name: 'home' };
  // The skip link's own target (#main): followed as a plain link on the prerendered start screen
  // before the app ran. It stays the start screen, not an address that does not exist.
  if (hash === '#main') return { name: 'home' };
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
    if (c === 'register' && d !== undefined && parts.length === 4)
      return { name: 'register', id: b, target: d };
    if (c === 'summary' || c === 'register' || c === 'signoff' || c === 'actions')
      return { name: c, id: b };
    if (c === undefined) return { name: 'step', id: b, step: 0 };
  }
  return { name: 'notFound', path };
}

/** The address of a route; with `field`, of one field on its screen (focused when it opens). */
export function href(route: Route, field?: string): string {
  const base = routeHref(route);
  return field ? `${base}?field=${encodeURIComponent(field)}` : base;
}

/** The element id named by the address's "?field=" part, if any. */
export function fieldInAddress(hash: string = window.location.hash): string | null {
  const q = hash.indexOf('?');
  if (q < 0) return null;
  try {
    return new URLSearchParams(hash.slice(q + 1)).get('field');
  } catch {
    return null;
  }
}

function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'step':
      return `#/a/${encodeURIComponent(route.id)}/step/${route.step}`;
    case 'register':
      return `#/a/${encodeURIComponent(route.id)}/register${
        route.target ? `/${encodeURIComponent(route.target)}` : ''
      }`;
    case 'summary':
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
