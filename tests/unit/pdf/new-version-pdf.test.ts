/**
 * A new version made with no change does not make the document look suspect: the earlier
 * version's sign-offs print as one compact history table whose check says they match the kept
 * copy of version 1 (no "does not match" wording), the reason for the new version is printed, and
 * "what changed since version 1" says nothing changed. After an answer changes, it says which
 * answer and which final level moved. Read back with pdftotext, in Dutch and English.
 */
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../src/pdf/render';
import { addSignOff, startNewVersion } from '../../../src/core/signoff';
import { verifySeal, type Assessment } from '../../../src/core/assessment';
import type { Questionnaire } from '../../../src/core/questionnaire';
import {
  fullText,
  GENERATED,
  miniQuestionnaire,
  sampleAssessment,
  squash,
  writeTemp,
} from './helpers';

const OPTS = { appVersion: '0.1.0', now: GENERATED, timeZone: 'UTC' };

async function signedTwice(q: Questionnaire): Promise<Assessment> {
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
  return a;
}

describe('a new version in the PDF', () => {
  it('prints earlier sign-offs as a compact table that matches their version, and the reason', async () => {
    const q = miniQuestionnaire();
    const v2 = startNewVersion(await signedTwice(q), {
      now: '2025-04-01T09:00:00.000Z',
      reason: 'Jaarlijkse herbeoordeling.',
    });
    const seal = await verifySeal(v2);
    expect(seal.signOffs.map((s) => s.versionCopy)).toEqual(['matches', 'matches']);

    const nl = squash(fullText(writeTemp(await renderReportPdf(v2, q, 'nl', OPTS))));
    expect(nl).not.toContain(squash('klopt niet'));
    expect(nl).toContain(squash('Handtekeningen van eerdere versies'));
    expect(nl).toContain(squash('past bij de bewaarde kopie van versie 1'));
    expect(nl).toContain(squash('Reden: Jaarlijkse herbeoordeling.'));
    expect(nl).toContain(squash('Wat is veranderd sinds versie 1'));
    expect(nl).toContain(squash('Niets in de antwoorden, notities, het register'));
    // One table row per earlier signature, not a repeated signature block.
    expect(nl.split(squash('Bram Bakker')).length - 1).toBe(1);

    const en = squash(fullText(writeTemp(await renderReportPdf(v2, q, 'en', OPTS))));
    expect(en).not.toContain(squash('does not match'));
    expect(en).toContain(squash('matches the kept copy of version 1'));
    expect(en).toContain(squash('Reason: Jaarlijkse herbeoordeling.'));
    expect(en).toContain(squash('Nothing in the answers'));
  });

  it('says which answer and which final level changed since the previous version', async () => {
    const q = miniQuestionnaire();
    const v2 = startNewVersion(await signedTwice(q), {
      now: '2025-04-01T09:00:00.000Z',
      reason: 'Ander gebruik.',
    });
    const changed: Assessment = { ...v2, answers: { ...v2.answers, automated: 'advice' } };
    const nl = squash(fullText(writeTemp(await renderReportPdf(changed, q, 'nl', OPTS))));
    expect(nl).toContain(squash('Wat is veranderd sinds versie 1'));
    expect(nl).toContain(squash('Antwoord op "Hoe zelfstandig beslist het systeem?"'));
    expect(nl).toContain(squash('Autonomie: eindniveau Zeer hoog → Laag'));
  });
});
