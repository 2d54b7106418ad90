/**
 * Takes the README's screenshots from the built single file (run `npm run build` first):
 * `npx tsx scripts/screenshots.ts` writes docs/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import { launch, openPage, SINGLE_FILE_URL } from '../tests/e2e/browser';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const browser = await launch();
for (const lang of ['nl', 'en'] as const) {
  const w = await openPage(browser, {
    locale: lang === 'nl' ? 'nl-NL' : 'en-GB',
    viewport: { width: 1280, height: 860 },
  });
  const { page } = w;
  await page.goto(SINGLE_FILE_URL);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('a[href="#/new"]').first().click();
  await page.getByRole('radio').first().waitFor();
  await page
    .locator('#new-systemName')
    .fill(lang === 'nl' ? 'Risicomodel bijstandsaanvragen' : 'Risk model for benefit applications');
  await page
    .locator('#new-organisation')
    .fill(lang === 'nl' ? 'Gemeente Zuidstad' : 'Municipality of Southtown');
  await page.locator('form button[type=submit]').click();
  await page.locator('.question').first().waitFor();
  // Answer the first step so the screenshot shows a form in use.
  const first = page.locator('.question textarea:not([id$="-note"])').first();
  await first.fill(
    lang === 'nl'
      ? 'Aanvragen voor bijstand sneller en eerlijker beoordelen. Het model geeft een advies; een medewerker beslist.'
      : 'Assess applications for social assistance faster and more fairly. The model advises; a caseworker decides.',
  );
  await page.locator('details.help summary').first().click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/wizard${lang === 'nl' ? '' : '-en'}.png` });
  await w.context.close();
}
await browser.close();
console.log(`screenshots written to ${out}/`);
