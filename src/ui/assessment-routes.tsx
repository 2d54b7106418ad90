import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from './router';
import { href } from './router';
import { SessionProvider, type FallbackState } from './state/session';
import { problemText, type FileProblem } from '../core/files';
import { PageHeading } from './components/PageHeading';
import { NotFound } from './components/NotFound';
import { lazyScreen } from './lazy-screen';
import { assessmentLoaders as loaders } from './assessment-loaders';

/**
 * The screens of one open assessment (step, summary, register, action plan, sign-off) inside the
 * SessionProvider that opens the assessment and autosaves it. This module, with the session and its
 * scoring and signing rules, loads when an assessment is first opened, not with the start screen
 * (docs/performance.md); each screen is again its own chunk (screen-loaders.ts).
 */
const WizardScreen = lazyScreen(loaders.step, (m) => m.WizardScreen);
const SummaryScreen = lazyScreen(loaders.summary, (m) => m.SummaryScreen);
const RegisterScreen = lazyScreen(loaders.register, (m) => m.RegisterScreen);
const ActionPlanScreen = lazyScreen(loaders.actions, (m) => m.ActionPlanScreen);
const SignOffScreen = lazyScreen(loaders.signoff, (m) => m.SignOffScreen);

export type AssessmentRoute = Extract<Route, { id: string }>;

export function AssessmentRoutes({ route }: { route: AssessmentRoute }) {
  useEffect(() => {
    // The screens that follow the wizard load in an idle moment, so that moving on to them
    // renders at once instead of waiting for their code.
    const preload = () => {
      void loaders.step().catch(() => {});
      void loaders.register().catch(() => {});
      void loaders.summary().catch(() => {});
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(preload, { timeout: 5000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(preload, 1000);
    return () => clearTimeout(timer);
  }, []);
  return (
    <SessionProvider
      key={route.id}
      id={route.id}
      fallback={(s, problems) => <SessionFallback state={s} problems={problems ?? []} />}
    >
      <AssessmentView route={route} />
    </SessionProvider>
  );
}

function AssessmentView({ route }: { route: AssessmentRoute }) {
  switch (route.name) {
    case 'step':
      return <WizardScreen step={route.step} />;
    case 'summary':
      return <SummaryScreen />;
    case 'register':
      return <RegisterScreen target={route.target} />;
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
  problems,
}: {
  state: FallbackState;
  problems: readonly FileProblem[];
}) {
  const { t, i18n } = useTranslation();
  if (state === 'loading') return <p role="status">{t('session.loading')}</p>;
  return (
    <div className="stack">
      <PageHeading title={t(`session.${state}.title`)}>{t(`session.${state}.title`)}</PageHeading>
      <p>{t(`session.${state}.text`)}</p>
      {problems.length > 0 && (
        <ul>
          {problems.slice(0, 10).map((p, i) => (
            <li key={i}>
              {p.path ? `${p.path}: ` : ''}
              {problemText(p, i18n.language)}
            </li>
          ))}
        </ul>
      )}
      <a href={href({ name: 'home' })}>{t('session.home')}</a>
    </div>
  );
}
