/**
 * Where the time of a start with 10,000 stored assessments goes: a CPU profile (DevTools protocol,
 * 100 µs sampling) of one cold start of the single file, with the long tasks and the app's User
 * Timing marks. Not part of `npm run bench`: run it to look before changing something.
 *
 *   npx tsx scripts/bench/profile-library.ts [FILE.html] [--runs=N]
 *
 * Writes bench-results/library-N.cpuprofile (open it in Chromium's DevTools, Performance panel) and
 * prints the functions with the most self time, per long task.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../../tests/e2e/browser';
import { validateQuestionnaireText } from '../../src/core/questionnaire/validate';
import { filledAssessment } from './synthetic';
import { fullLibraryShown, LIBRARY_SIZE, libraryTemplate, seedLibrary } from './library';
import { openBenchPage, pollFor, sleep } from './page';
import { startProbe } from './start';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

async function main(): Promise<void> {
  const file = resolve(
    process.argv.find((a) => a.endsWith('.html')) ?? 'dist-single/fria-wizard.html',
  );
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 1);
  const url = pathToFileURL(file).href;
  const fc = validateQuestionnaireText(
    readFileSync('questionnaires/fria-core/questionnaire.json', 'utf8'),
  );
  if (!fc.valid) throw new Error('fria-core invalid');
  const sample = await filledAssessment(fc.questionnaire, {
    riskCount: 2,
    textLength: 120,
    id: 'bench-big',
  });
  const tpl = libraryTemplate(sample, fc.questionnaire);
  mkdirSync('bench-results', { recursive: true });
  const browser = await launch();
  try {
    for (let run = 0; run < runs; run++) {
      const p = await openBenchPage(browser, {
        initScripts: [
          startProbe(fullLibraryShown(LIBRARY_SIZE)),
          // A marker in the profile at a known page time, to line the two clocks up.
          `window.__benchMarkerAt = performance.now(); (function __benchMarker() { const e = performance.now() + 3; while (performance.now() < e); })();`,
        ],
        prepare: (bp) => seedLibrary(bp, url, LIBRARY_SIZE, tpl),
      });
      await p.cdp.send('Profiler.enable');
      await p.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await p.cdp.send('Profiler.start');
      await p.page.goto(url, { waitUntil: 'commit' });
      await pollFor(p.page, 'window.__bench && window.__bench.painted !== null', 60_000);
      await sleep(1500);
      const { profile } = (await p.cdp.send('Profiler.stop')) as { profile: Profile };
      const bench = (await p.page.evaluate(
        `({ b: window.__bench, markerAt: window.__benchMarkerAt, marks: performance.getEntries().filter(e => e.entryType === 'mark' || e.entryType === 'measure').map(e => [e.entryType, e.name, Math.round(e.startTime), Math.round(e.duration)]), nav: performance.timeOrigin })`,
      )) as {
        b: { longTasks: [number, number][]; link: number; painted: number };
        markerAt: number;
        marks: unknown[];
        nav: number;
      };
      writeFileSync(`bench-results/library-${run}.cpuprofile`, JSON.stringify(profile));
      console.log(
        `run ${run}: condition ${Math.round(bench.b.link)} ms, painted ${Math.round(bench.b.painted)} ms`,
      );
      console.log(
        '  long tasks:',
        bench.b.longTasks.map(([s, d]) => `${Math.round(s)}+${Math.round(d)}`).join(', '),
      );
      for (const m of bench.marks) console.log('  ', JSON.stringify(m));
      // Self time per function, per long task window (profile times are µs on the monotonic clock;
      // the page's timeOrigin is in ms since the epoch, so align on the first sample instead:
      // navigation start ≈ profile start is not exact, so print windows by profile-relative time).
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      let t = profile.startTime;
      const samples: { t: number; id: number; dt: number }[] = [];
      for (let i = 0; i < profile.samples.length; i++) {
        t += profile.timeDeltas[i]!;
        const dt = profile.timeDeltas[i + 1] ?? 0;
        samples.push({ t: (t - profile.startTime) / 1000, id: profile.samples[i]!, dt: dt / 1000 });
      }
      const label = (n: Node) =>
        `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
      const top = (from: number, to: number, title: string) => {
        const self = new Map<string, number>();
        const incl = new Map<string, number>();
        let total = 0;
        for (const s of samples) {
          if (s.t < from || s.t > to) continue;
          const n = byId.get(s.id)!;
          if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)')
            continue;
          total += s.dt;
          self.set(label(n), (self.get(label(n)) ?? 0) + s.dt);
          const seen = new Set<string>();
          for (let id: number | undefined = s.id; id !== undefined; id = parent.get(id)) {
            const l = label(byId.get(id)!);
            if (seen.has(l)) continue;
            seen.add(l);
            incl.set(l, (incl.get(l) ?? 0) + s.dt);
          }
        }
        console.log(`  == ${title}: ${total.toFixed(0)} ms busy`);
        const show = (m: Map<string, number>, n: number, name: string) =>
          console.log(
            `   ${name}:\n` +
              [...m]
                .sort((a, b) => b[1] - a[1])
                .slice(0, n)
                .map(([k, v]) => `     ${v.toFixed(1).padStart(7)} ${k}`)
                .join('\n'),
          );
        show(self, title.startsWith('whole') ? 25 : 10, 'self');
        show(incl, title.startsWith('whole') ? 40 : 25, 'inclusive');
      };
      top(0, 1e9, 'whole profile');
      // Page time of profile time: the first sample inside the marker.
      const marker = samples.find((x) => {
        for (let id: number | undefined = x.id; id !== undefined; id = parent.get(id))
          if (byId.get(id)!.callFrame.functionName === '__benchMarker') return true;
        return false;
      });
      const shift = marker ? bench.markerAt - marker.t : 0;
      console.log(`  clock shift ${shift.toFixed(1)} ms${marker ? '' : ' (no marker found)'}`);
      for (const x of samples) x.t += shift;
      for (const [start, dur] of bench.b.longTasks)
        top(start, start + dur, `long task ${Math.round(start)}+${Math.round(dur)} ms`);
      top(
        bench.b.link - 300,
        bench.b.painted + 1000,
        'from 300 ms before the condition to 1 s after the frame',
      );
    }
  } finally {
    await browser.close();
  }
}

void main();
