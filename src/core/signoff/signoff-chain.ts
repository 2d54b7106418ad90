/**
 * The sign-off chain: each sign-off records a hash over the content hash it signed plus its own
 * fields (who, role, date, declaration, signature …), linked to the sign-off before it. Renaming
 * a signer, editing a date, removing or reordering a sign-off then no longer matches.
 *
 * Like the content hash, this is an unkeyed hash: anyone with the app's code can recompute it
 * after an edit. It shows that the records are consistent with each other, not who made them;
 * only a digital signature over the file proves that (src/signing).
 */
import type { SignOff } from '../assessment/assessment-schema';
import { canonicalHash } from '../assessment/canonical';

/** What the link to the previous sign-off is: its chain hash, or the hash of its whole record. */
async function linkTo(previous: SignOff | undefined): Promise<string | null> {
  if (!previous) return null;
  return previous.chainHash ?? canonicalHash(previous);
}

/** The chain hash for `signOff` (its own `chainHash` left out) after `previous`. */
export async function signOffChainHash(
  signOff: SignOff,
  previous: SignOff | undefined,
): Promise<string> {
  const { chainHash: _c, ...fields } = signOff;
  return canonicalHash({ previous: await linkTo(previous), signOff: fields });
}

/**
 * - `chained`: its chain hash matches its fields and the sign-off before it.
 * - `unchained`: recorded before sign-offs were chained (no chain hash): not protected.
 * - `altered`: its fields or an earlier sign-off were changed, removed or reordered — or a
 *   sign-off without a chain hash follows a chained one (the app never records that).
 */
export type SignOffRecordStatus = 'chained' | 'unchained' | 'altered';

/** Checks every sign-off's chain hash, in order. */
export async function checkSignOffChain(
  signOffs: readonly SignOff[],
): Promise<SignOffRecordStatus[]> {
  const out: SignOffRecordStatus[] = [];
  let seenChained = false;
  for (const [i, s] of signOffs.entries()) {
    if (s.chainHash === undefined) {
      out.push(seenChained ? 'altered' : 'unchained');
      continue;
    }
    seenChained = true;
    const expected = await signOffChainHash(s, signOffs[i - 1]);
    out.push(expected === s.chainHash ? 'chained' : 'altered');
  }
  return out;
}
