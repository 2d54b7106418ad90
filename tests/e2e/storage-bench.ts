/**
 * Measures what a save costs in real Chromium, on the built single file: a 300-question assessment
 * (nl + en texts, every question answered, long answers and notes, 50 risks; ~470 KB as JSON) is
 * imported, opened, and typed in; the autosaver's User Timing measures give the main-thread work
 * per save ("fria:save-summary", then in its own task "fria:save-write": checks and serialising) and
 * the time until IndexedDB confirmed it ("fria:save"). Run: `npx tsx tests/e2e/storage-bench.ts` after `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeAssessment } from '../../src/core/assessment/assessment';
import { bigAssessment, bigQuestionnaire } from '../unit/storage/big';
import { launch, openPage, SINGLE_FILE_URL, tempDir } from './browser';
import { importFiles } from './storage-helpers';

export interface SaveCost {
  saves: number;
  /** Main-thread work per save (two tasks: summary, then checks and serialising). */
  prepareMedianMs: number;
  prepareMaxMs: number;
  summaryMedianMs: number;
  writeMedianMs: number;
  /** The longer of the two tasks: what input may wait behind. */
  longestTaskMedianMs: number;
  longestTaskMaxMs: number;
  saveMedianMs: number;
  saveMaxMs: number;
  assessmentBytes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** `sections` × 15 questions; 20 gives the 300-question case, 7 a usual FRIA (105 questions). */
export async function benchSaveCost(sections = 20, risks = 50): Promise<SaveCost> {
  const q = bigQuestionnaire(sections);
  const a = await bigAssessment(q, risks);
  const text = serializeAssessment(a);
  const file = join(tempDir(), 'groot.fria.json');
  writeFileSync(file, text);
  const browser = await launch();
  try {
    const w = await openPage(browser);
    const { page } = w;
    await page.goto(SINGLE_FILE_URL);
    await importFiles(page, [file]);
    await page.getByText('1 beoordeling toegevoegd').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Groot', exact: true }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const field = page.locator('textarea:not([id$="-note"])').first();
    for (let round = 0; round < 12; round++) {
      await field.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(` ronde ${round}`, { delay: 25 });
      await page.waitForTimeout(1200);
    }
    const m = await page.evaluate(() => {
      const summary = performance.getEntriesByName('fria:save-summary').map((e) => e.duration);
      const write = performance.getEntriesByName('fria:save-write').map((e) => e.duration);
      return {
        summary,
        write,
        prepare: summary.map((s, i) => s + (write[i] ?? 0)),
        longest: summary.map((s, i) => Math.max(s, write[i] ?? 0)),
        save: performance.getEntriesByName('fria:save').map((e) => e.duration),
      };
    });
    if (w.pageErrors.length > 0) throw new Error(w.pageErrors.join('\n'));
    return {
      saves: m.prepare.length,
      prepareMedianMs: median(m.prepare),
      prepareMaxMs: Math.max(...m.prepare),
      summaryMedianMs: median(m.summary),
      writeMedianMs: median(m.write),
      longestTaskMedianMs: median(m.longest),
      longestTaskMaxMs: Math.max(...m.longest),
      saveMedianMs: median(m.save),
      saveMaxMs: Math.max(...m.save),
      assessmentBytes: text.length,
    };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const round = (_: string, v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v);
  console.log(
    'usual (105 questions, 10 risks):',
    JSON.stringify(await benchSaveCost(7, 10), round),
  );
  console.log(
    'large (300 questions, 50 risks):',
    JSON.stringify(await benchSaveCost(20, 50), round),
  );
}
