/**
 * The whole flow in real Chromium, over the single HTML file opened from file:// with every
 * network request blocked: start an assessment in Dutch, answer every visible question, reload half-way
 * and find the answers again, check the summary, download the PDF and read it back with pdftotext.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL, tempDir, type Watched } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Answers every unanswered visible question on the current step; returns the labels it answered. */
async function answerStep(page: Page, n: number): Promise<string[]> {
  const answered: string[] = [];
  // Answering can reveal follow-up questions: go round until nothing is left open.
  for (let round = 0; round < 5; round++) {
    let changed = false;
    const questions = page.locator('.question');
    const count = await questions.count();
    for (let i = 0; i < count; i++) {
      const q = questions.nth(i);
      const label = (await q.locator('.question__label').first().innerText()).trim();
      const radios = q.locator('input[type=radio]');
      const boxes = q.locator('input[type=checkbox]');
      if ((await radios.count()) > 0) {
        if ((await q.locator('input[type=radio]:checked').count()) === 0) {
          // Alternate first and last options so both low and high answers occur.
          await (n % 2 === 0 ? radios.first() : radios.last()).check();
          changed = true;
          answered.push(label);
        }
      } else if ((await boxes.count()) > 0) {
        if ((await q.locator('input[type=checkbox]:checked').count()) === 0) {
          await boxes.first().check();
          changed = true;
          answered.push(label);
        }
      } else {
        const field = q
          .locator(
            'textarea:not([id$="-note"]), input[type=text], input[type=number], input[type=date]',
          )
          .first();
        if ((await field.inputValue()) === '') {
          const type = await field.getAttribute('type');
          const min = Number((await field.getAttribute('min')) ?? '0');
          await field.fill(
            type === 'number'
              ? String(Math.max(min, 12))
              : type === 'date'
                ? '2027-03-01'
                : `Antwoord op vraag ${i + 1} van stap ${n}: ĳverig, Ærø, Łódź, İstanbul, Ελλάδα`,
          );
          changed = true;
          answered.push(label);
        }
      }
    }
    if (!changed) break;
  }
  return answered;
}

/** Every control on the page: text value, or checked state for radios and checkboxes. */
async function snapshotInputs(page: Page): Promise<Record<string, string | boolean>> {
  return page.locator('main input, main textarea').evaluateAll((els) =>
    Object.fromEntries(
      els.map((e, i) => {
        const el = e as HTMLInputElement;
        const key = `${el.id || el.name}#${i}`;
        return [key, el.type === 'radio' || el.type === 'checkbox' ? el.checked : el.value];
      }),
    ),
  );
}

/** Autosave promises to save within a second of a change: wait that long, then for "saved". */
async function waitSaved(w: Watched): Promise<void> {
  await w.page.waitForTimeout(1100);
  await w.page.locator('.save-status--saved').waitFor();
}

describe('the whole flow from file://, offline, in Dutch', () => {
  it('starts, answers, survives a reload, summarises and exports a readable PDF', async () => {
    const w = await openPage(browser, { locale: 'nl-NL' });
    const { page } = w;
    await page.goto(SINGLE_FILE_URL);
    await page
      .getByRole('heading', { level: 1, name: 'Impact op grondrechten beoordelen' })
      .waitFor();
    await page.getByRole('link', { name: 'Nieuwe beoordeling starten' }).click();

    await page.getByRole('heading', { level: 1, name: 'Nieuwe beoordeling' }).waitFor();
    await page.getByRole('radio').first().waitFor();
    const systemName = 'Slimme parkeerhandhaving Zuidstad';
    await page.getByLabel(/Naam van het systeem/).fill(systemName);
    await page.getByLabel('Organisatie').fill('Gemeente Zuidstad');
    await page.getByRole('button', { name: 'Beoordeling starten' }).click();

    const allAnswered: string[] = [];
    let step = 0;
    let reloaded = false;
    while (step < 40) {
      const h1 = page.getByRole('heading', { level: 1 });
      await h1.waitFor();
      const title = (await h1.innerText()).trim();
      if (title === 'Risicoregister') break;
      // The step's heading has focus after each step change.
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      allAnswered.push(...(await answerStep(page, step)));
      await waitSaved(w);
      if (step === 1 && !reloaded) {
        // Reload half-way: everything typed so far must still be there.
        const url = page.url();
        const before = await snapshotInputs(page);
        await page.reload();
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect(page.url()).toBe(url);
        expect(await snapshotInputs(page)).toEqual(before);
        expect(Object.values(before).filter((v) => v !== '' && v !== false).length).toBeGreaterThan(
          0,
        );
        reloaded = true;
      }
      const before = page.url();
      await page
        .getByRole('button', { name: /Opslaan en (verder|naar het risicoregister)/ })
        .click();
      await page.waitForURL((u) => u.href !== before);
      // The next view, not the old one that stays until the next one's code has loaded.
      await page.waitForFunction(
        (old) => document.querySelector('h1')?.textContent?.trim() !== old,
        title,
      );
      step++;
    }
    expect(reloaded).toBe(true);
    // After the last step: the risk register (the step list's next entry), then on to the summary.
    expect(page.url()).toMatch(/#\/a\/[^/]+\/register$/);
    await page.getByRole('link', { name: 'Naar de samenvatting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Samenvatting' }).waitFor();
    expect(allAnswered.length).toBeGreaterThan(10);

    // The summary: an overall level that is not provisional, a row per domain, reasons on request.
    const overall = page.getByRole('region', { name: 'Totaalniveau' });
    await expect(overall.innerText()).resolves.not.toMatch(/voorlopig/);
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBeGreaterThan(6);
    await page.getByText('Toon de redenen').first().click();
    await expect(page.locator('.trace li').first().innerText()).resolves.toMatch(/punten/);

    // Download the PDF and read it back.
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Pdf-rapport downloaden' }).click();
    const download = await downloadPromise;
    const file = join(tempDir(), 'rapport.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(systemName);
    expect(text).toContain('Gemeente Zuidstad');
    expect(text).toContain('ĳverig, Ærø, Łódź, İstanbul, Ελλάδα');
    for (const label of allAnswered.slice(0, 5)) {
      expect(text.replace(/\s+/g, ' ')).toContain(
        label
          .replace(/\s*\(verplicht\)$/, '')
          .replace(/\s+/g, ' ')
          .slice(0, 40),
      );
    }

    expect(w.blocked).toEqual([]);
    expect(
      w.requests.filter(
        (u) => !u.startsWith('file://') && !u.startsWith('blob:') && !u.startsWith('data:'),
      ),
    ).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
