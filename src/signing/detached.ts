/**
 * A digital signature for the assessment file itself: a detached CMS (CAdES) signature over the
 * exact bytes of the `.fria.json`, made with the same PKCS#12 certificate as a PDF signature and
 * saved beside it as `<file>.p7s`. Unlike the seal (an unkeyed hash anyone can recompute), it
 * proves that not one byte of the file changed since signing, and — with a trusted certificate —
 * who signed.
 *
 * `openssl cms -verify -binary -inform DER -in x.fria.json.p7s -content x.fria.json` checks it too.
 */
import type * as pkijs from 'pkijs';
import { buildDetachedCms } from './cms';
import { certificateInfo, type CertificateInfo } from './certificates';
import { loadSigningIdentity, type SigningIdentity } from './p12';
import { checkCms, emptyReport } from './verify-signature';
import type { SignatureReport } from './verify';

/** The usual name of the signature file beside an assessment file. */
export function detachedSignatureName(fileName: string): string {
  return `${fileName}.p7s`;
}

/** Signs the file's bytes with a loaded identity; returns the DER of the CMS (`.p7s`). */
export async function signAssessmentFile(
  file: Uint8Array,
  identity: SigningIdentity,
  signingTime: Date = new Date(),
): Promise<{ signature: Uint8Array; signer: CertificateInfo }> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', file.slice());
  // Without a PDF there is no /M: the signing time (as stated by the signer) is a CMS attribute,
  // as CAdES baseline signatures carry it.
  const signature = await buildDetachedCms(digest, identity, { cmsSigningTime: signingTime });
  return { signature, signer: await certificateInfo(identity.certificate) };
}

/** Signs with a PKCS#12 file and its password (used for this call only). */
export async function signAssessmentFileWithP12(
  file: Uint8Array,
  p12: Uint8Array,
  password: string,
  signingTime: Date = new Date(),
): Promise<{ signature: Uint8Array; signer: CertificateInfo }> {
  const identity = await loadSigningIdentity(p12, password, signingTime);
  return signAssessmentFile(file, identity, signingTime);
}

/** Checks a detached signature over the file's bytes. Never throws: damage is `broken`. */
export async function checkDetachedSignature(
  file: Uint8Array,
  signature: Uint8Array,
  trusted: pkijs.Certificate[],
  now: Date,
): Promise<SignatureReport> {
  const base = emptyReport(1, [0, file.length, file.length, 0]);
  const report = await checkCms(base, signature, file, trusted, now).catch(
    (e: unknown): SignatureReport => ({
      ...base,
      brokenReason: { code: 'brokenDamaged', params: {} },
      technicalDetail: e instanceof Error ? e.message : String(e),
    }),
  );
  // It covers the whole file by construction: there is nothing beside the signed bytes.
  return { ...report, coversWholeDocument: report.integrity === 'valid' };
}
