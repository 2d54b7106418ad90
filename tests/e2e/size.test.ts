/**
 * Size budgets (docs/performance.md), read from the built files (the e2e project runs after `npm run build`).
 * Timings are never asserted: `npm run bench` reports them. Sizes and budgets are defined in
 * scripts/bench/sizes.ts and explained in docs/performance.md.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unpackPayload } from '../../scripts/single-file';
import {
  FIRST_SCREEN_JS_GZ_BUDGET,
  SINGLE_FILE_BUDGET,
  firstScreenJs,
  sizeOf,
} from '../../scripts/bench/sizes';
import { SINGLE_FILE } from './browser';

/** Text that only the code or data of one lazy part contains. */
function markers(): { part: string; text: string }[] {
  const font = readFileSync('src/pdf/fonts/dejavu-sans-subset.ts', 'utf8');
  const fontData = /zlibBase64:\s*'([A-Za-z0-9+/]{100})/.exec(font)![1]!.slice(40);
  const questionnaires = readdirSync('questionnaires', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const q = JSON.parse(
        readFileSync(join('questionnaires', d.name, 'questionnaire.json'), 'utf8'),
      ) as { title: { nl: string } };
      return { part: `questionnaire ${d.name}`, text: q.title.nl };
    });
  return [
    { part: 'PDF code (jspdf-autotable)', text: 'autoTable' },
    { part: 'PDF font', text: fontData },
    { part: 'signing and verification code (pkijs)', text: 'pkijs' },
    { part: 'signature drawing (signature_pad)', text: 'Point is invalid' },
    // zod and the schemas built with it load with the first assessment, import or file check.
    { part: 'validation (zod)', text: 'ZodObject' },
    ...questionnaires,
  ];
}

describe('size budgets', () => {
  it('the single HTML file is at most 1 MB, fonts included', () => {
    const { raw } = sizeOf(SINGLE_FILE);
    expect(raw).toBeGreaterThan(100_000); // the whole app is in it
    expect(raw).toBeLessThanOrEqual(SINGLE_FILE_BUDGET);
  });

  it(`the start screen's JavaScript (hosted build) is at most ${FIRST_SCREEN_JS_GZ_BUDGET / 1000} KB gzipped`, () => {
    const first = firstScreenJs('dist');
    expect(first.files.length).toBeGreaterThan(1);
    expect(first.gz).toBeLessThanOrEqual(FIRST_SCREEN_JS_GZ_BUDGET);
  });

  it('the start screen loads no PDF, font, signing or verification code and no built-in questionnaire', () => {
    const code = firstScreenJs('dist')
      .files.map((f) => readFileSync(join('dist', f.file), 'utf8'))
      .join('\n');
    for (const m of markers()) expect(code.includes(m.text), m.part).toBe(false);
    // The markers do find their parts in the build.
    const all = readdirSync('dist/assets')
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join('dist/assets', f), 'utf8'))
      .join('\n');
    for (const m of markers()) expect(all.includes(m.text), m.part).toBe(true);
  });

  it('the single file keeps those parts compressed and apart from what the start screen unpacks', () => {
    const html = readFileSync(SINGLE_FILE, 'utf8');
    const parts = [
      ...html.matchAll(
        /<script type="application\/x-fria-gz" id="fria:([^"]+)">([^<]*)<\/script>/g,
      ),
    ].map((m) => ({ name: m[1]!, text: unpackPayload(m[2]!) }));
    const main = parts.find((p) => p.name === 'main');
    expect(main).toBeDefined();
    const plain = html.replace(/<script type="application\/x-fria-gz"[^>]*>[^<]*<\/script>/g, '');
    for (const m of markers()) {
      expect(plain.includes(m.text), `${m.part} as plain text`).toBe(false);
      expect(main!.text.includes(m.text), `${m.part} in the start screen's part`).toBe(false);
      expect(
        parts.some((p) => p.name !== 'main' && p.text.includes(m.text)),
        `${m.part} in a lazy part`,
      ).toBe(true);
    }
  });
});
