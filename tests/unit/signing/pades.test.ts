/**
 * PAdES signing checked by independent tools: poppler's pdfsig (with the test CA in an NSS
 * database), `openssl cms -verify` and `qpdf --check`, plus our own verifier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEmptySignatureField, signPdf } from '../../../src/signing/pades';
import { SigningError } from '../../../src/signing/messages';
import { verifyPdf } from '../../../src/signing/verify';
import { reportLines } from '../../../src/signing/verify-text';
import {
  emptyNssDb,
  makeCa,
  makeLeaf,
  nssDbTrusting,
  P12_PASSWORD,
  pdfsig,
  type TestCa,
  type TestLeaf,
  removeTempDirs,
} from './certs';
import {
  byteRanges,
  extractCms,
  flipByte,
  makePdf,
  opensslCmsPrint,
  opensslCmsVerify,
  qpdfCheck,
  withObjectStreams,
  writeTemp,
} from './pdfs';

let ca: TestCa;
let anna: TestLeaf;
let bram: TestLeaf;
let nss: string;
const trusted = () => [new TextEncoder().encode(ca.caPemText)];

afterAll(removeTempDirs);

beforeAll(() => {
  ca = makeCa();
  anna = makeLeaf(ca, { name: 'Anna de Vries' });
  bram = makeLeaf(ca, { name: 'Bram Bakker', key: 'ec' });
  nss = nssDbTrusting(ca);
});

/** pdfsig's per-signature blocks. */
function pdfsigBlocks(out: string): string[] {
  return out.split(/^Signature #\d+:/m).slice(1);
}

describe('signPdf', () => {
  it('makes a signature pdfsig calls valid and trusted, openssl accepts, qpdf finds clean', async () => {
    const pdf = makePdf();
    const {
      pdf: signed,
      byteRange,
      fieldName,
    } = await signPdf(pdf, anna.p12, P12_PASSWORD, {
      reason: 'Opsteller',
      location: 'Utrecht',
    });
    // The original bytes are untouched: an incremental update.
    expect(signed.subarray(0, pdf.length)).toEqual(pdf);
    expect(byteRange[0]).toBe(0);
    expect(byteRange[2] + byteRange[3]).toBe(signed.length);
    const file = writeTemp(signed);
    const out = pdfsig(file, nss);
    const [block] = pdfsigBlocks(out);
    expect(block).toContain(`Signature Field Name: ${fieldName}`);
    expect(block).toContain('Signer Certificate Common Name: Anna de Vries');
    expect(block).toContain('Signature Type: ETSI.CAdES.detached');
    expect(block).toContain('Signing Hash Algorithm: SHA-256');
    expect(block).toContain('Signing Time:');
    expect(block).toContain('Total document signed');
    expect(block).toContain('Signature Validation: Signature is Valid.');
    expect(block).toContain('Certificate Validation: Certificate is Trusted.');

    const { cms, signed: data } = extractCms(signed, 0);
    const ossl = opensslCmsVerify(cms, data, ca.caPem);
    expect(ossl.output).toContain('Verification successful');
    expect(ossl.ok).toBe(true);
    // PAdES baseline: ESS signing-certificate-v2 present, no CMS signing-time attribute.
    const printed = opensslCmsPrint(cms);
    expect(printed).toContain('id-smime-aa-signingCertificateV2');
    expect(printed).toContain('messageDigest');
    expect(printed).not.toContain('signingTime');

    const check = qpdfCheck(file);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.code).toBe(0);
  });

  it('without the CA in the NSS database pdfsig still finds the signature intact, but not trusted', async () => {
    const { pdf: signed } = await signPdf(makePdf(), anna.p12, P12_PASSWORD);
    const out = pdfsig(writeTemp(signed), emptyNssDb());
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).not.toContain('Certificate is Trusted');
  });

  it('keeps the first signature valid when a second (ECDSA) signer adds theirs', async () => {
    const first = await signPdf(makePdf({ compress: true }), anna.p12, P12_PASSWORD);
    const second = await signPdf(first.pdf, bram.p12, P12_PASSWORD);
    expect(second.fieldName).not.toBe(first.fieldName);
    const blocks = pdfsigBlocks(pdfsig(writeTemp(second.pdf), nss));
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain('Anna de Vries');
    expect(blocks[0]).toContain('Not total document signed');
    expect(blocks[1]).toContain('Bram Bakker');
    expect(blocks[1]).toContain('Total document signed');
    for (const b of blocks) {
      expect(b).toContain('Signature is Valid.');
      expect(b).toContain('Certificate is Trusted.');
    }
    const report = await verifyPdf(second.pdf, { trusted: trusted() });
    expect(report.status).toBe('valid');
    expect(
      report.signatures.map((s) => [
        s.signer?.name,
        s.integrity,
        s.trust,
        s.coversWholeDocument,
        s.laterSignatures,
      ]),
    ).toEqual([
      ['Anna de Vries', 'valid', 'trusted', false, 1],
      ['Bram Bakker', 'valid', 'trusted', true, 0],
    ]);
    expect(report.changesAfterLastSignature).toEqual([]);
  });

  it('signs PDFs with object streams and a cross-reference stream', async () => {
    const pdf = withObjectStreams(makePdf({ compress: true, pages: 3 }));
    expect(Buffer.from(pdf).toString('latin1')).toContain('/XRef');
    const first = await signPdf(pdf, anna.p12, P12_PASSWORD);
    const second = await signPdf(first.pdf, bram.p12, P12_PASSWORD);
    const blocks = pdfsigBlocks(pdfsig(writeTemp(second.pdf), nss));
    expect(blocks).toHaveLength(2);
    for (const b of blocks) expect(b).toContain('Signature is Valid.');
    expect(qpdfCheck(writeTemp(second.pdf)).code).toBe(0);
    expect((await verifyPdf(second.pdf, { trusted: trusted() })).status).toBe('valid');
  });

  it('reports a flipped byte inside the signed range, in pdfsig and in our verifier', async () => {
    const first = await signPdf(makePdf(), anna.p12, P12_PASSWORD);
    const second = await signPdf(first.pdf, bram.p12, P12_PASSWORD);
    // A byte of page text in the first revision: "Beoordeling" → "Ceoordeling".
    const at = Buffer.from(second.pdf).indexOf('Beoordeling pagina 1');
    const tampered = flipByte(second.pdf, at);
    const out = pdfsig(writeTemp(tampered), nss);
    expect(out).not.toContain('Signature is Valid.');
    expect(out.match(/Signature Validation: Digest Mismatch\./g)).toHaveLength(2);

    const report = await verifyPdf(tampered, { trusted: trusted() });
    expect(report.status).toBe('failed');
    expect(report.signatures.map((s) => s.integrity)).toEqual(['changed', 'changed']);
    expect(report.signatures[0]!.changedRegion).toEqual({ from: 0, to: first.pdf.length });
    const en = reportLines(report, 'en').map((l) => l.text);
    expect(en[0]).toBe(
      'NOT valid: something was changed after signing, or a signature is damaged. See the findings below.',
    );
    expect(en).toContain(
      `Signature 1 by Anna de Vries: the document was CHANGED since signing. The change is within the first ${first.pdf.length} bytes; the signature cannot tell which byte.`,
    );
    const nl = reportLines(report, 'nl').map((l) => l.text);
    expect(
      nl.some((l) => l.startsWith('Handtekening 1 van Anna de Vries: het document is VERANDERD')),
    ).toBe(true);
  });

  it('narrows a change to the part after the first signature when only the second breaks', async () => {
    const first = await signPdf(makePdf(), anna.p12, P12_PASSWORD);
    const second = await signPdf(first.pdf, bram.p12, P12_PASSWORD);
    // A byte in the second revision, outside the signature's hole: the name of its field.
    const at = Buffer.from(second.pdf).indexOf('(Signature2)', first.pdf.length) + 2;
    const report = await verifyPdf(flipByte(second.pdf, at), {});
    expect(report.signatures.map((s) => s.integrity)).toEqual(['valid', 'changed']);
    expect(report.signatures[1]!.changedRegion).toEqual({
      from: first.pdf.length,
      to: second.pdf.length,
      afterSignature: 1,
    });
    expect(reportLines(report, 'en').map((l) => l.text)).toContain(
      `Signature 2 by Bram Bakker: the document was CHANGED since signing. The change is in the part added after signature 1 (bytes ${first.pdf.length}–${second.pdf.length}); the earlier part is unchanged.`,
    );
  });

  it('reports a damaged signature value as broken, not as a changed document', async () => {
    const { pdf } = await signPdf(makePdf(), anna.p12, P12_PASSWORD);
    const [, b] = byteRanges(pdf)[0]!;
    const { cms } = extractCms(pdf, 0);
    // The last bytes of the CMS are the RSA signature value: change one hex digit there.
    const at = b + 1 + cms.length * 2 - 4;
    const out = pdf.slice();
    out[at] = out[at] === 0x30 ? 0x31 : 0x30;
    const report = await verifyPdf(out, {});
    expect(report.signatures[0]).toMatchObject({
      integrity: 'broken',
      digestMatches: true,
      signatureValid: false,
    });
    expect(report.status).toBe('failed');
  });

  it('says "integrity valid, signer not verified" without trusted certificates, and refuses a foreign CA', async () => {
    const { pdf } = await signPdf(makePdf(), anna.p12, P12_PASSWORD);
    const plain = await verifyPdf(pdf, {});
    expect(plain.status).toBe('valid');
    expect(plain.signatures[0]!.trust).toBe('notChecked');
    const lines = reportLines(plain, 'en').map((l) => l.text);
    expect(lines[0]).toBe(
      'Valid: the digital signature holds and covers the whole document; nothing was changed since signing. Who signed is not verified (no trusted certificates were given).',
    );
    expect(lines).toContain(
      'Integrity valid, signer not verified: no trusted certificates were given, so who signed cannot be confirmed.',
    );
    expect(lines.some((l) => l.includes('is trusted'))).toBe(false);

    const other = makeCa('Other CA');
    const foreign = await verifyPdf(pdf, { trusted: [new TextEncoder().encode(other.caPemText)] });
    expect(foreign.signatures[0]!.trust).toBe('notTrusted');
    expect(foreign.signatures[0]!.trustReason).toEqual({
      code: 'trustNoIssuer',
      params: { name: 'FRIA Test CA' },
    });
    expect(reportLines(foreign, 'en').map((l) => l.text)).toContain(
      'The certificate does NOT lead to any certificate you trust: no trusted certificate issued "FRIA Test CA"',
    );
    expect(reportLines(foreign, 'nl').map((l) => l.text)).toContain(
      'Het certificaat leidt NIET naar een certificaat dat u vertrouwt: geen vertrouwd certificaat heeft "FRIA Test CA" uitgegeven',
    );
    expect(foreign.status).toBe('failed');
  });

  it('extracts signer name, certificate details and the stated signing time', async () => {
    const { pdf } = await signPdf(makePdf(), anna.p12, P12_PASSWORD, {
      signingTime: new Date(Date.now() - 1000),
    });
    const s = (await verifyPdf(pdf, {})).signatures[0]!;
    expect(s.signer).toMatchObject({
      name: 'Anna de Vries',
      organisation: 'Gemeente Utrecht',
      subject: 'CN=Anna de Vries, O=Gemeente Utrecht, C=NL',
      issuer: 'CN=FRIA Test CA, O=FRIA Test, C=NL',
    });
    expect(s.signer!.serial).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2})*$/);
    expect(s.signingTime?.source).toBe('pdf');
    expect(Math.abs(new Date(s.signingTime!.iso).getTime() - (Date.now() - 1000))).toBeLessThan(
      60_000,
    );
    expect(s.signingCertificateAttribute).toBe('v2');
    expect(s.subFilter).toBe('ETSI.CAdES.detached');
  });
});

describe('addEmptySignatureField', () => {
  it('prepares a field that pdfsig lists as not signed, and that signing then fills', async () => {
    const prepared = await addEmptySignatureField(makePdf());
    const out = pdfsig(writeTemp(prepared), nss);
    expect(out).toContain('Signature Field Name: Signature1');
    expect(out).toContain('The signature form field is not signed.');
    const report = await verifyPdf(prepared, {});
    expect(report.emptyFields).toEqual(['Signature1']);
    expect(report.status).toBe('unsigned');
    expect(reportLines(report, 'nl').map((l) => l.text)).toContain(
      'Handtekeningveld "Signature1" is leeg: het is klaargezet voor ondertekening, maar niet ondertekend.',
    );

    const signed = await signPdf(prepared, anna.p12, P12_PASSWORD);
    expect(signed.fieldName).toBe('Signature1');
    const blocks = pdfsigBlocks(pdfsig(writeTemp(signed.pdf), nss));
    // One field, now signed: no second, empty one left behind.
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toContain('Signature is Valid.');
    const after = await verifyPdf(signed.pdf, { trusted: trusted() });
    expect(after.emptyFields).toEqual([]);
    expect(after.signatures[0]!.fieldName).toBe('Signature1');
    expect(after.status).toBe('valid');
  });

  it('refuses a name that is already used', async () => {
    const prepared = await addEmptySignatureField(makePdf(), { fieldName: 'Opsteller' });
    await expect(
      addEmptySignatureField(prepared, { fieldName: 'Opsteller' }),
    ).rejects.toMatchObject({ code: 'fieldTaken' });
  });
});

describe('signing errors', () => {
  const codeOf = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(SigningError);
    return (e as SigningError).code;
  };

  it('wrong password', async () => {
    expect(await codeOf(signPdf(makePdf(), anna.p12, 'fout'))).toBe('wrongPassword');
  });

  it('a file that is not PKCS#12', async () => {
    expect(await codeOf(signPdf(makePdf(), makePdf(), P12_PASSWORD))).toBe('notPkcs12');
    expect(
      await codeOf(signPdf(makePdf(), new TextEncoder().encode(ca.caPemText), P12_PASSWORD)),
    ).toBe('notPkcs12');
    expect(await codeOf(signPdf(makePdf(), new Uint8Array(0), P12_PASSWORD))).toBe('notPkcs12');
  });

  it('old 3DES encryption, with the way out in the message', async () => {
    const legacy = makeLeaf(ca, { p12Cipher: 'legacy3des' });
    const e = (await signPdf(makePdf(), legacy.p12, P12_PASSWORD).catch(
      (x: unknown) => x,
    )) as SigningError;
    expect(e.code).toBe('legacyP12');
    expect(e.text('nl')).toContain('AES-256');
    // And still a wrong-password message when the password is wrong.
    expect(await codeOf(signPdf(makePdf(), legacy.p12, 'fout'))).toBe('wrongPassword');
  });

  it('expired and not-yet-valid certificates', async () => {
    const expired = makeLeaf(ca, { startDate: '20240101000000Z', endDate: '20240201000000Z' });
    const e = (await signPdf(makePdf(), expired.p12, P12_PASSWORD).catch(
      (x: unknown) => x,
    )) as SigningError;
    expect(e.code).toBe('certificateExpired');
    expect(e.text('en')).toBe(
      'The certificate of Anna de Vries expired on 2024-02-01. Signing with an expired certificate is not possible.',
    );
    const future = makeLeaf(ca, { startDate: '20990101000000Z', endDate: '20991231000000Z' });
    const f = (await signPdf(makePdf(), future.p12, P12_PASSWORD).catch(
      (x: unknown) => x,
    )) as SigningError;
    expect(f.code).toBe('certificateNotYetValid');
    expect(f.text('nl')).toBe(
      'Het certificaat van Anna de Vries is pas geldig vanaf 2099-01-01. U kunt er nog niet mee ondertekenen.',
    );
  });

  it('a key whose usage does not allow signatures', async () => {
    const enc = makeLeaf(ca, { keyUsage: 'keyEncipherment' });
    expect(await codeOf(signPdf(makePdf(), enc.p12, P12_PASSWORD))).toBe('keyCannotSign');
    // nonRepudiation alone is enough (qualified signing certificates often have only that).
    const nr = makeLeaf(ca, { keyUsage: 'nonRepudiation' });
    const { pdf } = await signPdf(makePdf(), nr.p12, P12_PASSWORD);
    expect(pdfsig(writeTemp(pdf), nss)).toContain('Signature is Valid.');
  });

  it('an unsupported key type (Ed25519)', async () => {
    const ed = makeLeaf(ca, { key: 'ed25519' });
    const e = (await signPdf(makePdf(), ed.p12, P12_PASSWORD).catch(
      (x: unknown) => x,
    )) as SigningError;
    expect(e.code).toBe('unsupportedKeyType');
    expect(e.text('en')).toContain('(Ed25519)');
  });

  it('input that is not a PDF', async () => {
    expect(
      await codeOf(
        signPdf(new TextEncoder().encode('{"format":"fria-assessment"}'), anna.p12, P12_PASSWORD),
      ),
    ).toBe('notPdf');
  });
});
