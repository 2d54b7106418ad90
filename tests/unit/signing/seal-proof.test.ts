/**
 * Verify says no more than it can prove. The seal is an unkeyed hash: anyone can recompute it
 * with the app's own functions after an edit, so a holding seal without a digital signature is
 * "internally consistent only", never "valid". Sign-off records are chained; a detached signature
 * covers the assessment file; the assessment in a PDF's signed revision is compared with the one
 * a reader extracts today (Verify and the library import).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReportPdf } from '../../../src/pdf/render';
import { signPdf } from '../../../src/signing/pades';
import { verifyFile, verifyPdf } from '../../../src/signing/verify';
import { reportLines } from '../../../src/signing/verify-text';
import { signAssessmentFileWithP12 } from '../../../src/signing/detached';
import { PdfDocument } from '../../../src/pdf-file/document';
import { appendUpdate } from '../../../src/pdf-file/update';
import type { PdfObject } from '../../../src/pdf-file/objects';
import { addSignOff } from '../../../src/core/signoff/signoff';
import { signOffChainHash } from '../../../src/core/signoff/signoff-chain';
import { assessmentHash, serializeAssessment } from '../../../src/core/assessment/assessment';
import type { Assessment, SignOff } from '../../../src/core/assessment/assessment-schema';
import { readImportFiles } from '../../../src/ui/library/import-files';
import { run } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { miniQuestionnaire } from '../core/helpers';
import { NOW, readyAssessment, signer } from './assessments';
import { makeCa, makeLeaf, P12_PASSWORD, removeTempDirs, type TestLeaf } from './certs';
import { opensslCmsVerify, tmp } from './pdfs';

const q = miniQuestionnaire();
const enc = (a: Assessment) => new TextEncoder().encode(serializeAssessment(a));
let anna: TestLeaf;
let caPem: string;
let signedOff: Assessment;
let signedPdf: Uint8Array;

afterAll(removeTempDirs);

beforeAll(async () => {
  const ca = makeCa();
  caPem = ca.caPem;
  anna = makeLeaf(ca);
  let a = await readyAssessment();
  a = await addSignOff(a, q, signer('preparer', 'Anna de Vries'), { id: 's1', now: NOW });
  signedOff = await addSignOff(a, q, signer('approver', 'Bram Bakker'), { id: 's2', now: NOW });
  const report = await renderReportPdf(signedOff, q, 'nl', {
    appVersion: 'test',
    now: new Date(NOW),
    timeZone: 'Europe/Amsterdam',
  });
  signedPdf = (await signPdf(report, anna.p12, P12_PASSWORD)).pdf;
});

/** What an attacker does with the app's own code: recompute every hash after an edit. */
async function reseal(a: Assessment): Promise<Assessment> {
  const contentHash = await assessmentHash(a);
  const signOffs: SignOff[] = [];
  for (const s of a.signOffs) {
    const next: SignOff = { ...s, contentHash };
    next.chainHash = await signOffChainHash(next, signOffs[signOffs.length - 1]);
    signOffs.push(next);
  }
  return { ...a, signOffs };
}

const verdict = async (bytes: Uint8Array, locale = 'en') =>
  reportLines(await verifyFile(bytes), locale)[0]!;

function cliIo(): CliIO & { stdout: string } {
  const o = {
    stdout: '',
    env: {},
    out(s: string) {
      o.stdout += `${s}\n`;
    },
    err(s: string) {
      o.stdout += `${s}\n`;
    },
  };
  return o;
}

describe('the seal alone is never "valid"', () => {
  it('a resealed edited file is internally consistent only, exit 1', async () => {
    const edited = await reseal({
      ...signedOff,
      answers: { ...signedOff.answers, purpose: 'Iets heel anders' },
    });
    const r = await verifyFile(enc(edited));
    expect(r.status).toBe('consistent');
    expect((await verdict(enc(edited))).text).toBe(
      'Internally consistent only: there is no digital signature, so this does not prove that nothing was changed, nor who signed.',
    );
    expect((await verdict(enc(edited), 'nl')).text).toMatch(/^Alleen intern consistent/);
    const all = reportLines(r, 'en').map((l) => l.text);
    expect(all.join('\n')).not.toMatch(/Unchanged since|^Valid/m);
    // The same in the command line: exit 1, never 0, for a file without a digital signature.
    const dir = tmp();
    writeFileSync(join(dir, 'x.fria.json'), serializeAssessment(edited));
    const o = cliIo();
    expect(await run(['verify', join(dir, 'x.fria.json')], o)).toBe(1);
    expect(o.stdout).toContain('Internally consistent only');
    expect(o.stdout).not.toContain('the attached assessment');
  });

  it('an unsigned PDF made from a resealed file is consistent only, not valid', async () => {
    const edited = await reseal({
      ...signedOff,
      answers: { ...signedOff.answers, purpose: 'Iets heel anders' },
    });
    const pdf = await renderReportPdf(edited, q, 'nl', {
      appVersion: 'test',
      now: new Date(NOW),
      timeZone: 'Europe/Amsterdam',
    });
    const r = await verifyPdf(pdf);
    expect(r.status).toBe('consistent');
    expect(reportLines(r, 'nl')[0]!.tone).not.toBe('ok');
  });

  it('a renamed signer breaks the sign-off chain', async () => {
    const renamed: Assessment = {
      ...signedOff,
      signOffs: signedOff.signOffs.map((s) => (s.id === 's2' ? { ...s, name: 'Minister Y' } : s)),
    };
    const r = await verifyFile(enc(renamed));
    expect(r.status).toBe('failed');
    expect(r.assessment.state === 'checked' && r.assessment.seal.signOffs[1]!.record).toBe(
      'altered',
    );
    expect(reportLines(r, 'en').map((l) => l.text)).toContain(
      'The record of the sign-off by Minister Y (approver) does not match its chain hash: it, or a sign-off before it, was changed, removed or moved after it was recorded.',
    );
  });

  it('an invented sign-off is caught without a chain hash, and is only "consistent" with one', async () => {
    const minister: SignOff = {
      ...signedOff.signOffs[1]!,
      id: 's3',
      name: 'Minister Y',
    };
    delete minister.chainHash;
    const invented: Assessment = { ...signedOff, signOffs: [...signedOff.signOffs, minister] };
    expect((await verifyFile(enc(invented))).status).toBe('failed');
    // With the chain recomputed by the app's own function, the hashes cannot tell: only a
    // digital signature can, and without one Verify says so.
    const chained = await reseal(invented);
    expect((await verifyFile(enc(chained))).status).toBe('consistent');
  });

  it('old sign-offs without a chain hash stay readable and are shown as not protected', async () => {
    const old: Assessment = {
      ...signedOff,
      signOffs: signedOff.signOffs.map(({ chainHash: _c, ...s }) => s),
    };
    const r = await verifyFile(enc(old));
    expect(r.status).toBe('consistent');
    const text = reportLines(r, 'nl')
      .map((l) => l.text)
      .join('\n');
    expect(text).toContain('Vastgelegd voordat ondertekeningen aan elkaar werden gekoppeld');
  });
});

describe('a detached signature for the assessment file', () => {
  it('is valid over the file, and not after one changed byte', async () => {
    const file = enc(signedOff);
    const { signature } = await signAssessmentFileWithP12(file, anna.p12, P12_PASSWORD);
    const ok = await verifyFile(file, {
      detachedSignature: signature,
      trusted: [readFileSync(caPem)],
    });
    expect(ok.status).toBe('valid');
    expect(ok.kind === 'assessment' && ok.detached).toMatchObject({
      integrity: 'valid',
      trust: 'trusted',
    });
    expect(reportLines(ok, 'en')[0]!.text).toMatch(/^Valid: the digital signature holds/);
    // openssl agrees.
    expect(opensslCmsVerify(signature, file, caPem).ok).toBe(true);

    const changed = file.slice();
    const at = changed.indexOf('T'.charCodeAt(0));
    changed[at] = 'X'.charCodeAt(0); // "Toeslagen" → "Xoeslagen": the file still reads
    const bad = await verifyFile(changed, { detachedSignature: signature });
    expect(bad.status).toBe('failed');
    expect(bad.kind === 'assessment' && bad.detached?.integrity).toBe('changed');
    expect(reportLines(bad, 'en')[0]!.tone).toBe('error');
  });

  it('the CLI signs a .fria.json beside it and verify finds the .p7s', async () => {
    const dir = tmp();
    const file = join(dir, 'x.fria.json');
    writeFileSync(file, serializeAssessment(signedOff));
    const o = cliIo();
    o.env = { PW: P12_PASSWORD };
    expect(await run(['sign', file, '--p12', anna.p12Path, '--password-env', 'PW'], o)).toBe(0);
    expect(readFileSync(`${file}.p7s`).length).toBeGreaterThan(100);
    const v = cliIo();
    expect(await run(['verify', file], v)).toBe(0);
    expect(v.stdout).toMatch(/Valid: the digital signature holds/);
    writeFileSync(file, serializeAssessment({ ...signedOff, version: signedOff.version }) + ' ');
    const w = cliIo();
    expect(await run(['verify', file], w)).toBe(1);
  });
});

describe('the assessment in the signed revision against the one a reader extracts today', () => {
  async function swappedPdf(): Promise<{ pdf: Uint8Array; replacement: Assessment }> {
    const doc = await PdfDocument.open(signedPdf);
    const cat = await doc.catalog();
    const names = await doc.resolveDict(cat.entries.get('Names'));
    const ef = await doc.resolveDict(names?.entries.get('EmbeddedFiles'));
    const pairs = ef?.entries.get('Names');
    const spec = await doc.resolveDict(pairs?.kind === 'array' ? pairs.items[1] : undefined);
    const efDict = await doc.resolveDict(spec?.entries.get('EF'));
    const f = efDict?.entries.get('F') as PdfObject;
    if (f.kind !== 'ref') throw new Error('no attachment');
    // A replacement with a holding seal: edited, then resealed with the app's own functions.
    const replacement = await reseal({
      ...signedOff,
      answers: { ...signedOff.answers, purpose: 'Iets heel anders' },
    });
    const text = serializeAssessment(replacement);
    const body = `<< /Type /EmbeddedFile /Subtype /application#2Fjson /Length ${text.length} >>\nstream\n${text}\nendstream`;
    return { pdf: appendUpdate(doc, [{ num: f.num, gen: 0, body }]), replacement };
  }

  it('Verify says the attachment was replaced after signing', async () => {
    const { pdf } = await swappedPdf();
    const r = await verifyPdf(pdf);
    expect(r.status).toBe('failed');
    expect(r.assessment.state === 'checked' && r.assessment.signedCopy?.state).toBe('differs');
    const lines = reportLines(r, 'en');
    expect(lines[0]!.text).toBe(
      'NOT valid: the assessment attached to this PDF is not the one that was signed — it was replaced after signing.',
    );
    expect(lines.map((l) => l.text).join('\n')).toContain(
      'differs from the one signed with signature 1: answer to "What is the purpose of the system?"',
    );
    // The untouched signed PDF: the same copy.
    const same = await verifyPdf(signedPdf);
    expect(same.assessment.state === 'checked' && same.assessment.signedCopy?.state).toBe('same');
  });

  it('the library imports the signed copy, never the replacement, and says so', async () => {
    const { pdf, replacement } = await swappedPdf();
    const file = new File([pdf.slice()], 'swapped.pdf', { type: 'application/pdf' });
    const [outcome] = await readImportFiles([file], 'en');
    expect(outcome!.assessments).toHaveLength(1);
    expect(outcome!.assessments[0]!.answers.purpose).toBe(signedOff.answers.purpose);
    expect(outcome!.assessments[0]!.answers.purpose).not.toBe(replacement.answers.purpose);
    expect(outcome!.problems.join(' ')).toContain('was replaced after the PDF was signed');
  });
});

describe('only the signature algorithms this app signs with', () => {
  it('refuses an unknown signature-algorithm OID in the SignerInfo', async () => {
    const file = enc(signedOff);
    const { signature } = await signAssessmentFileWithP12(file, anna.p12, P12_PASSWORD);
    // The SignerInfo comes after the certificates: its algorithm is the last RSA OID in the DER.
    const hex = Buffer.from(signature).toString('hex');
    const oids = ['06092a864886f70d01010b', '06092a864886f70d010101'];
    const at = Math.max(...oids.map((o) => hex.lastIndexOf(o)));
    expect(at).toBeGreaterThan(0);
    const bad = Buffer.from(hex.slice(0, at + 20) + '7f' + hex.slice(at + 22), 'hex');
    const r = await verifyFile(file, { detachedSignature: new Uint8Array(bad) });
    expect(r.kind === 'assessment' && r.detached?.integrity).toBe('broken');
    expect(r.kind === 'assessment' && r.detached?.brokenReason?.code).toBe(
      'brokenSignatureAlgorithm',
    );
    expect(
      reportLines(r, 'nl')
        .map((l) => l.text)
        .join(' '),
    ).toContain('wordt niet aanvaard');
    expect(r.status).toBe('failed');
  });
});
