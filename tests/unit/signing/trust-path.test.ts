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
import { signAssessmentFile, signAssessmentFileWithP12 } from '../../../src/signing/detached';
import { loadSigningIdentity } from '../../../src/signing/p12';
import { verifyFile } from '../../../src/signing/verify';
import { reasonText, reportLines } from '../../../src/signing/verify-text';
import { signingTemplates } from '../../../src/signing/messages';
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
async function verifyWith(
  leaf: { pem: string; key: string },
  intermediates: { pem: string }[],
  opts: { trust?: string; signingTime?: Date } = {},
) {
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
  // A stated signing time outside the certificate's validity needs the identity loaded now.
  const { signature } = opts.signingTime
    ? await signAssessmentFile(file, await loadSigningIdentity(p12, P12_PASSWORD), opts.signingTime)
    : await signAssessmentFileWithP12(file, p12, P12_PASSWORD);
  const r = await verifyFile(file, {
    detachedSignature: signature,
    trusted: [new TextEncoder().encode(opts.trust ?? ca.caPemText)],
  });
  if (r.kind !== 'assessment' || !r.detached) throw new Error('no detached report');
  lastReport = r;
  return r.detached;
}

let lastReport: Awaited<ReturnType<typeof verifyFile>> | undefined;

/**
 * English words that would show an untranslated reason in a Dutch text. (Words Dutch shares,
 * such as "is", "app" and "die", are not in the list.)
 */
const ENGLISH =
  /\b(the|not|no|may|has|have|this|does|understand|certificate|certificates|trusted|issued|signing|signature|signer|valid|path|allows|below|intermediate|extension|critical|chain|too|long|authority|key|usage|lacks|most|cannot|damaged|missing|included|unknown|accepted|digest|data|read|found)\b/i;

/** The Verify screen's Dutch lines for the last report: the not-trusted line, checked for English. */
function dutchTrustLine(): string {
  const lines = reportLines(lastReport!, 'nl').map((l) => l.text);
  const line = lines.find((l) => l.startsWith('Het certificaat leidt NIET'));
  expect(line, lines.join('\n')).toBeDefined();
  // Certificate names (in quotes) are the certificates' own words.
  expect(line!.replace(/"[^"]*"/g, '""')).not.toMatch(ENGLISH);
  return line!;
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
    expect(r.trustReason && reasonText(r.trustReason, 'en')).toContain('keyCertSign');
    expect(dutchTrustLine()).toContain('mag geen certificaten uitgeven');
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
    expect(r.trustReason && reasonText(r.trustReason, 'en')).toContain('at most 0 intermediate');
    expect(dutchTrustLine()).toContain('hoogstens 0 tussenliggende certificaten');
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
    expect(r.trustReason && reasonText(r.trustReason, 'en')).toContain('1.3.6.1.4.1.99999.1');
    expect(dutchTrustLine()).toContain('als verplicht is gemarkeerd');
  });

  it('refuses an issuer that is not a certificate authority, in Dutch too', async () => {
    const mid = issue('Not A CA', root(), [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyCertSign',
    ]);
    const leaf = issue('Anna Geen CA', mid, LEAF_EXT);
    expect(opensslVerify(leaf, [mid])).toBe(false);
    const r = await verifyWith(leaf, [mid]);
    expect(r.trust).toBe('notTrusted');
    expect(r.trustReason?.code).toBe('trustNotCa');
    expect(dutchTrustLine()).toContain('is geen uitgever van certificaten');
  });

  it('refuses a path to a certificate the user does not trust, in Dutch too', async () => {
    const mid = issue('Good Intermediate 3', root(), CA_EXT);
    const leaf = issue('Anna Elders', mid, LEAF_EXT);
    const r = await verifyWith(leaf, [mid], { trust: readFileSync(leaf.pem, 'utf8') });
    // Trusting the leaf itself trusts it; trusting another root does not.
    expect(r.trust).toBe('trusted');
    const other = makeCa('Other Root');
    const r2 = await verifyWith(leaf, [mid], { trust: other.caPemText });
    expect(r2.trust).toBe('notTrusted');
    expect(r2.trustReason?.code).toBe('trustNoIssuer');
    expect(dutchTrustLine()).toContain(
      'geen vertrouwd certificaat heeft "Good Intermediate 3" uitgegeven',
    );
  });

  it('refuses a certificate that was not valid at the stated signing time, in Dutch too', async () => {
    const mid = issue('Good Intermediate 4', root(), CA_EXT);
    const leaf = issue('Anna Te Laat', mid, LEAF_EXT);
    const r = await verifyWith(leaf, [mid], { signingTime: new Date('2001-01-01T00:00:00Z') });
    expect(r.trust).toBe('notTrusted');
    expect(r.trustReason?.code).toBe('trustNotValidAtSigning');
    expect(dutchTrustLine()).toContain('was niet geldig op het tijdstip van ondertekenen');
  });

  it('has a Dutch text without English words for every reason a certificate or signature fails', () => {
    const codes = Object.keys(signingTemplates.nl).filter((k) => /^(trust|broken)[A-Z]/.test(k));
    expect(codes.length).toBeGreaterThanOrEqual(18);
    for (const code of codes) {
      const text = signingTemplates.nl[code as keyof typeof signingTemplates.nl];
      // Technical names (keyCertSign, RSA PKCS#1 v1.5, SHA-256, OIDs) are kept as they are.
      expect(text.replace(/keyCertSign|RSA PKCS#1 v1\.5|ECDSA|SHA-\d+/g, ''), code).not.toMatch(
        ENGLISH,
      );
      expect(text).not.toBe(signingTemplates.en[code as keyof typeof signingTemplates.en]);
    }
  });
});
