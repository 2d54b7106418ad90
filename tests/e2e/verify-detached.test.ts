/**
 * The assessment file signed by the app, end to end in Chromium over the built single HTML file:
 * a draft asks for confirmation before the certificate signature; the PDF, the `.fria.json` and
 * its `.fria.json.p7s` are downloaded; the Verify screen checks the pair (valid, trusted, and
 * named a draft); one changed byte of the `.fria.json` and Verify says it was changed.
 * Certificates are made with openssl at test time; no private key is committed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL } from './browser';
import { createAssessment, serializeAssessment } from '../../src/core/assessment/assessment';
import { summarize } from '../../src/core/assessment/summary';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import { addSignOff } from '../../src/core/signoff/signoff';
import mini from '../fixtures/mini-questionnaire.json';
import {
  makeCa,
  makeLeaf,
  P12_PASSWORD,
  removeTempDirs,
  tempDir,
  type TestCa,
  type TestLeaf,
} from '../unit/signing/certs';

let browser: Browser;
let ca: TestCa;
let anna: TestLeaf;
let dir: string;

beforeAll(async () => {
  browser = await launch();
  ca = makeCa();
  anna = makeLeaf(ca, { name: 'Anna de Vries' });
  dir = tempDir('fria-detached-e2e-');
});
afterAll(async () => {
  await browser?.close();
  removeTempDirs();
});

/** Ready to sign and signed off by the preparer only: locked, and a draft (no approver yet). */
async function draftAssessment(): Promise<Assessment> {
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
    { id: 'e2e-detached', now: new Date().toISOString() },
  );
  return addSignOff(
    {
      ...a,
      answers: {
        purpose: 'Aanvragen sneller beoordelen',
        personalData: false,
        automated: 'advice',
      },
      conclusion: { decision: 'proceed', reasoning: 'Een mens beslist.', conditions: [] },
    },
    v.questionnaire,
    {
      role: 'preparer',
      name: 'Anna de Vries',
      function: 'Adviseur',
      organisation: 'Gemeente Zuidstad',
      date: new Date().toISOString().slice(0, 10),
      place: 'Zuidstad',
      signature: { kind: 'typed', data: 'Anna de Vries' },
    },
    { id: 'so-anna', now: new Date().toISOString() },
  );
}

/** Puts the assessment in the app's IndexedDB the way the repository stores it (record format 1). */
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

describe('the assessment file signed in the app', () => {
  it('downloads .fria.json and .p7s beside the PDF; Verify accepts the pair and catches one changed byte', async () => {
    const w = await openPage(browser, { locale: 'nl-NL' });
    const { page } = w;
    await page.goto(SINGLE_FILE_URL);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const a = await draftAssessment();
    await seed(page, a);
    await page.goto(`${SINGLE_FILE_URL}#/a/${a.id}/signoff`);
    await page.getByRole('heading', { level: 1, name: 'Ondertekenen' }).waitFor();

    const region = page.getByRole('region', { name: 'Pdf met digitale handtekening' });
    await region.getByLabel('Certificaatbestand (.p12 of .pfx)').setInputFiles(anna.p12Path);
    await region.getByLabel('Wachtwoord van het certificaatbestand').fill(P12_PASSWORD);
    await region
      .getByLabel(
        'Ook het beoordelingsbestand (.fria.json) digitaal ondertekenen, met hetzelfde certificaat',
      )
      .check();
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await region.getByRole('button', { name: 'Pdf ondertekenen met certificaat' }).click();

    // A draft: the app asks first and names the role that has not signed.
    const dialog = page.getByRole('alertdialog', {
      name: 'Dit is nog een concept. Toch digitaal ondertekenen?',
    });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(
      'De goedkeurder heeft deze versie nog niet getekend.',
    );
    await dialog.getByRole('button', { name: 'Ja, het concept digitaal ondertekenen' }).click();
    await expect
      .poll(() => page.getByTestId('pdf-message').innerText(), { timeout: 60_000 })
      .toContain('Gedownload: de pdf');
    await expect.poll(() => downloads.length).toBe(3);
    const names = downloads.map((d) => d.suggestedFilename());
    expect(names).toEqual([
      'Risicomodel-toeslagen-v1-signed.pdf',
      'Risicomodel-toeslagen-v1.fria.json',
      'Risicomodel-toeslagen-v1.fria.json.p7s',
    ]);
    const paths = await Promise.all(
      downloads.map(async (d) => {
        const p = join(dir, d.suggestedFilename());
        await d.saveAs(p);
        return p;
      }),
    );
    const [, json, p7s] = paths as [string, string, string];

    // The Verify screen with the CA trusted: the pair holds, is trusted, and is named a draft.
    await page.goto(`${SINGLE_FILE_URL}#/verify`);
    await page.getByRole('heading', { level: 1, name: 'Bestand controleren' }).waitFor();
    await page.getByLabel('Vertrouwde certificaten (niet verplicht)').setInputFiles(ca.caPem);
    const input = page.getByLabel('Pdf of beoordelingsbestand (.pdf, .json)');
    await input.setInputFiles([json, p7s]);
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    await expect.poll(() => result.getAttribute('data-status')).toBe('valid');
    const text = await result.innerText();
    expect(text).toContain(
      'Concept: de goedkeurder heeft nog niet getekend. Geldig: de digitale handtekening klopt en dekt het hele document; er is niets veranderd sinds de ondertekening.',
    );
    expect(text).toContain(
      'Handtekening 1 van Anna de Vries: de ondertekende inhoud is niet veranderd.',
    );
    expect(text).toContain('Het certificaat wordt vertrouwd');

    // One changed byte of the .fria.json (a letter of the system name): Verify says changed.
    const bytes = new Uint8Array(readFileSync(json));
    const at = Buffer.from(bytes).indexOf('Risicomodel toeslagen') + 1;
    bytes[at] = bytes[at]! ^ 0x20;
    const changedDir = join(dir, 'changed');
    mkdirSync(changedDir);
    const changed = join(changedDir, 'Risicomodel-toeslagen-v1.fria.json');
    writeFileSync(changed, bytes);
    await input.setInputFiles([changed, p7s]);
    await expect.poll(() => result.getAttribute('data-status')).toBe('failed');
    const bad = await result.innerText();
    expect(bad).toContain('NIET geldig');
    expect(bad).toContain(
      'Handtekening 1 van Anna de Vries: het document is VERANDERD na de ondertekening.',
    );

    expect(w.cspViolations).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.blocked).toEqual([]);
  }, 180_000);
});
