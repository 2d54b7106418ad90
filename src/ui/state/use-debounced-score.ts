import { useEffect, useState } from 'react';
import type { Questionnaire } from '../../core/questionnaire-schema';
import { score, type ScoreResult } from '../../core/scoring';
import type { AssessmentStore } from './assessment-store';

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
      timer = setTimeout(() => setResult(score(q, store.get())), delayMs);
    });
    return () => {
      unsub();
      if (timer) clearTimeout(timer);
    };
  }, [store, q, delayMs]);
  return result;
}
