/**
 * Certificate paths as RFC 5280 §6.1 requires (openssl and pdfsig refuse the same three): an
 * intermediate that is a CA but may not sign certificates, a pathLenConstraint exceeded, and an
 * unknown critical extension. Certificates are made at test time with openssl in temporary
 * folders; no private key is committed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signAssessmentFileWithP12 } from '../../../src/signing/detached';
import { verifyFile } from '../../../src/signing/verify';
import { makeCa, P12_PASSWORD, removeTempDirs, type TestCa } from './certs';

const run = (args: string[], cwd: string) =>
  execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let ca: TestCa;
let n = 0;

afterAll(removeTempDirs);
beforeAll(() => {
  ca = makeCa('FRIA Path Root');
});

/** A certificate for `cn`, signed by `issuer` (files in the CA folder), with these extensions. */
function issue(
  cn: string,
  issuer: { pem: string; key: string },
  ext: string[],
): {
  pem: string;
  key: string;
} {
  const id = `p${++n}`;
  const dir = ca.dir;
  run(
    ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', `${id}.key`],
    dir,
  );
  run(
    ['req', '-new', '-key', `${id}.key`, '-out', `${id}.csr`, '-subj', `/CN=${cn}/O=FRIA Test`],
    dir,
  );
  writeFileSync(join(dir, `${id}.ext`), [...ext, ''].join('\n'));
  run(
    [
      'x509',
      '-req',
      '-in',
      `${id}.csr`,
      '-CA',
      issuer.pem,
      '-CAkey',
      issuer.key,
      '-CAcreateserial',
      '-out',
      `${id}.pem`,
      '-days',
      '10',
      '-sha256',
      '-extfile',
      `${id}.ext`,
    ],
    dir,
  );
  return { pem: join(dir, `${id}.pem`), key: join(dir, `${id}.key`) };
}

const CA_EXT = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign'];
const LEAF_EXT = ['basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature,nonRepudiation'];

/** Signs an assessment-like file with the leaf (its intermediates in the .p12) and verifies it. */
async function verifyWith(leaf: { pem: string; key: string }, intermediates: { pem: string }[]) {
  const id = `p12-${++n}`;
  const chain = join(ca.dir, `${id}-chain.pem`);
  writeFileSync(chain, intermediates.map((i) => readFileSync(i.pem, 'utf8')).join(''));
  run(
    [
      'pkcs12',
      '-export',
      '-inkey',
      leaf.key,
      '-in',
      leaf.pem,
      '-certfile',
      chain,
      '-out',
      `${id}.p12`,
      '-passout',
      `pass:${P12_PASSWORD}`,
      '-keypbe',
      'AES-256-CBC',
      '-certpbe',
      'AES-256-CBC',
      '-macalg',
      'sha256',
    ],
    ca.dir,
  );
  const file = new TextEncoder().encode('{"not":"an assessment, only bytes to sign"}');
  const p12 = new Uint8Array(readFileSync(join(ca.dir, `${id}.p12`)));
  const { signature } = await signAssessmentFileWithP12(file, p12, P12_PASSWORD);
  const r = await verifyFile(file, {
    detachedSignature: signature,
    trusted: [new TextEncoder().encode(ca.caPemText)],
  });
  if (r.kind !== 'assessment' || !r.detached) throw new Error('no detached report');
  return r.detached;
}

/** openssl's own verdict on the same path, for comparison. */
function opensslVerify(leaf: { pem: string }, intermediates: { pem: string }[]): boolean {
  const chain = join(ca.dir, `untrusted-${++n}.pem`);
  writeFileSync(chain, intermediates.map((i) => readFileSync(i.pem, 'utf8')).join(''));
  try {
    run(['verify', '-CAfile', ca.caPem, '-untrusted', chain, leaf.pem], ca.dir);
    return true;
  } catch {
    return false;
  }
}

const root = () => ({ pem: ca.caPem, key: ca.caKey });

describe('certificate path validation', () => {
  it('trusts a good chain: root → intermediate → signer', async () => {
    const mid = issue('Good Intermediate', root(), CA_EXT);
    const leaf = issue('Anna Goed', mid, LEAF_EXT);
    expect(opensslVerify(leaf, [mid])).toBe(true);
    const r = await verifyWith(leaf, [mid]);
    expect(r.integrity).toBe('valid');
    expect(r.trust).toBe('trusted');
  });

  it('refuses an intermediate with CA:TRUE but without keyCertSign', async () => {
    const mid = issue('No CertSign Intermediate', root(), [
      'basicConstraints=critical,CA:TRUE',
      'keyUsage=critical,digitalSignature,cRLSign',
    ]);
    const leaf = issue('Anna Zonder', mid, LEAF_EXT);
    expect(opensslVerify(leaf, [mid])).toBe(false);
    const r = await verifyWith(leaf, [mid]);
    expect(r.integrity).toBe('valid');
    expect(r.trust).toBe('notTrusted');
    expect(r.trustDetail).toContain('keyCertSign');
  });

  it('refuses a path longer than an issuer’s pathLenConstraint', async () => {
    const top = issue('PathLen Zero', root(), [
      'basicConstraints=critical,CA:TRUE,pathlen:0',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    const below = issue('Below PathLen Zero', top, CA_EXT);
    const leaf = issue('Anna Te Diep', below, LEAF_EXT);
    expect(opensslVerify(leaf, [below, top])).toBe(false);
    const r = await verifyWith(leaf, [below, top]);
    expect(r.trust).toBe('notTrusted');
    expect(r.trustDetail).toContain('at most 0 intermediate');
  });

  it('refuses a certificate with an unknown critical extension', async () => {
    const mid = issue('Good Intermediate 2', root(), CA_EXT);
    const leaf = issue('Anna Onbekend', mid, [
      ...LEAF_EXT,
      '1.3.6.1.4.1.99999.1=critical,ASN1:UTF8String:unknown',
    ]);
    expect(opensslVerify(leaf, [mid])).toBe(false);
    const r = await verifyWith(leaf, [mid]);
    expect(r.trust).toBe('notTrusted');
    expect(r.trustDetail).toContain('1.3.6.1.4.1.99999.1');
  });
});
