import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver, type AutosaveStatus } from '../../../src/storage/autosave';
import {
  createMemoryRepository,
  StorageError,
  type AssessmentRepository,
  type StorageErrorCode,
} from '../../../src/core/assessment/repository';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import { openIdbRepository, type StorageFaults } from '../../../src/storage/idb-repository';
import { edit, makeAssessment, summaryOf } from './helpers';

/** A memory repository that records every put, can be made to fail, and can be made slow. */
function recordingRepo() {
  const inner = createMemoryRepository();
  const puts: string[] = [];
  let failWith: StorageErrorCode | null = null;
  let inFlight = 0;
  let maxInFlight = 0;
  let putDelayMs = 0;
  const repo: AssessmentRepository = {
    ...inner,
    async put(a, s, o) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (putDelayMs) await new Promise((r) => setTimeout(r, putDelayMs));
        if (failWith) throw new StorageError(failWith, `simulated ${failWith}`);
        puts.push(String(a.answers.purpose ?? ''));
        await inner.put(a, s, o);
      } finally {
        inFlight--;
      }
    },
  };
  return {
    repo,
    puts,
    fail: (code: StorageErrorCode | null) => (failWith = code),
    slow: (ms: number) => (putDelayMs = ms),
    maxInFlight: () => maxInFlight,
  };
}

/** A document and window stand-in whose visibility the test controls. */
function fakePage() {
  const document = new EventTarget() as EventTarget & { visibilityState: string };
  document.visibilityState = 'visible';
  const window = new EventTarget();
  return {
    events: { document: document as unknown as Document, window: window as unknown as Window },
    hide() {
      document.visibilityState = 'hidden';
      document.dispatchEvent(new Event('visibilitychange'));
    },
    pagehide: () => window.dispatchEvent(new Event('pagehide')),
  };
}

let base: Assessment;
let clock = 0;
const typed = (text: string) =>
  edit(base, 'purpose', text, `2026-03-01T09:00:${String(++clock % 60).padStart(2, '0')}.000Z`);

beforeEach(async () => {
  vi.useFakeTimers({ now: new Date('2026-03-01T09:00:00.000Z') });
  base = await makeAssessment('a1');
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('does no work on the keystroke: no summary, no write until the pause', async () => {
    const { repo, puts } = recordingRepo();
    const summarize = vi.fn(summaryOf);
    const saver = createAutosaver({ repository: repo, summarize, events: null });
    saver.schedule(typed('a'));
    saver.schedule(typed('ab'));
    expect(summarize).not.toHaveBeenCalled();
    expect(puts).toEqual([]);
    await vi.advanceTimersByTimeAsync(399);
    expect(puts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(puts).toEqual(['ab']);
    expect(summarize).toHaveBeenCalledTimes(1);
  });

  it('saves within a second even while the user keeps typing', async () => {
    const { repo, puts } = recordingRepo();
    const saver = createAutosaver({ repository: repo, summarize: summaryOf, events: null });
    let text = '';
    const savedAtMs: number[] = [];
    saver.subscribe((s) => s.kind === 'saved' && savedAtMs.push(Date.now()));
    const start = Date.now();
    for (let i = 0; i < 30; i++) {
      text += 'x';
      saver.schedule(typed(text));
      await vi.advanceTimersByTimeAsync(100);
    }
    // A keystroke every 100 ms for 3 s: a save each second, not one at the end.
    expect(savedAtMs.map((t) => t - start)).toEqual([1000, 2000, 3000]);
    expect(puts.map((p) => p.length)).toEqual([10, 20, 30]);
    expect(await repo.get('a1')).toMatchObject({ answers: { purpose: 'x'.repeat(30) } });
  });

  it('flush writes at once and reports the time of saving', async () => {
    const { repo, puts } = recordingRepo();
    const saver = createAutosaver({
      repository: repo,
      summarize: summaryOf,
      events: null,
      now: () => '2026-03-01T14:02:00.000Z',
    });
    saver.schedule(typed('now'));
    expect(await saver.flush()).toBe(true);
    expect(puts).toEqual(['now']);
    expect(saver.status()).toEqual({ kind: 'saved', at: '2026-03-01T14:02:00.000Z' });
    expect(saver.unsaved()).toEqual([]);
  });

  it('saves when the page is hidden or closed, without waiting for the pause', async () => {
    const { repo, puts } = recordingRepo();
    const page = fakePage();
    const saver = createAutosaver({ repository: repo, summarize: summaryOf, events: page.events });
    saver.schedule(typed('before hiding'));
    page.hide();
    // Well before the 400 ms pause would end.
    await vi.waitFor(() => expect(puts).toEqual(['before hiding']), { timeout: 100, interval: 1 });
    saver.schedule(typed('before closing'));
    page.pagehide();
    await vi.waitFor(() => expect(puts).toEqual(['before hiding', 'before closing']), {
      timeout: 100,
      interval: 1,
    });
    await saver.dispose();
    saver.schedule(typed('after dispose'));
    page.pagehide();
    await vi.advanceTimersByTimeAsync(0);
    expect(puts).toHaveLength(2);
  });

  it('writes one save at a time; a change during a save is written right after it', async () => {
    const r = recordingRepo();
    r.slow(300);
    const saver = createAutosaver({ repository: r.repo, summarize: summaryOf, events: null });
    saver.schedule(typed('one'));
    await vi.advanceTimersByTimeAsync(450); // the first save is in flight
    saver.schedule(typed('two'));
    const done = saver.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await done).toBe(true);
    expect(r.puts).toEqual(['one', 'two']);
    expect(r.maxInFlight()).toBe(1);
  });

  it('on a full disk keeps the latest state for export, retries, and saves once there is space', async () => {
    const r = recordingRepo();
    const statuses: AutosaveStatus[] = [];
    const saver = createAutosaver({
      repository: r.repo,
      summarize: summaryOf,
      events: null,
      retryMs: [1000, 2000],
      now: () => 'T',
    });
    saver.subscribe((s) => statuses.push(s));
    saver.schedule(typed('saved before'));
    await saver.flush();
    r.fail('quotaExceeded');
    saver.schedule(typed('kept in memory'));
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.status()).toMatchObject({ kind: 'error', code: 'quotaExceeded', retrying: true });
    expect(saver.unsaved().map((a) => a.answers.purpose)).toEqual(['kept in memory']);
    expect((await r.repo.get('a1'))?.answers.purpose).toBe('saved before');

    // Typing on during the error: the newest state replaces the kept one.
    saver.schedule(typed('kept, newer'));
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.unsaved().map((a) => a.answers.purpose)).toEqual(['kept, newer']);

    await vi.advanceTimersByTimeAsync(5000); // retries fail too
    r.fail(null); // space again
    await vi.advanceTimersByTimeAsync(2000);
    expect((await r.repo.get('a1'))?.answers.purpose).toBe('kept, newer');
    expect(saver.unsaved()).toEqual([]);
    // Announced once per change of status, not once per retry.
    expect(statuses.map((s) => (s.kind === 'error' ? `error ${s.code}` : s.kind))).toEqual([
      'saving',
      'saved',
      'saving',
      'error quotaExceeded',
      'saved',
    ]);
  });

  it('does not retry what only the user can resolve (a newer app took over), and keeps the state', async () => {
    const r = recordingRepo();
    r.fail('versionChange');
    const put = vi.spyOn(r.repo, 'put');
    const saver = createAutosaver({ repository: r.repo, summarize: summaryOf, events: null });
    saver.schedule(typed('precious'));
    expect(await saver.flush()).toBe(false);
    expect(saver.status()).toMatchObject({ kind: 'error', code: 'versionChange', retrying: false });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(put).toHaveBeenCalledTimes(1);
    expect(saver.unsaved()[0]?.answers.purpose).toBe('precious');
  });

  it('a read-only tab writes nothing, says why, and still offers the state for export', async () => {
    const r = recordingRepo();
    const saver = createAutosaver({
      repository: r.repo,
      summarize: summaryOf,
      events: null,
      readOnly: true,
    });
    saver.schedule(typed('not mine to save'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(await saver.flush()).toBe(false);
    expect(r.puts).toEqual([]);
    expect(saver.status()).toMatchObject({ kind: 'error', code: 'readOnly', retrying: false });
    expect(saver.unsaved()).toHaveLength(1);
  });

  it('a flush with nothing new keeps the time of the last real save', async () => {
    const r = recordingRepo();
    let t = 'first';
    const saver = createAutosaver({
      repository: r.repo,
      summarize: summaryOf,
      events: null,
      now: () => t,
    });
    saver.schedule(typed('x'));
    await saver.flush();
    t = 'later';
    await saver.flush();
    expect(saver.status()).toEqual({ kind: 'saved', at: 'first' });
  });

  it('with IndexedDB: a simulated full disk leaves the stored state intact until the retry succeeds', async () => {
    vi.useRealTimers();
    const faults: StorageFaults = {};
    const repo = await openIdbRepository({ name: 'autosave-idb', faults: () => faults });
    const saver = createAutosaver({
      repository: repo,
      summarize: summaryOf,
      events: null,
      retryMs: [20],
    });
    saver.schedule(typed('first'));
    await saver.flush();
    faults.quota = true;
    saver.schedule(typed('second'));
    expect(await saver.flush()).toBe(false);
    expect(saver.status()).toMatchObject({ kind: 'error', code: 'quotaExceeded' });
    expect((await repo.get('a1'))?.answers.purpose).toBe('first');
    faults.quota = false;
    await vi.waitFor(() => expect(saver.status().kind).toBe('saved'));
    expect((await repo.get('a1'))?.answers.purpose).toBe('second');
    expect(saver.lastCostMs()).toBeGreaterThanOrEqual(0);
    repo.close();
  });
});
