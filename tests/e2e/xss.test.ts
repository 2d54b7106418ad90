/**
 * Untrusted text in the browser: the XSS corpus (tests/fixtures/xss/corpus.json: script tags, event
 * handlers, javascript: and data: links, SVG payloads, markdown link tricks, bidi overrides, control
 * characters, very long strings) in every text field of a questionnaire file and of an assessment
 * file. Loaded in the single-file app from file://, every screen is visited: no payload runs (a trap
 * on window.__xss/alert/confirm/prompt, no injected elements or handlers, no javascript: links), every
 * payload shows as literal text, and the exported PDF carries the same text literally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { launch, openPage, SINGLE_FILE, SINGLE_FILE_URL, tempDir, type Watched } from './browser';
import { answerStep, download, installXssTrap, startAssessment } from './offline-helpers';
import { createAssessment } from '../../src/core/assessment/assessment';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import type { Questionnaire } from '../../src/core/questionnaire/questionnaire-schema';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';

interface Corpus {
  payloads: { name: string; text: string }[];
  long: string;
}
const corpus = JSON.parse(readFileSync('tests/fixtures/xss/corpus.json', 'utf8')) as Corpus;
const P = corpus.payloads.map((p) => p.text);

/** What a reader sees of a text: without control, bidi and zero-width characters, white space squashed. */
function visible(s: string): string {
  return (
    s
      // Control characters are exactly what this strips.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
/** The payloads the PDF font can show (Latin, Greek, punctuation), to be found literally in its text. */
const inPdfFont = (s: string) =>
  /^[\u0020-\u007e\u00a0-\u017f\u0370-\u03ff\u2018-\u201e]*$/.test(visible(s));
const squash = (s: string) => s.replace(/\s+/g, '');

/** The mini questionnaire with a payload in every text, plus one question per payload. */
function xssQuestionnaire(): unknown {
  const q = JSON.parse(readFileSync('tests/fixtures/mini-questionnaire.json', 'utf8')) as Record<
    string,
    unknown
  >;
  let n = 0;
  const next = () => P[n++ % P.length]!;
  const walk = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (
      keys.length > 0 &&
      keys.every((k) => k === 'nl' || k === 'en') &&
      keys.every((k) => typeof o[k] === 'string')
    ) {
      const t = key === 'help' ? `${next()}\n\n${corpus.long}` : next();
      return { nl: t, en: t };
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      if ((k === 'source' || k === 'article') && typeof o[k] === 'string') out[k] = next();
      else out[k] = walk(o[k], k);
    }
    return out;
  };
  const x = walk(q, '') as { sections: { questions: unknown[] }[] };
  // One short-text question per payload, its label the payload and its help the payload as markdown.
  x.sections[0]!.questions.push(
    ...P.map((text, i) => ({
      id: `xss${i + 1}`,
      type: 'shortText',
      label: { nl: text, en: text },
      help: { nl: `Hulp: ${text}`, en: `Help: ${text}` },
      legal: [{ source: text, article: `Art. ${i + 1}` }],
    })),
    {
      id: 'xssChoice',
      type: 'singleChoice',
      label: { nl: 'Kies een payload', en: 'Choose a payload' },
      options: P.map((text, i) => ({
        id: `o${i + 1}`,
        label: { nl: text, en: text },
        help: { nl: text, en: text },
        points: { privacy: i % 3 },
      })),
    },
  );
  return x;
}

let browser: Browser;
let questionnaire: Questionnaire;
let questionnaireFile: string;
const dir = tempDir('fria-xss-');

beforeAll(async () => {
  browser = await launch();
  const data = xssQuestionnaire();
  const r = validateQuestionnaire(data);
  if (!r.valid)
    throw new Error(`XSS questionnaire invalid: ${JSON.stringify(r.problems.slice(0, 3))}`);
  questionnaire = r.questionnaire;
  questionnaireFile = join(dir, 'xss-questionnaire.json');
  writeFileSync(questionnaireFile, JSON.stringify(data, null, 2));
});
afterAll(async () => {
  await browser?.close();
});

/** Nothing from the content became markup, a handler or a script link. Returns what was found. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate((shipped) => {
    const found: string[] = [];
    // The only scripts that may run are the ones the single file ships with (its loader and the
    // start screen's language script). The app's compressed parts are data blocks (type
    // application/x-fria-gz, never run as they are; scripts/single-file.ts).
    const scripts = [...document.querySelectorAll('script:not([type="application/x-fria-gz"])')];
    if (scripts.length !== shipped.length) found.push(`${scripts.length} script elements`);
    for (const s of scripts)
      if (!shipped.includes(s.textContent ?? ''))
        found.push(`a script not in the file: ${(s.textContent ?? '').slice(0, 40)}`);
    for (const sel of [
      'iframe',
      'object',
      'embed',
      'base',
      'form[action]',
      'meta[http-equiv="refresh"]',
      'img[src="x"]',
      'mglyph',
      'style:not(head style)',
    ]) {
      const n = document.querySelectorAll(sel).length;
      if (n) found.push(`${n} × ${sel}`);
    }
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) {
        if (/^on/i.test(a)) found.push(`${el.tagName} ${a}`);
        const v = el.getAttribute(a) ?? '';
        if (
          /^(href|src|action|formaction|xlink:href|data)$/i.test(a) &&
          /^\s*(javascript|data|vbscript):/i.test(v)
        )
          found.push(`${el.tagName} ${a}=${v.slice(0, 40)}`);
      }
    }
    return found;
  }, shippedScripts());
}

/** The texts of the scripts that run in the single file as it was built. */
function shippedScripts(): string[] {
  const html = readFileSync(SINGLE_FILE, 'utf8');
  const texts: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g))
    if (!(m[1] ?? '').includes('application/x-fria-gz')) texts.push(m[2] ?? '');
  return texts;
}

async function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** Visits the page, then checks for injection; collects its text. */
async function check(w: Watched, trapped: () => Promise<string[]>, seen: string[]): Promise<void> {
  await w.page.waitForTimeout(150);
  expect(await injected(w.page)).toEqual([]);
  expect(await trapped()).toEqual([]);
  seen.push(await bodyText(w.page));
  // Open every collapsed help text and reason list, so their content is rendered and checked too.
  const closed = w.page.locator('details:not([open]) > summary');
  for (let i = 0, n = await closed.count(); i < Math.min(n, 80); i++) await closed.nth(0).click();
  if ((await closed.count()) === 0) seen.push(await bodyText(w.page));
  expect(await injected(w.page)).toEqual([]);
}

function expectAllShown(texts: string[], payloads: string[]): void {
  const all = visible(texts.join('\n'));
  const missing = payloads.filter((p) => !all.includes(visible(p)));
  expect(missing).toEqual([]);
}

const DANGEROUS_ACTIONS = new Set(
  [
    'JavaScript',
    'Launch',
    'SubmitForm',
    'ImportData',
    'GoToR',
    'GoToE',
    'Rendition',
    'Movie',
    'Sound',
    'RichMediaExecute',
  ].map((n) => `/${n}`),
);

/** Every dictionary of the PDF: none may be a script, an automatic action or a launch. */
async function pdfActions(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const found: string[] = [];
  const visit = (obj: unknown, where: string) => {
    if (obj instanceof PDFDict) {
      for (const [k, v] of obj.entries()) {
        const key = k.asString();
        if (['/JS', '/JavaScript', '/AA', '/Launch', '/SubmitForm', '/ImportData'].includes(key))
          found.push(`${where} ${key}`);
        // Action types that run code, open files or send data (an OutputIntent's /S is harmless).
        if (key === '/S' && v instanceof PDFName && DANGEROUS_ACTIONS.has(v.asString()))
          found.push(`${where} /S ${v.asString()}`);
        visit(v, where);
      }
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) visit(obj.get(i), where);
    } else if (obj instanceof PDFRawStream) {
      visit(obj.dict, where);
    }
  };
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) visit(obj, ref.toString());
  return found;
}

function expectInPdf(file: string, payloads: string[]): void {
  // A character the PDF font lacks (the bidi controls) is printed as U+FFFD, a visible mark: so the
  // "factuur\u202Efdp.exe" trick shows its seams in the PDF instead of reading as "exe.pdf".
  const text = squash(
    execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\ufffd/g, ''),
  );
  const checkable = payloads.filter(inPdfFont);
  expect(checkable.length).toBeGreaterThan(25);
  const missing = checkable.filter((p) => !text.includes(squash(visible(p))));
  expect(missing).toEqual([]);
}

describe('the detectors', () => {
  it('see a payload that runs and markup that was injected', async () => {
    const w = await openPage(browser);
    const trapped = await installXssTrap(w.page);
    await w.page.goto(SINGLE_FILE_URL);
    await w.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await injected(w.page)).toEqual([]);
    await w.page.evaluate(() => {
      (window as unknown as { __xss(n: number): void }).__xss(99);
      window.alert('hi');
      const a = document.createElement('a');
      a.href = 'javascript:void 0';
      document.body.append(a, document.createElement('iframe'));
    });
    expect(await trapped()).toEqual(['__xss(99)', 'alert(hi)']);
    expect(await injected(w.page)).toEqual(['1 × iframe', 'A href=javascript:void 0']);
    await w.context.close();

    // A PDF that opens with a script is caught.
    const doc = await PDFDocument.create();
    doc.addPage();
    const action = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
    const file = join(dir, 'with-script.pdf');
    writeFileSync(file, await doc.save());
    const found = await pdfActions(file);
    expect(found.some((f) => f.endsWith('/JS'))).toBe(true);
    expect(found.some((f) => f.endsWith('/S /JavaScript'))).toBe(true);
  });
});

describe('XSS corpus in a questionnaire file and in what the user types', () => {
  it('shows every payload as text on every screen and in the PDF; nothing runs', async () => {
    const w = await openPage(browser);
    const trapped = await installXssTrap(w.page);
    const seen: string[] = [];
    const { page } = w;
    await page.goto(SINGLE_FILE_URL);
    await page
      .getByLabel('Kies een bestand met een vragenlijst (.json)')
      .setInputFiles(questionnaireFile);
    await page.getByRole('heading', { level: 1, name: 'Nieuwe beoordeling' }).waitFor();
    await check(w, trapped, seen);
    // Metadata fields take the payloads too (up to their length limits).
    await startAssessment(page, { systemName: P[0]!, organisation: P[2]!, owner: P[8]! });

    let typed = 0;
    const h1 = page.getByRole('heading', { level: 1 });
    for (let step = 0; step < 20; step++) {
      await h1.waitFor();
      const title = (await h1.innerText()).trim();
      if (title === 'Risicoregister') break;
      await answerStep(page, () => P[typed++ % P.length]!);
      // Notes too (each behind its own "add a note" toggle).
      const closedNotes = page.locator('details.note:not([open]) > summary');
      while ((await closedNotes.count()) > 0) await closedNotes.first().click();
      const notes = page.locator('textarea[id$="-note"]');
      for (let i = 0, n = await notes.count(); i < n; i++)
        await notes.nth(i).fill(P[(i * 7) % P.length]!);
      // Saved (within a second of the last change); on failure the assertion shows the status it saw.
      await expect
        .poll(async () => (await page.locator('.save-status').first().textContent()) ?? '', {
          timeout: 30_000,
        })
        .toMatch(/Opgeslagen om/);
      await check(w, trapped, seen);
      await page
        .getByRole('button', { name: /Opslaan en (verder|naar het risicoregister)/ })
        .click();
      await page.waitForFunction(
        (old) => document.querySelector('h1')?.textContent?.trim() !== old,
        title,
      );
    }
    // The last step leads to the risk register (checked too), and from there to the summary.
    await page.getByRole('heading', { level: 1, name: 'Risicoregister' }).waitFor();
    await check(w, trapped, seen);
    await page.getByRole('link', { name: 'Naar de samenvatting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Samenvatting' }).waitFor();
    expect(typed).toBeGreaterThan(P.length);
    await check(w, trapped, seen);

    // Every payload appeared literally somewhere (question labels, options, typed answers).
    expectAllShown(seen, P);

    const pdf = await download(page, 'Pdf-rapport downloaden', dir, 'xss-questionnaire.pdf');
    expectInPdf(pdf, P);
    // No payload became PDF structure: no script, no automatic action anywhere in the file.
    expect(await pdfActions(pdf)).toEqual([]);
    const json = await download(page, /Beoordelingsbestand downloaden/, dir, 'xss.fria.json');
    const exported = JSON.parse(readFileSync(json, 'utf8')) as Assessment;
    expect(exported.meta.systemName).toBe(P[0]);

    expect(await trapped()).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});

/** An assessment with a payload in every text field of the format. */
async function xssAssessment(): Promise<Assessment> {
  let n = 0;
  const next = (max = 100_000) => P[n++ % P.length]!.slice(0, max);
  const now = '2025-05-01T10:00:00.000Z';
  const a = await createAssessment(
    questionnaire,
    {
      title: next(300),
      systemName: next(300),
      organisation: next(300),
      owner: next(300),
      locale: 'nl',
    },
    { id: 'xss-assessment', now },
  );
  const answers: Assessment['answers'] = {
    purpose: corpus.long,
    personalData: true,
    legalGround: 'yes',
    groundText: next(),
    dataKinds: ['contact'],
  };
  for (let i = 1; i <= P.length; i++) answers[`xss${i}`] = P[i - 1]!;
  const notes: Record<string, string> = {};
  for (const id of Object.keys(answers)) notes[id] = next();
  return {
    ...a,
    answers,
    notes,
    redFlagResponses: { specialNoGround: next(10_000), soloDecision: next(10_000) },
    register: P.slice(0, 12).map((_, i) => ({
      id: `r${i + 1}`,
      domain: 'privacy',
      title: next(500),
      description: next(20_000),
      affectedGroups: next(5000),
      likelihood: (i % 5) + 1,
      severity: 5 - (i % 5),
      residualLikelihood: 1,
      residualSeverity: 2,
      residualJustification: next(5000),
      measures: [
        {
          id: `m${i + 1}`,
          text: next(5000),
          owner: next(200),
          dueDate: '2025-09-01',
          status: 'planned' as const,
        },
      ],
    })),
    overrides: { privacy: { level: 'veryHigh', justification: next(10_000), at: now } },
    conclusion: {
      decision: 'proceedWithConditions',
      reasoning: `${next()} ${corpus.long}`,
      conditions: P.slice(0, 10),
    },
    signOffs: [],
    history: [...a.history, { at: now, action: next(200), detail: next(2000) }],
    setAside: [
      {
        questionId: next(200),
        value: next(),
        note: next(),
        reason: 'questionRemoved',
        fromVersion: '0.9.0',
      },
    ],
  };
}

describe('XSS corpus in an assessment file from elsewhere', () => {
  it('imports it and shows every payload as text on every screen and in the PDF; nothing runs', async () => {
    const assessment = await xssAssessment();
    const file = join(dir, 'xss-assessment.fria.json');
    writeFileSync(file, JSON.stringify(assessment, null, 2));
    const w = await openPage(browser);
    const trapped = await installXssTrap(w.page);
    const seen: string[] = [];
    const { page } = w;
    await page.goto(SINGLE_FILE_URL);
    await page
      .getByLabel('Bestanden importeren of terugzetten (.fria.json, back-up of pdf)')
      .setInputFiles(file);
    await page.getByText('Importeren is klaar.').waitFor();
    await check(w, trapped, seen);

    const base = `${SINGLE_FILE_URL}#/a/${assessment.id}`;
    const steps = questionnaire.sections.length;
    for (const route of [
      ...Array.from({ length: steps }, (_, i) => `/step/${i}`),
      '/register',
      '/actions',
      '/summary',
      '/signoff',
    ]) {
      await page.goto(`${base}${route}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(w, trapped, seen);
    }
    // The payloads of the file's own fields, as shown on its screens.
    expectAllShown(seen, [assessment.meta.systemName, ...P.map((p) => p)]);

    await page.goto(`${base}/summary`);
    await page.getByRole('heading', { level: 1, name: 'Samenvatting' }).waitFor();
    const pdf = await download(page, 'Pdf-rapport downloaden', dir, 'xss-assessment.pdf');
    expectInPdf(pdf, P);
    expect(await pdfActions(pdf)).toEqual([]);

    // The Verify screen reads the PDF back and names what it found.
    await page.goto(`${SINGLE_FILE_URL}#/verify`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('input[type=file]').first().setInputFiles(pdf);
    await page.waitForTimeout(1500);
    await check(w, trapped, seen);

    expect(await trapped()).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
