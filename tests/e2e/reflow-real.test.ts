/**
 * No sideways scrolling at 320 and 400 CSS px with real data: the largest fixture (fraud-risk
 * scoring, every step answered, a register, a conclusion), signed by three people with long
 * names and places, then a new version. Every screen — library, each wizard step, summary with
 * the reasons open, register, action plan, sign-off, Verify with a result — must fit the width
 * (`scrollWidth <= innerWidth`). Screenshots go to test-results/ to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL, tempDir } from './browser';
import { parseAssessmentText, serializeAssessment } from '../../src/core/assessment/assessment';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';
import { addSignOff, signingBlockers, startNewVersion } from '../../src/core/signoff/signoff';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import { handleOpenProposals } from '../unit/core/proposal-decisions';

const FIXTURE = resolve('questionnaires/fria-core/fixtures/fraud-risk-scoring.fria.json');
const QUESTIONNAIRE = resolve('questionnaires/fria-core/questionnaire.json');

let browser: Browser;
let file: string;
let id: string;

/** The fixture, with its red flags answered and three sign-offs on version 1, then version 2. */
async function realAssessment(): Promise<Assessment> {
  const v = validateQuestionnaire(JSON.parse(readFileSync(QUESTIONNAIRE, 'utf8')));
  if (!v.valid) throw new Error('fria-core questionnaire invalid');
  const parsed = parseAssessmentText(readFileSync(FIXTURE, 'utf8'));
  if (!parsed.ok) throw new Error('fixture invalid');
  let a: Assessment = {
    ...parsed.value,
    meta: {
      ...parsed.value.meta,
      organisation: 'Gemeente Rivierstad-Zuidhavenwaterschapsgebied',
    },
    redFlagResponses: {
      ...parsed.value.redFlagResponses,
      selfReinforcingBias:
        'Het model leert niet van zijn eigen selecties: heronderzoeksuitkomsten gaan niet terug in de trainingsgegevens.',
      hiddenProfiling:
        'Iedereen krijgt bij de aanvraag een brief (informatieverstrekkingsverplichting) die uitlegt dat een model meekijkt.',
      severeHarmPossible:
        'Een consulent beslist altijd zelf; de score alleen leidt nooit tot stopzetting.',
    },
  };
  // Flags the questionnaire raises beyond these (it grows with the law) get a response too.
  for (const b of signingBlockers(a, v.questionnaire)) {
    if (b.code !== 'redFlagWithoutResponse') continue;
    a = {
      ...a,
      redFlagResponses: {
        ...a.redFlagResponses,
        [b.flagId]: 'Besproken met de jurist van de gemeente; haar advies staat in het dossier.',
      },
    };
  }
  // Signing needs every proposed risk handled: taken into the domain's risk, or dismissed.
  a = handleOpenProposals(a, v.questionnaire, '2026-12-07T09:00:00.000Z');
  const signers = [
    ['preparer', 'Maria Verhoeven-Oosterhuis', 'Beleidsmedewerker gegevensbescherming'],
    ['reviewer', 'Johannes van der Wiel', 'Functionaris gegevensbescherming'],
    ['approver', 'Wethouder Annemarie Bruggeman-Rijkaard', 'Wethouder sociaal domein'],
  ] as const;
  let n = 0;
  for (const [role, name, fn] of signers) {
    a = await addSignOff(
      a,
      v.questionnaire,
      {
        role,
        name,
        function: fn,
        organisation: a.meta.organisation,
        date: '2026-12-07',
        place: 'Rivierstad',
        signature: { kind: 'typed', data: name },
      },
      { id: `reflow-${++n}`, now: '2026-12-07T10:00:00.000Z', locale: 'nl' },
    );
  }
  return startNewVersion(a, { now: '2026-12-07T11:00:00.000Z' });
}

beforeAll(async () => {
  browser = await launch();
  const a = await realAssessment();
  id = a.id;
  file = join(tempDir('fria-reflow-'), 'fraude.fria.json');
  writeFileSync(file, serializeAssessment(a));
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function measure(page: Page, width: number, where: string, overflow: string[]) {
  const r = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  if (r.scroll > r.inner) {
    // Name the widest elements, so a failure says where to look.
    const culprits = await page.evaluate((inner) => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const box = el.getBoundingClientRect();
        if (box.right > inner + 0.5 && out.length < 5) {
          const cls = typeof el.className === 'string' ? el.className : '';
          out.push(`${el.tagName.toLowerCase()}.${cls} (${Math.round(box.right)})`);
        }
      }
      return out.join(', ');
    }, r.inner);
    overflow.push(`${where}: ${r.scroll} > ${r.inner} [${culprits}]`);
  }
  await page.screenshot({
    path: resolve(`test-results/reflow-real-${width}-${where.replace(/\W+/g, '-')}.png`),
    fullPage: true,
  });
}

describe('reflow with real data', () => {
  for (const width of [320, 400]) {
    it(`every screen fits ${width} CSS px without sideways scrolling`, async () => {
      const w = await openPage(browser, { viewport: { width, height: 800 } });
      const { page } = w;
      const overflow: string[] = [];
      const pdf = join(tempDir('fria-reflow-pdf-'), 'fraude.pdf');
      const base = SINGLE_FILE_URL;
      await page.goto(base);
      await page
        .getByLabel('Bestanden importeren of terugzetten (.fria.json, back-up of pdf)')
        .setInputFiles(file);
      const link = page
        .getByRole('link', { name: /FRIA risicomodel rechtmatigheid bijstand/ })
        .first();
      await link.waitFor();
      await measure(page, width, 'library', overflow);

      await page.goto(`${base}#/a/${id}/step/0`);
      const steps = page
        .getByRole('navigation', { name: 'Stappen van de beoordeling' })
        .getByRole('link', { includeHidden: true });
      // On a narrow screen the list is folded behind its button: the links are there, not shown.
      await steps.first().waitFor({ state: 'attached' });
      const count = await steps.count();
      for (let i = 0; i < count; i++) {
        const target = (await steps.nth(i).getAttribute('href')) ?? '';
        await page.goto(`${base}${target}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await measure(page, width, `step-${i + 1}`, overflow);
      }

      for (const [path, name] of [
        ['summary', /Samenvatting/],
        ['register', /Risico/],
        ['actions', /Actieplan/],
        ['signoff', /Ondertekenen/],
      ] as const) {
        await page.goto(`${base}#/a/${id}/${path}`);
        await page.getByRole('heading', { level: 1, name }).waitFor();
        if (path === 'summary') {
          for (const d of await page.locator('details').all()) {
            await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
          }
        }
        await measure(page, width, path, overflow);
        if (path === 'summary') {
          const [dl] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('button', { name: 'Pdf-rapport downloaden' }).click(),
          ]);
          await dl.saveAs(pdf);
        }
      }

      await page.goto(`${base}#/verify`);
      await page.getByRole('heading', { level: 1, name: 'Bestand controleren' }).waitFor();
      for (const [what, path] of [
        ['json', file],
        ['pdf', pdf],
      ] as const) {
        await page.getByLabel('Pdf of beoordelingsbestand (.pdf, .json)').setInputFiles(path);
        await page
          .getByRole('heading', { level: 2, name: `Uitkomst voor ${basename(path)}` })
          .waitFor();
        for (const d of await page.locator('details').all()) {
          await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
        }
        await measure(page, width, `verify-${what}`, overflow);
      }

      expect(overflow).toEqual([]);
      expect(w.pageErrors).toEqual([]);
      await w.context.close();
    });
  }
});
