import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import {
  openIdbRepository,
  openRepository,
  type IdbRepository,
  type StorageFaults,
} from '../../../src/storage/idb-repository';
import { StorageError } from '../../../src/core/assessment/repository';
import type { Assessment } from '../../../src/core/assessment/assessment-schema';
import { edit, makeAssessment, summaryOf } from './helpers';

let n = 0;
const open: IdbRepository[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.close();
});

/** A repository on a fresh database with a clock the test moves by hand. */
async function fresh(opts: { maxVersions?: number; name?: string; faults?: StorageFaults } = {}) {
  const clock = { t: Date.parse('2026-03-01T09:00:00.000Z') };
  const faults: StorageFaults = opts.faults ?? {};
  const name = opts.name ?? `test-${++n}`;
  const repo = await openIdbRepository({
    name,
    now: () => new Date(clock.t),
    faults: () => faults,
    ...(opts.maxVersions ? { maxVersions: opts.maxVersions } : {}),
  });
  open.push(repo);
  const tick = (ms: number) => (clock.t += ms);
  return { repo, clock, tick, faults, name };
}

async function rejection(p: Promise<unknown>): Promise<StorageError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StorageError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

const put = (repo: IdbRepository, a: Assessment) => repo.put(a, summaryOf(a));

describe('IndexedDB repository', () => {
  it('saves an assessment with its summary and reads it back', async () => {
    const { repo } = await fresh();
    const a = edit(
      await makeAssessment('a1', 'Camera’s'),
      'purpose',
      'Minder overlast',
      '2026-03-01T09:00:01.000Z',
    );
    await put(repo, a);
    expect(await repo.get('a1')).toEqual(a);
    expect(await repo.get('nope')).toBeNull();
    expect(await repo.list()).toEqual([
      {
        id: 'a1',
        title: 'Camera’s',
        systemName: 'System a1',
        questionnaireId: 'mini',
        questionnaireVersion: '1.0.0',
        status: 'draft',
        overallLevel: 'low',
        updatedAt: '2026-03-01T09:00:01.000Z',
        exportedAt: null,
        version: 1,
      },
    ]);
  });

  it('keeps the data when the database is opened again (a reload)', async () => {
    const { repo, name } = await fresh();
    const a = await makeAssessment('a1');
    await put(repo, a);
    repo.close();
    const again = await openIdbRepository({ name });
    open.push(again);
    expect(await again.get('a1')).toEqual(a);
  });

  it('a full disk aborts the whole save: the previous state, summary and versions stay intact', async () => {
    const { repo, tick, faults } = await fresh();
    const v1 = edit(await makeAssessment('a1'), 'purpose', 'first', 'T1');
    await put(repo, v1);
    tick(10 * 60_000);
    const v2 = edit(v1, 'purpose', 'second', 'T2');
    await put(repo, v2);
    const listBefore = await repo.list();
    const versionsBefore = await repo.versions('a1');

    faults.quota = true;
    tick(10 * 60_000);
    const v3 = edit(v2, 'purpose', 'third', 'T3');
    const err = await rejection(put(repo, v3));
    expect(err.code).toBe('quotaExceeded');
    expect(await repo.get('a1')).toEqual(v2);
    expect(await repo.list()).toEqual(listBefore);
    expect(await repo.versions('a1')).toEqual(versionsBefore);

    // Space again: the same state saves.
    faults.quota = false;
    await put(repo, v3);
    expect(await repo.get('a1')).toEqual(v3);
  });

  it('keeps earlier states as versions, merging autosaves close together, newest first', async () => {
    const { repo, tick } = await fresh();
    let a = await makeAssessment('a1');
    const save = async (text: string, afterMs: number) => {
      tick(afterMs);
      a = edit(a, 'purpose', text, new Date().toISOString());
      await put(repo, a);
    };
    await save('a', 0); // t = 0
    await save('ab', 1000); // t = 1 s: "a" becomes the first version
    await save('abc', 1000); // t = 2 s: "ab" is within 5 min of the newest version: merged away
    await save('abcd', 1000); // t = 3 s
    expect((await repo.versions('a1')).map((v) => v.assessment.answers.purpose)).toEqual(['a']);
    await save('abcde', 10 * 60_000); // a pause: "abcd" rested 10 min, so it is kept
    expect((await repo.versions('a1')).map((v) => v.assessment.answers.purpose)).toEqual([
      'abcd',
      'a',
    ]);
    expect((await repo.versions('a1'))[0]!.savedAt).toBe('2026-03-01T09:00:03.000Z');
  });

  it('a checkpoint always keeps the state before it', async () => {
    const { repo, tick } = await fresh();
    const a = await makeAssessment('a1');
    await put(repo, edit(a, 'purpose', '1', 'x'));
    tick(1000);
    await put(repo, edit(a, 'purpose', '2', 'x'));
    tick(1000);
    const b = edit(a, 'purpose', '3', 'x');
    await repo.put(b, summaryOf(b), { checkpoint: true });
    expect((await repo.versions('a1')).map((v) => v.assessment.answers.purpose)).toEqual([
      '2',
      '1',
    ]);
  });

  it('keeps at most the configured number of versions, dropping the oldest', async () => {
    const { repo, tick } = await fresh({ maxVersions: 3 });
    const a = await makeAssessment('a1');
    for (let i = 1; i <= 6; i++) {
      await put(repo, edit(a, 'purpose', String(i), 'x'));
      tick(10 * 60_000);
    }
    expect((await repo.versions('a1')).map((v) => v.assessment.answers.purpose)).toEqual([
      '5',
      '4',
      '3',
    ]);
  });

  it('refuses a record saved by a newer app and leaves it untouched', async () => {
    const { repo, name } = await fresh();
    const a = await makeAssessment('a1', 'Van later');
    const future = {
      recordFormat: 2,
      id: 'a1',
      savedAt: '2030-01-01T00:00:00.000Z',
      json: JSON.stringify(a),
      somethingNew: { kept: true },
    };
    const raw = await openDB(name, 1);
    await raw.put('assessments', future);
    await raw.put('summaries', { recordFormat: 2, id: 'a1', title: 'Van later', extra: 1 });
    raw.close();

    expect((await rejection(repo.get('a1'))).code).toBe('newerFormat');
    expect((await rejection(put(repo, a))).code).toBe('newerFormat');
    expect(await repo.getRaw('a1')).toEqual(future);
    // "Export anyway" gives the file text, for the newer app.
    expect(await repo.exportText('a1')).toBe(JSON.stringify(a));
    const [line] = await repo.list();
    expect(line).toMatchObject({ id: 'a1', title: 'Van later', problem: 'newerFormat' });
  });

  it('refuses an assessment of a newer file format inside a current record', async () => {
    const { repo, name } = await fresh();
    const a = { ...(await makeAssessment('a1')), formatVersion: 7 };
    const rec = {
      recordFormat: 1,
      id: 'a1',
      savedAt: 'x',
      formatVersion: 7,
      version: 1,
      json: JSON.stringify(a),
    };
    // The same, with an envelope that does not say so: the text itself is checked too.
    const hidden = { ...rec, id: 'a2', formatVersion: 1, json: JSON.stringify({ ...a, id: 'a2' }) };
    const raw = await openDB(name, 1);
    await raw.put('assessments', rec);
    await raw.put('assessments', hidden);
    raw.close();
    expect((await rejection(repo.get('a1'))).code).toBe('newerFormat');
    expect((await rejection(repo.get('a2'))).code).toBe('newerFormat');
    expect((await rejection(put(repo, await makeAssessment('a1')))).code).toBe('newerFormat');
    expect(await repo.getRaw('a1')).toEqual(rec);
    // Without a summary it is still listed, so the user knows it is there.
    expect(await repo.list()).toMatchObject([
      { id: 'a1', problem: 'newerFormat', title: 'Assessment a1' },
      { id: 'a2', problem: 'newerFormat', title: 'Assessment a1' },
    ]);
  });

  it('reports a damaged record instead of hiding it, and a save over it keeps it as a version', async () => {
    const { repo, name } = await fresh();
    const raw = await openDB(name, 1);
    const damaged = {
      recordFormat: 1,
      id: 'bad',
      savedAt: 'x',
      formatVersion: 1,
      version: 1,
      json: '{"format":"fria-assessment","formatVersion":1}',
    };
    await raw.put('assessments', damaged);
    await raw.put('summaries', { recordFormat: 1, id: 'bad', title: 42 });
    await raw.put('assessments', { recordFormat: 1, id: 'worse', json: '{ not json' });
    raw.close();
    expect((await rejection(repo.get('bad'))).code).toBe('corrupt');
    expect((await rejection(repo.get('worse'))).code).toBe('corrupt');
    expect(await repo.list()).toMatchObject([
      { id: 'bad', problem: 'corrupt' },
      { id: 'worse', problem: 'corrupt' },
    ]);
    const good = await makeAssessment('bad');
    await put(repo, good);
    expect(await repo.get('bad')).toEqual(good);
    const again = await openDB(name, 1);
    expect(await again.getAll('versions')).toEqual([damaged]);
    again.close();
  });

  it('does not write an assessment that would not pass validation', async () => {
    const { repo } = await fresh();
    const a = await makeAssessment('a1');
    const broken = { ...a, answers: { purpose: { nested: true } } } as unknown as Assessment;
    expect((await rejection(repo.put(broken, summaryOf(a)))).code).toBe('invalid');
    expect(await repo.get('a1')).toBeNull();
  });

  it('deletes with undo: restore brings back the assessment, its summary and its versions', async () => {
    const { repo, tick } = await fresh();
    const a = await makeAssessment('a1');
    await put(repo, edit(a, 'purpose', 'old', 'x'));
    tick(10 * 60_000);
    const b = edit(a, 'purpose', 'new', 'y');
    await put(repo, b);
    const versions = await repo.versions('a1');
    const list = await repo.list();
    await repo.delete('a1');
    expect(await repo.get('a1')).toBeNull();
    expect(await repo.list()).toEqual([]);
    expect(await repo.versions('a1')).toEqual([]);
    expect(await repo.restore('a1')).toBe(true);
    expect(await repo.get('a1')).toEqual(b);
    expect(await repo.list()).toEqual(list);
    expect(await repo.versions('a1')).toEqual(versions);
    expect(await repo.restore('a1')).toBe(false);
  });

  it('does not restore over a newer assessment with the same id', async () => {
    const { repo } = await fresh();
    const a = await makeAssessment('a1', 'First');
    await put(repo, a);
    await repo.delete('a1');
    const other = await makeAssessment('a1', 'Imported later');
    await put(repo, other);
    expect(await repo.restore('a1')).toBe(false);
    expect((await repo.get('a1'))?.meta.title).toBe('Imported later');
  });

  it('empties the trash of old deletions when the database opens again', async () => {
    const { repo, name, clock } = await fresh();
    await put(repo, await makeAssessment('a1'));
    await repo.delete('a1');
    repo.close();
    const later = await openIdbRepository({ name, now: () => new Date(clock.t + 25 * 3600_000) });
    open.push(later);
    expect(await later.restore('a1')).toBe(false);
  });

  it('remembers when an assessment was exported, also after later saves', async () => {
    const { repo } = await fresh();
    const a = await makeAssessment('a1');
    await put(repo, a);
    await repo.markExported(['a1'], '2026-03-02T12:00:00.000Z');
    await put(repo, edit(a, 'purpose', 'after export', '2026-03-03T00:00:00.000Z'));
    const [s] = await repo.list();
    expect(s).toMatchObject({
      exportedAt: '2026-03-02T12:00:00.000Z',
      updatedAt: '2026-03-03T00:00:00.000Z',
    });
  });

  it('tells another tab which assessments changed', async () => {
    const { repo, name } = await fresh();
    const other = await openIdbRepository({ name });
    open.push(other);
    const seen = new Promise<string[]>((resolve) =>
      other.subscribe((e) => e.kind === 'externalChange' && resolve(e.ids)),
    );
    await put(repo, await makeAssessment('a1'));
    expect(await seen).toEqual(['a1']);
  });

  it('steps aside when a newer app upgrades the database in another tab, and stops saving', async () => {
    const { repo, name } = await fresh();
    const a = await makeAssessment('a1');
    await put(repo, a);
    const events: string[] = [];
    repo.subscribe((e) => events.push(e.kind));
    // The "newer app": opens version 2. It is not blocked, because this tab closes its connection.
    const newer = await openDB(name, 2, { upgrade() {} });
    newer.close();
    expect(events).toEqual(['versionChange']);
    expect((await rejection(put(repo, edit(a, 'purpose', 'x', 'y')))).code).toBe('versionChange');
  });

  it('refuses a database made by a newer app, and the app falls back to memory with the reason', async () => {
    const name = `test-${++n}`;
    const newer = await openDB(name, 5, {
      upgrade(db) {
        db.createObjectStore('assessments', { keyPath: 'id' });
      },
    });
    newer.close();
    expect((await rejection(openIdbRepository({ name }))).code).toBe('newerDatabase');
    const opened = await openRepository({ name });
    expect(opened.problem).toBe('newerDatabase');
    expect(opened.idb).toBeNull();
    // The fallback works, so the user can still work and export.
    const a = await makeAssessment('m1');
    await opened.repository.put(a, summaryOf(a));
    expect(await opened.repository.get('m1')).toEqual(a);
  });

  it('an unavailable database (private mode, policy) gives the memory fallback with "unavailable"', async () => {
    const opened = await openRepository({
      name: `test-${++n}`,
      faults: () => ({ unavailable: true }),
    });
    expect(opened.problem).toBe('unavailable');
  });
});
