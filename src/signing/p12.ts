/**
 * Opens a PKCS#12 file (.p12/.pfx) with WebCrypto through pkijs: PBES2 (AES) encryption, the
 * integrity MAC, and the private key imported as a non-extractable CryptoKey. The password is used
 * here and nowhere else; nothing is stored.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SigningError } from './messages';
import { dnPart, dnText, isoDate, keyUsageAllowsSigning, ownBuffer } from './certificates';

export interface SigningIdentity {
  privateKey: CryptoKey;
  certificate: pkijs.Certificate;
  /** Other certificates in the file (usually the issuing CA chain), sent along in the signature. */
  chain: pkijs.Certificate[];
  keyType: 'RSA' | 'ECDSA';
}

const KEY_TYPE_NAMES: Record<string, string> = {
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.2.840.10040.4.1': 'DSA',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.643.7.1.1.1.1': 'GOST',
};

const CURVES: Record<string, string> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

const LEGACY_PBE = /1\.2\.840\.113549\.1\.12\.1\.|1\.2\.840\.113549\.1\.5\.(3|6|10|11)\b/;

/**
 * The largest key-derivation iteration count accepted. OpenSSL and Windows write 2048 or 2000, Java
 * and NSS tens of thousands; OWASP advises 600,000 for PBKDF2. pkijs derives the PKCS#12 MAC key in
 * a synchronous JavaScript loop (about 1.3 million rounds per second here), and asn1js reads counts
 * up to 8,388,607: a hostile file could freeze the page for seconds, and PBKDF2 (WebCrypto) would
 * keep the user waiting. Such a file is refused before anything is computed.
 */
export const MAX_P12_ITERATIONS = 2_000_000;
const PBKDF2_OID = '1.2.840.113549.1.5.12';

/**
 * The largest iteration count a PKCS#12 file asks for: its MAC and every PBKDF2 parameter block, also
 * inside the DER nested in OCTET STRINGs (the authenticated safe and its bags). Bounded in depth and
 * in the number of nodes looked at.
 */
export function largestIterationCount(root: asn1js.AsnType, macIterations = 0): number {
  let max = macIterations;
  let budget = 100_000;
  const walk = (node: asn1js.AsnType, depth: number): void => {
    if (--budget < 0 || depth > 40) return;
    const value = (node as { valueBlock?: { value?: unknown } }).valueBlock?.value;
    const children = Array.isArray(value) ? (value as asn1js.AsnType[]) : [];
    const [first, second] = children;
    if (
      first instanceof asn1js.ObjectIdentifier &&
      first.valueBlock.toString() === PBKDF2_OID &&
      second instanceof asn1js.Sequence
    ) {
      for (const p of second.valueBlock.value) {
        // PBKDF2-params: salt, iterationCount, keyLength?: the first INTEGER is the count.
        if (p instanceof asn1js.Integer) {
          max = Math.max(max, p.valueBlock.valueDec);
          break;
        }
      }
    }
    for (const c of children) walk(c, depth + 1);
    if (node instanceof asn1js.OctetString && !node.idBlock.isConstructed) {
      const hex = node.valueBlock.valueHexView;
      if (hex[0] === 0x30) {
        const inner = asn1js.fromBER(hex.slice().buffer);
        if (inner.offset !== -1) walk(inner.result, depth + 1);
      }
    }
  };
  walk(root, 0);
  return max;
}

function subjectName(cert: pkijs.Certificate): string {
  return dnPart(cert.subject, '2.5.4.3') ?? dnText(cert.subject);
}

/** Maps pkijs/WebCrypto failures during decryption to the errors a user can act on. */
function decryptionError(e: unknown): SigningError {
  const msg = e instanceof Error ? e.message : String(e);
  if (LEGACY_PBE.test(msg)) return new SigningError('legacyP12', {}, { cause: e });
  return new SigningError('wrongPassword', {}, { cause: e });
}

/**
 * Reads the identity from a PKCS#12 file and checks that it can sign at `now`: the certificate
 * is within its validity period and its key usage allows signatures.
 */
export async function loadSigningIdentity(
  p12: Uint8Array,
  password: string,
  now: Date = new Date(),
): Promise<SigningIdentity> {
  try {
    return await readSigningIdentity(p12, password, now);
  } catch (e) {
    // A damaged file can make the ASN.1 or crypto libraries throw deep inside (fuzzing found
    // "Wrong input string for conversion"): every failure reaches the user as a typed message.
    if (e instanceof SigningError) throw e;
    throw new SigningError('notPkcs12', {}, { cause: e });
  }
}

async function readSigningIdentity(
  p12: Uint8Array,
  password: string,
  now: Date,
): Promise<SigningIdentity> {
  let pfx: pkijs.PFX;
  try {
    const asn1 = asn1js.fromBER(ownBuffer(p12));
    if (asn1.offset === -1) throw new Error('not DER');
    pfx = new pkijs.PFX({ schema: asn1.result });
    if (
      pfx.authSafe.contentType !== pkijs.ContentInfo.DATA &&
      pfx.authSafe.contentType !== pkijs.ContentInfo.SIGNED_DATA
    ) {
      throw new Error('not PKCS#12');
    }
  } catch (e) {
    throw new SigningError('notPkcs12', {}, { cause: e });
  }
  const rounds = largestIterationCount(pfx.toSchema(), pfx.macData?.iterations ?? 0);
  if (!(rounds <= MAX_P12_ITERATIONS))
    throw new SigningError('p12TooCostly', { count: rounds, limit: MAX_P12_ITERATIONS });
  const pw = ownBuffer(new TextEncoder().encode(password));
  try {
    await pfx.parseInternalValues({ password: pw, checkIntegrity: pfx.macData !== undefined });
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    if (/Integrity/i.test(msg)) throw new SigningError('wrongPassword', {}, { cause: e });
    throw new SigningError('notPkcs12', {}, { cause: e });
  }
  const safes = pfx.parsedValue?.authenticatedSafe;
  if (!safes) throw new SigningError('notPkcs12');
  try {
    await safes.parseInternalValues({
      safeContents: safes.safeContents.map((c) =>
        c.contentType === pkijs.ContentInfo.ENCRYPTED_DATA ? { password: pw } : {},
      ),
    });
  } catch (e) {
    throw decryptionError(e);
  }

  const certs: pkijs.Certificate[] = [];
  const keys: pkijs.PrivateKeyInfo[] = [];
  const collect = async (bags: pkijs.SafeBag[]): Promise<void> => {
    for (const bag of bags) {
      const v = bag.bagValue;
      if (v instanceof pkijs.CertBag && v.parsedValue instanceof pkijs.Certificate)
        certs.push(v.parsedValue);
      else if (v instanceof pkijs.PKCS8ShroudedKeyBag) {
        // pkijs marks this method protected, but it is how a shrouded key bag is decrypted.
        const bag = v as unknown as {
          parseInternalValues(p: { password: ArrayBuffer }): Promise<void>;
          parsedValue?: pkijs.PrivateKeyInfo;
        };
        try {
          await bag.parseInternalValues({ password: pw });
        } catch (e) {
          throw decryptionError(e);
        }
        if (bag.parsedValue) keys.push(bag.parsedValue);
      } else if (v instanceof pkijs.PrivateKeyInfo) keys.push(v);
      else if (v instanceof pkijs.SafeContents) await collect(v.safeBags);
    }
  };
  for (const sc of safes.parsedValue?.safeContents ?? []) await collect(sc.value.safeBags);

  const keyInfo = keys[0];
  if (!keyInfo) throw new SigningError('noPrivateKey');
  const keyOid = keyInfo.privateKeyAlgorithm.algorithmId;
  let algorithm: RsaHashedImportParams | EcKeyImportParams;
  let keyType: SigningIdentity['keyType'];
  if (keyOid === '1.2.840.113549.1.1.1') {
    algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    keyType = 'RSA';
  } else if (keyOid === '1.2.840.10045.2.1') {
    const params = keyInfo.privateKeyAlgorithm.algorithmParams as
      asn1js.ObjectIdentifier | undefined;
    const curve = params ? CURVES[params.valueBlock.toString()] : undefined;
    if (!curve)
      throw new SigningError('unsupportedKeyType', {
        type: `EC ${params?.valueBlock.toString() ?? '?'}`,
      });
    algorithm = { name: 'ECDSA', namedCurve: curve };
    keyType = 'ECDSA';
  } else {
    throw new SigningError('unsupportedKeyType', { type: KEY_TYPE_NAMES[keyOid] ?? keyOid });
  }

  const pkcs8 = keyInfo.toSchema().toBER(false);
  const subtle = globalThis.crypto.subtle;
  let extractable: CryptoKey;
  try {
    extractable = await subtle.importKey('pkcs8', pkcs8, algorithm, true, ['sign']);
  } catch (e) {
    throw new SigningError('unsupportedKeyType', { type: keyType }, { cause: e });
  }
  // Find the certificate of this key by comparing public key parameters.
  const jwk = await subtle.exportKey('jwk', extractable);
  const pub = keyType === 'RSA' ? `${jwk.n}.${jwk.e}` : `${jwk.x}.${jwk.y}`;
  let certificate: pkijs.Certificate | undefined;
  for (const c of certs) {
    try {
      const spki = c.subjectPublicKeyInfo.toSchema().toBER(false);
      const k = await subtle.importKey('spki', spki, algorithm, true, ['verify']);
      const cj = await subtle.exportKey('jwk', k);
      if ((keyType === 'RSA' ? `${cj.n}.${cj.e}` : `${cj.x}.${cj.y}`) === pub) {
        certificate = c;
        break;
      }
    } catch {
      // A certificate for another key type: not ours.
    }
  }
  if (!certificate) throw new SigningError('noCertificate');
  const privateKey = await subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']);

  const subject = subjectName(certificate);
  if (now < certificate.notBefore.value) {
    throw new SigningError('certificateNotYetValid', {
      subject,
      date: isoDate(certificate.notBefore.value),
    });
  }
  if (now > certificate.notAfter.value) {
    throw new SigningError('certificateExpired', {
      subject,
      date: isoDate(certificate.notAfter.value),
    });
  }
  if (!keyUsageAllowsSigning(certificate)) throw new SigningError('keyCannotSign', { subject });
  const chain = certs.filter((c) => c !== certificate);
  return { privateKey, certificate, chain, keyType };
}
