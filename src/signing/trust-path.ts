/**
 * Trust: a path from a signer's certificate to a certificate the user trusts. No revocation
 * check (no network); the app ships no trust list.
 */
import type * as pkijs from 'pkijs';
import { dnPart, dnText, isCa, keyUsageAllowsSigning } from './certificates';

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Builds a path from the signer to a certificate the user trusts, checking each link's
 * signature, that issuers are CAs, and validity at `when`. No revocation check (no network).
 */
export async function chainToTrusted(
  leaf: pkijs.Certificate,
  pool: pkijs.Certificate[],
  trusted: pkijs.Certificate[],
  when: Date,
): Promise<{ trusted: boolean; detail?: string; anchor?: string }> {
  const der = (x: pkijs.Certificate) => new Uint8Array(x.toSchema(true).toBER(false));
  const trustedDer = trusted.map(der);
  const isTrusted = (x: pkijs.Certificate) => trustedDer.some((t) => bytesEqual(t, der(x)));
  const name = (x: pkijs.Certificate) => dnPart(x.subject, '2.5.4.3') ?? dnText(x.subject);
  if (!keyUsageAllowsSigning(leaf))
    return { trusted: false, detail: 'the certificate may not be used for signatures' };
  let current = leaf;
  for (let depth = 0; depth < 10; depth++) {
    if (when < current.notBefore.value || when > current.notAfter.value) {
      return { trusted: false, detail: `"${name(current)}" was not valid at the signing time` };
    }
    if (isTrusted(current)) return { trusted: true, anchor: name(current) };
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
    if (!next)
      return { trusted: false, detail: `no trusted certificate issued "${name(current)}"` };
    if (!isCa(next) && !isTrusted(next))
      return { trusted: false, detail: `"${name(next)}" is not a certificate authority` };
    current = next;
  }
  return { trusted: false, detail: 'the certificate chain is too long' };
}
