/**
 * The whole flow by keyboard alone: start, answer every step, record a risk in the register
 * that follows the last step, reach the summary and export the PDF with Tab, Space, Enter, arrows and
 * typing only. After each step change focus is on the new view's
 * heading; after a failed "next" it is on the error summary; every focused control shows a visible
 * focus indicator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL, tempDir } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Focused {
  tag: string;
  type: string;
  name: string;
  text: string;
  id: string;
  outline: string;
  boxShadow: string;
  checked: boolean;
  value: string;
  /** Legends of the fieldsets around the element, outermost first. */
  groups: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const cs = el ? getComputedStyle(el) : null;
    return {
      tag: el?.tagName ?? '',
      type: el?.getAttribute('type') ?? '',
      name: el?.getAttribute('name') ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 80),
      id: el?.id ?? '',
      outline: cs ? `${cs.outlineStyle} ${cs.outlineWidth}` : '',
      boxShadow: cs?.boxShadow ?? '',
      checked: !!el?.checked,
      value: el?.value ?? '',
      groups: (() => {
        const out: string[] = [];
        for (let f = el?.closest('fieldset'); f; f = f.parentElement?.closest('fieldset') ?? null) {
          out.unshift(f.querySelector('legend')?.textContent?.trim() ?? '');
        }
        return out.join(' / ');
      })(),
    };
  });
}

/** Tabs until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, match: (f: Focused) => boolean, max = 200): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (match(f)) return f;
  }
  throw new Error('Element not reached by Tab');
}

function expectVisibleFocus(f: Focused) {
  const visible =
    (f.outline && !f.outline.startsWith('none')) || (f.boxShadow && f.boxShadow !== 'none');
  expect(visible, `focus indicator on ${f.tag}#${f.id} "${f.text}"`).toBeTruthy();
}

/** Answers the current step by keyboard; ends with focus on the submit button, pressed. */
async function answerStepByKeyboard(page: Page, step: number) {
  const doneGroups = new Set<string>();
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag === 'BUTTON' && /^Opslaan en/.test(f.text)) {
      expectVisibleFocus(f);
      await page.keyboard.press('Enter');
      return;
    }
    if (f.tag === 'INPUT' && f.type === 'radio') {
      if (!doneGroups.has(f.name)) {
        expectVisibleFocus(f);
        // Arrow keys move within a radio group; on odd steps pick the second option.
        if (step % 2 === 1) await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Space');
        doneGroups.add(f.name);
      }
    } else if (f.tag === 'INPUT' && f.type === 'checkbox') {
      if (!doneGroups.has(f.name)) {
        await page.keyboard.press('Space');
        doneGroups.add(f.name);
      }
    } else if (
      (f.tag === 'TEXTAREA' || f.type === 'text') &&
      !f.id.endsWith('-note') &&
      f.value === ''
    ) {
      expectVisibleFocus(f);
      await page.keyboard.type(`Toetsenbord stap ${step}`);
    } else if (f.type === 'number' && f.value === '') {
      await page.keyboard.type('7');
    } else if (f.type === 'date' && f.value === '') {
      await page.keyboard.type('01032027');
    }
  }
  throw new Error('Submit button not reached');
}

describe('keyboard only', () => {
  it('completes an assessment and exports the PDF without a mouse', async () => {
    const w = await openPage(browser, { locale: 'nl-NL' });
    const { page } = w;
    await page.goto(SINGLE_FILE_URL);
    await page.getByRole('heading', { level: 1 }).waitFor();

    // The skip link comes first and moves focus to the main content.
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip.text).toBe('Ga direct naar de inhoud');
    expectVisibleFocus(skip);

    const start = await tabTo(page, (f) => f.text === 'Nieuwe beoordeling starten');
    expectVisibleFocus(start);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Nieuwe beoordeling' }).waitFor();
    expect((await focused(page)).tag).toBe('H1');

    // Submitting without a name: the error summary takes focus and its link leads to the field.
    await page.getByRole('radio').first().waitFor();
    await tabTo(page, (f) => f.text === 'Beoordeling starten');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    expect((await focused(page)).text).toMatch(/^Er is een probleem/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('new-systemName');
    await page.keyboard.type('Toetsenbordsysteem');
    await tabTo(page, (f) => f.text === 'Beoordeling starten');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/a\/[^/]+\/step\/0$/);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

    for (let step = 0; step < 40; step++) {
      const h1 = page.getByRole('heading', { level: 1 });
      await h1.waitFor();
      if ((await h1.innerText()).trim() === 'Risicoregister') break;
      const f = await focused(page);
      expect(f.tag, `focus after step change ${step}`).toBe('H1');
      await answerStepByKeyboard(page, step);
      // Either the next view (heading focused) or an error summary (focused) follows.
      await page.waitForFunction(() =>
        ['H1', 'DIV'].includes(document.activeElement?.tagName ?? ''),
      );
      if ((await focused(page)).tag === 'DIV')
        throw new Error(`errors on step ${step}: ${await page.getByRole('alert').innerText()}`);
    }
    // The last step leads to the risk register, with focus on its heading: record a risk, by keyboard.
    await page.getByRole('heading', { level: 1, name: 'Risicoregister' }).waitFor();
    expect((await focused(page)).tag).toBe('H1');
    const add = await tabTo(
      page,
      (f) => f.tag === 'BUTTON' && f.text.startsWith('Risico toevoegen bij'),
    );
    expectVisibleFocus(add);
    await page.keyboard.press('Enter');
    await page.getByLabel(/Titel van het risico/).waitFor();
    const ratedGroups = new Set<string>();
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.tag === 'BUTTON' && f.text === 'Risico opslaan') {
        expectVisibleFocus(f);
        await page.keyboard.press('Enter');
        break;
      }
      if (
        f.tag === 'INPUT' &&
        f.type === 'text' &&
        f.value === '' &&
        (
          await page.evaluate(
            () => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent ?? '',
          )
        ).startsWith('Titel van het risico')
      ) {
        await page.keyboard.type('Toetsenbordrisico: uitsluiting zonder DigiD');
      } else if (f.tag === 'INPUT' && f.type === 'radio' && !ratedGroups.has(f.groups)) {
        // Space picks the first value; arrows move on: 3 before measures, 2 after.
        await page.keyboard.press('Space');
        const steps = f.groups.includes('vóór') ? 2 : 1;
        for (let k = 0; k < steps; k++) await page.keyboard.press('ArrowDown');
        ratedGroups.add(f.groups);
      }
    }
    expect(ratedGroups.size).toBe(4);
    await page.getByRole('article', { name: /R1 Toetsenbordrisico/ }).waitFor();
    await page.waitForTimeout(1100);
    const toSummary = await tabTo(page, (f) => f.tag === 'A' && f.text === 'Naar de samenvatting');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Samenvatting' }).waitFor();
    expectVisibleFocus(toSummary);

    const pdfButton = await tabTo(page, (f) => f.text === 'Pdf-rapport downloaden');
    expectVisibleFocus(pdfButton);
    const downloadPromise = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = join(tempDir(), 'keyboard.pdf');
    await (await downloadPromise).saveAs(file);
    // The button kept focus while it worked and after (it was once disabled meanwhile, which sent
    // focus to the page's start).
    await page.getByText('De pdf is gedownload.').waitFor();
    expect((await focused(page)).tag).toBe('BUTTON');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Toetsenbordsysteem');
    expect(text).toContain('Toetsenbord stap 0');
    expect(text).toContain('Toetsenbordrisico: uitsluiting zonder DigiD');
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
