/**
 * Test certificates, made with openssl at test time in a temporary folder: a self-signed CA with
 * keyCertSign and leaves with the properties each test needs. No private key is ever committed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const P12_PASSWORD = 'geheim-wachtwoord-ç';

const made: string[] = [];

/** A new temporary folder, removed again by `removeTempDirs` (test keys do not linger). */
export function tempDir(prefix = 'fria-certs-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Removes every folder `tempDir` made; call it in `afterAll`. */
export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface TestCa {
  dir: string;
  caPem: string;
  caKey: string;
  /** The CA certificate as PEM text. */
  caPemText: string;
}

export interface TestLeaf {
  p12: Uint8Array;
  p12Path: string;
  certPem: string;
  keyPath: string;
}

function openssl(args: string[], cwd: string): string {
  return execFileSync('openssl', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A fresh CA in a new temporary folder. */
export function makeCa(name = 'FRIA Test CA'): TestCa {
  const dir = tempDir();
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ ca ]',
      'default_ca = local',
      '[ local ]',
      `dir = ${dir}`,
      `database = ${dir}/index.txt`,
      `new_certs_dir = ${dir}`,
      `serial = ${dir}/serial`,
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      'email_in_dn = no',
      '[ any ]',
      'commonName = supplied',
      'organizationName = optional',
      'countryName = optional',
      '',
    ].join('\n'),
  );
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '30',
      '-subj',
      `/CN=${name}/O=FRIA Test/C=NL`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  return {
    dir,
    caPem: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca.key'),
    caPemText: readFileSync(join(dir, 'ca.pem'), 'utf8'),
  };
}

export interface LeafOptions {
  name?: string;
  /** openssl key spec for genpkey: RSA (default), EC P-256, or Ed25519 (unsupported by design). */
  key?: 'rsa' | 'ec' | 'ed25519';
  keyUsage?: string;
  /** `YYYYMMDDHHMMSSZ`; default: valid from yesterday for 30 days. */
  startDate?: string;
  endDate?: string;
  /** Encryption of the PKCS#12: AES/PBES2 (default) or the old 3DES scheme. */
  p12Cipher?: 'aes' | 'legacy3des';
  password?: string;
}

let counter = 0;

/** A leaf certificate signed by the CA, packed with its key and the CA certificate in a .p12. */
export function makeLeaf(ca: TestCa, opts: LeafOptions = {}): TestLeaf {
  const id = `leaf${++counter}`;
  const { dir } = ca;
  const key = opts.key ?? 'rsa';
  const genArgs =
    key === 'rsa'
      ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']
      : key === 'ec'
        ? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']
        : ['-algorithm', 'ED25519'];
  openssl(['genpkey', ...genArgs, '-out', `${id}.key`], dir);
  openssl(
    [
      'req',
      '-new',
      '-key',
      `${id}.key`,
      '-out',
      `${id}.csr`,
      '-subj',
      `/CN=${opts.name ?? 'Anna de Vries'}/O=Gemeente Utrecht/C=NL`,
    ],
    dir,
  );
  writeFileSync(
    join(dir, `${id}.ext`),
    [
      'basicConstraints=CA:FALSE',
      `keyUsage=critical,${opts.keyUsage ?? 'digitalSignature,nonRepudiation'}`,
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid',
      '',
    ].join('\n'),
  );
  const day = 24 * 3600 * 1000;
  const start = opts.startDate ?? asn1Time(new Date(Date.now() - day));
  const end = opts.endDate ?? asn1Time(new Date(Date.now() + 30 * day));
  openssl(
    [
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-cert',
      'ca.pem',
      '-keyfile',
      'ca.key',
      '-in',
      `${id}.csr`,
      '-out',
      `${id}.pem`,
      '-notext',
      '-startdate',
      start,
      '-enddate',
      end,
      '-extfile',
      `${id}.ext`,
    ],
    dir,
  );
  const password = opts.password ?? P12_PASSWORD;
  const cipher =
    opts.p12Cipher === 'legacy3des'
      ? ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']
      : ['-keypbe', 'AES-256-CBC', '-certpbe', 'AES-256-CBC', '-macalg', 'sha256'];
  openssl(
    [
      'pkcs12',
      '-export',
      '-inkey',
      `${id}.key`,
      '-in',
      `${id}.pem`,
      '-certfile',
      'ca.pem',
      '-out',
      `${id}.p12`,
      '-passout',
      `pass:${password}`,
      ...cipher,
    ],
    dir,
  );
  return {
    p12: new Uint8Array(readFileSync(join(dir, `${id}.p12`))),
    p12Path: join(dir, `${id}.p12`),
    certPem: readFileSync(join(dir, `${id}.pem`), 'utf8'),
    keyPath: join(dir, `${id}.key`),
  };
}

function asn1Time(d: Date): string {
  return `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/** An NSS database that trusts the CA, for `pdfsig -nssdir sql:DIR`. */
export function nssDbTrusting(ca: TestCa): string {
  const db = tempDir('fria-nss-');
  execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${db}`, '-n', 'ca', '-t', 'CT,C,C', '-i', ca.caPem]);
  return db;
}

/** An empty NSS database: pdfsig then checks integrity but cannot trust the signer. */
export function emptyNssDb(): string {
  const db = tempDir('fria-nss-');
  execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
  return db;
}

/** pdfsig's report (it exits non-zero for some findings, so the output is what counts). */
export function pdfsig(file: string, nssDir: string): string {
  try {
    return execFileSync('pdfsig', ['-nssdir', `sql:${nssDir}`, file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
}
