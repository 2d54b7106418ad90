/** The sign and verify commands, run through the CLI entry point as a user would. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import {
  makeCa,
  makeLeaf,
  P12_PASSWORD,
  pdfsig,
  nssDbTrusting,
  type TestCa,
  type TestLeaf,
  removeTempDirs,
} from './certs';
import { flipByte, makePdf, tmp } from './pdfs';

let ca: TestCa;
let leaf: TestLeaf;
let dir: string;
let input: string;

function io(env: Record<string, string> = {}): CliIO & { stdout: string; stderr: string } {
  const o = {
    stdout: '',
    stderr: '',
    env,
    out(s: string) {
      o.stdout += `${s}\n`;
    },
    err(s: string) {
      o.stderr += `${s}\n`;
    },
  };
  return o;
}

afterAll(removeTempDirs);

beforeAll(() => {
  ca = makeCa();
  leaf = makeLeaf(ca);
  dir = tmp();
  input = join(dir, 'in.pdf');
  writeFileSync(input, makePdf());
});

describe('fria sign', () => {
  it('signs with the password from the named environment variable', async () => {
    const out = join(dir, 'signed.pdf');
    const c = io({ FRIA_P12_PASSWORD: P12_PASSWORD });
    const code = await run(
      [
        'sign',
        input,
        '--p12',
        leaf.p12Path,
        '--password-env',
        'FRIA_P12_PASSWORD',
        '-o',
        out,
        '--reason',
        'Goedgekeurd',
      ],
      c,
    );
    expect(c.stderr).toBe('');
    expect(code).toBe(0);
    expect(c.stdout).toMatch(/^Signed by Anna de Vries \(field "Signature1"/);
    expect(pdfsig(out, nssDbTrusting(ca))).toContain('Signature is Valid.');
  });

  it('never takes the password as an argument', async () => {
    for (const flag of ['--password', '--password=geheim', '-password', '--pass']) {
      const c = io();
      const code = await run(
        ['sign', input, '--p12', leaf.p12Path, flag, 'geheim', '-o', join(dir, 'x.pdf')],
        c,
      );
      expect(code).toBe(2);
      expect(c.stderr).toContain('never given as an argument');
    }
  });

  it('says which variable is missing, and reports a wrong password in the chosen language', async () => {
    const c = io();
    expect(
      await run(
        ['sign', input, '--p12', leaf.p12Path, '--password-env', 'NOPE', '-o', join(dir, 'x.pdf')],
        c,
      ),
    ).toBe(2);
    expect(c.stderr).toContain('The environment variable NOPE is not set.');
    const w = io({ PW: 'fout' });
    expect(
      await run(
        [
          'sign',
          input,
          '--p12',
          leaf.p12Path,
          '--password-env',
          'PW',
          '-o',
          join(dir, 'x.pdf'),
          '--lang',
          'nl',
        ],
        w,
      ),
    ).toBe(1);
    expect(w.stderr).toBe(
      'Met dit wachtwoord gaat het certificaatbestand niet open. Controleer het wachtwoord en probeer het opnieuw.\n',
    );
  });

  it('prepares an empty field with --prepare', async () => {
    const out = join(dir, 'prepared.pdf');
    const c = io();
    expect(await run(['sign', input, '--prepare', '--field', 'Goedkeurder', '-o', out], c)).toBe(0);
    const report = pdfsig(out, nssDbTrusting(ca));
    expect(report).toContain('Signature Field Name: Goedkeurder');
    expect(report).toContain('The signature form field is not signed.');
  });
});

describe('fria verify', () => {
  let signed: string;
  beforeAll(async () => {
    signed = join(dir, 'v.pdf');
    await run(
      ['sign', input, '--p12', leaf.p12Path, '--password-env', 'PW', '-o', signed],
      io({ PW: P12_PASSWORD }),
    );
  });

  it('exits 0 for a valid signature and says whether the signer was verified', async () => {
    const c = io();
    expect(await run(['verify', signed], c)).toBe(0);
    expect(c.stdout).toContain('! Integrity valid, signer not verified');
    const t = io();
    expect(await run(['verify', signed, '--trust', ca.caPem, '--lang', 'nl'], t)).toBe(0);
    expect(t.stdout).toContain('✓ Het certificaat wordt vertrouwd');
  });

  it('exits 1 for a changed byte, and gives a JSON report with --json', async () => {
    const bytes = new Uint8Array(readFileSync(signed));
    const at = Buffer.from(bytes).indexOf('Beoordeling pagina 2');
    const bad = join(dir, 'bad.pdf');
    writeFileSync(bad, flipByte(bytes, at));
    const c = io();
    expect(await run(['verify', bad, '--json'], c)).toBe(1);
    const json = JSON.parse(c.stdout) as {
      status: string;
      signatures: { integrity: string }[];
      lines: { text: string }[];
    };
    expect(json.status).toBe('failed');
    expect(json.signatures[0]!.integrity).toBe('changed');
    expect(json.lines[0]!.text).toBe(
      'NOT valid: something was changed after signing, or a signature is damaged. See the findings below.',
    );
  });

  it('exits 1 for a foreign trust anchor and for an unsigned PDF; 2 for a missing file', async () => {
    const other = makeCa('Other CA');
    expect(await run(['verify', signed, '--trust', other.caPem], io())).toBe(1);
    // Two anchors: one matching is enough.
    expect(await run(['verify', signed, '--trust', other.caPem, '--trust', ca.caPem], io())).toBe(
      0,
    );
    const c = io();
    expect(await run(['verify', input], c)).toBe(1);
    expect(c.stdout).toContain('This PDF has no digital signature.');
    expect(await run(['verify', join(dir, 'missing.pdf')], io())).toBe(2);
    const notCert = io();
    expect(await run(['verify', signed, '--trust', input, '--lang', 'nl'], notCert)).toBe(1);
    expect(notCert.stderr).toMatch(/certificaat/i);
  });
});
