/**
 * Nothing saved is ever lost: type in the built single file from file://, then reload —
 * or crash the tab — at 24 moments spread over the autosave cycle (before the debounce ends, while
 * a save is running, just after it), and find every change that had been saved before, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SINGLE_FILE_URL, tempDir } from './browser';
import { importFiles, sampleAssessments, writeAssessment } from './storage-helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** What IndexedDB holds for the answer right now (read in the page, like the app would). */
function storedPurpose(page: Page, id: string): Promise<string | null> {
  return page.evaluate(
    (id) =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('fria-wizard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('assessments').objectStore('assessments').get(id);
          get.onsuccess = () => {
            db.close();
            const rec = get.result as { json?: string } | undefined;
            const a = rec?.json
              ? (JSON.parse(rec.json) as { answers: { purpose?: string } })
              : null;
            resolve(a?.answers.purpose ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    id,
  );
}

/** A small seeded random generator, so a failing run can be repeated with the printed seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LABEL = 'Wat is het doel van het systeem?';

async function openAssessment(page: Page, title: string) {
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Context' }).waitFor();
  return page.getByLabel(LABEL, { exact: false }).first();
}

describe('autosave survives reloads and crashes', () => {
  it('keeps every saved change over 24 reloads and crashes at random moments', async () => {
    const seed = Number(process.env.FRIA_SEED ?? Date.now() % 100000);
    const rnd = random(seed);
    const w = await openPage(browser, { locale: 'nl-NL' });
    let page = w.page;
    await page.goto(SINGLE_FILE_URL);
    const [sample] = await sampleAssessments(1);
    const start = { ...sample!, answers: { ...sample!.answers, purpose: '' } };
    delete (start.answers as Record<string, unknown>).purpose;
    await importFiles(page, [writeAssessment(tempDir(), start)]);
    await page.getByText('Importeren is klaar').waitFor();
    let field = await openAssessment(page, start.meta.title);
    const url = page.url();

    let typed = '';
    const outcomes: string[] = [];
    for (let point = 0; point < 24; point++) {
      // Type a few words, with a human pace.
      const words = Array.from(
        { length: 1 + Math.floor(rnd() * 3) },
        () =>
          ['grondrecht', 'toets', 'burger', 'ĳs', 'Łódź', 'zorg', 'data'][Math.floor(rnd() * 7)],
      ).join(' ');
      const chunk = `${point}:${words}; `;
      await field.click();
      // Control+End: the end of the text (End alone stops at the end of a wrapped line).
      await page.keyboard.press('Control+End');
      await page.keyboard.type(chunk, { delay: 5 + Math.floor(rnd() * 20) });
      typed += chunk;

      // Choose the moment: at once, during the debounce, while a save runs, or after it.
      const moment = point % 4;
      if (moment === 1) await page.waitForTimeout(Math.floor(rnd() * 400));
      if (moment === 2) {
        await page
          .locator('.save-status--saving')
          .waitFor({ timeout: 2000 })
          .catch(() => {});
      }
      if (moment === 3) await page.waitForTimeout(600 + Math.floor(rnd() * 900));
      const saved = (await storedPurpose(page, start.id)) ?? '';

      // Every third point is a crash of the tab (no pagehide, no flush); the others a reload.
      const crash = point % 3 === 2;
      if (crash) {
        const cdp = await w.context.newCDPSession(page);
        const crashed = page.waitForEvent('crash');
        // The promise of this command never settles: the renderer is gone.
        void cdp.send('Page.crash').catch(() => {});
        await crashed;
        await page.close().catch(() => {});
        page = await w.context.newPage();
        await page.goto(url);
      } else {
        await page.reload();
      }
      await page.getByRole('heading', { level: 1, name: 'Context' }).waitFor();
      field = page.getByLabel(LABEL, { exact: false }).first();
      const after = await field.inputValue();

      // Everything saved before is there; nothing that was not typed; the order is kept.
      expect(
        after.startsWith(saved),
        `seed ${seed}, point ${point}: lost "${saved}" → "${after}"`,
      ).toBe(true);
      expect(typed.startsWith(after), `seed ${seed}, point ${point}: unknown text "${after}"`).toBe(
        true,
      );
      outcomes.push(
        `${crash ? 'crash' : 'reload'}@${moment}: ${after === typed ? 'all' : after === saved ? 'saved' : 'more'}`,
      );
      // Go on from what is there now (a crash may have lost the unsaved last keystrokes).
      typed = after;
      if (process.env.FRIA_DEBUG) console.log(point, outcomes.at(-1));
    }
    console.log(`storage-reload seed ${seed}:`, outcomes.join(', '));
    // Reloads flush on pagehide: they keep everything typed.
    expect(outcomes.filter((o) => o.startsWith('reload') && !o.endsWith('all'))).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    await w.context.close();
    // 24 rounds of typing, waiting and reopening took more than 120 s at a load average of 13–15 on
    // two cores (every round finished): the budget is for the whole run, not a timing check.
  }, 400_000);
});
