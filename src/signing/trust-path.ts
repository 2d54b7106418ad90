/**
 * Trust: a path from a signer's certificate to a certificate the user trusts. No revocation
 * check (no network); the app ships no trust list.
 */
import type * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { dnPart, dnText, isCa, keyUsageAllowsSigning } from './certificates';
import type { SigningMessageCode, SigningParams, SigningReason } from './messages';

const why = (code: SigningMessageCode, params: SigningParams = {}): SigningReason => ({
  code,
  params,
});

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Extensions this code understands (RFC 5280 §4.2): a certificate in the path with any other
 * extension marked critical is refused, as the RFC requires.
 */
const UNDERSTOOD_EXTENSIONS = new Set([
  '2.5.29.14', // subjectKeyIdentifier
  '2.5.29.15', // keyUsage
  '2.5.29.17', // subjectAltName
  '2.5.29.19', // basicConstraints
  '2.5.29.31', // cRLDistributionPoints (not fetched: no network)
  '2.5.29.32', // certificatePolicies (no policy is required)
  '2.5.29.35', // authorityKeyIdentifier
  '2.5.29.37', // extKeyUsage
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess (not fetched)
]);

/** keyUsage bit 5 (keyCertSign), when the extension is present; no extension places no limit. */
function mayIssueCertificates(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.15');
  if (!ext) return true;
  const bits = ext.parsedValue as asn1js.BitString | undefined;
  const first = bits?.valueBlock.valueHexView[0] ?? 0;
  return (first & 0x04) !== 0;
}

/** basicConstraints pathLenConstraint, if any. */
function pathLength(cert: pkijs.Certificate): number | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.19');
  const bc = ext?.parsedValue as pkijs.BasicConstraints | undefined;
  const n = bc?.pathLenConstraint;
  if (n === undefined) return undefined;
  return typeof n === 'number' ? n : n.valueBlock.valueDec;
}

/**
 * Builds a path from the signer to a certificate the user trusts, checking each link's
 * signature, validity at `when`, and what RFC 5280 §6.1 requires of the path: every issuer is a
 * CA whose key usage (when present) allows signing certificates (keyCertSign), no issuer's
 * pathLenConstraint is exceeded, and no certificate below the trusted one carries a critical
 * extension this code does not understand. No revocation check (no network).
 */
export async function chainToTrusted(
  leaf: pkijs.Certificate,
  pool: pkijs.Certificate[],
  trusted: pkijs.Certificate[],
  when: Date,
): Promise<{ trusted: boolean; reason?: SigningReason; anchor?: string }> {
  const der = (x: pkijs.Certificate) => new Uint8Array(x.toSchema(true).toBER(false));
  const trustedDer = trusted.map(der);
  const isTrusted = (x: pkijs.Certificate) => trustedDer.some((t) => bytesEqual(t, der(x)));
  const name = (x: pkijs.Certificate) => dnPart(x.subject, '2.5.4.3') ?? dnText(x.subject);
  if (!keyUsageAllowsSigning(leaf)) return { trusted: false, reason: why('trustKeyUsage') };
  let current = leaf;
  for (let depth = 0; depth < 10; depth++) {
    if (when < current.notBefore.value || when > current.notAfter.value) {
      return { trusted: false, reason: why('trustNotValidAtSigning', { name: name(current) }) };
    }
    if (isTrusted(current)) return { trusted: true, anchor: name(current) };
    const unknown = current.extensions?.find(
      (e) => e.critical && !UNDERSTOOD_EXTENSIONS.has(e.extnID),
    );
    if (unknown)
      return {
        trusted: false,
        reason: why('trustUnknownCritical', { name: name(current), oid: unknown.extnID }),
      };
    const candidates = [...trusted, ...pool].filter(
      (x) => x.subject.isEqual(current.issuer) && x !== current,
    );
    let next: pkijs.Certificate | undefined;
    for (const cand of candidates) {
      try {
        if (await current.verify(cand)) {
          next = cand;
          break;
        }
      } catch {
        // Not this one.
      }
    }
    if (!next) return { trusted: false, reason: why('trustNoIssuer', { name: name(current) }) };
    if (!isCa(next) && !isTrusted(next))
      return { trusted: false, reason: why('trustNotCa', { name: name(next) }) };
    if (!mayIssueCertificates(next))
      return {
        trusted: false,
        reason: why('trustNoCertSign', { name: name(next) }),
      };
    // Certificates between the signer and this issuer: `depth` of them (the signer not counted).
    const limit = pathLength(next);
    if (limit !== undefined && depth > limit)
      return {
        trusted: false,
        reason: why('trustPathLength', { name: name(next), limit, depth }),
      };
    current = next;
  }
  return { trusted: false, reason: why('trustChainTooLong') };
}
