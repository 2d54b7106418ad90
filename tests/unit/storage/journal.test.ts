import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openIdbRepository, type IdbRepository } from '../../../src/storage/idb-repository';
import { readJournal, writeJournal } from '../../../src/storage/journal';
import { edit, makeAssessment, summaryOf } from './helpers';
import { MemoryStorage } from './memory-storage';

const open: IdbRepository[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.close();
});
let n = 0;

describe('rescue journal of earlier app versions (whole states)', () => {
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
    expect(again.recovered()).toEqual([{ id: 'a1', outcome: 'restored' }]);
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
