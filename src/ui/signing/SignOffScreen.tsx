import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The screen's code (forms, signature drawing, PDF signing) loads when the screen is opened, so
// it stays out of the first screen's bundle.
const SignOffPage = lazy(() => import('./SignOffPage'));

/** `#/a/<id>/signoff`. */
export function SignOffScreen() {
  const { t } = useTranslation('signing');
  return (
    <Suspense fallback={<p role="status">{t('loading')}</p>}>
      <SignOffPage />
    </Suspense>
  );
}
