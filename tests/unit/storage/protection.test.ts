import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { createAutosaver } from '../../../src/storage/autosave';
import { openIdbRepository, type IdbRepository } from '../../../src/storage/idb-repository';
import { MIN_ITERATIONS, WrongPassphraseError } from '../../../src/storage/seal';
import { StorageError } from '../../../src/core/assessment/repository';
import { edit, makeAssessment, summaryOf } from './helpers';
import { MemoryStorage } from './memory-storage';

// The lowest count a lock may ask for: the tests need speed, not strength.
const FAST = { iterations: MIN_ITERATIONS };
const PASS = 'correct paard batterij nietje';
const SECRET = 'Geheim antwoord over de wachtlijst';

let n = 0;
const opened: IdbRepository[] = [];
afterEach(() => {
  for (const r of opened.splice(0)) r.close();
});

async function open(name: string, storage: Storage, faults?: object) {
  const repo = await openIdbRepository({
    name,
    journal: storage,
    faults: () => (globalThis as { __f?: object }).__f ?? faults,
  });
  opened.push(repo);
  return repo;
}

/** Everything a second page on the same origin can read: both databases and localStorage. */
async function dump(name: string, storage: MemoryStorage): Promise<string> {
  const out: unknown[] = [];
  for (const db of [name, `${name}-journal`]) {
    const d = await openDB(db);
    for (const store of d.objectStoreNames) out.push(store, await d.getAll(store));
    d.close();
  }
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i)!;
    out.push(k, storage.getItem(k));
  }
  return JSON.stringify(out);
}

async function seeded(name: string, storage: MemoryStorage, count = 3) {
  const repo = await open(name, storage);
  for (let i = 1; i <= count; i++) {
    const a = await makeAssessment(`a${i}`, `Titel ${i} Wachtlijst`);
    await repo.put(a, summaryOf(a));
    // A second state with a checkpoint, so there is a version too.
    await repo.put(edit(a, 'purpose', `${SECRET} ${i}`, '2026-03-01T10:00:00.000Z'), summaryOf(a), {
      checkpoint: true,
    });
  }
  return repo;
}

async function corrupt(name: string, store: string, key: IDBValidKey, field: string) {
  const d = await openDB(name);
  const rec = (await d.get(store, key)) as Record<string, string>;
  const text = rec[field]!;
  // One character of the ciphertext changed (base64 stays valid).
  const i = text.length - 8;
  rec[field] = text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
  await d.put(store, rec);
  d.close();
}

describe('passphrase protection (encryption at rest)', () => {
  it('seals every record; a second reader finds no clear text; locked until the right passphrase', async () => {
    const name = `prot-${++n}`;
    const storage = new MemoryStorage();
    const repo = await seeded(name, storage);
    await repo.delete('a3'); // the trash too
    expect(await dump(name, storage)).toContain(SECRET);
    await repo.protect(PASS, FAST);
    expect(repo.protection()).toBe('on');
    const raw = await dump(name, storage);
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain('Wachtlijst');
    expect(raw).not.toContain('"purpose"'); // no answer keys inside records either
    repo.close();

    const again = await open(name, storage);
    expect(again.locked()).toBe(true);
    await expect(again.list()).rejects.toMatchObject({ code: 'locked' });
    await expect(again.unlock('wrong')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await dump(name, storage)).toBe(raw); // a wrong passphrase changes nothing
    await again.unlock(PASS);
    expect(again.locked()).toBe(false);
    const titles = (await again.list()).map((s) => s.title).sort();
    expect(titles).toEqual(['Titel 1 Wachtlijst', 'Titel 2 Wachtlijst']);
    expect((await again.get('a1'))?.answers.purpose).toBe(`${SECRET} 1`);
    expect((await again.versions('a1')).length).toBe(1);
    expect(await again.restore('a3')).toBe(true);
    expect((await again.get('a3'))?.answers.purpose).toBe(`${SECRET} 3`);
    // New saves are sealed too.
    const a1 = (await again.get('a1'))!;
    await again.put(
      edit(a1, 'purpose', `${SECRET} nieuw`, '2026-03-01T11:00:00.000Z'),
      summaryOf(a1),
    );
    expect(await dump(name, storage)).not.toContain(SECRET);
    expect((await again.get('a1'))?.answers.purpose).toBe(`${SECRET} nieuw`);
  });

  it('a record changed outside the app fails authentication, is reported, and is kept', async () => {
    const name = `prot-${++n}`;
    const storage = new MemoryStorage();
    const repo = await seeded(name, storage, 2);
    await repo.protect(PASS, FAST);
    await corrupt(name, 'assessments', 'a1', 'json');
    await corrupt(name, 'summaries', 'a2', 'sealed');
    const e = await repo.get('a1').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StorageError);
    expect((e as StorageError).code).toBe('tampered');
    expect((e as Error).message).toBe('Record a1 was changed outside the app');
    const lines = await repo.list();
    expect(lines.find((l) => l.id === 'a2')?.problem).toBe('tampered');
    expect(lines.find((l) => l.id === 'a2')?.title).toBe('');
    // Kept aside, not deleted.
    const d = await openDB(name);
    expect(await d.get('assessments', 'a1')).toBeDefined();
    // A record put in clear by someone else is not taken for the user's work either.
    const clear = await makeAssessment('a9', 'Ingevoegd');
    const plain = (await d.get('assessments', 'a2')) as Record<string, unknown>;
    await d.put('assessments', { ...plain, id: 'a9', json: JSON.stringify(clear) });
    d.close();
    await expect(repo.get('a9')).rejects.toMatchObject({ code: 'tampered' });
    // The other record is untouched.
    expect((await repo.get('a2'))?.answers.purpose).toBe(`${SECRET} 2`);
  });

  it('a move interrupted midway (the tab died) loses nothing and is finished at the next unlock', async () => {
    const name = `prot-${++n}`;
    const storage = new MemoryStorage();
    const repo = await seeded(name, storage, 3);
    (globalThis as { __f?: object }).__f = { protectStopAfter: 1 };
    try {
      await expect(repo.protect(PASS, FAST)).rejects.toThrow(/Simulated stop/);
    } finally {
      delete (globalThis as { __f?: object }).__f;
    }
    repo.close();
    const mid = await dump(name, storage);
    expect(mid).toContain(SECRET); // some records still in clear: both forms are kept
    const again = await open(name, storage);
    expect(again.protection()).toBe('enabling');
    expect(again.locked()).toBe(true);
    await again.unlock(PASS);
    expect(again.protection()).toBe('on');
    expect(await dump(name, storage)).not.toContain(SECRET);
    for (const i of [1, 2, 3]) {
      expect((await again.get(`a${i}`))?.answers.purpose).toBe(`${SECRET} ${i}`);
      expect((await again.versions(`a${i}`)).length).toBe(1);
    }
  });

  it('the journal is sealed in both copies, and written back after unlock at the next start', async () => {
    const name = `prot-${++n}`;
    const storage = new MemoryStorage();
    const repo = await seeded(name, storage, 1);
    await repo.protect(PASS, FAST);
    const a = (await repo.get('a1'))!;
    const saver = createAutosaver({
      repository: repo,
      summarize: summaryOf,
      events: null,
      delayMs: 1e9,
      maxWaitMs: 1e9,
      retryMs: [1e9],
      journal: {
        storage,
        revisionOf: (id) => repo.journalFrom(id),
        mirror: repo.mirror(),
        seal: repo.journalSeal(),
      },
    });
    saver.schedule(
      edit(a, 'purpose', 'Nooit opgeslagen wachtlijst', '2026-03-01T12:00:00.000Z'),
      a,
    );
    // Sealing takes a moment: the records land right after the change.
    await new Promise((r) => setTimeout(r, 50));
    const keys = [...Array(storage.length).keys()].map((i) => storage.key(i)!);
    expect(keys.some((k) => k.startsWith('fria-wizard:change:'))).toBe(true);
    expect(await dump(name, storage)).not.toContain('Nooit opgeslagen');
    repo.close(); // the page went away before the save

    const again = await open(name, storage);
    expect(again.recovered()).toEqual([]);
    await again.unlock(PASS);
    expect(again.recovered()).toEqual([{ id: 'a1', outcome: 'restored' }]);
    expect((await again.get('a1'))?.answers.purpose).toBe('Nooit opgeslagen wachtlijst');
  });

  it('a new passphrase replaces the old one; removing the protection moves everything back', async () => {
    const name = `prot-${++n}`;
    const storage = new MemoryStorage();
    const repo = await seeded(name, storage, 2);
    await repo.protect(PASS, FAST);
    await expect(repo.changePassphrase('wrong', 'nieuw', FAST)).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await repo.changePassphrase(PASS, 'nieuwe zin', FAST);
    repo.close();
    const again = await open(name, storage);
    await expect(again.unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
    await again.unlock('nieuwe zin');
    await expect(again.unprotect('wrong')).rejects.toBeInstanceOf(WrongPassphraseError);
    await again.unprotect('nieuwe zin');
    expect(again.protection()).toBe('off');
    expect(await dump(name, storage)).toContain(SECRET);
    again.close();
    const plain = await open(name, storage);
    expect(plain.locked()).toBe(false);
    expect((await plain.list()).length).toBe(2);
    expect((await plain.get('a2'))?.answers.purpose).toBe(`${SECRET} 2`);
  });
});
