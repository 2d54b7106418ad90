import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from './router';
import { StartScreen } from './start/StartScreen';
import { NotFound } from './components/NotFound';
import { withTexts } from './i18n';

/**
 * Every screen but the start screen is its own chunk, loaded when first opened: the start screen's
 * JavaScript stays small (issue 8: ≤ 120 KB gzipped) and, in the single file, the other screens'
 * code is unpacked and compiled only when needed (docs/performance.md). The screens of an open
 * assessment come with their session in one more chunk (assessment-routes.tsx).
 */
const AssessmentRoutes = lazy(() =>
  withTexts(import('./assessment-routes')).then((m) => ({ default: m.AssessmentRoutes })),
);
const NewAssessmentScreen = lazy(() =>
  withTexts(import('./start/NewAssessmentScreen')).then((m) => ({
    default: m.NewAssessmentScreen,
  })),
);
const VerifyScreen = lazy(() =>
  withTexts(import('./verify/VerifyScreen')).then((m) => ({ default: m.VerifyScreen })),
);
const SettingsScreen = lazy(() =>
  withTexts(import('./settings/SettingsScreen')).then((m) => ({ default: m.SettingsScreen })),
);
const AboutScreen = lazy(() =>
  withTexts(import('./about/AboutScreen')).then((m) => ({ default: m.AboutScreen })),
);
const AccessibilityScreen = lazy(() =>
  withTexts(import('./accessibility/AccessibilityScreen')).then((m) => ({
    default: m.AccessibilityScreen,
  })),
);

/** Which view each route shows. Add a screen: one case here (or in assessment-routes.tsx). */
export function RouteView({ route }: { route: Route }) {
  return (
    <Suspense fallback={<Loading />}>
      <RouteSwitch route={route} />
    </Suspense>
  );
}

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('session.loading')}</p>;
}

function RouteSwitch({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <StartScreen />;
    case 'new':
      return <NewAssessmentScreen />;
    case 'step':
    case 'summary':
    case 'register':
    case 'actions':
    case 'signoff':
      return <AssessmentRoutes route={route} />;
    case 'settings':
      return <SettingsScreen />;
    case 'accessibility':
      return <AccessibilityScreen />;
    case 'about':
      return <AboutScreen />;
    case 'verify':
      return <VerifyScreen />;
    default:
      return <NotFound />;
  }
}
