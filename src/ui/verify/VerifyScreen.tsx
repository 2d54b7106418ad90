import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// Loaded when opened: the Verify screen is not part of the first screen's bundle.
const VerifyPage = lazy(() => import('./VerifyPage'));

/** `#/verify`. */
export function VerifyScreen() {
  const { t } = useTranslation('signing');
  return (
    <Suspense fallback={<p role="status">{t('loading')}</p>}>
      <VerifyPage />
    </Suspense>
  );
}
