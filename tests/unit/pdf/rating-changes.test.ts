/**
 * "What changed since version n" names the ratings that moved inside a risk, not only that the
 * risk changed: "R1 “…”: Kans 4 → 5, Ernst na maatregelen 4 → 3", in Dutch and English. New or
 * removed risks are not rating changes, and an unchanged risk gets no line. The builder
 * (`versionChanges`) and the PDF read back with pdftotext.
 */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/core/assessment';
import type { Questionnaire } from '../../../src/core/questionnaire';
import { addSignOff, startNewVersion } from '../../../src/core/signoff';
import { versionChanges } from '../../../src/core/signoff/versions';
import { renderReportPdf } from '../../../src/pdf/render';
import {
  fullText,
  GENERATED,
  miniQuestionnaire,
  sampleAssessment,
  squash,
  writeTemp,
} from './helpers';

const OPTS = { appVersion: '0.1.0', now: GENERATED, timeZone: 'UTC' };

/** Version 2 of the sample, started after both required roles signed version 1. */
async function version2(q: Questionnaire): Promise<Assessment> {
  let a: Assessment = {
    ...(await sampleAssessment()),
    redFlagResponses: {
      specialNoGround: 'Grondslag volgt.',
      soloDecision: 'Medewerker kijkt mee.',
    },
  };
  for (const [role, name, n] of [
    ['preparer', 'Anna de Vries', 1],
    ['approver', 'Bram Bakker', 2],
  ] as const) {
    a = await addSignOff(
      a,
      q,
      {
        role,
        name,
        function: 'Adviseur',
        organisation: 'Gemeente Voorbeeld',
        date: '2025-03-13',
        place: 'Utrecht',
        signature: { kind: 'typed', data: name },
      },
      { id: `s${n}`, now: `2025-03-13T12:0${n}:00.000Z` },
    );
  }
  return startNewVersion(a, { now: '2025-04-01T09:00:00.000Z', reason: 'Herbeoordeling.' });
}

/** r1's likelihood 4 → 5 and residual severity 4 → 3; r2 only gets a new title. */
function rerated(v2: Assessment): Assessment {
  return {
    ...v2,
    register: v2.register.map((r) =>
      r.id === 'r1'
        ? { ...r, likelihood: 5, residualSeverity: 3 }
        : { ...r, title: 'Besluit zonder menselijke blik (herzien)' },
    ),
  };
}

describe('rating changes inside a risk since the previous version', () => {
  it('the builder lists each moved rating of a kept risk, before and after', async () => {
    const q = miniQuestionnaire();
    const v2 = await version2(q);
    expect(versionChanges(v2, q, 'nl')?.ratings).toEqual([]);

    const c = versionChanges(rerated(v2), q, 'nl');
    expect(c?.ratings).toEqual([
      {
        risk: 'R1',
        title: 'Onrechtmatige verwerking van gezondheidsgegevens',
        changes: [
          { rating: 'likelihood', before: 4, after: 5 },
          { rating: 'residualSeverity', before: 4, after: 3 },
        ],
      },
    ]);

    // A risk added in version 2 has no earlier ratings: it is a changed risk, not a rating change.
    const added: Assessment = {
      ...v2,
      register: [...v2.register, { ...v2.register[0]!, id: 'r9', number: 9, likelihood: 1 }],
    };
    expect(versionChanges(added, q, 'nl')?.ratings).toEqual([]);
  });

  it('the PDF says "Kans 4 → 5" style lines under what changed, in Dutch and English', async () => {
    const q = miniQuestionnaire();
    const a = rerated(await version2(q));
    const nl = squash(fullText(writeTemp(await renderReportPdf(a, q, 'nl', OPTS))));
    expect(nl).toContain(squash('Wat is veranderd sinds versie 1'));
    expect(nl).toContain(
      squash(
        'R1 “Onrechtmatige verwerking van gezondheidsgegevens”: Kans 4 → 5, Ernst na maatregelen 4 → 3',
      ),
    );
    // r2 changed only its title: no rating line for it.
    expect(nl).not.toContain(squash('R2 “Besluit zonder menselijke blik (herzien)”:'));

    const en = squash(fullText(writeTemp(await renderReportPdf(a, q, 'en', OPTS))));
    expect(en).toContain(squash('What changed since version 1'));
    expect(en).toContain(
      squash(
        'R1 “Onrechtmatige verwerking van gezondheidsgegevens”: Likelihood 4 → 5, Severity after measures 4 → 3',
      ),
    );
  });
});
