/**
 * Fuzzing the certificate readers: the user's own PKCS#12 file (signing) and the certificates they
 * trust (Verify screen). Mutated and random inputs either work or fail with a SigningError, which has a
 * code and a text in Dutch and English; nothing hangs, nothing else escapes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as asn1js from 'asn1js';
import { loadSigningIdentity } from '../../../src/signing/p12';
import { parseCertificates } from '../../../src/signing/certificates';
import { SigningError } from '../../../src/signing/messages';
import { verifyFile } from '../../../src/signing/verify';
import { makeCa, makeLeaf, P12_PASSWORD, removeTempDirs, type TestLeaf } from '../signing/certs';
import { makePdf } from '../signing/pdfs';
import { applyByteEdits, byteEditArb } from './mutate';

let leaf: TestLeaf;
let caPem: Uint8Array;
let caDer: Uint8Array;
const NOW = new Date();

beforeAll(() => {
  const ca = makeCa('Fuzz CA');
  leaf = makeLeaf(ca, { name: 'Fuzz Signer' });
  caPem = new TextEncoder().encode(ca.caPemText);
  const b64 = ca.caPemText.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  caDer = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}, 120_000);
afterAll(removeTempDirs);

function expectSigningError(e: unknown): void {
  expect(e, String(e)).toBeInstanceOf(SigningError);
  const err = e as SigningError;
  expect(typeof err.code).toBe('string');
  for (const locale of ['nl', 'en']) {
    const text = err.text(locale);
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
  }
}

/** A copy of a DER file with every INTEGER `from` replaced by `to` (lengths re-encoded). */
function replaceIntegers(der: Uint8Array, from: number, to: number): Uint8Array {
  const asn = asn1js.fromBER(der.slice().buffer);
  let replaced = 0;
  const walk = (node: asn1js.AsnType): void => {
    const block = (node as { valueBlock?: { value?: unknown } }).valueBlock;
    const children = Array.isArray(block?.value) ? (block.value as asn1js.AsnType[]) : [];
    children.forEach((c, i) => {
      if (c instanceof asn1js.Integer && c.valueBlock.valueDec === from) {
        children[i] = new asn1js.Integer({ value: to });
        replaced++;
      } else walk(c);
    });
    // Encrypted and MAC'd contents hold DER too; walk into OCTET STRINGs that parse.
    if (node instanceof asn1js.OctetString && !node.idBlock.isConstructed) {
      const inner = asn1js.fromBER(node.valueBlock.valueHexView.slice().buffer);
      if (inner.offset !== -1 && inner.result.idBlock.tagClass === 1) {
        const before = replaced;
        walk(inner.result);
        if (replaced > before)
          node.valueBlock.valueHexView = new Uint8Array(inner.result.toBER(false));
      }
    }
  };
  walk(asn.result);
  if (replaced === 0) throw new Error(`no INTEGER ${from} in the file`);
  return new Uint8Array(asn.result.toBER(false));
}

describe('certificate readers under fuzzing', { timeout: 600_000 }, () => {
  it('start from a readable identity and certificate', async () => {
    const id = await loadSigningIdentity(leaf.p12, P12_PASSWORD);
    expect(id.keyType).toBe('RSA');
    expect(parseCertificates(caPem)).toHaveLength(1);
    expect(parseCertificates(caDer)).toHaveLength(1);
  });

  it('PKCS#12: 600 mutated files open or fail with a SigningError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(byteEditArb(), { minLength: 1, maxLength: 4 }), async (edits) => {
        try {
          await loadSigningIdentity(applyByteEdits(leaf.p12, edits), P12_PASSWORD);
        } catch (e) {
          expectSigningError(e);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('PKCS#12: random bytes and random passwords fail with a SigningError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.string(), async (bytes, pw) => {
        await expect(loadSigningIdentity(bytes, pw)).rejects.toSatisfy((e) => {
          expectSigningError(e);
          return true;
        });
      }),
      { numRuns: 500 },
    );
    await expect(loadSigningIdentity(leaf.p12, 'wrong')).rejects.toSatisfy((e) => {
      expectSigningError(e);
      return (e as SigningError).code === 'wrongPassword';
    });
  });

  it('PKCS#12 with an absurd key-derivation iteration count is refused instead of computed', async () => {
    // OpenSSL writes 2048 iterations. pkijs derives the MAC key in a synchronous loop (measured
    // here: 3 million rounds froze the thread for over 2 s). asn1js reads counts of more than three
    // bytes as 0 (pkijs then uses 1), so the worst a file can ask for is 8,388,607: several seconds
    // of a frozen page. Refused at once instead.
    const refused = (e: unknown) => {
      expectSigningError(e);
      return (e as SigningError).code === 'p12TooCostly';
    };
    // Every count in the file (MAC and PBKDF2 parameters).
    const all = replaceIntegers(leaf.p12, 2048, 8_000_000);
    await expect(loadSigningIdentity(all, P12_PASSWORD)).rejects.toSatisfy(refused);
    // Only the MAC's count, which pkijs would compute first, in a synchronous loop.
    const asn = asn1js.fromBER(leaf.p12.slice().buffer).result as asn1js.Sequence;
    const mac = asn.valueBlock.value[2] as asn1js.Sequence;
    mac.valueBlock.value[2] = new asn1js.Integer({ value: 8_000_000 });
    const macOnly = new Uint8Array(asn.toBER(false));
    await expect(loadSigningIdentity(macOnly, P12_PASSWORD)).rejects.toSatisfy(refused);
    // The usual counts still open.
    await expect(loadSigningIdentity(leaf.p12, P12_PASSWORD)).resolves.toBeTruthy();
  });

  it('trusted certificates: 1500 mutated PEM and DER files are read or refused with a SigningError', async () => {
    const pdf = makePdf();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('pem', 'der'),
        fc.array(
          byteEditArb(['-----BEGIN CERTIFICATE-----', '-----END CERTIFICATE-----', '\n', '=']),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        async (kind, edits) => {
          const bytes = applyByteEdits(kind === 'pem' ? caPem : caDer, edits);
          try {
            parseCertificates(bytes);
          } catch (e) {
            expectSigningError(e);
          }
          // The Verify screen passes them on: the verifier must answer or refuse the same way.
          try {
            const r = await verifyFile(pdf, { trusted: [bytes], now: NOW });
            expect(['valid', 'failed', 'unsigned']).toContain(r.status);
          } catch (e) {
            expectSigningError(e);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
