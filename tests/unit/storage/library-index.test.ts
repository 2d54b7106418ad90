import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { openIdbRepository, type IdbRepository } from '../../../src/storage/idb-repository';
import { SHARDS } from '../../../src/storage/idb-library-index';
import { makeAssessment, summaryOf } from './helpers';

const open: IdbRepository[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.close();
});
let n = 0;

const byId = <T extends { id: string }>(list: T[]) =>
  [...list].sort((a, b) => a.id.localeCompare(b.id));

/** The `lib:` records of the database, as they are. */
async function indexRecords(name: string) {
  const db = await openDB(name);
  const all = (await db.getAll('meta', IDBKeyRange.bound('lib:', 'lib;', false, true))) as {
    key: string;
    value: unknown;
  }[];
  db.close();
  return all;
}

describe('the library index', () => {
  it('is built at the first listing and kept equal to the summaries by every write', async () => {
    const name = `idx-${++n}`;
    const repo = await openIdbRepository({ name, journal: null });
    open.push(repo);
    const [a, b, c] = await Promise.all(['a1', 'a2', 'a3'].map((id) => makeAssessment(id)));
    await repo.put(a!, summaryOf(a!));
    await repo.put(b!, summaryOf(b!));
    expect((await indexRecords(name)).length).toBe(0);
    expect(byId(await repo.list()).map((s) => s.id)).toEqual(['a1', 'a2']);
    // Built: the marker and one record per shard.
    expect((await indexRecords(name)).length).toBe(SHARDS + 1);

    await repo.put(c!, summaryOf(c!));
    await repo.put(
      { ...a!, meta: { ...a!.meta, title: 'Renamed' } },
      summaryOf({ ...a!, meta: { ...a!.meta, title: 'Renamed' } }),
    );
    await repo.delete('a2');
    await repo.markExported(['a3'], '2026-04-01T00:00:00.000Z');
    const list = byId(await repo.list());
    expect(list.map((s) => [s.id, s.title])).toEqual([
      ['a1', 'Renamed'],
      ['a3', 'Assessment a3'],
    ]);
    expect(list[1]!.exportedAt).toBe('2026-04-01T00:00:00.000Z');
    await repo.restore('a2');
    expect(byId(await repo.list()).map((s) => s.id)).toEqual(['a1', 'a2', 'a3']);

    // What the index gives is what the summaries store gives (the index dropped: read anew).
    const fromIndex = byId(await repo.list());
    const db = await openDB(name);
    await db.delete('meta', 'lib:index');
    db.close();
    expect(byId(await repo.list())).toEqual(fromIndex);
  });

  it('an assessment added without the index (an older app) is listed: the index is built anew', async () => {
    const name = `idx-${++n}`;
    const repo = await openIdbRepository({ name, journal: null });
    open.push(repo);
    const a = await makeAssessment('a1');
    await repo.put(a, summaryOf(a));
    await repo.list();
    // An older app writes the record and its summary, and knows nothing of the index.
    const b = await makeAssessment('b1');
    const db = await openDB(name);
    const tx = db.transaction(['assessments', 'summaries'], 'readwrite');
    const stored = (await tx.objectStore('assessments').get('a1')) as { json: string };
    await tx
      .objectStore('assessments')
      .put({ ...stored, id: 'b1', json: stored.json.replaceAll('a1', 'b1') });
    await tx.objectStore('summaries').put({ ...summaryOf(b), version: 1, recordFormat: 1 });
    await tx.done;
    db.close();
    expect(byId(await repo.list()).map((s) => s.id)).toEqual(['a1', 'b1']);
  });

  it('a damaged index is not trusted', async () => {
    const name = `idx-${++n}`;
    const repo = await openIdbRepository({ name, journal: null });
    open.push(repo);
    const a = await makeAssessment('a1');
    await repo.put(a, summaryOf(a));
    await repo.list();
    const db = await openDB(name);
    for (const r of await indexRecords(name)) {
      if (r.key !== 'lib:index') await db.put('meta', { key: r.key, value: '[{"id":1}]' });
    }
    db.close();
    expect((await repo.list()).map((s) => s.id)).toEqual(['a1']);
  });
});
