/**
 * A dismissed proposal "stays visible in the report": in the report model and in the text
 * of the PDF, with its reason, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report/report';
import { renderReportPdf } from '../../src/pdf/render';
import { dismissProposal } from '../../src/core/register/proposals';
import {
  bodyText,
  GENERATED,
  miniQuestionnaire,
  sampleAssessment,
  squash,
  writeTemp,
} from './pdf/helpers';

const OPTS = { appVersion: '0.1.0', generatedAt: GENERATED.toISOString(), timeZone: 'UTC' };

describe('dismissed proposals in the report', () => {
  it('lists each dismissal with its reason, also when the risk register is empty', async () => {
    const q = miniQuestionnaire();
    const base = { ...(await sampleAssessment(q)), register: [] };
    const r = dismissProposal(
      base,
      'redFlag:specialNoGround',
      'Grondslag: artikel 9 lid 2 onder g AVG, zie advies FG van 3 maart',
      '2025-03-12T10:20:00.000Z',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.assessment;

    const model = await buildReport(a, q, 'nl', OPTS);
    expect(model.register.dismissed).toEqual([
      {
        title: 'Bijzondere gegevens zonder grondslag',
        domain: 'Privacy',
        reason: 'Grondslag: artikel 9 lid 2 onder g AVG, zie advies FG van 3 maart',
        current: expect.any(Boolean),
      },
    ]);

    for (const locale of ['nl', 'en'] as const) {
      const pdf = await renderReportPdf(a, q, locale, {
        appVersion: '0.1.0',
        now: GENERATED,
        timeZone: 'UTC',
      });
      const text = squash(bodyText(writeTemp(pdf)));
      expect(text).toContain(
        squash(locale === 'nl' ? 'Afgewezen voorstellen' : 'Dismissed proposals'),
      );
      expect(text).toContain(
        squash(
          locale === 'nl'
            ? 'Bijzondere gegevens zonder grondslag (Privacy)'
            : 'Special-category data without a legal basis (Privacy)',
        ),
      );
      expect(text).toContain(
        squash(
          `${locale === 'nl' ? 'Reden' : 'Reason'}: Grondslag: artikel 9 lid 2 onder g AVG, zie advies FG van 3 maart`,
        ),
      );
    }
  });

  it('adds nothing when no proposal was dismissed', async () => {
    const q = miniQuestionnaire();
    const model = await buildReport(await sampleAssessment(q), q, 'en', OPTS);
    expect(model.register.dismissed).toEqual([]);
  });
});
