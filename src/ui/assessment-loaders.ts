import { withTexts } from './i18n';
import { once } from './lazy-screen';

/** The screens of an open assessment, each its own chunk (see lazy-screen.ts). */
export const assessmentLoaders = {
  step: once(() => withTexts(import('./wizard/WizardScreen'))),
  summary: once(() => withTexts(import('./summary/SummaryScreen'))),
  register: once(() => withTexts(import('./register/RegisterScreen'))),
  actions: once(() => withTexts(import('./register/ActionPlanScreen'))),
  signoff: once(() => withTexts(import('./signing/SignOffScreen'))),
};
