/**
 * Encryption at rest for a library protected with a passphrase (docs/storage.md "Passphrase
 * protection"). Only WebCrypto: PBKDF2-SHA-256 turns the passphrase into a key-encryption key,
 * which unwraps a random 256-bit data key; every stored text is sealed with AES-GCM under the data
 * key, with a fresh random 96-bit IV per seal and "additional data" that names what the text is
 * (which record, which field), so a text moved to another record or changed by anyone without the
 * key fails authentication. The keys are CryptoKeys that cannot be exported and live in memory for
 * the session only; nothing derived from the passphrase is stored except the wrapped data key.
 */

/** PBKDF2 iterations for a new passphrase (docs/storage.md gives the measured time). */
export const PBKDF2_ITERATIONS = 600_000;
/** A lock record asking for fewer or more is refused (too weak, or a way to hang the app). */
export const MIN_ITERATIONS = 100_000;
export const MAX_ITERATIONS = 10_000_000;

const PREFIX = 'fria-sealed:1:';
const LOCK_AAD = 'fria-wizard:lock';

/** The passphrase does not open the lock (wrong, or the lock record was changed). */
export class WrongPassphraseError extends Error {
  constructor() {
    super('The passphrase does not open this library');
    this.name = 'WrongPassphraseError';
  }
}

/** A sealed text failed authentication: it was changed, or moved, outside the app. */
export class TamperedError extends Error {
  constructor(what: string) {
    super(`${what} was changed outside the app`);
    this.name = 'TamperedError';
  }
}

/** The lock: how to derive the key-encryption key, and the data key wrapped under it. */
export interface LockRecord {
  f: 1;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  /** The raw data key, sealed with the key-encryption key. */
  wrapped: string;
}

const subtle = () => globalThis.crypto.subtle;
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Whether a stored text is sealed (plain texts of this app are JSON and start otherwise). */
export const isSealed = (text: unknown): text is string =>
  typeof text === 'string' && text.startsWith(PREFIX);

async function sealBytes(key: CryptoKey, data: Uint8Array<ArrayBuffer>, aad: string) {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(aad) }, key, data),
  );
  return `${PREFIX}${toBase64(iv)}:${toBase64(ct)}`;
}

async function openBytes(key: CryptoKey, sealed: string, aad: string, what: string) {
  if (!isSealed(sealed)) throw new TamperedError(what);
  const [ivText, ctText] = sealed.slice(PREFIX.length).split(':');
  try {
    const iv = fromBase64(ivText ?? '');
    const ct = fromBase64(ctText ?? '');
    if (iv.length !== 12) throw new TamperedError(what);
    return new Uint8Array(
      await subtle().decrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(aad) }, key, ct),
    );
  } catch {
    throw new TamperedError(what);
  }
}

/** Seals a text under the data key; `aad` names what it is (checked when it is opened). */
export function sealText(key: CryptoKey, text: string, aad: string): Promise<string> {
  return sealBytes(key, enc.encode(text), aad);
}

/** Opens a sealed text; TamperedError when it was changed, moved or sealed under another key. */
export async function openText(
  key: CryptoKey,
  sealed: string,
  aad: string,
  what = 'A stored record',
): Promise<string> {
  const bytes = await openBytes(key, sealed, aad, what);
  try {
    return dec.decode(bytes);
  } catch {
    throw new TamperedError(what);
  }
}

async function deriveKek(passphrase: string, kdf: LockRecord['kdf']): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', enc.encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', iterations: kdf.iterations, salt: fromBase64(kdf.salt) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

const importDataKey = (raw: Uint8Array<ArrayBuffer>) =>
  subtle().importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

async function wrap(raw: Uint8Array<ArrayBuffer>, passphrase: string, iterations: number) {
  const kdf: LockRecord['kdf'] = {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations,
    salt: toBase64(globalThis.crypto.getRandomValues(new Uint8Array(16))),
  };
  const kek = await deriveKek(passphrase, kdf);
  return { f: 1, kdf, wrapped: await sealBytes(kek, raw, LOCK_AAD) } satisfies LockRecord;
}

/** A new data key and its lock under the passphrase. */
export async function createLock(
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<{ lock: LockRecord; key: CryptoKey }> {
  const raw = globalThis.crypto.getRandomValues(new Uint8Array(32));
  try {
    return { lock: await wrap(raw, passphrase, iterations), key: await importDataKey(raw) };
  } finally {
    raw.fill(0);
  }
}

/** The lock record as stored, or null when it is not one this app wrote. */
export function readLock(value: unknown): LockRecord | null {
  const v = value as Partial<LockRecord> | null;
  const kdf = v?.kdf;
  if (!v || v.f !== 1 || typeof v.wrapped !== 'string' || !kdf) return null;
  if (kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || typeof kdf.salt !== 'string') return null;
  const n = kdf.iterations;
  if (!Number.isSafeInteger(n) || n < MIN_ITERATIONS || n > MAX_ITERATIONS) return null;
  return v as LockRecord;
}

async function unwrapRaw(lock: LockRecord, passphrase: string) {
  const kek = await deriveKek(passphrase, lock.kdf);
  try {
    return await openBytes(kek, lock.wrapped, LOCK_AAD, 'The lock');
  } catch {
    throw new WrongPassphraseError();
  }
}

/** The data key, when the passphrase opens the lock; WrongPassphraseError otherwise. */
export async function unlock(lock: LockRecord, passphrase: string): Promise<CryptoKey> {
  const raw = await unwrapRaw(lock, passphrase);
  try {
    return await importDataKey(raw);
  } finally {
    raw.fill(0);
  }
}

/** The same data key under a new passphrase (nothing else needs to be encrypted anew). */
export async function rewrapLock(
  lock: LockRecord,
  passphrase: string,
  next: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<LockRecord> {
  const raw = await unwrapRaw(lock, passphrase);
  try {
    return await wrap(raw, next, iterations);
  } finally {
    raw.fill(0);
  }
}
