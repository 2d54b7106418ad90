import { render } from '@testing-library/react';
import { App } from '../../src/ui/App';
import { initI18n } from '../../src/ui/i18n';
import { ServicesProvider, type Services } from '../../src/ui/services';
import {
  createMemoryRepository,
  type AssessmentRepository,
} from '../../src/core/assessment/repository';
import { createAutosaver } from '../../src/storage/autosave';
import { createAssessment } from '../../src/core/assessment/assessment';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';
import { summarize } from '../../src/core/assessment/summary';
import type { Questionnaire } from '../../src/core/questionnaire/questionnaire-schema';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import mini from '../fixtures/mini-questionnaire.json';

export function miniQuestionnaire(): Questionnaire {
  const r = validateQuestionnaire(structuredClone(mini));
  if (!r.valid) throw new Error('mini questionnaire invalid');
  return r.questionnaire;
}

let counter = 0;
export function testServices(
  repository: AssessmentRepository = createMemoryRepository(),
): Services {
  return {
    repository,
    storageProblem: null,
    createAutosaver: (o) =>
      createAutosaver({ repository, delayMs: 10, maxWaitMs: 50, events: null, ...o }),
    acquireEditLock: async () => ({ readOnly: false, mechanism: 'none', release() {} }),
    now: () => new Date(Date.UTC(2026, 10, 28, 12, 0, counter++)).toISOString(),
    newId: () => `test-${++counter}`,
  };
}

/** An assessment of the mini questionnaire (embedded), stored in the repository. */
export async function seedAssessment(
  repository: AssessmentRepository,
  patch: Partial<Assessment> = {},
): Promise<Assessment> {
  const q = miniQuestionnaire();
  const a = {
    ...(await createAssessment(
      q,
      {
        title: 'Test',
        systemName: 'Toeslagen-risicomodel',
        organisation: 'Gemeente Test',
        owner: 'Team A',
        locale: 'nl',
      },
      { id: 'a1', now: '2026-11-28T10:00:00.000Z' },
    )),
    ...patch,
  };
  await repository.put(a, summarize(a, q));
  return a;
}

export async function renderApp(
  services: Services,
  opts: { lang?: 'nl' | 'en'; hash?: string } = {},
) {
  await initI18n(opts.lang ?? 'nl');
  window.location.hash = opts.hash ?? '#/';
  return render(
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>,
  );
}
