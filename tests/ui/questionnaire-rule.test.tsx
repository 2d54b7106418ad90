/**
 * An assessment whose embedded questionnaire the validator refuses (a red flag with the level
 * "veryHihg") is never scored with that copy: import refuses the file with a clear message, and a
 * stored one opens to a page that says what is wrong instead of the wizard.
 */
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment/repository';
import { serializeAssessment } from '../../src/core/assessment/assessment';
import { brokenEmbedded } from '../unit/questionnaire-rule/broken-embedded';
import { renderApp, seedAssessment, testServices } from './harness';

const LOAD = { timeout: 10_000 };

describe('a questionnaire copy the validator refuses', { timeout: 30_000 }, () => {
  it('import refuses the file and says why; nothing is added', async () => {
    const repo = createMemoryRepository();
    await seedAssessment(repo);
    await renderApp(testServices(repo));
    const user = userEvent.setup();
    await screen.findByRole('region', { name: 'Verder met een beoordeling' }, LOAD);
    const input = screen.getByLabelText(
      'Bestanden importeren of terugzetten (.fria.json, back-up of pdf)',
    );
    const broken = await brokenEmbedded();
    await user.upload(input, [
      new File([serializeAssessment(broken)], 'broken.fria.json', { type: 'application/json' }),
    ]);
    const alert = await screen.findByRole('alert', {}, LOAD);
    expect(alert).toHaveTextContent('broken.fria.json: niet alles kon worden gelezen.');
    expect(alert).toHaveTextContent(
      'De vragenlijst in deze beoordeling ("mini" 1.0.0) klopt niet. Daarom wordt hij niet gebruikt',
    );
    expect(alert).toHaveTextContent('Onbekend niveau "veryHihg"');
    expect(screen.queryByText(/beoordeling toegevoegd/)).not.toBeInTheDocument();
    expect(await repo.get(broken.id)).toBeNull();
  });

  it('a stored one opens to a page that says what is wrong, not to the wizard', async () => {
    const repo = createMemoryRepository();
    const broken = await brokenEmbedded();
    await seedAssessment(repo, broken);
    await renderApp(testServices(repo), { lang: 'en', hash: `#/a/${broken.id}/summary` });
    const heading = await screen.findByRole(
      'heading',
      { name: 'This assessment cannot be opened with its questionnaire' },
      LOAD,
    );
    const page = heading.closest('div')!;
    expect(within(page).getByText(/Unknown level "veryHihg"/)).toBeInTheDocument();
  });
});
