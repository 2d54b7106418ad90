import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireEditLock, oneHolderPerTab, type EditLock } from '../../../src/storage/edit-lock';

/** A small LockManager with the parts the edit lock uses: exclusive locks, ifAvailable, signal. */
function fakeLocks(): LockManager {
  const held = new Set<string>();
  const queues = new Map<string, (() => void)[]>();
  const grant = (name: string) => {
    const next = queues.get(name)?.shift();
    if (next) next();
  };
  const request = (
    name: string,
    options: LockOptions,
    cb: (lock: Lock | null) => Promise<unknown>,
  ): Promise<unknown> => {
    const run = async () => {
      held.add(name);
      try {
        return await cb({ name, mode: 'exclusive' } as Lock);
      } finally {
        held.delete(name);
        grant(name);
      }
    };
    if (!held.has(name)) return run();
    if (options.ifAvailable) return cb(null);
    return new Promise((resolve, reject) => {
      const q = queues.get(name) ?? [];
      const entry = () => void run().then(resolve, reject);
      q.push(entry);
      queues.set(name, q);
      options.signal?.addEventListener('abort', () => {
        const i = q.indexOf(entry);
        if (i >= 0) q.splice(i, 1);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  };
  return { request, query: async () => ({}) } as unknown as LockManager;
}

const locksToRelease: EditLock[] = [];
afterEach(() => {
  for (const l of locksToRelease.splice(0)) l.release();
});
const keep = (l: EditLock) => (locksToRelease.push(l), l);

describe('edit lock with Web Locks', () => {
  it('the first tab edits, the second reads, and may edit once the first lets go', async () => {
    const locks = fakeLocks();
    const first = keep(await acquireEditLock('a1', { locks, channel: null }));
    const onAvailable = vi.fn();
    const second = keep(await acquireEditLock('a1', { locks, channel: null, onAvailable }));
    expect(first).toMatchObject({ readOnly: false, mechanism: 'locks' });
    expect(second).toMatchObject({ readOnly: true, mechanism: 'locks' });
    expect(onAvailable).not.toHaveBeenCalled();
    first.release();
    await vi.waitFor(() => expect(onAvailable).toHaveBeenCalledTimes(1));
    // The reader stepped back at once: a reload of that tab now gets to edit.
    const third = keep(await acquireEditLock('a1', { locks, channel: null }));
    expect(third.readOnly).toBe(false);
  });

  it('other assessments are not affected', async () => {
    const locks = fakeLocks();
    keep(await acquireEditLock('a1', { locks, channel: null }));
    expect((await acquireEditLock('a2', { locks, channel: null })).readOnly).toBe(false);
  });

  it('falls back to the channel when Web Locks refuse (e.g. an opaque origin)', async () => {
    const locks = {
      request: () => Promise.reject(new DOMException('no', 'SecurityError')),
    } as unknown as LockManager;
    const lock = keep(await acquireEditLock('a1', { locks, waitMs: 20 }));
    expect(lock).toMatchObject({ readOnly: false, mechanism: 'broadcast' });
  });

  it('without either mechanism the tab edits, and says there is no protection', async () => {
    expect(await acquireEditLock('a1', { locks: null, channel: null })).toMatchObject({
      readOnly: false,
      mechanism: 'none',
    });
  });
});

describe('edit lock with the BroadcastChannel fallback', () => {
  const opts = (tabId: string, extra = {}) => ({ locks: null, waitMs: 30, tabId, ...extra });

  it('a second tab is told the assessment is held and reads', async () => {
    const first = keep(await acquireEditLock('b1', opts('tab-a')));
    const onAvailable = vi.fn();
    const second = keep(await acquireEditLock('b1', opts('tab-b', { onAvailable })));
    expect(first).toMatchObject({ readOnly: false, mechanism: 'broadcast' });
    expect(second).toMatchObject({ readOnly: true, mechanism: 'broadcast' });
    first.release();
    await vi.waitFor(() => expect(onAvailable).toHaveBeenCalled());
    const third = keep(await acquireEditLock('b1', opts('tab-c')));
    expect(third.readOnly).toBe(false);
  });

  it('two tabs asking at the same moment: exactly one edits', async () => {
    const [x, y] = await Promise.all([
      acquireEditLock('b2', opts('tab-1')),
      acquireEditLock('b2', opts('tab-2')),
    ]);
    keep(x);
    keep(y);
    expect([x.readOnly, y.readOnly].sort()).toEqual([false, true]);
    expect(x.readOnly).toBe(false); // the smaller tab id wins the tie
  });

  it('another assessment is free', async () => {
    keep(await acquireEditLock('b3', opts('tab-a')));
    expect((await acquireEditLock('b4', opts('tab-b'))).readOnly).toBe(false);
  });
});

describe('one holder per assessment within a tab', () => {
  it('a screen opening the assessment just as the last one closes it edits, not reads', async () => {
    const locks = fakeLocks();
    const acquire = oneHolderPerTab(acquireEditLock);
    const closing = await acquire('c1', { locks, channel: null });
    expect(closing.readOnly).toBe(false);
    // Without the wrapper this tab would see its own lock and open read-only.
    expect((await acquireEditLock('c1', { locks, channel: null })).readOnly).toBe(true);
    let opened: EditLock | null = null;
    const opening = acquire('c1', { locks, channel: null }).then((l) => (opened = keep(l)));
    await new Promise((r) => setTimeout(r, 20));
    expect(opened).toBeNull(); // waits for the closing screen
    closing.release();
    await opening;
    expect(opened).toMatchObject({ readOnly: false, mechanism: 'locks' });
  });

  it('another tab still reads, and a holder that never lets go delays a screen only briefly', async () => {
    const locks = fakeLocks();
    const otherTab = keep(await acquireEditLock('c2', { locks, channel: null }));
    const acquire = oneHolderPerTab(acquireEditLock, 30);
    expect((await acquire('c2', { locks, channel: null })).readOnly).toBe(true);
    // A holder in this tab that is never released: the next opening waits 30 ms, then reads.
    const acquire2 = oneHolderPerTab(acquireEditLock, 30);
    keep(await acquire2('c3', { locks, channel: null }));
    const t0 = Date.now();
    expect((await acquire2('c3', { locks, channel: null })).readOnly).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    // Other assessments do not wait.
    expect((await acquire2('c4', { locks, channel: null })).readOnly).toBe(false);
    otherTab.release();
  });
});
