import { useEffect, useState } from 'react';
import type { Questionnaire } from '../../core/questionnaire';
import { score, type ScoreResult } from '../../core/scoring';
import type { AssessmentStore } from './assessment-store';

let measured = 0;

/**
 * A User Timing measure `fria:score` per debounced scoring run: `npm run bench` reads them to show
 * that scoring never runs while a key is being handled (docs/performance.md).
 */
function measure(start: number): void {
  try {
    // Entries stay until cleared: keep the buffer small in a tab that is open all day.
    if (++measured % 200 === 0) performance.clearMeasures('fria:score');
    performance.measure('fria:score', { start, end: performance.now() });
  } catch {
    // A diagnostic only.
  }
}

/**
 * The live score, recomputed a moment after the last change, so scoring is never on a keystroke's
 * critical path.
 */
export function useDebouncedScore(
  store: AssessmentStore,
  q: Questionnaire,
  delayMs = 250,
): ScoreResult {
  const [result, setResult] = useState(() => score(q, store.get()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsub = store.subscribe(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const t0 = performance.now();
        const next = score(q, store.get());
        measure(t0);
        setResult(next);
      }, delayMs);
    });
    return () => {
      unsub();
      if (timer) clearTimeout(timer);
    };
  }, [store, q, delayMs]);
  return result;
}
