/**
 * The passphrase protection of one database (docs/storage.md "Passphrase protection"): the lock
 * record in `meta` (`lock`), the data key once unlocked, and sealing and opening of the stored
 * records. An assessment record keeps its envelope (id, savedAt, format and version numbers) in
 * clear, so saves, versions and the trash work as before on sealed records; its `json` is sealed
 * with those envelope fields as additional data. A summary keeps only its id; the rest is sealed.
 *
 * States: 'off' (no lock record), 'on' (every record sealed; a clear record is foreign),
 * 'enabling' / 'disabling' (a move into or out of sealed form is under way: both forms are read).
 */
import { StorageError } from '../core/assessment/repository';
import { isSealed, openText, readLock, sealText, TamperedError, type LockRecord } from './seal';

export type ProtectionState = 'off' | 'on' | 'enabling' | 'disabling';
export const LOCK_KEY = 'lock';

export interface StoredLock extends LockRecord {
  state: 'on' | 'enabling' | 'disabling';
}

export function readStoredLock(value: unknown): StoredLock | null {
  const lock = readLock(value);
  const state = (value as { state?: unknown } | null)?.state;
  if (!lock || (state !== 'on' && state !== 'enabling' && state !== 'disabling')) return null;
  return { ...lock, state };
}

const field = (raw: unknown, k: string) => String((raw as Record<string, unknown> | null)?.[k]);
/** What an assessment record's sealed text is bound to: its envelope, as stored. */
export const recordAad = (raw: unknown) =>
  ['record', 'recordFormat', 'id', 'savedAt', 'formatVersion', 'version']
    .map((k, i) => (i === 0 ? k : field(raw, k)))
    .join('\n');
const summaryAad = (id: string) => `summary\n${id}`;

const tampered = (id: string) =>
  new StorageError('tampered', `Record ${id} was changed outside the app`);

export interface Vault {
  state(): ProtectionState;
  /** Protected, and the data key is not known in this tab. */
  locked(): boolean;
  /** Whether records are written sealed (the key is known and the state is not 'off'/'disabling'). */
  sealing(): boolean;
  key(): CryptoKey | null;
  set(state: ProtectionState, key: CryptoKey | null): void;
  /** The record with its `json` sealed (when sealing). */
  sealRecord<T extends { json: string }>(record: T): Promise<T>;
  /** The record with its `json` opened; 'tampered' or 'locked' when it cannot be. */
  openRecord(raw: unknown): Promise<unknown>;
  sealSummary<T extends { id: string }>(summary: T): Promise<unknown>;
  openSummary(raw: unknown): Promise<unknown>;
}

export function createVault(): Vault {
  let state: ProtectionState = 'off';
  let key: CryptoKey | null = null;
  const vault: Vault = {
    state: () => state,
    locked: () => state !== 'off' && key === null,
    sealing: () => key !== null && (state === 'on' || state === 'enabling'),
    key: () => key,
    set(s, k) {
      state = s;
      key = k;
    },
    async sealRecord(record) {
      if (!vault.sealing()) return record;
      return { ...record, json: await sealText(key!, record.json, recordAad(record)) };
    },
    async openRecord(raw) {
      if (raw === undefined || raw === null) return raw;
      const json = (raw as { json?: unknown }).json;
      const id = field(raw, 'id');
      if (!isSealed(json)) {
        // A clear record in a protected library was not written by this app.
        if (state === 'on') throw tampered(id);
        return raw;
      }
      if (!key) throw new StorageError('locked', 'The library is locked');
      try {
        return { ...raw, json: await openText(key, json, recordAad(raw)) };
      } catch (e) {
        if (e instanceof TamperedError) throw tampered(id);
        throw e;
      }
    },
    async sealSummary(summary) {
      if (!vault.sealing()) return summary;
      return {
        id: summary.id,
        sealed: await sealText(key!, JSON.stringify(summary), summaryAad(summary.id)),
      };
    },
    async openSummary(raw) {
      if (raw === undefined || raw === null) return raw;
      const sealed = (raw as { sealed?: unknown }).sealed;
      const id = field(raw, 'id');
      if (!isSealed(sealed)) {
        if (state === 'on') throw tampered(id);
        return raw;
      }
      if (!key) throw new StorageError('locked', 'The library is locked');
      let text: string;
      try {
        text = await openText(key, sealed, summaryAad(id));
      } catch {
        throw tampered(id);
      }
      const value = JSON.parse(text) as { id?: unknown };
      if (value.id !== id) throw tampered(id);
      return value;
    },
  };
  return vault;
}
