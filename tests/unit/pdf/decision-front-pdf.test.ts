/**
 * The decision (the conclusion) is on the cover and the summary page, so a reader does not have to
 * look for it further on: "Doorgaan onder voorwaarden" with its conditions, in Dutch and English.
 * A report without a conclusion says plainly that there is no decision yet and names none.
 * Read back with pdftotext, pages 1 and 2 only.
 */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/core/assessment';
import { buildReport } from '../../../src/core/report';
import { renderReportPdf } from '../../../src/pdf/render';
import {
  GENERATED,
  miniQuestionnaire,
  pageText,
  sampleAssessment,
  squash,
  writeTemp,
} from './helpers';

const OPTS = { appVersion: '0.1.0', now: GENERATED, timeZone: 'UTC' };

/** The text of pages 1 and 2, without white space. */
function frontPages(bytes: Uint8Array): { cover: string; summary: string } {
  const path = writeTemp(bytes);
  return { cover: squash(pageText(path, 1)), summary: squash(pageText(path, 2)) };
}

describe('the decision on the cover and the summary page', () => {
  it('names the decision and its conditions, in Dutch and English', async () => {
    const q = miniQuestionnaire();
    const a = await sampleAssessment();
    const nl = frontPages(await renderReportPdf(a, q, 'nl', OPTS));
    expect(nl.cover).toContain(squash('Besluit Doorgaan onder voorwaarden (2 voorwaarden'));
    expect(nl.summary).toContain(squash('Besluit: Doorgaan onder voorwaarden'));
    expect(nl.summary).toContain(squash('Onder deze voorwaarden:'));
    expect(nl.summary).toContain(squash('Grondslag vastgelegd'));
    expect(nl.summary).toContain(squash('Menselijke controle op elke afwijzing'));
    expect(nl.cover + nl.summary).not.toContain(squash('Nog geen besluit'));

    const en = frontPages(await renderReportPdf(a, q, 'en', OPTS));
    expect(en.cover).toContain(squash('Decision Proceed with conditions (2 conditions'));
    expect(en.summary).toContain(squash('Decision: Proceed with conditions'));
    expect(en.summary).toContain(squash('On these conditions:'));
    expect(en.summary).toContain(squash('Grondslag vastgelegd'));
  });

  it('a decision without conditions is named without a count', async () => {
    const q = miniQuestionnaire();
    const a: Assessment = {
      ...(await sampleAssessment()),
      conclusion: { decision: 'doNotProceed', reasoning: 'Geen grondslag.', conditions: [' '] },
    };
    const m = await buildReport(a, q, 'nl', {
      appVersion: '0.1.0',
      generatedAt: GENERATED.toISOString(),
    });
    expect(m.summary.decision).toMatchObject({
      recorded: true,
      text: 'Niet doorgaan',
      coverText: 'Niet doorgaan',
      note: null,
      conditions: [],
    });
    expect(m.cover.fields).toContainEqual({ label: 'Besluit', value: 'Niet doorgaan' });
  });

  it('without a conclusion says there is no decision yet, and implies none', async () => {
    const q = miniQuestionnaire();
    const { conclusion: _dropped, ...a } = await sampleAssessment();
    const nl = frontPages(await renderReportPdf(a, q, 'nl', OPTS));
    expect(nl.cover).toContain(squash('Besluit Nog geen besluit'));
    expect(nl.summary).toContain(squash('Besluit: Nog geen besluit'));
    expect(nl.summary).toContain(squash('De conclusie is nog niet vastgelegd.'));
    for (const decided of ['Doorgaan', 'Niet doorgaan'])
      expect(nl.cover + nl.summary).not.toContain(squash(decided));

    const en = frontPages(await renderReportPdf(a, q, 'en', OPTS));
    expect(en.cover).toContain(squash('Decision No decision yet'));
    expect(en.summary).toContain(squash('Decision: No decision yet'));
    expect(en.summary).toContain(squash('has not been recorded yet'));
    for (const decided of ['Proceed', 'Do not proceed'])
      expect(en.cover + en.summary).not.toContain(squash(decided));
  });
});
