/**
 * The assessment file with its detached signature (`x.fria.json` + `x.fria.json.p7s`, as the app
 * and `fria sign` make them): Verify says what the pair proves, in Dutch and English, and the
 * library's import accepts the pair with a note that says so; one changed byte and both refuse.
 * Certificates are made with openssl at test time; no private key is committed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAssessmentFileWithP12 } from '../../../src/signing/detached';
import { verifyFile } from '../../../src/signing/verify';
import { reportLines } from '../../../src/signing/verify-text';
import { addSignOff } from '../../../src/core/signoff/signoff';
import { serializeAssessment } from '../../../src/core/assessment/assessment';
import { readImportFiles } from '../../../src/ui/library/import-files';
import { miniQuestionnaire } from '../core/helpers';
import { NOW, readyAssessment, signer } from './assessments';
import {
  makeCa,
  makeLeaf,
  P12_PASSWORD,
  removeTempDirs,
  type TestCa,
  type TestLeaf,
} from './certs';

let ca: TestCa;
let anna: TestLeaf;
let json: Uint8Array;
let p7s: Uint8Array;

afterAll(removeTempDirs);
beforeAll(async () => {
  ca = makeCa();
  anna = makeLeaf(ca, { name: 'Anna de Vries' });
  const q = miniQuestionnaire();
  let a = await readyAssessment();
  a = await addSignOff(a, q, signer('preparer', 'Anna de Vries'), { id: 's1', now: NOW });
  a = await addSignOff(a, q, signer('approver', 'Bram Bakker'), { id: 's2', now: NOW });
  json = new TextEncoder().encode(serializeAssessment(a));
  p7s = (await signAssessmentFileWithP12(json, anna.p12, P12_PASSWORD)).signature;
});

const trusted = () => [new TextEncoder().encode(ca.caPemText)];
const files = (file: Uint8Array, sig = p7s) => [
  new File([file.slice()], 'toeslagen-v1.fria.json'),
  new File([sig.slice()], 'toeslagen-v1.fria.json.p7s'),
];

/** A copy with one letter of the system name changed. */
function oneByteChanged(): Uint8Array {
  const at = new TextDecoder().decode(json).indexOf('"systemName": "') + 15;
  const changed = json.slice();
  changed[at] = changed[at] === 0x58 ? 0x59 : 0x58;
  return changed;
}

describe('an assessment file with its .p7s', () => {
  it('Verify: valid, with what it proves and what not, in Dutch and English', async () => {
    const r = await verifyFile(json, { detachedSignature: p7s, trusted: trusted() });
    expect(r.status).toBe('valid');
    const nl = reportLines(r, 'nl').map((l) => l.text);
    expect(nl[0]).toBe(
      'Geldig: de digitale handtekening klopt en dekt het hele document; er is niets veranderd sinds de ondertekening.',
    );
    expect(nl).toContain(
      'Handtekening 1 van Anna de Vries: de ondertekende inhoud is niet veranderd.',
    );
    expect(nl).toContain('De handtekening dekt het hele document.');
    const en = reportLines(r, 'en').map((l) => l.text);
    expect(en[0]).toBe(
      'Valid: the digital signature holds and covers the whole document; nothing was changed since signing.',
    );
    // Without a trusted certificate: unchanged, but who signed is not confirmed.
    const plain = await verifyFile(json, { detachedSignature: p7s });
    expect(reportLines(plain, 'nl')[0]!.text).toContain('Wie tekende is niet gecontroleerd');
  });

  it('Verify: one changed byte is "changed", in Dutch', async () => {
    const r = await verifyFile(oneByteChanged(), { detachedSignature: p7s, trusted: trusted() });
    expect(r.status).toBe('failed');
    expect(r.kind === 'assessment' && r.detached?.integrity).toBe('changed');
    const nl = reportLines(r, 'nl').map((l) => l.text);
    expect(nl[0]).toContain('NIET geldig');
    expect(nl).toContain(
      'Handtekening 1 van Anna de Vries: het document is VERANDERD na de ondertekening.',
    );
  });

  it('import: the pair is accepted with a note of what it proves (nl, en)', async () => {
    const [nl] = await readImportFiles(files(json), 'nl');
    expect(nl!.assessments).toHaveLength(1);
    expect(nl!.problems).toEqual([]);
    expect(nl!.notes).toEqual([
      'De digitale handtekening toeslagen-v1.fria.json.p7s klopt: dit beoordelingsbestand is niet veranderd sinds Anna de Vries het ondertekende. Wie tekende is hier niet gecontroleerd; dat doet “Bestand controleren” met een certificaat dat u vertrouwt.',
    ]);
    const [en] = await readImportFiles(files(json), 'en');
    expect(en!.notes![0]).toContain(
      'this assessment file is unchanged since Anna de Vries signed it. Who signed is not verified here',
    );
    // The signature file is not read as an assessment file of its own.
    expect(await readImportFiles(files(json), 'en')).toHaveLength(1);
  });

  it('import: one changed byte, or a signature of another file, and nothing is imported', async () => {
    const [changed] = await readImportFiles(files(oneByteChanged()), 'nl');
    expect(changed!.assessments).toEqual([]);
    expect(changed!.problems).toEqual([
      'De digitale handtekening toeslagen-v1.fria.json.p7s klopt niet bij dit beoordelingsbestand: het bestand is na de ondertekening veranderd, of de handtekening is beschadigd of hoort bij een ander bestand. Er is niets geïmporteerd. Controleer beide bestanden met “Bestand controleren”.',
    ]);
    const other = (
      await signAssessmentFileWithP12(new TextEncoder().encode('{}'), anna.p12, P12_PASSWORD)
    ).signature;
    const [wrong] = await readImportFiles(files(json, other), 'en');
    expect(wrong!.assessments).toEqual([]);
    expect(wrong!.problems[0]).toContain('does not hold for this assessment file');
  });

  it('import: a signature file alone is named, not silently skipped', async () => {
    const out = await readImportFiles([new File([p7s.slice()], 'x.fria.json.p7s')], 'en');
    expect(out).toHaveLength(1);
    expect(out[0]!.problems).toEqual([
      'This signature file (x.fria.json.p7s) was chosen without the assessment file it signs. Choose both files together.',
    ]);
  });
});
