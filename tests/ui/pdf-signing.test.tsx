/**
 * The certificate signature in the app: signing a draft (a required role has not signed) asks for
 * confirmation first, naming the roles, and "cancel" leaves everything as it was; with the same
 * certificate the app also signs the assessment file, offering `.fria.json` and `.fria.json.p7s`
 * beside the PDF, the file being exactly the assessment the PDF carries.
 *
 * jsdom's ArrayBuffer is not Node's, and Node's WebCrypto refuses the buffers pkijs makes in it, so
 * here the certificate's key is not used: the signing calls are replaced by recorders. The real
 * signatures are checked in tests/unit/signing/detached-import.test.ts and, in Chromium from the
 * built app, in tests/e2e/verify-detached.test.ts.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRepository } from '../../src/core/assessment';
import { createAssessment, serializeAssessment } from '../../src/core/assessment';
import { summarize } from '../../src/core/assessment';
import { addSignOff } from '../../src/core/signoff';
import type { Questionnaire } from '../../src/core/questionnaire';
import type { Assessment } from '../../src/core/assessment';
import { readEmbeddedAssessment } from '../../src/pdf/read-embedded';
import { miniQuestionnaire, renderApp, testServices } from './harness';

const P12_PASSWORD = 'geheim';
const signer = { name: 'Anna de Vries' };
/** What was handed to the signing calls. */
const signed = vi.hoisted(() => ({ pdfs: [] as Uint8Array[], files: [] as Uint8Array[] }));

vi.mock('../../src/signing/pades', async (original) => ({
  ...(await original<typeof import('../../src/signing/pades')>()),
  loadSigningIdentity: (_p12: Uint8Array, password: string) =>
    password === 'geheim' ? Promise.resolve({ recorder: true }) : Promise.reject(new Error('pw')),
  signPdfWithIdentity: (pdf: Uint8Array) => {
    signed.pdfs.push(pdf);
    return Promise.resolve({ pdf, signer: { name: 'Anna de Vries' } });
  },
}));
vi.mock('../../src/signing/detached', async (original) => ({
  ...(await original<typeof import('../../src/signing/detached')>()),
  signAssessmentFile: (file: Uint8Array) => {
    signed.files.push(file);
    return Promise.resolve({ signature: new Uint8Array([0x30, 0x80, 1, 2, 3]), signer });
  },
}));

/** What the app offered for download, in order. */
let downloads: { name: string; bytes: Uint8Array }[] = [];
beforeEach(() => {
  downloads = [];
  signed.pdfs.length = 0;
  signed.files.length = 0;
  const blobs = new Map<string, Blob>();
  Object.assign(URL, {
    createObjectURL: (b: Blob) => {
      const url = `blob:test-${blobs.size}`;
      blobs.set(url, b);
      return url;
    },
    revokeObjectURL: () => {},
  });
  // The anchor's click is the download: its name and the blob behind its address.
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (!blob) return;
    const entry = { name: this.download, bytes: new Uint8Array() };
    downloads.push(entry);
    void blob.arrayBuffer().then((b) => (entry.bytes = new Uint8Array(b)));
  };
});
afterEach(() => cleanup());
// jsdom has no canvas: the drawing pad gets a context that accepts every call and draws nothing.
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
    return new Proxy(
      { canvas: this },
      { get: (t, k) => (k === 'canvas' ? t.canvas : () => undefined), set: () => true },
    );
  } as unknown as HTMLCanvasElement['getContext'];
});

function threeRoles(): Questionnaire {
  return {
    ...miniQuestionnaire(),
    signOff: {
      roles: [
        { id: 'preparer', label: { nl: 'Opsteller', en: 'Preparer' }, required: true },
        { id: 'reviewer', label: { nl: 'Beoordelaar', en: 'Reviewer' }, required: false },
        { id: 'approver', label: { nl: 'Vaststeller', en: 'Approver' }, required: true },
      ],
      declaration: { nl: 'Ik verklaar dat dit klopt.', en: 'I declare this is right.' },
    },
  };
}

/** Signed by the preparer only: locked, and a draft (the required approver has not signed). */
async function seeded() {
  const q = threeRoles();
  const repository = createMemoryRepository();
  let a: Assessment = {
    ...(await createAssessment(
      q,
      {
        title: 'Fraude',
        systemName: 'Risicoscore',
        organisation: 'Gemeente Rivierstad',
        owner: 'Team',
        locale: 'nl',
      },
      { id: 'a1', now: '2026-12-07T09:00:00.000Z' },
    )),
    answers: { purpose: 'Fraude vinden', personalData: false, automated: 'advice' },
    conclusion: { decision: 'proceed', reasoning: 'Een mens beslist.', conditions: [] },
  };
  a = await addSignOff(
    a,
    q,
    {
      role: 'preparer',
      name: 'Anna de Vries',
      function: 'Adviseur',
      organisation: 'Gemeente Rivierstad',
      date: '2026-12-07',
      place: 'Rivierstad',
      signature: { kind: 'typed', data: 'Anna de Vries' },
    },
    { id: 'so-anna', now: '2026-12-07T10:00:00.000Z' },
  );
  await repository.put(a, summarize(a, q));
  return repository;
}

async function openPdfSigning() {
  const repository = await seeded();
  await renderApp(testServices(repository), { hash: '#/a/a1/signoff' });
  await screen.findByRole('heading', { level: 1, name: 'Ondertekenen' }, { timeout: 15_000 });
  const region = screen.getByRole('region', { name: 'Pdf met digitale handtekening' });
  const user = userEvent.setup();
  await user.upload(
    within(region).getByLabelText('Certificaatbestand (.p12 of .pfx)'),
    new File([new Uint8Array([0x30, 1, 2])], 'anna.p12', { type: 'application/x-pkcs12' }),
  );
  await user.type(
    within(region).getByLabelText('Wachtwoord van het certificaatbestand'),
    P12_PASSWORD,
  );
  return { region, user, repository };
}

describe('a certificate signature on a draft', () => {
  it('asks first, naming the role that has not signed; cancel keeps everything as it was', async () => {
    const { region, user, repository } = await openPdfSigning();
    const before = serializeAssessment((await repository.get('a1'))!);
    await user.click(
      within(region).getByRole('button', { name: 'Pdf ondertekenen met certificaat' }),
    );
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Dit is nog een concept. Toch digitaal ondertekenen?',
    });
    expect(dialog).toHaveTextContent('De Vaststeller heeft deze versie nog niet getekend.');
    await waitFor(() => expect(within(dialog).getByRole('heading')).toHaveFocus());
    await user.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // Nothing was signed or downloaded, and the choices are still there.
    expect(downloads).toEqual([]);
    expect(screen.getByTestId('pdf-message')).toHaveTextContent('');
    expect(within(region).getByLabelText('Wachtwoord van het certificaatbestand')).toHaveValue(
      P12_PASSWORD,
    );
    expect(
      (within(region).getByLabelText('Certificaatbestand (.p12 of .pfx)') as HTMLInputElement)
        .files?.[0]?.name,
    ).toBe('anna.p12');
    expect(
      within(region).getByRole('button', { name: 'Pdf ondertekenen met certificaat' }),
    ).toHaveFocus();
    expect(serializeAssessment((await repository.get('a1'))!)).toBe(before);
  });
});

describe('the assessment file signed with the same certificate', () => {
  it('offers the PDF, the .fria.json and its .p7s; the file is the assessment the PDF carries', async () => {
    const { region, user } = await openPdfSigning();
    await user.click(
      within(region).getByLabelText(
        'Ook het beoordelingsbestand (.fria.json) digitaal ondertekenen, met hetzelfde certificaat',
      ),
    );
    await user.click(
      within(region).getByRole('button', { name: 'Pdf ondertekenen met certificaat' }),
    );
    const dialog = await screen.findByRole('alertdialog');
    await user.click(
      within(dialog).getByRole('button', { name: 'Ja, het concept digitaal ondertekenen' }),
    );
    await waitFor(
      () =>
        expect(screen.getByTestId('pdf-message')).toHaveTextContent(
          'Ondertekend door Anna de Vries. Gedownload: de pdf (Risicoscore-v1-signed.pdf), het beoordelingsbestand (Risicoscore-v1.fria.json) en de handtekening ervan (Risicoscore-v1.fria.json.p7s).',
        ),
      { timeout: 30_000 },
    );
    await waitFor(() => expect(downloads.every((d) => d.bytes.length > 0)).toBe(true));
    expect(downloads.map((d) => d.name)).toEqual([
      'Risicoscore-v1-signed.pdf',
      'Risicoscore-v1.fria.json',
      'Risicoscore-v1.fria.json.p7s',
    ]);
    const [pdf, json, p7s] = downloads.map((d) => d.bytes) as [Uint8Array, Uint8Array, Uint8Array];
    // The signature was made over exactly the bytes offered as the .fria.json …
    expect(signed.files).toHaveLength(1);
    expect([...signed.files[0]!]).toEqual([...json]);
    expect([...p7s]).toEqual([0x30, 0x80, 1, 2, 3]);
    // … which are the assessment the signed PDF carries.
    const embedded = await readEmbeddedAssessment(pdf);
    expect(embedded.ok && embedded.assessment).toEqual(
      JSON.parse(new TextDecoder().decode(json)) as unknown,
    );
    // The password is gone once the attempt is over.
    expect(within(region).getByLabelText('Wachtwoord van het certificaatbestand')).toHaveValue('');
  }, 60_000);

  it('without the option only the PDF is offered', async () => {
    const { region, user } = await openPdfSigning();
    await user.click(
      within(region).getByRole('button', { name: 'Pdf ondertekenen met certificaat' }),
    );
    const dialog = await screen.findByRole('alertdialog');
    await user.click(
      within(dialog).getByRole('button', { name: 'Ja, het concept digitaal ondertekenen' }),
    );
    await waitFor(
      () =>
        expect(screen.getByTestId('pdf-message')).toHaveTextContent(
          'De ondertekende pdf is gedownload (Risicoscore-v1-signed.pdf).',
        ),
      { timeout: 30_000 },
    );
    expect(downloads.map((d) => d.name)).toEqual(['Risicoscore-v1-signed.pdf']);
    expect(signed.files).toEqual([]);
  }, 60_000);
});
