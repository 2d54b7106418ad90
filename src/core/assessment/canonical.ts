import canonicalize from 'canonicalize';

/** RFC 8785 (JCS) canonical JSON text of a value. */
export function canonicalJson(value: unknown): string {
  const out = canonicalize(value);
  if (out === undefined) throw new Error('Value cannot be canonicalized');
  return out;
}

/** SHA-256 hex digest of UTF-8 text, with WebCrypto (browser and Node ≥ 20 alike). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of the canonical form of a value. */
export function canonicalHash(value: unknown): Promise<string> {
  return sha256Hex(canonicalJson(value));
}
