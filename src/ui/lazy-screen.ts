import { lazy, type ComponentType } from 'react';

/**
 * Loading the screens' code (docs/performance.md). Every screen but the start screen is its
 * own chunk, loaded with the texts of every screen when first needed.
 *
 * Two things keep a screen from waiting longer than its code takes to load:
 * - `preloadRoute` starts loading a route's chunks together: opening an assessment directly (a
 *   reload on a step, a bookmark) needs the session (assessment-routes.tsx) and the screen, and
 *   would otherwise ask for the second only once the first has run.
 * - `lazyScreen` hands React a module that is already loaded at once. React.lazy otherwise suspends
 *   on the first render even then, shows the fallback, and React holds back the content for at least
 *   300 ms after a fallback appeared (its throttle against flickering) — measured: a reload on a step
 *   took 300 ms longer than its code needed.
 */
export interface Loader<M> {
  (): Promise<M>;
  /** The module, once loaded. */
  loaded(): M | undefined;
}

export function once<M>(load: () => Promise<M>): Loader<M> {
  let p: Promise<M> | null = null;
  let done: { module: M } | null = null;
  const get = (() =>
    (p ??= load().then(
      (module) => {
        done = { module };
        return module;
      },
      (e: unknown) => {
        p = null; // a later attempt may succeed
        throw e;
      },
    ))) as Loader<M>;
  get.loaded = () => done?.module;
  return get;
}

/** A lazy component from a loader; rendered without suspending once its module is loaded. */
export function lazyScreen<M, P extends object>(
  loader: Loader<M>,
  pick: (m: M) => ComponentType<P>,
) {
  type Loaded = { default: ComponentType<P> };
  const load = (): PromiseLike<Loaded> => {
    const m = loader.loaded();
    // A thenable that calls back at once: React.lazy then takes the module in the same render.
    if (m !== undefined)
      return {
        then: (ok: (v: Loaded) => unknown) => ok({ default: pick(m) }),
      } as PromiseLike<Loaded>;
    return loader().then((mod) => ({ default: pick(mod) }));
  };
  return lazy(load as () => Promise<Loaded>);
}
