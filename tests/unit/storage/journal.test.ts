import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createAutosaver } from '../../../src/storage/autosave';
import { openIdbRepository, type IdbRepository } from '../../../src/storage/idb-repository';
import { readJournal, writeJournal } from '../../../src/storage/journal';
import {
  createMemoryRepository,
  type AssessmentRepository,
} from '../../../src/core/assessment/repository';
import { edit, makeAssessment, summaryOf } from './helpers';

/** localStorage as the browser has it, in memory. */
class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  full = false;
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.m.set(k, v);
  }
}

function fakePage() {
  const document = new EventTarget() as EventTarget & { visibilityState: string };
  document.visibilityState = 'visible';
  const window = new EventTarget();
  return {
    events: { document: document as unknown as Document, window: window as unknown as Window },
    pagehide: () => window.dispatchEvent(new Event('pagehide')),
  };
}

/** A repository whose writes never finish: what a reload does to a transaction in flight. */
function neverCommits(): AssessmentRepository {
  return { ...createMemoryRepository(), put: () => new Promise<void>(() => {}) };
}

const open: IdbRepository[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.close();
});
let n = 0;

describe('rescue journal', () => {
  it('on pagehide puts the unsaved state in the journal, synchronously', async () => {
    const journal = new MemoryStorage();
    const page = fakePage();
    const saver = createAutosaver({
      repository: neverCommits(),
      summarize: summaryOf,
      events: page.events,
      journal,
    });
    const a = edit(
      await makeAssessment('a1'),
      'purpose',
      'typed just before closing',
      '2026-03-01T10:00:00.000Z',
    );
    saver.schedule(a);
    page.pagehide();
    const [entry] = readJournal(journal);
    expect(entry?.id).toBe('a1');
    expect(JSON.parse(entry!.json)).toEqual(a);
    expect(entry?.summary).toEqual(summaryOf(a));
  });

  it('also keeps the state whose save was running when the page went away', async () => {
    const journal = new MemoryStorage();
    const page = fakePage();
    const saver = createAutosaver({
      repository: neverCommits(),
      summarize: summaryOf,
      events: page.events,
      journal,
    });
    const a = edit(await makeAssessment('a1'), 'purpose', 'in flight', '2026-03-01T10:00:00.000Z');
    saver.schedule(a);
    void saver.flush(); // the save starts and never ends
    await Promise.resolve();
    expect(saver.unsaved()).toEqual([]);
    page.pagehide();
    expect(readJournal(journal).map((e) => JSON.parse(e.json).answers.purpose)).toEqual([
      'in flight',
    ]);
  });

  it('clears the entry once a save of that state succeeds', async () => {
    const journal = new MemoryStorage();
    const page = fakePage();
    const repo = createMemoryRepository();
    const saver = createAutosaver({
      repository: repo,
      summarize: summaryOf,
      events: page.events,
      journal,
    });
    saver.schedule(edit(await makeAssessment('a1'), 'purpose', 'x', '2026-03-01T10:00:00.000Z'));
    page.pagehide();
    expect(readJournal(journal)).toHaveLength(1);
    await saver.flush();
    expect(readJournal(journal)).toEqual([]);
  });

  it('a read-only tab writes no journal', async () => {
    const journal = new MemoryStorage();
    const page = fakePage();
    const saver = createAutosaver({
      repository: neverCommits(),
      summarize: summaryOf,
      events: page.events,
      journal,
      readOnly: true,
    });
    saver.schedule(await makeAssessment('a1'));
    page.pagehide();
    expect(readJournal(journal)).toEqual([]);
  });

  it('a full localStorage does not stop the normal save', async () => {
    const journal = new MemoryStorage();
    journal.full = true;
    const page = fakePage();
    const repo = createMemoryRepository();
    const saver = createAutosaver({
      repository: repo,
      summarize: summaryOf,
      events: page.events,
      journal,
    });
    const a = await makeAssessment('a1');
    saver.schedule(a);
    page.pagehide();
    await saver.flush();
    expect(await repo.get('a1')).toEqual(a);
  });

  it('the repository writes a newer journalled state back when it opens, and drops the entry', async () => {
    const name = `journal-${++n}`;
    const journal = new MemoryStorage();
    const first = await openIdbRepository({ name, journal });
    const saved = edit(await makeAssessment('a1'), 'purpose', 'saved', '2026-03-01T10:00:00.000Z');
    await first.put(saved, summaryOf(saved));
    first.close();
    const lost = edit(saved, 'purpose', 'saved, then typed on', '2026-03-01T10:00:01.000Z');
    writeJournal(journal, lost, summaryOf(lost));

    const again = await openIdbRepository({ name, journal });
    open.push(again);
    expect(await again.get('a1')).toEqual(lost);
    expect(again.recovered()).toEqual(['a1']);
    expect(readJournal(journal)).toEqual([]);
    // Written through the normal save: the state before it is kept as a version.
    expect((await again.versions('a1')).map((v) => v.assessment.answers.purpose)).toEqual([
      'saved',
    ]);
  });

  it('drops an entry that is older than what is stored, or whose assessment was deleted', async () => {
    const name = `journal-${++n}`;
    const journal = new MemoryStorage();
    const first = await openIdbRepository({ name, journal });
    const newer = edit(await makeAssessment('a1'), 'purpose', 'newer', '2026-03-02T00:00:00.000Z');
    await first.put(newer, summaryOf(newer));
    const gone = await makeAssessment('a2');
    await first.put(gone, summaryOf(gone));
    await first.delete('a2');
    first.close();
    const older = edit(newer, 'purpose', 'older', '2026-03-01T00:00:00.000Z');
    writeJournal(journal, older, summaryOf(older));
    writeJournal(
      journal,
      edit(gone, 'purpose', 'after delete', '2026-03-09T00:00:00.000Z'),
      summaryOf(gone),
    );

    const again = await openIdbRepository({ name, journal });
    open.push(again);
    expect((await again.get('a1'))?.answers.purpose).toBe('newer');
    expect(await again.get('a2')).toBeNull();
    expect(again.recovered()).toEqual([]);
    expect(readJournal(journal)).toEqual([]);
  });

  it('keeps the entry when writing it back fails (the disk is still full)', async () => {
    const name = `journal-${++n}`;
    const journal = new MemoryStorage();
    const a = await makeAssessment('a1');
    writeJournal(journal, a, summaryOf(a));
    const repo = await openIdbRepository({ name, journal, faults: () => ({ quota: true }) });
    open.push(repo);
    expect(await repo.get('a1')).toBeNull();
    expect(readJournal(journal)).toHaveLength(1);
  });
});
