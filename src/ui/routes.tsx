import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from './router';
import { href } from './router';
import { StartScreen } from './start/StartScreen';
import { SessionProvider } from './state/session';
import { PageHeading } from './components/PageHeading';
import { loadAllTexts } from './i18n';

/** A screen's module once it and the texts of every screen are loaded (see i18n.ts). */
async function withTexts<M>(module: Promise<M>): Promise<M> {
  const [m] = await Promise.all([module, loadAllTexts()]);
  return m;
}

/**
 * Every screen but the start screen is its own chunk, loaded when first opened: the start screen's
 * JavaScript stays small (issue 8: ≤ 120 KB gzipped) and, in the single file, the other screens'
 * code is unpacked and compiled only when needed (docs/performance.md).
 */
const NewAssessmentScreen = lazy(() =>
  withTexts(import('./start/NewAssessmentScreen')).then((m) => ({
    default: m.NewAssessmentScreen,
  })),
);
const WizardScreen = lazy(() =>
  withTexts(import('./wizard/WizardScreen')).then((m) => ({ default: m.WizardScreen })),
);
const SummaryScreen = lazy(() =>
  withTexts(import('./summary/SummaryScreen')).then((m) => ({ default: m.SummaryScreen })),
);
const RegisterScreen = lazy(() =>
  withTexts(import('./register/RegisterScreen')).then((m) => ({ default: m.RegisterScreen })),
);
const ActionPlanScreen = lazy(() =>
  withTexts(import('./register/ActionPlanScreen')).then((m) => ({ default: m.ActionPlanScreen })),
);
const SignOffScreen = lazy(() =>
  withTexts(import('./signing/SignOffScreen')).then((m) => ({ default: m.SignOffScreen })),
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

/**
 * Which view each route shows. Screens of an assessment (step, summary, register, signoff) live
 * inside a SessionProvider that opens the assessment and autosaves it. Add a screen: one case here.
 */
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
      return (
        <SessionProvider
          key={route.id}
          id={route.id}
          fallback={(s) => <SessionFallback state={s} />}
        >
          <AssessmentView route={route} />
        </SessionProvider>
      );
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

function AssessmentView({ route }: { route: Extract<Route, { id: string }> }) {
  switch (route.name) {
    case 'step':
      return <WizardScreen step={route.step} />;
    case 'summary':
      return <SummaryScreen />;
    case 'register':
      return <RegisterScreen />;
    case 'actions':
      return <ActionPlanScreen />;
    case 'signoff':
      return <SignOffScreen />;
    default:
      return <NotFound />;
  }
}

function SessionFallback({
  state,
}: {
  state: 'loading' | 'missing' | 'noQuestionnaire' | 'unreadable';
}) {
  const { t } = useTranslation();
  if (state === 'loading') return <p role="status">{t('session.loading')}</p>;
  return (
    <div className="stack">
      <PageHeading title={t(`session.${state}.title`)}>{t(`session.${state}.title`)}</PageHeading>
      <p>{t(`session.${state}.text`)}</p>
      <a href={href({ name: 'home' })}>{t('session.home')}</a>
    </div>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <a href={href({ name: 'home' })}>{t('session.home')}</a>
    </div>
  );
}
