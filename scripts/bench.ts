/**
 * `npm run bench`: builds the app, then measures the targets of docs/performance.md and prints a table; the full
 * figures go to bench-results/bench.json. Timings are reported, never asserted (the size budgets are
 * asserted by tests/e2e/size.test.ts). docs/performance.md defines every figure.
 *
 *   npm run bench                       build + everything, 5 runs per browser figure
 *   npm run bench -- --runs=9           more runs
 *   npm run bench -- --no-build         measure the current dist/ and dist-single/
 *   npm run bench -- --only=sizes,side,start,library,wizard,node,pdf
 *   npm run bench -- --single=FILE --dist=DIR --label=before   measure another build (no build step)
 *   npm run bench -- --compare=OTHER.html  also time OTHER's start, interleaved with this build's
 *   npm run bench -- --only=side --compare=A.html --compare=B.html
 *        side by side: our start, the static floor page and A, B, interleaved, at 1× and 4× CPU,
 *        as ratios to the floor (scripts/bench/side-by-side.ts); --compare-ready=JS-EXPRESSION says
 *        when another page's heading and start action are there (default: an h1 and a#/new link)
 *
 * The build and the browser runs hold /tmp/fria-e2e.lock, the lock the e2e tests use, so nobody
 * rebuilds dist/ under the benchmark and no e2e run competes for the CPU.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../tests/e2e/browser';
import { validateQuestionnaireText } from '../src/core/questionnaire/validate';
import { stressAssessment, stressQuestionnaire } from '../tests/unit/pdf/stress-fixture';
import { analyzeHosted, kindOf, type LazyKind } from './bench/analyze';
import { measureNode } from './bench/node';
import { measurePdf, type PdfRun } from './bench/pdf';
import {
  FIRST_SCREEN_JS_GZ_BUDGET,
  FIRST_SCREEN_JS_GZ_TARGET,
  SINGLE_FILE_BUDGET,
  firstScreenJs,
  hostedAssets,
  sizeOf,
} from './bench/sizes';
import { floorHtml, measureStart, type StartRun } from './bench/start';
import {
  HEADING_AND_ACTION,
  measureSideBySide,
  type SidePage,
  type SideResult,
} from './bench/side-by-side';
import { LIBRARY_SIZE, libraryTemplate, measureLibrary } from './bench/library';
import type { BenchPage } from './bench/page';
import { serializeAssessment } from '../src/core/assessment/assessment';
import { roundStats, stats, percentile, type Stats } from './bench/stats';
import { filledAssessment, syntheticQuestionnaire } from './bench/synthetic';
import { measureWizard, type WizardRun } from './bench/wizard';
import { renderTable, type Row } from './bench/table';

const LOCK = '/tmp/fria-e2e.lock';
const OUT = 'bench-results';

interface Options {
  runs: number;
  build: boolean;
  only: Set<string>;
  single: string;
  dist: string;
  label: string;
  /** Other HTML files whose start is measured interleaved with this one (same load). */
  compare: string[];
  /** When a compared page's heading and start action are there (a JS expression). */
  compareReady: string | null;
}

function parseArgs(argv: string[]): Options {
  const get = (name: string) =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;
  const single = get('single');
  const dist = get('dist');
  return {
    runs: Number(get('runs') ?? 5),
    build: !argv.includes('--no-build') && !single && !dist,
    only: new Set((get('only') ?? 'sizes,side,start,library,wizard,node,pdf').split(',')),
    single: resolve(single ?? 'dist-single/fria-wizard.html'),
    dist: resolve(dist ?? 'dist'),
    label: get('label') ?? 'current',
    compare: argv.filter((a) => a.startsWith('--compare=')).map((a) => resolve(a.slice(10))),
    compareReady: get('compare-ready'),
  };
}

function underLock(): void {
  if (process.env.FRIA_BENCH_LOCKED === '1') return;
  const r = spawnSync('flock', [LOCK, 'npx', 'tsx', 'scripts/bench.ts', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, FRIA_BENCH_LOCKED: '1' },
  });
  process.exit(r.status ?? 1);
}

function buildApp(): void {
  console.log('bench: npm run build …');
  const r = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
  writeFileSync(join(OUT, 'build.log'), `${r.stdout}\n${r.stderr}`);
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error('build failed (bench-results/build.log)');
  }
}

const ms = (s: Stats) => roundStats(s, 1);

const startTexts = JSON.parse(readFileSync('locales/nl/start.json', 'utf8')) as {
  title: string;
  newAssessment: string;
};
const libraryTexts = JSON.parse(readFileSync('locales/nl/library.json', 'utf8')) as {
  loading: string;
};

/** The floor page: the start screen's heading and link (Dutch, as the app's runs), nothing else. */
function writeFloor(): string {
  const file = resolve(OUT, 'floor.html');
  writeFileSync(file, floorHtml(startTexts.title, startTexts.newAssessment));
  return file;
}

/** The side-by-side table rows: per slowdown, every page's medians and ratios to the floor. */
function sideRows(r: SideResult, pages: SidePage[], firstScreenGz: number): Row[] {
  const rows: Row[] = [];
  const group = 'Side by side (file://, cold, interleaved)';
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const max = (xs: number[]) => {
    const m = Math.max(...xs);
    return m === 0 ? '0' : m.toPrecision(2);
  };
  for (const cpu of ['1', '4'] as const) {
    const floor = r[cpu].floor!;
    for (const p of pages) {
      const f = r[cpu][p.name]!;
      const ours = p.name === pages[0]!.name;
      const vsFloor = p.name === 'floor' ? '' : ` = ${x(f.painted, floor.painted)} floor`;
      rows.push({
        group,
        name: `${cpu}× CPU, ${p.name}: heading + start action painted`,
        target: ours ? '≤ 1.5× floor' : '',
        value: `${f.painted.toFixed(1)} ms${vsFloor}`,
        ...(ours ? { ok: f.painted <= 1.5 * floor.painted } : {}),
      });
      rows.push({
        group,
        name: `${cpu}× CPU, ${p.name}: interactive`,
        target: ours ? '≤ 2× floor' : '',
        value: `${f.interactive.toFixed(1)} ms${p.name === 'floor' ? '' : ` = ${x(f.interactive, floor.interactive)} floor`}`,
        ...(ours ? { ok: f.interactive <= 2 * floor.interactive } : {}),
      });
      rows.push({
        group,
        name: `${cpu}× CPU, ${p.name}: layout shift (sum), TBT`,
        target: ours ? '0' : '',
        value: `${f.shift === 0 ? '0' : f.shift.toPrecision(2)} (max ${max(f.shifts)}), ${f.tbt.toFixed(0)} ms`,
        ...(ours ? { ok: f.shift === 0 } : {}),
      });
      if (f.ready !== null) {
        rows.push({
          group,
          name: `${cpu}× CPU, ${p.name}: app has taken over (library answered)`,
          target: '',
          value: `${f.ready.toFixed(1)} ms = ${x(f.ready, floor.interactive)} floor's interactive`,
        });
      }
    }
  }
  rows.push({
    group,
    name: 'First-screen JS (hosted build), gzipped',
    target: `≤ ${FIRST_SCREEN_JS_GZ_TARGET / 1000} KB`,
    value: `${(firstScreenGz / 1000).toFixed(1)} KB`,
    ok: firstScreenGz <= FIRST_SCREEN_JS_GZ_TARGET,
  });
  return rows;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  underLock();
  mkdirSync(OUT, { recursive: true });
  const load0 = loadavg();
  const t0 = Date.now();
  if (o.build) buildApp();
  const singleUrl = pathToFileURL(o.single).href;
  const result: Record<string, unknown> = {
    label: o.label,
    date: new Date().toISOString(),
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? '?',
      node: process.version,
      loadAverageAtStart: load0.map((x) => Math.round(x * 100) / 100),
    },
    runs: o.runs,
  };
  const rows: Row[] = [];

  if (o.only.has('sizes')) {
    console.log('bench: sizes …');
    const single = sizeOf(o.single, 'fria-wizard.html');
    const first = firstScreenJs(o.dist);
    const assets = hostedAssets(o.dist);
    const firstSet = new Set(first.files.map((f) => f.file));
    let lazy: { file: string; raw: number; gz: number; kind: LazyKind; top: string[] }[] = [];
    let fontBytes = 0;
    if (o.dist === resolve('dist')) {
      // Module lists come from an in-memory rebuild of the current sources: only valid for dist/.
      const chunks = await analyzeHosted();
      // The PDF font is a module of the PDF chunk (zlib-compressed TTF as base64 text).
      fontBytes = chunks
        .flatMap((c) => c.modules)
        .filter((m) => m.id.includes('src/pdf/fonts/'))
        .reduce((sum, m) => sum + m.bytes, 0);
      lazy = chunks
        .filter((c) => !firstSet.has(c.file))
        .map((c) => ({
          file: c.file,
          raw: c.raw,
          gz: c.gz,
          kind: kindOf(c),
          top: c.modules.slice(0, 3).map((m) => `${m.id} (${m.bytes})`),
        }))
        .sort((a, b) => b.gz - a.gz);
    }
    const byKind: Record<string, { raw: number; gz: number; files: number }> = {};
    for (const c of lazy) {
      const k = (byKind[c.kind] ??= { raw: 0, gz: 0, files: 0 });
      k.raw += c.raw;
      k.gz += c.gz;
      k.files++;
    }
    const css = assets.filter((a) => a.file.endsWith('.css'));
    result.sizes = {
      single,
      firstScreenJs: first,
      css,
      lazyByKind: byKind,
      fontModuleBytes: fontBytes,
      lazy,
      budgets: { singleFile: SINGLE_FILE_BUDGET, firstScreenJsGz: FIRST_SCREEN_JS_GZ_BUDGET },
    };
    const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
    rows.push(
      {
        group: 'Sizes',
        name: 'Single HTML file',
        target: '≤ 1 MB',
        value: kb(single.raw),
        ok: single.raw <= SINGLE_FILE_BUDGET,
      },
      { group: 'Sizes', name: 'Single HTML file, gzipped', target: '', value: kb(single.gz) },
      {
        group: 'Sizes',
        name: `First-screen JS (hosted, ${first.files.length} files), gz`,
        target: `≤ ${FIRST_SCREEN_JS_GZ_TARGET / 1000} KB`,
        value: `${kb(first.gz)} (CI budget ${kb(FIRST_SCREEN_JS_GZ_BUDGET)})`,
        ok: first.gz <= FIRST_SCREEN_JS_GZ_TARGET,
      },
      { group: 'Sizes', name: 'First-screen JS, raw', target: '', value: kb(first.raw) },
    );
    for (const [k, v] of Object.entries(byKind).sort()) {
      rows.push({
        group: 'Sizes',
        name: `Lazy: ${k} (${v.files} chunk${v.files > 1 ? 's' : ''}), gz${k === 'pdf' && fontBytes ? `, font included (${kb(fontBytes)} as base64 of zlib-compressed TTF)` : ''}`,
        target: 'on demand',
        value: kb(v.gz),
      });
    }
  }

  // Fixtures shared by several parts.
  const friaCore = validateQuestionnaireText(
    readFileSync('questionnaires/fria-core/questionnaire.json', 'utf8'),
  );
  if (!friaCore.valid) throw new Error('fria-core questionnaire is invalid');
  const iama = await filledAssessment(friaCore.questionnaire, {
    riskCount: 12,
    textLength: 600,
    id: 'bench-iama',
  });

  const needBrowser = ['side', 'start', 'library', 'wizard', 'pdf'].some((k) => o.only.has(k));
  const browser = needBrowser ? await launch() : null;
  try {
    if (browser) (result.machine as Record<string, unknown>).chromium = browser.version();

    if (o.only.has('side') && browser) {
      const first = firstScreenJs(o.dist);
      const pages: SidePage[] = [
        {
          name: 'FRIA Wizard',
          url: singleUrl,
          condition: HEADING_AND_ACTION,
          ready: `document.querySelector('.library') && !document.querySelector('.library').textContent.includes(${JSON.stringify(libraryTexts.loading)})`,
        },
        { name: 'floor', url: pathToFileURL(writeFloor()).href, condition: HEADING_AND_ACTION },
        ...o.compare.map((f) => ({
          name: f,
          url: pathToFileURL(f).href,
          condition: o.compareReady ?? HEADING_AND_ACTION,
        })),
      ];
      console.log(
        `bench: side by side, ${o.runs} runs × ${pages.length} pages × (1×, 4×), interleaved …`,
      );
      const side = await measureSideBySide(browser, pages, o.runs, (l) => console.log(l));
      result.sideBySide = { pages: pages.map((p) => p.name), ...side };
      rows.push(...sideRows(side.result, pages, first.gz));
    }

    if (o.only.has('start') && browser) {
      console.log(`bench: start screen, ${o.runs} runs × (app, floor) × (1×, 4×) …`);
      const floorUrl = pathToFileURL(writeFloor()).href;
      // A returning user: ten IAMA-sized fria-core assessments in the library, imported in the
      // same (fresh) context first; measured until every item and its questionnaire name show.
      const libDir = resolve(OUT, 'fixtures', 'library');
      mkdirSync(libDir, { recursive: true });
      const libFiles: string[] = [];
      for (let i = 0; i < 10; i++) {
        const a = await filledAssessment(friaCore.questionnaire, {
          riskCount: 5,
          textLength: 400,
          id: `bench-lib-${i}`,
        });
        a.meta.title = `Bench ${i}`;
        const file = join(libDir, `bench-lib-${i}.fria.json`);
        writeFileSync(file, serializeAssessment(a));
        libFiles.push(file);
      }
      const fillLibrary = async (p: BenchPage, url: string) => {
        await p.page.goto(url);
        await p.page.getByLabel(/Bestanden importeren of terugzetten/).setInputFiles(libFiles);
        await p.page.getByText('10 beoordelingen toegevoegd.').waitFor({ timeout: 60_000 });
      };
      const libraryShown = `document.querySelector('a[href="#/new"]') && document.querySelectorAll('a[href^="#/a/bench-lib-"][href$="/step/0"]').length >= 10 && document.body.textContent.includes(${JSON.stringify(friaCore.questionnaire.title.nl)})`;
      const libraryOf = (url: string) => ({
        condition: libraryShown,
        prepare: (p: BenchPage) => fillLibrary(p, url),
      });
      const withLibrary = libraryOf(singleUrl);
      const runs: Record<string, StartRun[]> = {
        app1: [],
        app4: [],
        floor1: [],
        floor4: [],
        library1: [],
        library4: [],
      };
      for (let i = 0; i < o.runs; i++) {
        // Interleaved, so drift in the machine's load affects app and floor alike.
        runs.floor1!.push(await measureStart(browser, floorUrl, 1));
        runs.app1!.push(await measureStart(browser, singleUrl, 1));
        runs.floor4!.push(await measureStart(browser, floorUrl, 4));
        runs.app4!.push(await measureStart(browser, singleUrl, 4));
        runs.library1!.push(await measureStart(browser, singleUrl, 1, withLibrary));
        runs.library4!.push(await measureStart(browser, singleUrl, 4, withLibrary));
        if (o.compare[0]) {
          const url = pathToFileURL(o.compare[0]).href;
          (runs.compare1 ??= []).push(await measureStart(browser, url, 1));
          (runs.compare4 ??= []).push(await measureStart(browser, url, 4));
          (runs.compareLibrary1 ??= []).push(await measureStart(browser, url, 1, libraryOf(url)));
          (runs.compareLibrary4 ??= []).push(await measureStart(browser, url, 4, libraryOf(url)));
        }
      }
      const summary = Object.fromEntries(
        Object.entries(runs).map(([k, list]) => [
          k,
          {
            interactive: ms(stats(list.map((r) => r.interactive))),
            link: ms(stats(list.map((r) => r.link))),
            painted: ms(stats(list.map((r) => r.painted))),
            fcp: ms(stats(list.map((r) => r.fcp ?? NaN))),
            tbt: ms(stats(list.map((r) => r.tbt))),
            longTasks: stats(list.map((r) => r.longTasks)),
            heapMB: roundStats(stats(list.map((r) => r.heapBytes / 1e6)), 2),
          },
        ]),
      ) as Record<string, { interactive: Stats; tbt: Stats; heapMB: Stats }>;
      const ratio1 = summary.app1!.interactive.median / summary.floor1!.interactive.median;
      const ratio4 = summary.app4!.interactive.median / summary.floor4!.interactive.median;
      result.start = {
        ...summary,
        ratioToFloor1x: Math.round(ratio1 * 10) / 10,
        ratioToFloor4x: Math.round(ratio4 * 10) / 10,
        raw: runs,
      };
      const fmt = (s: Stats, unit = 'ms') => `${s.median} ${unit} (${s.min}–${s.max})`;
      rows.push(
        {
          group: 'Start (file://, cold)',
          name: 'Start screen interactive, 1× CPU',
          target: '≤ 250 ms',
          value: fmt(summary.app1!.interactive),
          ok: summary.app1!.interactive.median <= 250,
        },
        {
          group: 'Start (file://, cold)',
          name: 'Same, 4× CPU slowdown',
          target: '≤ 1 s',
          value: fmt(summary.app4!.interactive),
          ok: summary.app4!.interactive.median <= 1000,
        },
        {
          group: 'Start (file://, cold)',
          name: 'Floor (static page), 1× / 4×',
          target: '',
          value: `${summary.floor1!.interactive.median} / ${summary.floor4!.interactive.median} ms`,
        },
        {
          group: 'Start (file://, cold)',
          name: 'Ratio to the floor, 1× / 4×',
          target: '',
          value: `${ratio1.toFixed(1)}× / ${ratio4.toFixed(1)}×`,
        },
        {
          group: 'Start (file://, cold)',
          name: 'Total blocking time during load, 1×',
          target: '≤ 100 ms',
          value: fmt(summary.app1!.tbt),
          ok: summary.app1!.tbt.median <= 100,
        },
        {
          group: 'Start (file://, cold)',
          name: 'Total blocking time during load, 4×',
          target: '',
          value: fmt(summary.app4!.tbt),
        },
        {
          group: 'Start (file://, cold)',
          name: 'JS heap after load (after GC)',
          target: '≤ 8 MB',
          value: fmt(summary.app1!.heapMB, 'MB'),
          ok: summary.app1!.heapMB.median <= 8,
        },
        ...(summary.compare1
          ? [
              {
                group: 'Start (file://, cold)',
                name: `Compared build (${o.compare[0]}), interleaved: interactive 1× / 4×, TBT 1×, heap`,
                target: '',
                value: `${fmt(summary.compare1.interactive)} / ${fmt(summary.compare4!.interactive)}, ${fmt(summary.compare1.tbt)}, ${fmt(summary.compare1.heapMB, 'MB')}`,
              },
            ]
          : []),
        {
          group: 'Start (file://, cold)',
          name: 'With 10 assessments in the library (until all are listed with their questionnaire), 1× / 4×',
          target: '',
          value: `${fmt(summary.library1!.interactive)} / ${fmt(summary.library4!.interactive)}`,
        },
        {
          group: 'Start (file://, cold)',
          name: 'Same, TBT 1× / heap after load',
          target: '',
          value: `${fmt(summary.library1!.tbt)} / ${fmt(summary.library1!.heapMB, 'MB')}`,
        },
        ...(summary.compareLibrary1
          ? [
              {
                group: 'Start (file://, cold)',
                name: 'Compared build, interleaved: with 10 assessments, 1× / 4×',
                target: '',
                value: `${fmt(summary.compareLibrary1.interactive)} / ${fmt(summary.compareLibrary4!.interactive)}`,
              },
            ]
          : []),
      );
    }

    if (o.only.has('library') && browser) {
      console.log(
        `bench: start with ${LIBRARY_SIZE} stored assessments vs empty, ${o.runs} runs …`,
      );
      const sample = await filledAssessment(friaCore.questionnaire, {
        riskCount: 2,
        textLength: 120,
        id: 'bench-big',
      });
      const files = [o.single, ...o.compare];
      const libs = await measureLibrary(
        browser,
        files.map((f) => pathToFileURL(f).href),
        libraryTemplate(sample, friaCore.questionnaire),
        o.runs,
      );
      const of = (list: StartRun[]) => ({
        interactive: ms(stats(list.map((r) => r.interactive))),
        longestTask: ms(stats(list.map((r) => r.longestTask))),
        tbt: ms(stats(list.map((r) => r.tbt))),
        heapMB: roundStats(stats(list.map((r) => r.heapBytes / 1e6)), 2),
      });
      const results = libs.map((lib, k) => {
        const empty = of(lib.empty);
        const full = of(lib.full);
        const ratio = full.interactive.median / empty.interactive.median;
        return {
          file: files[k]!,
          size: LIBRARY_SIZE,
          empty,
          full,
          ratio: Math.round(ratio * 100) / 100,
          raw: lib,
        };
      });
      result.library = { ...results[0]!, compare: results.slice(1) };
      const fmt = (x: Stats, unit = 'ms') => `${x.median} ${unit} (${x.min}–${x.max})`;
      for (const [k, r] of results.entries()) {
        const g = `Library of ${LIBRARY_SIZE} (file://, cold)${k === 0 ? '' : `, ${r.file}`}`;
        rows.push(
          {
            group: g,
            name: 'Start interactive, empty library / 10,000 assessments (1× CPU)',
            target: '',
            value: `${fmt(r.empty.interactive)} / ${fmt(r.full.interactive)}`,
          },
          {
            group: g,
            name: 'Ratio 10,000 / empty (medians)',
            target: '≤ 1.5×',
            value: `${r.ratio.toFixed(2)}×`,
            ok: r.ratio <= 1.5,
          },
          {
            group: g,
            name: 'Longest task during start with 10,000 (max over runs)',
            target: '≤ 100 ms',
            value: `${r.full.longestTask.max} ms (median ${r.full.longestTask.median})`,
            ok: r.full.longestTask.max <= 100,
          },
          {
            group: g,
            name: 'Longest task during start, empty library (max over runs)',
            target: '',
            value: `${r.empty.longestTask.max} ms (median ${r.empty.longestTask.median})`,
          },
          {
            group: g,
            name: 'Same, TBT / JS heap after load',
            target: '',
            value: `${fmt(r.full.tbt)} / ${fmt(r.full.heapMB, 'MB')}`,
          },
        );
      }
    }

    if (o.only.has('wizard') && browser) {
      console.log(`bench: wizard with 300 questions, ${o.runs} runs …`);
      const q = syntheticQuestionnaire(15);
      const list: WizardRun[] = [];
      for (let i = 0; i < o.runs; i++) list.push(await measureWizard(browser, singleUrl, q));
      const all = (f: (r: WizardRun) => number[]) => list.flatMap(f);
      const perRunP95 = (f: (r: WizardRun) => number[]) =>
        stats(list.map((r) => percentile(f(r), 95)));
      const w = {
        questions: q.sections.reduce((s, x) => s + x.questions.length, 0),
        sections: q.sections.length,
        keyToFramePooled: ms(stats(all((r) => r.keyToFrame))),
        keyToPaintedPooled: ms(stats(all((r) => r.keyToPainted))),
        keyToPaintedP95PerRun: ms(perRunP95((r) => r.keyToPainted)),
        stepDom: ms(stats(all((r) => r.stepDom))),
        stepPainted: ms(stats(all((r) => r.stepPainted))),
        scoreRunsWhileTyping: list.map((r) => r.scoreRuns),
        keysOverlappingScore: list.map((r) => r.keysOverlappingScore),
        scoreRunsAfterPause: list.map((r) => r.scoreRunsAfterPause),
        scoreDuration: ms(stats(all((r) => r.scoreDurations))),
        saveTasksWhileTyping: list.map((r) => r.saveTasks),
        saveTaskDuration: ms(stats(all((r) => r.saveDurations))),
        keysOverlappingSave: list.map((r) => r.keysOverlappingSave),
      };
      result.wizard = w;
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      rows.push(
        {
          group: 'Wizard (300 questions)',
          name: 'Changing step (click → new h1 painted), median / p95',
          target: '≤ 50 ms',
          value: `${w.stepPainted.median} / ${w.stepPainted.p95} ms (max ${w.stepPainted.max})`,
          ok: w.stepPainted.median <= 50,
        },
        {
          group: 'Wizard (300 questions)',
          name: 'Keystroke → painted frame, p95 (all keys of all runs)',
          target: '≤ 16 ms',
          value: `${w.keyToPaintedPooled.p95} ms (median ${w.keyToPaintedPooled.median}, max ${w.keyToPaintedPooled.max})`,
          ok: w.keyToPaintedPooled.p95 <= 16,
        },
        {
          group: 'Wizard (300 questions)',
          name: 'Keystroke → next frame starts, p95',
          target: '',
          value: `${w.keyToFramePooled.p95} ms`,
        },
        {
          group: 'Wizard (300 questions)',
          name: 'Scoring runs while typing / keys it delayed',
          target: '0 / 0',
          value: `${sum(w.scoreRunsWhileTyping)} / ${sum(w.keysOverlappingScore)} (${sum(w.scoreRunsAfterPause)} runs after the pause, ${w.scoreDuration.median} ms each)`,
          ok: sum(w.keysOverlappingScore) === 0,
        },
        {
          group: 'Wizard (300 questions)',
          name: 'Autosave tasks while typing / keys they delayed',
          target: '',
          value: `${sum(w.saveTasksWhileTyping)} / ${sum(w.keysOverlappingSave)} of ${list.length * 200} (task median ${w.saveTaskDuration.median} ms, max ${w.saveTaskDuration.max})`,
        },
      );
    }

    if (o.only.has('pdf') && browser) {
      console.log(`bench: PDF in the browser, ${o.runs} runs …`);
      const stress = await stressAssessment(stressQuestionnaire());
      const dir = resolve(OUT, 'fixtures');
      mkdirSync(dir, { recursive: true });
      // Each fixture in a page of its own, so each has a first export (which also loads the PDF
      // code and runs it for the first time) and later ones.
      const runs: { stress: PdfRun[string]; iama: PdfRun[string] }[] = [];
      for (let i = 0; i < o.runs; i++) {
        const s1 = await measurePdf(
          browser,
          singleUrl,
          [{ name: 'stress', assessment: stress }],
          dir,
          2,
        );
        const s2 = await measurePdf(
          browser,
          singleUrl,
          [{ name: 'iama', assessment: iama }],
          dir,
          2,
        );
        runs.push({ stress: s1.stress!, iama: s2.iama! });
      }
      const pdf = {
        stressCold: ms(stats(runs.map((r) => r.stress.cold!))),
        stressWarm: ms(stats(runs.flatMap((r) => r.stress.warm))),
        iamaCold: ms(stats(runs.map((r) => r.iama.cold!))),
        iamaWarm: ms(stats(runs.flatMap((r) => r.iama.warm))),
        stressBytes: runs[0]!.stress.bytes,
        iamaBytes: runs[0]!.iama.bytes,
      };
      result.pdf = pdf;
      const fmt = (s: Stats) => `${s.median} ms (${s.min}–${s.max})`;
      rows.push(
        {
          group: 'PDF (browser, 1×)',
          name: `Stress fixture (60 long answers + notes, 50 risks; ${(pdf.stressBytes / 1e3).toFixed(0)} KB PDF)`,
          target: '≤ 1 s',
          value: fmt(pdf.stressWarm),
          ok: pdf.stressWarm.median <= 1000,
        },
        {
          group: 'PDF (browser, 1×)',
          name: 'Same, first export in the page (loads the PDF code and runs it for the first time)',
          target: '',
          value: fmt(pdf.stressCold),
        },
        {
          group: 'PDF (browser, 1×)',
          name: `IAMA-sized (fria-core, 99 questions answered, 12 risks; ${(pdf.iamaBytes / 1e3).toFixed(0)} KB PDF)`,
          target: '≤ 300 ms',
          value: fmt(pdf.iamaWarm),
          ok: pdf.iamaWarm.median <= 300,
        },
        {
          group: 'PDF (browser, 1×)',
          name: 'Same, first export in the page',
          target: '',
          value: fmt(pdf.iamaCold),
        },
      );
    }
  } finally {
    await browser?.close();
  }

  if (o.only.has('node')) {
    console.log('bench: Node …');
    const n = await measureNode({ a: iama, q: friaCore.questionnaire });
    result.node = n;
    const fmt = (s: Stats) =>
      `${s.median.toFixed(2)} ms (min ${s.min.toFixed(2)}, p95 ${s.p95.toFixed(2)})`;
    rows.push(
      {
        group: `Node (${n.node})`,
        name: `Scoring a ${n.score2000Questions}-question assessment`,
        target: '≤ 5 ms',
        value: fmt(n.score2000),
        ok: n.score2000.median <= 5,
      },
      {
        group: `Node (${n.node})`,
        name: `Validating fria-core (${n.friaCoreQuestions} questions, from text)`,
        target: '≤ 20 ms',
        value: fmt(n.validateFriaCore),
        ok: n.validateFriaCore.median <= 20,
      },
      {
        group: `Node (${n.node})`,
        name: 'Validating the synthetic 300-question file',
        target: '',
        value: fmt(n.validateSynthetic300),
      },
      {
        group: `Node (${n.node})`,
        name: `Autosave, 300 questions + 50 risks (${(n.autosave.assessmentBytes / 1e3).toFixed(0)} KB): summary + put (fake-indexeddb)`,
        target: '≤ 5 ms',
        value: fmt(n.autosave.put),
        ok: n.autosave.put.median <= 5,
      },
      {
        group: `Node (${n.node})`,
        name: '… of which serialising',
        target: '',
        value: fmt(n.autosave.serialize),
      },
      {
        group: `Node (${n.node})`,
        name: `Autosave, IAMA-sized (${(n.autosaveIama.assessmentBytes / 1e3).toFixed(0)} KB): summary + put`,
        target: '≤ 5 ms',
        value: fmt(n.autosaveIama.put),
        ok: n.autosaveIama.put.median <= 5,
      },
    );
  }

  (result.machine as Record<string, unknown>).loadAverageAtEnd = loadavg().map(
    (x) => Math.round(x * 100) / 100,
  );
  result.seconds = Math.round((Date.now() - t0) / 1000);
  result.table = rows;
  const name = o.label === 'current' ? 'bench.json' : `bench-${o.label}.json`;
  writeFileSync(join(OUT, name), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${renderTable(rows)}`);
  console.log(
    `\nload average ${load0.map((x) => x.toFixed(1)).join(' ')} → ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs; ${OUT}/${name} written (${result.seconds} s)`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
