import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from './router';
import { StartScreen } from './start/StartScreen';
import { NotFound } from './components/NotFound';
import { ScreenErrorBoundary } from './components/ScreenErrorBoundary';
import { lazyScreen, loaders, preloadRoute } from './screen-loaders';

/**
 * Every screen but the start screen is its own chunk, loaded when first opened: the start screen's
 * JavaScript stays small (at most 120 KB gzipped, docs/performance.md) and, in the single file, the other screens'
 * code is unpacked and compiled only when needed (docs/performance.md, screen-loaders.ts). The
 * screens of an open assessment come with their session in one more chunk (assessment-routes.tsx).
 */
const AssessmentRoutes = lazyScreen(loaders.assessment, (m) => m.AssessmentRoutes);
const NewAssessmentScreen = lazyScreen(loaders.new, (m) => m.NewAssessmentScreen);
const VerifyScreen = lazyScreen(loaders.verify, (m) => m.VerifyScreen);
const SettingsScreen = lazyScreen(loaders.settings, (m) => m.SettingsScreen);
const AboutScreen = lazyScreen(loaders.about, (m) => m.AboutScreen);
const AccessibilityScreen = lazyScreen(loaders.accessibility, (m) => m.AccessibilityScreen);

/** Which view each route shows. Add a screen: one case here (or in assessment-routes.tsx). */
export function RouteView({ route }: { route: Route }) {
  return (
    <ScreenErrorBoundary resetKey={JSON.stringify(route)}>
      <Suspense fallback={<Loading />}>
        <RouteSwitch route={route} />
      </Suspense>
    </ScreenErrorBoundary>
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
      // The session and the screen load together, not one after the other.
      void preloadRoute(route);
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
