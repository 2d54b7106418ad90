/**
 * Lost work: a change typed the very moment a wizard step's fields appear must be saved. A
 * MutationObserver in the page types into the step's first text field as soon as React has put the
 * form in the DOM (a microtask after the commit, before any later task such as a deferred effect),
 * on the first step after starting, after reloads of a step's address, and after moving between
 * steps; the CPU is slowed down 4× as on a loaded machine. Each time the text must be saved and be
 * there again after a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL } from './browser';
import { startAssessment } from './offline-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface EarlyWindow {
  __typed?: string[];
  __nextText?: string;
  /** What this document found in sessionStorage at its start (null: nothing). */
  __gotNext?: string | null;
}

/**
 * In the page: when a step form appears that was not there before, write `__nextText` into its
 * first text field at once (as typing does: the value, then an input event) and record the field.
 */
function armEarlyTyping(): void {
  const w = window as unknown as EarlyWindow;
  const seen = new WeakSet<Element>();
  const start = () => {
    for (const f of document.querySelectorAll('.wizard__main form')) seen.add(f);
    new MutationObserver(() => {
      const form = document.querySelector('.wizard__main form');
      const text = w.__nextText;
      if (!form || seen.has(form) || !text) return;
      seen.add(form);
      const field = form.querySelector<HTMLTextAreaElement | HTMLInputElement>(
        'textarea:not([id$="-note"]), input[type=text]',
      );
      if (!field) return;
      const proto =
        field instanceof HTMLTextAreaElement
          ? HTMLTextAreaElement.prototype
          : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(field, text);
      field.dispatchEvent(new Event('input', { bubbles: true }));
      (w.__typed ??= []).push(`${field.id}=${text}`);
      w.__nextText = undefined;
    }).observe(document, { childList: true, subtree: true });
  };
  start();
}

const typed = (page: Page) => page.evaluate(() => (window as unknown as EarlyWindow).__typed ?? []);
const setNext = (page: Page, text: string) =>
  page.evaluate((t) => ((window as unknown as EarlyWindow).__nextText = t), text);

/** Saved (autosave within a second of a change), then after a reload the field holds `text`. */
async function expectKept(page: Page, text: string): Promise<void> {
  await expect
    .poll(async () => page.locator('.save-status').first().getAttribute('class'), {
      timeout: 15_000,
      message: `“${text}” was not saved`,
    })
    .toContain('save-status--saved');
  await page.reload();
  const field = page.locator('.wizard__main form textarea:not([id$="-note"])').first();
  await field.waitFor();
  expect(await field.inputValue()).toBe(text);
}

describe('a change typed the moment a step appears', () => {
  it('is saved on the first step, after reloads and after moving between steps', async () => {
    const w = await openPage(browser, { locale: 'nl-NL' });
    const { page } = w;
    const cdp = await w.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // Every document of this page gets the observer; the text to type comes from sessionStorage
    // on a reload (set before it), or from the test for a change of view inside the page.
    await page.addInitScript(() => {
      const t = sessionStorage.getItem('fria-test-next');
      sessionStorage.removeItem('fria-test-next');
      (window as unknown as EarlyWindow).__gotNext = t;
      if (t) (window as unknown as EarlyWindow).__nextText = t;
    });
    await page.addInitScript(armEarlyTyping);
    await page.goto(`${SINGLE_FILE_URL}#/new`);
    await page.getByRole('heading', { level: 1, name: 'Nieuwe beoordeling' }).waitFor();

    await setNext(page, 'Getypt bij de start');
    await startAssessment(page, { systemName: 'Snel typen' });
    expect(await typed(page)).toEqual(['q-purpose=Getypt bij de start']);
    await expectKept(page, 'Getypt bij de start');

    for (let i = 1; i <= 3; i++) {
      const text = `Getypt na herladen ${i}`;
      // sessionStorage is written in the page and read by the next document; under load Chromium
      // sometimes starts that document before the write reached it (seen 2 in 8 runs: it found
      // nothing, so nothing was typed). That is the test's channel failing, not the app: try again.
      for (let attempt = 1; ; attempt++) {
        await page.evaluate((t) => sessionStorage.setItem('fria-test-next', t), text);
        await page.reload();
        await page.locator('.wizard__main form').waitFor();
        const got = await page.evaluate(() => (window as unknown as EarlyWindow).__gotNext);
        if (got === text || attempt === 3) {
          expect(got, 'the text to type did not reach the reloaded page').toBe(text);
          break;
        }
      }
      expect(await typed(page)).toEqual([`q-purpose=${text}`]);
      await expectKept(page, text);
    }

    const steps = page.getByRole('navigation', { name: 'Stappen van de beoordeling' });
    for (let i = 1; i <= 2; i++) {
      await steps.getByRole('link').nth(1).click();
      await page.locator('.step-counter', { hasText: /^Stap 2 van/ }).waitFor();
      const text = `Getypt na stap wisselen ${i}`;
      await setNext(page, text);
      await steps.getByRole('link').nth(0).click();
      // The first step's form, not the second's that is still there until the first renders.
      await page.locator('.step-counter', { hasText: /^Stap 1 van/ }).waitFor();
      expect(await typed(page)).toEqual([`q-purpose=${text}`]);
      await expectKept(page, text);
    }
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
