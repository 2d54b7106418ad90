/**
 * Sign-off and signing end to end in real Chromium, over the single HTML file from file:// (strict CSP, network
 * blocked): sign off as preparer (typed signature) and approver (drawn), sign the PDF with a .p12,
 * download it, check it with pdfsig; a second signature on that PDF; prepare a PDF for signing
 * elsewhere; a new version after sign-off; and the Verify screen on a good and a tampered PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL, type Watched } from './browser';
import { axeViolations, describeViolations } from './axe';
import { createAssessment, serializeAssessment } from '../../src/core/assessment/assessment';
import { summarize } from '../../src/core/assessment/summary';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import { addSignOff } from '../../src/core/signoff/signoff';
import mini from '../fixtures/mini-questionnaire.json';
import {
  makeCa,
  makeLeaf,
  nssDbTrusting,
  P12_PASSWORD,
  pdfsig,
  removeTempDirs,
  tempDir,
  type TestCa,
  type TestLeaf,
} from '../unit/signing/certs';

let browser: Browser;
let ca: TestCa;
let anna: TestLeaf;
let bram: TestLeaf;
let nss: string;
let dir: string;

beforeAll(async () => {
  browser = await launch();
  ca = makeCa();
  anna = makeLeaf(ca, { name: 'Anna de Vries' });
  bram = makeLeaf(ca, { name: 'Bram Bakker', key: 'ec' });
  nss = nssDbTrusting(ca);
  dir = tempDir('fria-sign-e2e-');
});
afterAll(async () => {
  await browser?.close();
  removeTempDirs();
});

/** An assessment of the mini questionnaire that is ready to sign (embedded questionnaire). */
async function readyAssessment(): Promise<Assessment> {
  const v = validateQuestionnaire(mini);
  if (!v.valid) throw new Error('mini questionnaire invalid');
  const a = await createAssessment(
    v.questionnaire,
    {
      title: 'Toeslagen',
      systemName: 'Risicomodel toeslagen',
      organisation: 'Gemeente Zuidstad',
      owner: 'A. de Vries',
      locale: 'nl',
    },
    { id: 'e2e-sign', now: new Date().toISOString() },
  );
  return {
    ...a,
    answers: { purpose: 'Aanvragen sneller beoordelen', personalData: false, automated: 'advice' },
    conclusion: {
      decision: 'proceed',
      reasoning: 'Laag risico; een mens beslist.',
      conditions: [],
    },
  };
}

/**
 * Puts the assessment in the app's IndexedDB the way the repository stores it (record format 1,
 * see src/storage/idb-repository.ts): there is no screen yet to type a conclusion.
 */
async function seed(page: Page, a: Assessment): Promise<void> {
  const v = validateQuestionnaire(mini);
  if (!v.valid) throw new Error('invalid');
  const summary = { ...summarize(a, v.questionnaire), recordFormat: 1 };
  const record = {
    recordFormat: 1,
    id: a.id,
    savedAt: new Date().toISOString(),
    formatVersion: a.formatVersion,
    version: a.version,
    json: serializeAssessment(a),
  };
  await page.evaluate(
    ({ record, summary }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('fria-wizard', 1);
        req.onerror = () => reject(new Error(String(req.error)));
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['assessments', 'summaries'], 'readwrite');
          tx.objectStore('assessments').put(record);
          tx.objectStore('summaries').put(summary);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    { record, summary },
  );
}

async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, name);
  await dl.saveAs(path);
  return path;
}

function pdfsigBlocks(out: string): string[] {
  return out.split(/^Signature #\d+:/m).slice(1);
}

async function expectNoAxe(page: Page, where: string): Promise<void> {
  const v = await axeViolations(page);
  expect(v, describeViolations(where, v)).toEqual([]);
}

async function fillSignOff(page: Page, role: string, name: string): Promise<void> {
  const form = page.getByRole('region', { name: 'Ondertekenen', exact: true });
  await form.getByRole('radio', { name: new RegExp(`^${role}`, 'i') }).check();
  await form.getByLabel(/^Naam/).fill(name);
  await form.getByLabel('Functie').fill('Beleidsadviseur');
  await form.getByLabel('Plaats').fill('Zuidstad');
  await form.getByLabel('Ik ga akkoord met deze verklaring').check();
}

describe('sign-off and PDF signatures in the browser', () => {
  let w: Watched;

  it('signs off, signs the PDF with a .p12 (pdfsig: valid and trusted), adds a second signature, and verifies', async () => {
    w = await openPage(browser, { locale: 'nl-NL' });
    const { page } = w;
    await page.goto(SINGLE_FILE_URL);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const a = await readyAssessment();
    await seed(page, a);
    await page.goto(`${SINGLE_FILE_URL}#/a/${a.id}/signoff`);
    await page.getByRole('heading', { level: 1, name: 'Ondertekenen' }).waitFor();
    await expect
      .poll(() => page.getByTestId('signoff-status').innerText())
      .toBe('Nog niet ondertekend');

    // Submitting an empty form: the error summary lists what is missing and takes focus.
    await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await summary.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toContain('error-summary');
    expect(await summary.innerText()).toContain('Vul uw naam in.');
    await expectNoAxe(page, 'sign-off form with errors');
    // The approver cannot sign before the preparer.
    await fillSignOff(page, 'goedkeurder', 'Bram Bakker');
    await page.getByRole('radio', { name: /Mijn naam typen/ }).check();
    await page.getByLabel('Typ uw volledige naam als handtekening').fill('Bram Bakker');
    await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    await expect.poll(() => summary.innerText()).toContain('De opsteller tekent als eerste.');

    // Preparer, with the keyboard-accessible typed signature.
    await fillSignOff(page, 'opsteller', 'Anna de Vries');
    await page.getByRole('radio', { name: /Mijn naam typen/ }).check();
    await page.getByLabel('Typ uw volledige naam als handtekening').fill('Anna de Vries');
    await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    await page.getByText('Ondertekend door Anna de Vries (opsteller).').waitFor();
    // The form moves on to the role that still has to sign.
    expect(await page.getByRole('radio', { name: /^goedkeurder/i }).isChecked()).toBe(true);
    await page
      .getByRole('heading', { name: 'Deze versie is ondertekend en vergrendeld' })
      .waitFor();

    // Approver, with a drawn signature.
    await fillSignOff(page, 'goedkeurder', 'Bram Bakker');
    await page.getByRole('radio', { name: /Tekenen met muis/ }).check();
    const canvas = page.getByTestId('signature-canvas');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 100);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++)
      await page.mouse.move(box.x + 20 + i * 25, box.y + 100 - (i % 2) * 50, { steps: 3 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    await page.getByText('Ondertekend door Bram Bakker (goedkeurder).').waitFor();
    // The box is empty again for whoever signs next.
    expect(
      await canvas.evaluate((c) => {
        const el = c as HTMLCanvasElement;
        const pixels = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
        return pixels.every((v) => v === 0);
      }),
    ).toBe(true);
    await expect
      .poll(() => page.getByTestId('signoff-status').innerText())
      .toBe('Ondertekend door iedereen die moet tekenen');
    await page.getByRole('img', { name: 'Getekende handtekening van Bram Bakker' }).waitFor();
    await expectNoAxe(page, 'signed and locked, with the PDF section');

    // Sign the PDF with Anna's certificate file: a wrong password first.
    const pdfRegion = page.getByRole('region', { name: 'Pdf met digitale handtekening' });
    await pdfRegion.getByLabel('Certificaatbestand (.p12 of .pfx)').setInputFiles(anna.p12Path);
    await pdfRegion.getByLabel('Wachtwoord van het certificaatbestand').fill('fout');
    await pdfRegion.getByRole('button', { name: 'Pdf ondertekenen met certificaat' }).click();
    await expect
      .poll(() => page.getByTestId('pdf-message').innerText())
      .toContain('Met dit wachtwoord gaat het certificaatbestand niet open');
    // The password field is emptied after each attempt.
    expect(await pdfRegion.getByLabel('Wachtwoord van het certificaatbestand').inputValue()).toBe(
      '',
    );

    await pdfRegion.getByLabel('Wachtwoord van het certificaatbestand').fill(P12_PASSWORD);
    const started = Date.now();
    const signed = await download(
      page,
      () => pdfRegion.getByRole('button', { name: 'Pdf ondertekenen met certificaat' }).click(),
      'signed.pdf',
    );
    const browserMs = Date.now() - started;
    await expect
      .poll(() => page.getByTestId('pdf-message').innerText())
      .toContain('Ondertekend door Anna de Vries');
    const one = pdfsigBlocks(pdfsig(signed, nss));
    expect(one).toHaveLength(1);
    expect(one[0]).toContain('Signature is Valid.');
    expect(one[0]).toContain('Certificate is Trusted.');
    expect(one[0]).toContain('ETSI.CAdES.detached');
    console.log(`browser: report + PAdES signature + download in ${browserMs} ms`);

    // Bram adds his signature to that PDF (ECDSA key): both stay valid.
    await pdfRegion.getByRole('radio', { name: /Een pdf die ik kies/ }).check();
    await pdfRegion.getByLabel('Pdf om te ondertekenen').setInputFiles(signed);
    await pdfRegion.getByLabel('Certificaatbestand (.p12 of .pfx)').setInputFiles(bram.p12Path);
    await pdfRegion.getByLabel('Wachtwoord van het certificaatbestand').fill(P12_PASSWORD);
    const twice = await download(
      page,
      () => pdfRegion.getByRole('button', { name: 'Pdf ondertekenen met certificaat' }).click(),
      'twice.pdf',
    );
    const two = pdfsigBlocks(pdfsig(twice, nss));
    expect(two).toHaveLength(2);
    for (const b of two) {
      expect(b).toContain('Signature is Valid.');
      expect(b).toContain('Certificate is Trusted.');
    }

    // The Verify screen: the good file with the CA trusted.
    await page.goto(`${SINGLE_FILE_URL}#/verify`);
    await page.getByRole('heading', { level: 1, name: 'Bestand controleren' }).waitFor();
    await page.getByLabel('Vertrouwde certificaten (niet verplicht)').setInputFiles(ca.caPem);
    await page.getByLabel('Pdf of beoordelingsbestand (.pdf, .json)').setInputFiles(twice);
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('valid');
    const text = await result.innerText();
    // One plain verdict first: the digital signature holds and covers everything.
    expect(text).toContain('de digitale handtekening klopt en dekt het hele document');
    expect(text).toContain(
      'Handtekening 1 van Anna de Vries: de ondertekende inhoud is niet veranderd.',
    );
    expect(text).toContain(
      'Handtekening 2 van Bram Bakker: de ondertekende inhoud is niet veranderd.',
    );
    expect(text).toContain('Het certificaat wordt vertrouwd');
    expect(text).toContain(
      'Past bij de inhoudshash die is vastgelegd toen Anna de Vries (opsteller)',
    );
    await expectNoAxe(page, 'verify result');

    // Flip one byte inside the first signed range: pdfsig and the app both report it.
    const bytes = new Uint8Array(readFileSync(twice));
    const at = Math.floor(bytes.length / 4);
    bytes[at] = bytes[at]! ^ 0x01;
    const tampered = join(dir, 'tampered.pdf');
    writeFileSync(tampered, bytes);
    const bad = pdfsig(tampered, nss);
    expect(bad).not.toContain('Signature is Valid.');
    expect(bad).toMatch(/Digest Mismatch|Signature is Invalid/);
    await page.getByLabel('Pdf of beoordelingsbestand (.pdf, .json)').setInputFiles(tampered);
    await expect.poll(() => result.getAttribute('data-status')).toBe('failed');
    const badText = await result.innerText();
    expect(badText).toContain('NIET geldig');
    expect(badText).toContain('het document is VERANDERD na de ondertekening');

    expect(w.cspViolations).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.blocked).toEqual([]);
  });

  it('prepares a PDF for signing elsewhere and starts a new version after confirmation', async () => {
    const { page } = w;
    await page.goto(`${SINGLE_FILE_URL}#/a/e2e-sign/signoff`);
    await page.getByRole('heading', { level: 1, name: 'Ondertekenen' }).waitFor();
    const prepared = await download(
      page,
      () => page.getByRole('button', { name: 'Pdf klaarzetten om elders te ondertekenen' }).click(),
      'to-sign.pdf',
    );
    const out = pdfsig(prepared, nss);
    expect(out).toContain('Signature Field Name: Opsteller');
    expect(out).toContain('Signature Field Name: Goedkeurder');
    expect(out.match(/The signature form field is not signed\./g)).toHaveLength(2);

    // The signed version is locked in the wizard too: read-only fields and the notice.
    await page.goto(`${SINGLE_FILE_URL}#/a/e2e-sign/step/0`);
    await page
      .getByRole('heading', { name: 'Deze versie is ondertekend en vergrendeld' })
      .waitFor();
    const purpose = page.getByRole('textbox', { name: /Wat is het doel van het systeem/ });
    expect(await purpose.isEditable()).toBe(false);
    await page.goto(`${SINGLE_FILE_URL}#/a/e2e-sign/signoff`);
    await page.getByRole('heading', { level: 1, name: 'Ondertekenen' }).waitFor();
    await page.getByRole('button', { name: 'Nieuwe versie maken om te wijzigen' }).click();
    const confirm = page.getByRole('button', { name: 'Ja, maak versie 2' });
    await confirm.waitFor();
    // Focus is on the question why; without a reason the version is not made.
    const why = page.getByLabel('Waarom maakt u een nieuwe versie?');
    await expect.poll(() => why.evaluate((el) => el === document.activeElement)).toBe(true);
    await confirm.click();
    await page.getByText('Schrijf op waarom u een nieuwe versie maakt.').waitFor();
    await why.fill('De doelgroep is uitgebreid.');
    await confirm.click();
    await page.getByText('Versie 2 is gemaakt. U kunt de beoordeling nu aanpassen.').waitFor();
    await expect
      .poll(() => page.getByTestId('signoff-status').innerText())
      .toBe('Nog niet ondertekend');
    const previous = page.getByRole('region', { name: 'Ondertekend bij een eerdere versie' });
    await previous.waitFor();
    expect(await previous.innerText()).toContain(
      'Deze handtekening hoort bij versie 1. Die geldt niet voor versie 2.',
    );
    expect(await previous.innerText()).toContain('Reden: De doelgroep is uitgebreid.');
    // Version 2 can be edited again.
    await page.goto(`${SINGLE_FILE_URL}#/a/e2e-sign/step/0`);
    const purpose2 = page.getByRole('textbox', { name: /Wat is het doel van het systeem/ });
    await purpose2.waitFor();
    expect(await purpose2.isEditable()).toBe(true);
    expect(
      await page
        .getByRole('heading', { name: 'Deze versie is ondertekend en vergrendeld' })
        .count(),
    ).toBe(0);
    expect(w.cspViolations).toEqual([]);
    expect(w.pageErrors).toEqual([]);
  });

  it('verifies an assessment file in English: the seal holds, then a changed answer breaks it', async () => {
    const en = await openPage(browser, { locale: 'en-GB' });
    const v = validateQuestionnaire(mini);
    if (!v.valid) throw new Error('invalid');
    const signedOff = await addSignOff(
      await readyAssessment(),
      v.questionnaire,
      {
        role: 'preparer',
        name: 'Anna de Vries',
        function: 'Adviser',
        organisation: 'Zuidstad',
        date: '2026-01-05',
        place: 'Zuidstad',
        signature: { kind: 'typed', data: 'Anna de Vries' },
      },
      { id: 'so-1', now: new Date().toISOString(), locale: 'en' },
    );
    const good = join(dir, 'good.fria.json');
    writeFileSync(good, serializeAssessment(signedOff));
    const bad = join(dir, 'bad.fria.json');
    writeFileSync(
      bad,
      serializeAssessment({
        ...signedOff,
        answers: { ...signedOff.answers, purpose: 'Something else' },
      }),
    );
    await en.page.goto(`${SINGLE_FILE_URL}#/verify`);
    await en.page.getByRole('heading', { level: 1, name: 'Verify a file' }).waitFor();
    await en.page.getByLabel('PDF or assessment file (.pdf, .json)').setInputFiles(good);
    const result = en.page.getByTestId('verify-result');
    // No digital signature: internally consistent only, and a draft while the approver is missing.
    await expect.poll(() => result.getAttribute('data-status')).toBe('consistent');
    const goodText = await result.innerText();
    expect(goodText).toContain(
      'Draft: the approver has not signed yet. Internally consistent only: there is no digital signature',
    );
    expect(goodText).toContain(
      'Matches the content hash recorded when Anna de Vries (preparer) signed on 2026-01-05.',
    );
    await en.page.getByLabel('PDF or assessment file (.pdf, .json)').setInputFiles(bad);
    await expect.poll(() => result.getAttribute('data-status')).toBe('failed');
    expect(await result.innerText()).toContain(
      'The content or the sign-off records no longer match the hashes recorded when they were signed',
    );
    await expectNoAxe(en.page, 'verify result (en)');
    expect(en.cspViolations).toEqual([]);
    expect(en.pageErrors).toEqual([]);
    await en.context.close();
  });
});
