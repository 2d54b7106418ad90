import { describe, expect, it } from 'vitest';
import {
  createLock,
  isSealed,
  MIN_ITERATIONS,
  openText,
  readLock,
  rewrapLock,
  sealText,
  TamperedError,
  unlock,
  WrongPassphraseError,
} from '../../../src/storage/seal';

// The lowest count a lock may ask for: the tests need speed, not strength.
const N = MIN_ITERATIONS;

describe('sealing with a passphrase (AES-GCM, PBKDF2-SHA-256)', () => {
  it('round trip: the passphrase unlocks the data key, which opens what it sealed', async () => {
    const { lock, key } = await createLock('paard batterij nietje', N);
    const text = 'Doel: minder wachttijd — ĳverig 🙂 '.repeat(1000);
    const sealed = await sealText(key, text, 'record a1');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('wachttijd');
    // A fresh IV per seal: the same text never gives the same ciphertext.
    expect(await sealText(key, text, 'record a1')).not.toBe(sealed);
    const again = await unlock(
      readLock(JSON.parse(JSON.stringify(lock)))!,
      'paard batterij nietje',
    );
    expect(await openText(again, sealed, 'record a1')).toBe(text);
  });

  it('a wrong passphrase opens nothing and says so', async () => {
    const { lock } = await createLock('juist', N);
    await expect(unlock(lock, 'fout')).rejects.toBeInstanceOf(WrongPassphraseError);
    // A changed lock record reads as a wrong passphrase too (nothing else to tell from it).
    const bent = { ...lock, kdf: { ...lock.kdf, salt: btoa('another salt 16b') } };
    await expect(unlock(bent, 'juist')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('a changed byte, a text moved to another record, or another key fails authentication', async () => {
    const { key } = await createLock('juist', N);
    const { key: other } = await createLock('juist', N);
    const sealed = await sealText(key, 'geheim antwoord', 'record a1');
    const body = sealed.slice(0, -6);
    const flipped = body + (sealed.at(-6) === 'A' ? 'B' : 'A') + sealed.slice(-5);
    for (const [s, aad, k] of [
      [flipped, 'record a1', key],
      [sealed, 'record a2', key],
      [sealed, 'record a1', other],
      ['{"answers":{}}', 'record a1', key],
    ] as const) {
      const e = await openText(k, s, aad, 'Dit record').catch((x: unknown) => x);
      expect(e).toBeInstanceOf(TamperedError);
      expect((e as Error).message).toBe('Dit record was changed outside the app');
    }
  });

  it('a new passphrase wraps the same data key; the old one no longer opens it', async () => {
    const { lock, key } = await createLock('oud', N);
    const sealed = await sealText(key, 'tekst', 'x');
    const next = await rewrapLock(lock, 'oud', 'nieuw', N);
    await expect(unlock(next, 'oud')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await openText(await unlock(next, 'nieuw'), sealed, 'x')).toBe('tekst');
    await expect(rewrapLock(lock, 'fout', 'nieuw', N)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('refuses a lock record asking for too few or too many iterations', async () => {
    const { lock } = await createLock('x', N);
    expect(readLock({ ...lock, kdf: { ...lock.kdf, iterations: 1 } })).toBeNull();
    expect(readLock({ ...lock, kdf: { ...lock.kdf, iterations: 1e9 } })).toBeNull();
    expect(readLock(lock)).not.toBeNull();
  });
});
