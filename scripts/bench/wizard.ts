/**
 * The wizard with a synthetic 300-question questionnaire, loaded the way a user loads one: the start
 * screen's questionnaire-file input, then "new assessment" with it preselected. Per run (a fresh
 * context, single file from file://):
 * - keystroke → next frame: 200 characters typed into a long-text answer (50 ms apart, a very fast
 *   typist, so the 250 ms debounce of live scoring never fires while typing). For each key: from the
 *   keydown event's timestamp (when the browser received the key) to (a) the start of the first
 *   animation frame after its input event and (b) the end of that frame (a message task posted from
 *   requestAnimationFrame runs after the frame is painted).
 * - scoring and autosave during typing: the app's User Timing measures `fria:score` and
 *   `fria:save-*`; a keystroke counts as "blocked by" one when the measure overlaps its
 *   keydown→painted interval.
 * - changing step: a click on "next" (its event timestamp) until the frame after the new step's
 *   h1 is in the document has been painted; through all steps.
 */
import type { Browser } from 'playwright-core';
import type { Questionnaire } from '../../src/core/questionnaire/questionnaire-schema';
import { collectProblems, openBenchPage, pollFor, sleep } from './page';
import { LINK_SELECTOR } from './start';

const TEXT_PROBE = `
(() => {
  const keys = (window.__keys = []);
  const pending = [];
  const isTarget = (t) => t && t.matches && t.matches('textarea[data-bench]');
  addEventListener('keydown', (e) => { if (isTarget(e.target)) pending.push({ down: e.timeStamp }); }, true);
  addEventListener('input', (e) => {
    if (!isTarget(e.target)) return;
    const rec = pending.shift();
    if (!rec) return;
    rec.input = performance.now();
    requestAnimationFrame(() => {
      rec.frame = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { rec.painted = performance.now(); keys.push(rec); };
      ch.port2.postMessage(0);
    });
  }, true);
})();
`;

const STEP_PROBE = `
(() => {
  window.__step = null;
  const h = document.querySelector('h1');
  const before = h ? h.textContent : null;
  let t0 = null;
  addEventListener('click', (e) => { if (t0 === null) t0 = e.timeStamp; }, { capture: true, once: true });
  const mo = new MutationObserver(() => {
    const h1 = document.querySelector('h1');
    if (t0 === null || !h1 || h1.textContent === before) return;
    mo.disconnect();
    const dom = performance.now();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { window.__step = { dom: dom - t0, painted: performance.now() - t0 }; };
      ch.port2.postMessage(0);
    });
  });
  mo.observe(document.body, { childList: true, subtree: true, characterData: true });
})();
`;

interface KeyRecord {
  down: number;
  input: number;
  frame: number;
  painted: number;
}

export interface WizardRun {
  /** Per keystroke: keydown → start of the next frame, and → end of that frame (ms). */
  keyToFrame: number[];
  keyToPainted: number[];
  /** Per step change: click → new h1 in the DOM, and → painted (ms). */
  stepDom: number[];
  stepPainted: number[];
  /** fria:score measures during the typing burst, and keystrokes they overlapped. */
  scoreRuns: number;
  scoreDurations: number[];
  keysOverlappingScore: number;
  /** fria:save-* measures (main-thread parts of autosave) during typing, and overlaps. */
  saveTasks: number;
  saveDurations: number[];
  keysOverlappingSave: number;
  /** Score measures after typing stopped (the debounce fired): shows scoring still runs. */
  scoreRunsAfterPause: number;
}

const CHARS = 200;
const KEY_DELAY_MS = 50;

export async function measureWizard(
  browser: Browser,
  url: string,
  q: Questionnaire,
): Promise<WizardRun> {
  const p = await openBenchPage(browser, { initScripts: [TEXT_PROBE] });
  const { page } = p;
  try {
    await page.goto(url);
    await page.locator(LINK_SELECTOR).waitFor();
    await page.locator('section[aria-labelledby="load-q"] input[type=file]').setInputFiles({
      name: 'synthetic-300.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(q)),
    });
    await page.locator('#new-systemName').fill('Bench-systeem');
    await page.locator('form button[type=submit]').click();
    const firstTitle = q.sections[0]!.title.nl!;
    await page.locator('h1', { hasText: firstTitle }).waitFor({ timeout: 30_000 });
    // Let the first step settle (initial score, first autosave of the new assessment).
    await sleep(1500);

    // Typing.
    const longText = q.sections[0]!.questions.find((x) => x.type === 'longText')!;
    const field = page.locator(`[data-question="${longText.id}"] textarea:not([id$="-note"])`);
    await field.evaluate((el) => el.setAttribute('data-bench', ''));
    await field.click();
    const typingStart = (await page.evaluate('performance.now()')) as number;
    const typed =
      'Het systeem ondersteunt de beoordeling van aanvragen; medewerkers houden het laatste woord. '
        .repeat(5)
        .slice(0, CHARS);
    await page.keyboard.type(typed, { delay: KEY_DELAY_MS });
    const typingEnd = (await page.evaluate('performance.now()')) as number;
    await sleep(1500); // debounces fire now: scoring and the last autosave
    const keys = (await page.evaluate('window.__keys')) as KeyRecord[];
    if (keys.length < CHARS * 0.95)
      throw new Error(`only ${keys.length} of ${CHARS} keystrokes seen`);
    const value = await field.inputValue();
    if (!value.endsWith(typed.slice(-20)))
      throw new Error('typed text did not arrive in the field');
    const measures = (await page.evaluate(`performance.getEntriesByType('measure')
      .filter((m) => m.name === 'fria:score' || m.name.startsWith('fria:save-'))
      .map((m) => ({ name: m.name, start: m.startTime, duration: m.duration }))`)) as {
      name: string;
      start: number;
      duration: number;
    }[];
    const inTyping = measures.filter((m) => m.start >= typingStart && m.start <= typingEnd);
    const score = inTyping.filter((m) => m.name === 'fria:score');
    const save = inTyping.filter((m) => m.name.startsWith('fria:save-'));
    const overlaps = (list: typeof measures) =>
      keys.filter((k) => list.some((m) => m.start < k.painted && m.start + m.duration > k.down))
        .length;

    // Changing step, through every step.
    const stepDom: number[] = [];
    const stepPainted: number[] = [];
    for (let s = 1; s < q.sections.length; s++) {
      await page.evaluate(STEP_PROBE);
      await page.locator('.wizard__main form button[type=submit]').click();
      await pollFor(page, 'window.__step !== null');
      const r = (await page.evaluate('window.__step')) as { dom: number; painted: number };
      stepDom.push(r.dom);
      stepPainted.push(r.painted);
      await page.locator('h1', { hasText: q.sections[s]!.title.nl! }).waitFor();
      await sleep(300);
    }
    const problems = await collectProblems(p);
    if (problems.length) throw new Error(`wizard: ${problems.join('; ')}`);
    return {
      keyToFrame: keys.map((k) => k.frame - k.down),
      keyToPainted: keys.map((k) => k.painted - k.down),
      stepDom,
      stepPainted,
      scoreRuns: score.length,
      scoreDurations: measures.filter((m) => m.name === 'fria:score').map((m) => m.duration),
      keysOverlappingScore: overlaps(score),
      saveTasks: save.length,
      saveDurations: save.map((m) => m.duration),
      keysOverlappingSave: overlaps(save),
      scoreRunsAfterPause: measures.filter((m) => m.name === 'fria:score' && m.start > typingEnd)
        .length,
    };
  } finally {
    await p.close();
  }
}
