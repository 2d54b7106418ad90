/**
 * The seal's words in the PDF match what is proven when the page is drawn, which is before any
 * digital signature: "internally consistent when this PDF was made", with the proof of "unchanged
 * since" and "who" left to a digital signature — also in a PDF that is then signed, so its words
 * never contradict the signature. Read as a reader sees it (pdftotext), in Dutch and English.
 * Certificates are made with openssl at test time; no private key is committed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../../src/pdf/render';
import { signPdf } from '../../../src/signing/pades';
import { verifyPdf } from '../../../src/signing/verify';
import { reportLines } from '../../../src/signing/verify-text';
import { addSignOff } from '../../../src/core/signoff/signoff';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import {
  GENERATED,
  fullText,
  miniQuestionnaire,
  sampleAssessment,
  squash,
  writeTemp,
} from './helpers';
import {
  makeCa,
  makeLeaf,
  P12_PASSWORD,
  removeTempDirs,
  type TestCa,
  type TestLeaf,
} from '../signing/certs';

const OPTS = { appVersion: '0.1.0', now: GENERATED, timeZone: 'UTC' };
let signedOff: Assessment;
let ca: TestCa;
let anna: TestLeaf;

afterAll(removeTempDirs);
beforeAll(async () => {
  ca = makeCa();
  anna = makeLeaf(ca, { name: 'Anna de Vries' });
  let a: Assessment = {
    ...(await sampleAssessment()),
    redFlagResponses: {
      specialNoGround: 'Grondslag volgt.',
      soloDecision: 'Medewerker kijkt mee.',
    },
  };
  for (const [i, role] of ['preparer', 'approver'].entries()) {
    a = await addSignOff(
      a,
      miniQuestionnaire(),
      {
        role,
        name: ['Anna de Vries', 'Bram Bakker'][i]!,
        function: 'Adviseur',
        organisation: 'Gemeente Voorbeeld',
        date: '2025-03-13',
        place: 'Utrecht',
        signature: { kind: 'typed', data: ['Anna de Vries', 'Bram Bakker'][i]! },
      },
      { id: `s${i}`, now: '2025-03-13T12:00:00.000Z' },
    );
  }
  signedOff = a;
});

async function text(lang: 'nl' | 'en', digitalSignature?: 'now' | 'fields', sign = false) {
  let pdf = await renderReportPdf(signedOff, miniQuestionnaire(), lang, {
    ...OPTS,
    ...(digitalSignature ? { digitalSignature } : {}),
  });
  if (sign) pdf = (await signPdf(pdf, anna.p12, P12_PASSWORD)).pdf;
  return { pdf, text: squash(fullText(writeTemp(pdf))) };
}

describe('the seal in the PDF says what held when the page was drawn', () => {
  it('an exported PDF: internally consistent only when made; only a digital signature can prove more', async () => {
    const nl = (await text('nl')).text;
    expect(nl).toContain(
      squash(
        'Toen deze pdf werd gemaakt, paste de beoordeling bij de hash in de ondertekeningen: ze was alleen intern consistent.',
      ),
    );
    expect(nl).toContain(squash('Dat kan alleen een digitale handtekening op deze pdf'));
    // Never the present-tense claim about the file that a later signature could contradict.
    expect(nl).not.toContain(squash('Het bestand is intern consistent'));
    const en = (await text('en')).text;
    expect(en).toContain(
      squash(
        'When this PDF was made, the assessment matched the hash recorded in the sign-offs: it was internally consistent.',
      ),
    );
    expect(en).not.toContain(squash('The file is internally consistent'));
  });

  it('a PDF the app signs straight away says so, and its words agree with the valid signature', async () => {
    const { pdf, text: nl } = await text('nl', 'now', true);
    expect(nl).toContain(squash('De pdf is gemaakt om meteen digitaal te worden ondertekend.'));
    expect(nl).toContain(squash('Controleer de handtekening met “Bestand controleren”'));
    // Not "internally consistent only" / "does not prove that nothing changed" above a signature
    // that does prove it.
    expect(nl).not.toContain(squash('alleen intern consistent'));
    expect(nl).not.toContain(
      squash('bewijst dus niet dat er sinds de ondertekening niets is veranderd'),
    );
    const report = await verifyPdf(pdf, { trusted: [new TextEncoder().encode(ca.caPemText)] });
    expect(report.status).toBe('valid');
    expect(reportLines(report, 'nl')[0]!.text).toMatch(/^Geldig: de digitale handtekening klopt/);
    const en = (await text('en', 'now', true)).text;
    expect(en).toContain(squash('The PDF was made to be signed digitally straight away.'));
    expect(en).not.toContain(squash('internally consistent'));
  });

  it('a PDF prepared for signing elsewhere says it was prepared, and to check whether it is signed', async () => {
    const nl = (await text('nl', 'fields')).text;
    expect(nl).toContain(squash('De pdf is klaargezet om digitaal te worden ondertekend.'));
    expect(nl).toContain(squash('of de pdf is ondertekend en of de handtekening klopt'));
    expect(nl).not.toContain(squash('alleen intern consistent'));
    const en = (await text('en', 'fields')).text;
    expect(en).toContain(squash('The PDF was prepared to be signed digitally.'));
  });
});
