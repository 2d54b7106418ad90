import { useCallback, useEffect, useRef } from 'react';

/**
 * Writes what is typed to the assessment a moment after typing stops (300 ms), so the summary is
 * not re-scored on every keystroke; `flush` writes at once (a field is left, a choice is made) and
 * runs when the component goes away, so nothing typed is dropped. `write` must be stable
 * (useCallback): it is the store update of the form that uses this.
 */
export function useDeferredWrite<T>(
  write: (value: T) => void,
  delayMs = 300,
): { schedule(value: T, now?: boolean): void; flush(): void } {
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const p = pending.current;
    pending.current = null;
    if (p) write(p.value);
  }, [write]);
  useEffect(() => flush, [flush]);
  const schedule = useCallback(
    (value: T, now = false) => {
      pending.current = { value };
      if (timer.current) clearTimeout(timer.current);
      if (now) flush();
      else timer.current = setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );
  return { schedule, flush };
}
