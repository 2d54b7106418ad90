import { describe, expect, it, vi } from 'vitest';
import { isPersisted, requestPersistence, storageUse } from '../../../src/storage/persistence';

describe('persistent storage', () => {
  it('asks once and reports what the browser granted', async () => {
    const persist = vi.fn(async () => true);
    const nav = { storage: { persist, persisted: async () => false } };
    expect(await requestPersistence(nav)).toEqual({ supported: true, persisted: true });
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again when the data is already persistent', async () => {
    const persist = vi.fn(async () => true);
    const nav = { storage: { persist, persisted: async () => true } };
    expect(await requestPersistence(nav)).toEqual({ supported: true, persisted: true });
    expect(persist).not.toHaveBeenCalled();
  });

  it('reports a refusal, and a browser that throws, as not persisted', async () => {
    expect(await requestPersistence({ storage: { persist: async () => false } })).toEqual({
      supported: true,
      persisted: false,
    });
    const throwing = {
      storage: {
        persist: async () => {
          throw new Error('policy');
        },
      },
    };
    expect(await requestPersistence(throwing)).toEqual({ supported: true, persisted: false });
  });

  it('works in a browser without a StorageManager', async () => {
    expect(await requestPersistence({})).toEqual({ supported: false, persisted: false });
    expect(await isPersisted(undefined)).toEqual({ supported: false, persisted: false });
    expect(await storageUse({})).toEqual({ supported: false, usage: null, quota: null });
  });

  it('gives the space used and allowed', async () => {
    const nav = { storage: { estimate: async () => ({ usage: 52_000, quota: 1_000_000 }) } };
    expect(await storageUse(nav)).toEqual({ supported: true, usage: 52_000, quota: 1_000_000 });
    const partial = { storage: { estimate: async () => ({}) } };
    expect(await storageUse(partial)).toEqual({ supported: true, usage: null, quota: null });
  });
});
