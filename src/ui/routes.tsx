import { useTranslation } from "react-i18next";
import type { Route } from "./router";
import { href } from "./router";
import { StartScreen } from "./start/StartScreen";
import { NewAssessmentScreen } from "./start/NewAssessmentScreen";
import { SessionProvider } from "./state/session";
import { WizardScreen } from "./wizard/WizardScreen";
import { SummaryScreen } from "./summary/SummaryScreen";
import { SettingsScreen } from "./settings/SettingsScreen";
import { PageHeading } from "./components/PageHeading";
import { AccessibilityScreen } from "./accessibility/AccessibilityScreen";
import { RegisterScreen } from "./register/RegisterScreen";
import { ActionPlanScreen } from "./register/ActionPlanScreen";
import { AboutScreen } from "./about/AboutScreen";
import { SignOffScreen } from "./signing/SignOffScreen";
import { VerifyScreen } from "./verify/VerifyScreen";

/**
 * Which view each route shows. Screens of an assessment (step, summary, register, signoff) live
 * inside a SessionProvider that opens the assessment and autosaves it. Add a screen: one case here.
 */
export function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case "home":
      return <StartScreen />;
    case "new":
      return <NewAssessmentScreen />;
    case "step":
    case "summary":
    case "register":
    case "actions":
    case "signoff":
      return (
        <SessionProvider
          key={route.id}
          id={route.id}
          fallback={(s) => <SessionFallback state={s} />}
        >
          <AssessmentView route={route} />
        </SessionProvider>
      );
    case "settings":
      return <SettingsScreen />;
    case "accessibility":
      return <AccessibilityScreen />;
    case "about":
      return <AboutScreen />;
    case "verify":
      return <VerifyScreen />;
    default:
      return <NotFound />;
  }
}

function AssessmentView({ route }: { route: Extract<Route, { id: string }> }) {
  switch (route.name) {
    case "step":
      return <WizardScreen step={route.step} />;
    case "summary":
      return <SummaryScreen />;
    case "register":
      return <RegisterScreen />;
    case "actions":
      return <ActionPlanScreen />;
    case "signoff":
      return <SignOffScreen />;
    default:
      return <NotFound />;
  }
}

function SessionFallback({
  state,
}: {
  state: "loading" | "missing" | "noQuestionnaire" | "unreadable";
}) {
  const { t } = useTranslation();
  if (state === "loading") return <p role="status">{t("session.loading")}</p>;
  return (
    <div className="stack">
      <PageHeading title={t(`session.${state}.title`)}>
        {t(`session.${state}.title`)}
      </PageHeading>
      <p>{t(`session.${state}.text`)}</p>
      <a href={href({ name: "home" })}>{t("session.home")}</a>
    </div>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading title={t("notFound.title")}>
        {t("notFound.title")}
      </PageHeading>
      <p>{t("notFound.text")}</p>
      <a href={href({ name: "home" })}>{t("session.home")}</a>
    </div>
  );
}
