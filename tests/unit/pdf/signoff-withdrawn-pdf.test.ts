/**
 * A withdrawn sign-off stays in the PDF: who signed, when it was withdrawn and why, read back with
 * pdftotext; the withdrawn signature no longer counts as a signature of this version.
 */
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../src/pdf/render';
import { addSignOff, withdrawSignOff } from '../../../src/core/signoff';
import type { Assessment } from '../../../src/core/assessment';
import {
  fullText,
  GENERATED,
  miniQuestionnaire,
  sampleAssessment,
  squash,
  writeTemp,
} from './helpers';

const OPTS = { appVersion: '0.1.0', now: GENERATED, timeZone: 'UTC' };

describe('withdrawn sign-offs in the PDF', () => {
  it('lists the withdrawal with its reason, in Dutch and English', async () => {
    const q = miniQuestionnaire();
    let a: Assessment = {
      ...(await sampleAssessment()),
      redFlagResponses: {
        specialNoGround: 'Grondslag volgt.',
        soloDecision: 'Medewerker kijkt mee.',
      },
    };
    a = await addSignOff(
      a,
      q,
      {
        role: 'preparer',
        name: 'Anna de Vries',
        function: 'Adviseur',
        organisation: 'Gemeente Voorbeeld',
        date: '2025-03-13',
        place: 'Utrecht',
        signature: { kind: 'typed', data: 'A. de Vries' },
      },
      { id: 's1', now: '2025-03-13T12:00:00.000Z' },
    );
    a = await withdrawSignOff(
      a,
      {
        signOffId: 's1',
        name: 'Anna de Vries',
        reason: 'Verkeerde versie gelezen.',
        date: '2025-03-14',
      },
      { id: 'w1', now: '2025-03-14T09:00:00.000Z' },
    );
    const nl = squash(fullText(writeTemp(await renderReportPdf(a, q, 'nl', OPTS))));
    expect(nl).toContain(squash('Ingetrokken ondertekeningen'));
    expect(nl).toContain(
      squash(
        'Anna de Vries (opsteller) tekende versie 1 op 13 maart 2025 en trok die ondertekening in op 14 maart 2025. Reden: Verkeerde versie gelezen.',
      ),
    );
    // Not shown as a signature of this version any more: the draft mark is back.
    expect(nl).toContain('CONCEPT');
    expect(nl).not.toContain(squash('Getypte naam: A. de Vries'));
    const en = squash(fullText(writeTemp(await renderReportPdf(a, q, 'en', OPTS))));
    expect(en).toContain(squash('Withdrawn sign-offs'));
    expect(en).toContain(squash('withdrew that sign-off on 14 March 2025. Reason:'));
  });
});
