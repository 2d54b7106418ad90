import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Assessment } from '../../../src/core/assessment';
import { createAutosaver } from '../../../src/storage/autosave';
import {
  applyChanges,
  diffFields,
  openChangeJournal,
  readChanges,
} from '../../../src/storage/change-journal';
import { openIdbRepository, type IdbRepository } from '../../../src/storage/idb-repository';
import { replayChanges } from '../../../src/storage/idb-journal-replay';
import { createConnection } from '../../../src/storage/idb-connection';
import { edit, makeAssessment, summaryOf } from './helpers';
import { MemoryStorage } from './memory-storage';

const open: IdbRepository[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.close();
});
let n = 0;

/** An autosaver that saves only when told (flush) and never retries by itself. */
function manualSaver(repo: IdbRepository, storage: Storage) {
  return createAutosaver({
    repository: repo,
    summarize: summaryOf,
    events: null,
    delayMs: 1e9,
    maxWaitMs: 1e9,
    retryMs: [1e9],
    journal: { storage, revisionOf: (id) => repo.journalFrom(id), mirror: repo.mirror() },
  });
}

const purposes = (s: Storage) =>
  [...(readChanges(s).get('a1') ?? [])]
    .filter((r) => r.path.join('/') === 'answers/purpose')
    .map((r) => r.value);

describe('change journal: records', () => {
  it('records only the fields that changed, and applying them gives the new state', async () => {
    const a = await makeAssessment('a1');
    const b = {
      ...edit(a, 'purpose', 'x', '2026-03-01T10:00:00.000Z'),
      notes: { purpose: 'n' },
    };
    const changes = diffFields(a, b);
    expect(changes.map((c) => c.path.join('/')).sort()).toEqual([
      'answers/purpose',
      'notes/purpose',
      'updatedAt',
    ]);
    const records = changes.map((c, i) => ({ id: 'a1', seq: i + 1, ...c }));
    expect(applyChanges(a, records)).toEqual(b);
    // A removed answer is recorded as removed.
    const { purpose: _p, ...rest } = b.answers;
    const c = { ...b, answers: rest };
    expect(diffFields(b, c)).toEqual([
      { path: ['answers', 'purpose'], value: undefined, deleted: true },
    ]);
  });

  it('writes each change synchronously, before any save, and a save trims what it holds', async () => {
    const storage = new MemoryStorage();
    const repo = await openIdbRepository({ name: `cj-${++n}`, journal: storage });
    open.push(repo);
    const a = await makeAssessment('a1');
    await repo.put(a, summaryOf(a));
    const saver = manualSaver(repo, storage);
    const b = edit(a, 'purpose', 'typed', '2026-03-01T10:00:00.000Z');
    saver.schedule(b, a);
    expect(purposes(storage)).toEqual(['typed']);
    expect(await saver.flush()).toBe(true);
    expect(readChanges(storage).size).toBe(0);
    expect(repo.revisionOf('a1')).toBe(1);
  });

  it('a full localStorage is reported at once (journalOk false) and cleared by a successful save', async () => {
    const storage = new MemoryStorage();
    const repo = await openIdbRepository({ name: `cj-${++n}`, journal: storage });
    open.push(repo);
    const a = await makeAssessment('a1');
    await repo.put(a, summaryOf(a));
    const saver = manualSaver(repo, storage);
    let told = 0;
    saver.subscribe(() => told++);
    storage.full = true;
    saver.schedule(edit(a, 'purpose', 'only on the page', '2026-03-01T10:00:00.000Z'), a);
    expect(saver.journalOk()).toBe(false);
    expect(told).toBeGreaterThan(0);
    storage.full = false;
    expect(await saver.flush()).toBe(true);
    expect(saver.journalOk()).toBe(true);
  });

  it('a read-only tab journals nothing', async () => {
    const storage = new MemoryStorage();
    const a = await makeAssessment('a1');
    const saver = createAutosaver({
      repository: (await openIdbRepository({ name: `cj-${++n}`, journal: storage })) as never,
      summarize: summaryOf,
      events: null,
      readOnly: true,
      journal: { storage, revisionOf: () => 0 },
    });
    saver.schedule(edit(a, 'purpose', 'x', '2026-03-01T10:00:00.000Z'), a);
    expect(readChanges(storage).size).toBe(0);
  });

  it('numbering goes on after the stored revision and the journal, so a new record is never taken for an old one', async () => {
    const storage = new MemoryStorage();
    const a = await makeAssessment('a1');
    const j1 = openChangeJournal(storage, 'a1', 7);
    expect(j1.record(a, edit(a, 'purpose', 'x', '2026-03-01T10:00:00.000Z')).seq).toBe(8);
    // A later session with an older idea of the revision still numbers after the journal.
    const j2 = openChangeJournal(storage, 'a1', 2);
    expect(j2.record(a, edit(a, 'purpose', 'y', '2026-03-01T10:00:01.000Z')).seq).toBe(9);
  });
});

describe('change journal: written back when the database opens', () => {
  it('restores newer changes, keeps the state before as a version, empties the journal', async () => {
    const name = `cj-${++n}`;
    const storage = new MemoryStorage();
    const repo = await openIdbRepository({ name, journal: storage });
    const a = await makeAssessment('a1');
    await repo.put(a, summaryOf(a));
    repo.revisionOf('a1');
    const saver = manualSaver(repo, storage);
    saver.schedule(edit(a, 'purpose', 'never saved', '2026-03-01T10:00:00.000Z'), a);
    repo.close(); // the page went away before the save

    const again = await openIdbRepository({ name, journal: storage });
    open.push(again);
    expect(again.recovered()).toEqual([{ id: 'a1', outcome: 'restored' }]);
    expect((await again.get('a1'))?.answers.purpose).toBe('never saved');
    expect(readChanges(storage).size).toBe(0);
    expect((await again.versions('a1')).length).toBe(1);
  });

  it('while the disk is full: kept, shown by get(), and said to be pending — never "restored"', async () => {
    const name = `cj-${++n}`;
    const storage = new MemoryStorage();
    const repo = await openIdbRepository({ name, journal: storage });
    const a = await makeAssessment('a1');
    await repo.put(a, summaryOf(a));
    manualSaver(repo, storage).schedule(edit(a, 'purpose', 'new', '2026-03-01T10:00:00.000Z'), a);
    repo.close();
    const full = await openIdbRepository({
      name,
      journal: storage,
      faults: () => ({ quota: true }),
    });
    open.push(full);
    expect(full.recovered()).toEqual([{ id: 'a1', outcome: 'pending', code: 'quotaExceeded' }]);
    expect((await full.get('a1'))?.answers.purpose).toBe('new');
    expect(purposes(storage)).toEqual(['new']);
  });

  it('takes, per field, the newer of the localStorage and IndexedDB copies — never the older', async () => {
    const name = `cj-${++n}`;
    const storage = new MemoryStorage();
    const repo = await openIdbRepository({ name, journal: storage });
    const a = await makeAssessment('a1');
    await repo.put(a, summaryOf(a));
    const mirror = repo.mirror()!;
    // purpose: localStorage has the newer change; the note: the IndexedDB copy has it.
    const b = edit(a, 'purpose', 'older purpose', '2026-03-01T10:00:00.000Z');
    const c = { ...edit(b, 'purpose', 'newer purpose', '2026-03-01T10:00:01.000Z') };
    openChangeJournal(storage, 'a1', 0).record(a, b); // seq 1, localStorage only
    mirror.write('a1', 1, diffFields(a, b));
    openChangeJournal(storage, 'a1', 1).record(b, c); // seq 2, localStorage only
    const d = { ...c, notes: { purpose: 'only in IndexedDB' } };
    mirror.write('a1', 3, diffFields(c, d));
    repo.close();

    const again = await openIdbRepository({ name, journal: storage });
    open.push(again);
    expect(again.recovered()).toEqual([{ id: 'a1', outcome: 'restored' }]);
    const shown = await again.get('a1');
    expect(shown?.answers.purpose).toBe('newer purpose');
    expect(shown?.notes.purpose).toBe('only in IndexedDB');
    // Both copies are emptied once it is stored.
    expect(readChanges(storage).size).toBe(0);
    expect((await again.mirror()!.read()).size).toBe(0);
  });

  it('a new session numbers on from the newest change in the IndexedDB copy', async () => {
    const name = `cj-${++n}`;
    const storage = new MemoryStorage();
    const repo = await openIdbRepository({ name, journal: storage });
    open.push(repo);
    const a = await makeAssessment('a1');
    await repo.put(a, summaryOf(a));
    const b = edit(a, 'purpose', 'x', '2026-03-01T10:00:00.000Z');
    repo.mirror()!.write('a1', 9, diffFields(a, b));
    expect((await repo.get('a1'))?.answers.purpose).toBe('x');
    expect(repo.journalFrom('a1')).toBe(9);
    const saver = manualSaver(repo, storage);
    saver.schedule(edit(b, 'purpose', 'xy', '2026-03-01T10:00:01.000Z'), b);
    expect(readChanges(storage).get('a1')?.[0]?.seq).toBe(10);
  });

  it('a change of more than 200 fields at once (an import, a migration) is journalled and survives a reload and a kill', async () => {
    for (const lose of ['nothing', 'localStorage'] as const) {
      const name = `cj-${++n}`;
      const storage = new MemoryStorage();
      const repo = await openIdbRepository({ name, journal: storage });
      const a = await makeAssessment('a1');
      await repo.put(a, summaryOf(a));
      await repo.get('a1');
      const onDisk = storage.snapshot();
      const answers: Assessment['answers'] = { ...a.answers };
      const notes: Assessment['notes'] = {};
      for (let i = 0; i < 150; i++) {
        answers[`imported${i}`] = `answer ${i}`;
        notes[`imported${i}`] = `note ${i}`;
      }
      const b: Assessment = { ...a, updatedAt: '2026-03-01T10:00:00.000Z', answers, notes };
      expect(diffFields(a, b).length).toBeLessThan(10); // written as whole top-level fields
      manualSaver(repo, storage).schedule(b, a);
      repo.close(); // gone before any save
      if (lose === 'localStorage') storage.restore(onDisk); // the browser was killed

      const again = await openIdbRepository({ name, journal: storage });
      open.push(again);
      expect(again.recovered(), lose).toEqual([{ id: 'a1', outcome: 'restored' }]);
      const shown = await again.get('a1');
      expect(Object.keys(shown!.answers).filter((k) => k.startsWith('imported')).length).toBe(150);
      expect(shown!.notes.imported149).toBe('note 149');
      const stored = JSON.parse((await again.exportText('a1'))!) as Assessment;
      expect(stored.answers.imported0).toBe('answer 0');
    }
  });

  it('says exactly which fields did not read back as journalled', async () => {
    const name = `cj-${++n}`;
    const storage = new MemoryStorage();
    const repo = await openIdbRepository({ name, journal: storage });
    open.push(repo);
    const a = await makeAssessment('a1');
    await repo.put(a, summaryOf(a));
    const b = {
      ...edit(a, 'purpose', 'typed', '2026-03-01T10:00:00.000Z'),
      notes: { purpose: 'n' },
    };
    openChangeJournal(storage, 'a1', 0).record(a, b);
    // A save that drops the note (as a broken write would): the replay must notice and say so.
    const { run } = createConnection({ name, faults: () => undefined, emit: () => {} });
    const out = await replayChanges({
      journal: storage,
      run,
      loadChecks: () => import('../../../src/storage/record-checks'),
      put: (x, s, o) => repo.put({ ...x, notes: {} }, s, o),
    });
    expect(out).toEqual([{ id: 'a1', outcome: 'partial', missing: [['notes', 'purpose']] }]);
    // Not trimmed: the note is still in the journal for the next try.
    expect(
      readChanges(storage)
        .get('a1')
        ?.some((r) => r.path.join('/') === 'notes/purpose'),
    ).toBe(true);
  });
});

/**
 * Any interleaving of changes, saves, failed saves (full disk) and reloads ends with the newest
 * value of every field — shown after each reload and stored at the end.
 */
describe('change journal: property', () => {
  type Op =
    | { kind: 'change'; field: 'purpose' | 'note' | 'title' | 'users'; value: string | null }
    | { kind: 'save' }
    | { kind: 'diskFull'; full: boolean }
    | { kind: 'reload' }
    /** Chromium writes localStorage to disk (it does so in batches, seconds apart). */
    | { kind: 'lsToDisk' }
    /** The browser is killed: localStorage is as last written to disk; IndexedDB kept its commits. */
    | { kind: 'kill' };
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('change' as const),
        field: fc.constantFrom(
          'purpose' as const,
          'note' as const,
          'title' as const,
          'users' as const,
        ),
        value: fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: null, freq: 5 }),
      }),
    },
    { weight: 2, arbitrary: fc.constant({ kind: 'save' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('diskFull' as const), full: fc.boolean() }),
    },
    { weight: 2, arbitrary: fc.constant({ kind: 'reload' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'lsToDisk' as const }) },
    { weight: 2, arbitrary: fc.constant({ kind: 'kill' as const }) },
  );

  const apply = (a: Assessment, o: Extract<Op, { kind: 'change' }>, at: string): Assessment => {
    if (o.field === 'title')
      return { ...a, updatedAt: at, meta: { ...a.meta, title: o.value ?? 'T' } };
    if (o.field === 'note') {
      const notes = { ...a.notes };
      if (o.value === null) delete notes.purpose;
      else notes.purpose = o.value;
      return { ...a, updatedAt: at, notes };
    }
    const key = o.field === 'purpose' ? 'purpose' : 'usersPerYear';
    const answers = { ...a.answers };
    if (o.value === null) delete answers[key];
    else answers[key] = o.field === 'users' ? o.value.length * 10 : o.value;
    return { ...a, updatedAt: at, answers };
  };
  const fields = (a: Assessment | null) => ({
    purpose: a?.answers.purpose,
    users: a?.answers.usersPerYear,
    note: a?.notes.purpose,
    title: a?.meta.title,
  });

  it('ends with the newest value of every field, also when the browser is killed', async () => {
    const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
    console.log(`change journal property: seed ${seed} (FC_SEED=${seed} to repeat)`);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const name = `cj-prop-${++n}`;
        const storage = new MemoryStorage();
        let full = false;
        const faults = () => (full ? { quota: true } : undefined);
        let repo = await openIdbRepository({ name, journal: storage, faults });
        let page = await makeAssessment('a1');
        await repo.put(page, summaryOf(page));
        page = (await repo.get('a1'))!;
        let saver = manualSaver(repo, storage);
        let onDisk = storage.snapshot();
        let clock = 0;
        try {
          for (const o of ops) {
            if (o.kind === 'change') {
              const next = apply(
                page,
                o,
                new Date(Date.UTC(2026, 2, 1) + ++clock * 1000).toISOString(),
              );
              saver.schedule(next, page);
              page = next;
            } else if (o.kind === 'save') {
              await saver.flush();
            } else if (o.kind === 'diskFull') {
              full = o.full;
            } else if (o.kind === 'lsToDisk') {
              onDisk = storage.snapshot();
            } else {
              // A reload: the page and its autosaver are gone without a word; the app opens again.
              // A kill also loses what localStorage had not written to disk yet.
              repo.close();
              if (o.kind === 'kill') storage.restore(onDisk);
              repo = await openIdbRepository({ name, journal: storage, faults });
              const shown = await repo.get('a1');
              expect(fields(shown)).toEqual(fields(page));
              expect(
                repo.recovered().every((r) => r.outcome === 'restored' || r.outcome === 'pending'),
              ).toBe(true);
              page = shown!;
              saver = manualSaver(repo, storage);
            }
          }
          // Space again, one more start: everything is in the database.
          full = false;
          repo.close();
          repo = await openIdbRepository({ name, journal: storage, faults });
          expect(repo.recovered().every((r) => r.outcome === 'restored')).toBe(true);
          const stored = JSON.parse((await repo.exportText('a1'))!) as Assessment;
          expect(fields(stored)).toEqual(fields(page));
          expect(readChanges(storage).size).toBe(0);
        } finally {
          repo.close();
        }
      }),
      { seed, numRuns: 40 },
    );
  }, 120_000);
});
