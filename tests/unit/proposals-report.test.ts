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
    expect(model.register.proposals.filter((p) => p.status === 'dismissed')).toEqual([
      expect.objectContaining({
        title: 'Bijzondere gegevens zonder grondslag',
        domain: 'Privacy',
        reason: 'Grondslag: artikel 9 lid 2 onder g AVG, zie advies FG van 3 maart',
        current: true,
      }),
    ]);

    for (const locale of ['nl', 'en'] as const) {
      const pdf = await renderReportPdf(a, q, locale, {
        appVersion: '0.1.0',
        now: GENERATED,
        timeZone: 'UTC',
      });
      const text = squash(bodyText(writeTemp(pdf)));
      expect(text).toContain(
        squash(
          locale === 'nl'
            ? 'Voorgestelde risico’s en wat ermee is gedaan'
            : 'Proposed risks and what was done with them',
        ),
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
          `${locale === 'nl' ? 'Afgewezen. Reden' : 'Dismissed. Reason'}: Grondslag: artikel 9 lid 2 onder g AVG, zie advies FG van 3 maart`,
        ),
      );
    }
  });

  it('lists every proposal with its state: merged, taken in, dismissed and open', async () => {
    const q = miniQuestionnaire();
    const sample = await sampleAssessment(q);
    // r2 removed with its decision: the red flag "decision without a human" is open again.
    const { 'redFlag:soloDecision': _open, ...decided } = sample.proposals;
    const a = {
      ...sample,
      register: sample.register.filter((r) => r.id !== 'r2'),
      proposals: decided,
    };
    const model = await buildReport(a, q, 'nl', OPTS);
    expect(model.register.proposals.map((p) => [p.title, p.status, p.statusText])).toEqual([
      [
        'Bijzondere gegevens zonder grondslag',
        'merged',
        'Opgenomen in R1, samen met 1 ander voorstel.',
      ],
      ['Mogelijk risico voor Privacy', 'merged', 'Opgenomen in R1, samen met 1 ander voorstel.'],
      ['Besluit zonder mens', 'open', 'Open: nog niet behandeld.'],
    ]);
    for (const locale of ['nl', 'en'] as const) {
      const pdf = await renderReportPdf(a, q, locale, {
        appVersion: '0.1.0',
        now: GENERATED,
        timeZone: 'UTC',
      });
      const text = squash(bodyText(writeTemp(pdf)));
      expect(text).toContain(
        squash(locale === 'nl' ? 'Open: nog niet behandeld.' : 'Open: not handled yet.'),
      );
      expect(text).toContain(
        squash(
          locale === 'nl'
            ? 'Opgenomen in R1, samen met 1 ander voorstel.'
            : 'Taken into R1, together with 1 other proposal.',
        ),
      );
    }
  });

  it('says a proposal taken in on its own is in the register under its number', async () => {
    const q = miniQuestionnaire();
    const model = await buildReport(await sampleAssessment(q), q, 'en', OPTS);
    expect(model.register.proposals.filter((p) => p.status === 'accepted')).toEqual([
      expect.objectContaining({
        title: 'Decision without a human',
        statusText: 'Taken into the register as R2.',
      }),
    ]);
  });
});
