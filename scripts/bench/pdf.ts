/**
 * PDF export in the browser, through the app: the assessment files are imported in the library, the
 * summary is opened and its "download PDF" button pressed. Timed in the page from the click event to
 * the moment the app hands the finished PDF to the browser (URL.createObjectURL of a PDF blob; what
 * comes after is the browser's download). The first export in a page includes unpacking and
 * evaluating the PDF code and font ("cold"); the next ones do not ("warm"). 1× CPU.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { serializeAssessment } from '../../src/core/assessment/assessment';
import type { Assessment } from '../../src/core/assessment/assessment-schema';
import { collectProblems, openBenchPage, pollFor } from './page';
import { LINK_SELECTOR } from './start';

const PDF_PROBE = `
(() => {
  window.__pdf = [];
  let clickAt = null;
  addEventListener('click', (e) => {
    const b = e.target && e.target.closest && e.target.closest('button[data-bench-pdf]');
    if (b) clickAt = e.timeStamp;
  }, true);
  const orig = URL.createObjectURL;
  URL.createObjectURL = function (obj) {
    if (obj && obj.type === 'application/pdf' && clickAt !== null) {
      window.__pdf.push({ ms: performance.now() - clickAt, bytes: obj.size });
      clickAt = null;
    }
    return orig.call(URL, obj);
  };
})();
`;

export interface PdfFixture {
  name: string;
  assessment: Assessment;
}

export interface PdfRun {
  /** Per fixture: the first export in the page (cold) and the later ones (warm), in ms; PDF bytes. */
  [fixture: string]: { cold: number | null; warm: number[]; bytes: number };
}

export async function measurePdf(
  browser: Browser,
  url: string,
  fixtures: PdfFixture[],
  dir: string,
  warmRuns = 3,
): Promise<PdfRun> {
  const files = fixtures.map((f) => {
    const file = join(dir, `${f.name}.fria.json`);
    writeFileSync(file, serializeAssessment(f.assessment));
    return file;
  });
  const p = await openBenchPage(browser, { initScripts: [PDF_PROBE] });
  const { page } = p;
  try {
    await page.goto(url);
    await page.locator(LINK_SELECTOR).waitFor();
    await page.getByLabel(/Bestanden importeren of terugzetten/).setInputFiles(files);
    for (const f of fixtures) {
      await page
        .locator(`a[href="#/a/${f.assessment.id}/step/0"], a[href*="/a/${f.assessment.id}/"]`)
        .first()
        .waitFor({ timeout: 60_000 });
    }
    const out: PdfRun = {};
    let first = true;
    for (const f of fixtures) {
      await page.evaluate(`location.hash = '#/a/${f.assessment.id}/summary'`);
      const button = page.getByRole('button', { name: 'Pdf-rapport downloaden' });
      await button.waitFor({ timeout: 60_000 });
      await button.evaluate((el) => el.setAttribute('data-bench-pdf', ''));
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < warmRuns + (first ? 1 : 0); i++) {
        const before = ((await page.evaluate('window.__pdf.length')) as number) ?? 0;
        await button.click();
        await pollFor(page, `window.__pdf.length > ${before}`, 120_000);
        const r = (await page.evaluate(`window.__pdf[${before}]`)) as { ms: number; bytes: number };
        times.push(r.ms);
        bytes = r.bytes;
        await page.getByText('De pdf is gedownload.').waitFor();
      }
      out[f.name] = { cold: first ? times[0]! : null, warm: first ? times.slice(1) : times, bytes };
      first = false;
    }
    const problems = await collectProblems(p);
    if (problems.length) throw new Error(`pdf: ${problems.join('; ')}`);
    return out;
  } finally {
    await p.close();
  }
}
