import { lazy, Suspense } from 'react';
import { useServices } from '../services';

// Loaded only when the journal held something (RecoveredDetails.tsx): the start screen does not
// carry its code otherwise (docs/performance.md).
const RecoveredDetails = lazy(() =>
  import('./RecoveredDetails').then((m) => ({ default: m.RecoveredDetails })),
);

/**
 * Says once, on any screen the app opens on, what became of changes that had not reached the
 * database when the page last closed (RecoveredDetails.tsx). The live region is in the page from
 * the start, so the text is announced when it arrives.
 */
export function RecoveredNotice() {
  const { recovered } = useServices();
  return (
    <div role="status" className="recovered-notice">
      {recovered && recovered.length > 0 ? (
        <Suspense fallback={null}>
          <RecoveredDetails recovered={recovered} />
        </Suspense>
      ) : null}
    </div>
  );
}
