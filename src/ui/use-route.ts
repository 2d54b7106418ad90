import { useEffect, useState, useTransition } from 'react';
import { parseRoute, type Route } from './router';
import { routeLoaded } from './screen-loaders';

/**
 * The current route, following the address. A screen whose code is not loaded yet (its first
 * opening) is rendered as a transition: the current screen stays until the next one's code is in,
 * instead of a "loading" line that React would keep for at least 300 ms (its fallback throttle;
 * measured: every first opening of a screen took ~320 ms, now about the time its code needs;
 * docs/performance.md). `pending` is true meanwhile. A loaded screen renders at once, as any update.
 */
export function useRoute(): { route: Route; pending: boolean } {
  // No window when the build prerenders the start screen (src/ui/prerender.tsx): the start screen.
  const [hash, setHash] = useState(() =>
    typeof window === 'undefined' ? '' : window.location.hash,
  );
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
