/**
 * PAdES signatures as incremental updates (docs/signing.md, level 3): a signature field with
 * its widget, a /Sig dictionary with /ByteRange and a /Contents placeholder, then a CMS detached
 * signature (ETSI.CAdES.detached) over every byte except the placeholder. Each signature is its
 * own update, so earlier signatures stay valid. Also: an empty signature field, for signing later
 * in a PDF reader with a smartcard.
 *
 * Browser and Node alike: WebCrypto (`globalThis.crypto`), no eval. The app loads this module on
 * demand, so it stays out of the first screen's code.
 */
import { buildDetachedCms, cmsSizeEstimate } from './cms';
import { certificateInfo, type CertificateInfo } from './certificates';
import { SigningError } from './messages';
import { loadSigningIdentity, type SigningIdentity } from './p12';
import { PdfDocument, PdfEncryptedError } from '../pdf-file/document';
import {
  PdfSyntaxError,
  arr,
  decodeTextString,
  dict,
  fromLatin1,
  indexOf,
  name,
  num,
  ref,
  serialize,
  textString,
  type PdfDict,
  type PdfObject,
} from '../pdf-file/objects';
import { appendUpdate, type UpdateObject } from '../pdf-file/update';

export interface SignPdfOptions {
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** Written to /M as the signing time; default now. */
  signingTime?: Date;
  /** Sign this field: an existing empty one, or a new field with this name. Default: the first
   * empty signature field, else a new invisible field. */
  fieldName?: string;
  /** Also add a CMS signing-time attribute (not PAdES baseline; for old readers only). */
  cmsSigningTime?: boolean;
}

export interface SignPdfResult {
  pdf: Uint8Array;
  fieldName: string;
  byteRange: [number, number, number, number];
  signer: CertificateInfo;
}

/** Signs with a PKCS#12 file and its password (which is used for this call only). */
export async function signPdf(
  pdf: Uint8Array,
  p12: Uint8Array,
  password: string,
  opts: SignPdfOptions = {},
): Promise<SignPdfResult> {
  const identity = await loadSigningIdentity(p12, password, opts.signingTime ?? new Date());
  return signPdfWithIdentity(pdf, identity, opts);
}

export interface EmptyFieldOptions {
  fieldName?: string;
  /** 0-based; default the last page (where the sign-off page is). */
  pageIndex?: number;
  /** [x1, y1, x2, y2] in PDF points from the bottom-left; default a box near the bottom. */
  rect?: [number, number, number, number];
}

/** Adds an empty, visible signature field: "prepare for signing elsewhere". */
export async function addEmptySignatureField(
  pdf: Uint8Array,
  opts: EmptyFieldOptions = {},
): Promise<Uint8Array> {
  const doc = await openPdf(pdf);
  const form = await readForm(doc);
  const fieldName = opts.fieldName ?? uniqueName(form.names);
  if (form.names.has(fieldName)) throw new SigningError('fieldTaken', { field: fieldName });
  const pages = await doc.pages();
  if (pages.length === 0) throw new SigningError('noPages');
  const page = pages[Math.min(Math.max(opts.pageIndex ?? pages.length - 1, 0), pages.length - 1)]!;
  const rect = opts.rect ?? [56.7, 70, 306, 130];
  const alloc = allocator(doc.size);
  const objects: UpdateObject[] = [];
  const apNum = alloc();
  const w = Math.max(0, rect[2] - rect[0]);
  const h = Math.max(0, rect[3] - rect[1]);
  // A thin grey frame, so the place to sign is visible on screen and on paper.
  const frame =
    w > 1 && h > 1 ? `q 0.55 0.55 0.55 RG 0.75 w 0.5 0.5 ${fmt(w - 1)} ${fmt(h - 1)} re S Q` : '';
  objects.push({
    num: apNum,
    gen: 0,
    body: `<< /Type /XObject /Subtype /Form /BBox [0 0 ${fmt(w)} ${fmt(h)}] /Resources << >> /Length ${frame.length} >>\nstream\n${frame}\nendstream`,
  });
  const fieldNum = alloc();
  objects.push({
    num: fieldNum,
    gen: 0,
    body: serialize(
      dict([
        ['Type', name('Annot')],
        ['Subtype', name('Widget')],
        ['FT', name('Sig')],
        ['T', textString(fieldName)],
        ['F', num(4)],
        ['Rect', arr(rect.map(num))],
        ['P', ref(page.num, page.gen)],
        ['MK', dict([['BC', arr([num(0.55), num(0.55), num(0.55)])]])],
        ['AP', dict([['N', ref(apNum)]])],
      ]),
    ),
  });
  await addFieldToFormAndPage(doc, form, { num: fieldNum, gen: 0 }, page, 1, objects, alloc);
  return appendUpdate(doc, objects);
}

const CONTENTS_MARK = '/Contents <';
const BYTERANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]';

/** Signs with an identity already loaded (the UI loads it first to report password errors early). */
export async function signPdfWithIdentity(
  pdf: Uint8Array,
  identity: SigningIdentity,
  opts: SignPdfOptions = {},
): Promise<SignPdfResult> {
  const doc = await openPdf(pdf);
  const form = await readForm(doc);
  const signer = await certificateInfo(identity.certificate);
  const time = opts.signingTime ?? new Date();
  const alloc = allocator(doc.size);
  const objects: UpdateObject[] = [];

  const contentsBytes = cmsSizeEstimate(identity);
  const sigNum = alloc();
  const sigEntries: string[] = [
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    `/ByteRange ${BYTERANGE_PLACEHOLDER}`,
    `${CONTENTS_MARK}${'0'.repeat(contentsBytes * 2)}>`,
    `/M ${serialize(textString(pdfDate(time)))}`,
    `/Name ${serialize(textString(signer.name))}`,
  ];
  if (opts.reason) sigEntries.push(`/Reason ${serialize(textString(opts.reason))}`);
  if (opts.location) sigEntries.push(`/Location ${serialize(textString(opts.location))}`);
  if (opts.contactInfo) sigEntries.push(`/ContactInfo ${serialize(textString(opts.contactInfo))}`);
  objects.push({ num: sigNum, gen: 0, body: `<< ${sigEntries.join('\n')} >>` });

  let fieldName: string;
  const wanted = opts.fieldName ?? form.emptySigFields[0]?.name;
  const existing = wanted === undefined ? undefined : form.fields.find((f) => f.name === wanted);
  if (existing) {
    if (!existing.isSig || existing.signed)
      throw new SigningError('fieldTaken', { field: existing.name });
    // Fill the prepared field: the same object, now with /V pointing to the signature.
    const entries = new Map(existing.dict.entries);
    entries.set('V', ref(sigNum));
    objects.push({
      num: existing.ref.num,
      gen: existing.ref.gen,
      body: serialize({ ...existing.dict, entries }),
    });
    await setSigFlags(doc, form, 3, objects, alloc);
    fieldName = existing.name;
  } else {
    fieldName = wanted ?? uniqueName(form.names);
    const pages = await doc.pages();
    if (pages.length === 0) throw new SigningError('noPages');
    // An invisible signature (zero-size widget) on the last page: the report shows the sign-off.
    const page = pages[pages.length - 1]!;
    const apNum = alloc();
    objects.push({
      num: apNum,
      gen: 0,
      body: '<< /Type /XObject /Subtype /Form /BBox [0 0 0 0] /Resources << >> /Length 0 >>\nstream\n\nendstream',
    });
    const fieldNum = alloc();
    objects.push({
      num: fieldNum,
      gen: 0,
      body: serialize(
        dict([
          ['Type', name('Annot')],
          ['Subtype', name('Widget')],
          ['FT', name('Sig')],
          ['T', textString(fieldName)],
          ['V', ref(sigNum)],
          // Print + Locked: the widget is part of the signed record.
          ['F', num(132)],
          ['Rect', arr([num(0), num(0), num(0), num(0)])],
          ['P', ref(page.num, page.gen)],
          ['AP', dict([['N', ref(apNum)]])],
        ]),
      ),
    });
    await addFieldToFormAndPage(doc, form, { num: fieldNum, gen: 0 }, page, 3, objects, alloc);
  }

  const out = appendUpdate(doc, objects);
  // Locate the placeholders in the appended part (never in the original bytes).
  const byteRangeAt = indexOf(out, `/ByteRange ${BYTERANGE_PLACEHOLDER}`, pdf.length);
  const contentsAt = indexOf(out, CONTENTS_MARK, pdf.length);
  if (byteRangeAt < 0 || contentsAt < 0) throw new Error('Signature placeholder not found');
  const holeStart = contentsAt + CONTENTS_MARK.length - 1;
  const holeEnd = holeStart + contentsBytes * 2 + 2;
  const byteRange: [number, number, number, number] = [0, holeStart, holeEnd, out.length - holeEnd];
  const brText = `[${byteRange.join(' ')}`;
  const brField = `${brText}${' '.repeat(BYTERANGE_PLACEHOLDER.length - brText.length - 1)}]`;
  out.set(fromLatin1(brField), byteRangeAt + '/ByteRange '.length);

  const signed = new Uint8Array(holeStart + (out.length - holeEnd));
  signed.set(out.subarray(0, holeStart), 0);
  signed.set(out.subarray(holeEnd), holeStart);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', signed);
  const cms = await buildDetachedCms(
    digest,
    identity,
    opts.cmsSigningTime ? { cmsSigningTime: time } : {},
  );
  if (cms.length > contentsBytes) throw new SigningError('signatureTooLarge');
  let hex = '';
  for (const b of cms) hex += b.toString(16).padStart(2, '0');
  out.set(fromLatin1(hex), holeStart + 1);
  return { pdf: out, fieldName, byteRange, signer };
}

// ---------------------------------------------------------------------------------------------

async function openPdf(pdf: Uint8Array): Promise<PdfDocument> {
  try {
    return await PdfDocument.open(pdf);
  } catch (e) {
    if (e instanceof PdfEncryptedError) throw new SigningError('encryptedPdf', {}, { cause: e });
    if (e instanceof PdfSyntaxError && /Not a PDF/.test(e.message))
      throw new SigningError('notPdf', {}, { cause: e });
    throw new SigningError(
      'unsupportedPdf',
      { detail: e instanceof Error ? e.message : String(e) },
      { cause: e },
    );
  }
}

interface FormField {
  ref: { num: number; gen: number };
  dict: PdfDict;
  name: string;
  isSig: boolean;
  signed: boolean;
}

interface FormInfo {
  catalogRef: { num: number; gen: number };
  catalog: PdfDict;
  /** The AcroForm as stored: its own object, inline in the catalog, or absent. */
  acroForm?: { dict: PdfDict; ref?: { num: number; gen: number } };
  /** Where /Fields lives when it is an indirect array. */
  fieldsRef?: { num: number; gen: number };
  fieldRefs: PdfObject[];
  fields: FormField[];
  names: Set<string>;
  emptySigFields: FormField[];
}

async function readForm(doc: PdfDocument): Promise<FormInfo> {
  const rootRef = doc.trailer.entries.get('Root');
  if (rootRef?.kind !== 'ref')
    throw new SigningError('unsupportedPdf', { detail: 'no /Root reference' });
  const catalog = await doc.catalog();
  const af = catalog.entries.get('AcroForm');
  let acroForm: FormInfo['acroForm'];
  if (af?.kind === 'ref') {
    const d = await doc.resolveDict(af);
    if (d) acroForm = { dict: d, ref: { num: af.num, gen: af.gen } };
  } else if (af?.kind === 'dict') acroForm = { dict: af };
  const fieldsObj = acroForm?.dict.entries.get('Fields');
  const fieldsRef =
    fieldsObj?.kind === 'ref' ? { num: fieldsObj.num, gen: fieldsObj.gen } : undefined;
  const fieldsArr = await doc.resolve(fieldsObj);
  const fieldRefs = fieldsArr?.kind === 'array' ? fieldsArr.items : [];
  const fields: FormField[] = [];
  for (const r of fieldRefs) {
    if (r.kind !== 'ref') continue;
    const d = await doc.resolveDict(r);
    if (!d) continue;
    const t = d.entries.get('T');
    const ft = d.entries.get('FT');
    fields.push({
      ref: { num: r.num, gen: r.gen },
      dict: d,
      name: t?.kind === 'str' ? decodeTextString(t.bytes) : '',
      isSig: ft?.kind === 'name' && ft.value === 'Sig',
      signed: d.entries.has('V') && d.entries.get('V')?.kind !== 'null',
    });
  }
  return {
    catalogRef: { num: rootRef.num, gen: rootRef.gen },
    catalog,
    ...(acroForm ? { acroForm } : {}),
    ...(fieldsRef ? { fieldsRef } : {}),
    fieldRefs,
    fields,
    names: new Set(fields.map((f) => f.name)),
    emptySigFields: fields.filter((f) => f.isSig && !f.signed),
  };
}

/** Adds the field to /AcroForm /Fields and the widget to the page's /Annots. */
async function addFieldToFormAndPage(
  doc: PdfDocument,
  form: FormInfo,
  field: { num: number; gen: number },
  page: { num: number; gen: number },
  sigFlags: number,
  objects: UpdateObject[],
  alloc: () => number,
): Promise<void> {
  const fieldRef = ref(field.num, field.gen);
  const newFields = arr([...form.fieldRefs, fieldRef]);
  if (form.fieldsRef) {
    objects.push({ num: form.fieldsRef.num, gen: form.fieldsRef.gen, body: serialize(newFields) });
    await setSigFlags(doc, form, sigFlags, objects, alloc);
  } else {
    const entries = new Map(form.acroForm?.dict.entries ?? []);
    entries.set('Fields', newFields);
    entries.set('SigFlags', num(Math.max(sigFlags, currentSigFlags(form))));
    writeAcroForm(form, { kind: 'dict', entries, start: -1, end: -1 }, objects, alloc);
  }
  const pageDict = await doc.resolveDict(ref(page.num, page.gen));
  if (!pageDict)
    throw new SigningError('unsupportedPdf', { detail: `page object ${page.num} unreadable` });
  const annots = pageDict.entries.get('Annots');
  if (annots?.kind === 'ref') {
    const a = await doc.resolve(annots);
    const items = a?.kind === 'array' ? a.items : [];
    objects.push({ num: annots.num, gen: annots.gen, body: serialize(arr([...items, fieldRef])) });
  } else {
    const items = annots?.kind === 'array' ? annots.items : [];
    const entries = new Map(pageDict.entries);
    entries.set('Annots', arr([...items, fieldRef]));
    objects.push({ num: page.num, gen: page.gen, body: serialize({ ...pageDict, entries }) });
  }
}

function currentSigFlags(form: FormInfo): number {
  const f = form.acroForm?.dict.entries.get('SigFlags');
  return f?.kind === 'num' ? f.value : 0;
}

async function setSigFlags(
  _doc: PdfDocument,
  form: FormInfo,
  flags: number,
  objects: UpdateObject[],
  alloc: () => number,
): Promise<void> {
  if ((currentSigFlags(form) & flags) === flags && form.acroForm) return;
  const entries = new Map(form.acroForm?.dict.entries ?? []);
  entries.set('SigFlags', num(currentSigFlags(form) | flags));
  if (!entries.has('Fields')) entries.set('Fields', arr(form.fieldRefs));
  writeAcroForm(form, { kind: 'dict', entries, start: -1, end: -1 }, objects, alloc);
}

/** Writes the AcroForm back where it lives; a new one becomes its own object, linked from the catalog. */
function writeAcroForm(
  form: FormInfo,
  acroForm: PdfDict,
  objects: UpdateObject[],
  alloc: () => number,
): void {
  const existingIdx = (n: number) => objects.findIndex((o) => o.num === n);
  if (form.acroForm?.ref) {
    const { num: n, gen } = form.acroForm.ref;
    const i = existingIdx(n);
    const obj = { num: n, gen, body: serialize(acroForm) };
    if (i >= 0) objects[i] = obj;
    else objects.push(obj);
    return;
  }
  const afNum = alloc();
  objects.push({ num: afNum, gen: 0, body: serialize(acroForm) });
  const entries = new Map(form.catalog.entries);
  entries.set('AcroForm', ref(afNum));
  const i = existingIdx(form.catalogRef.num);
  const obj = {
    num: form.catalogRef.num,
    gen: form.catalogRef.gen,
    body: serialize({ ...form.catalog, entries }),
  };
  if (i >= 0) objects[i] = obj;
  else objects.push(obj);
  // Later writes in this update go to the new object, not the catalog again.
  form.acroForm = { dict: acroForm, ref: { num: afNum, gen: 0 } };
}

function allocator(start: number): () => number {
  let next = start;
  return () => next++;
}

function uniqueName(names: Set<string>): string {
  for (let i = 1; ; i++) if (!names.has(`Signature${i}`)) return `Signature${i}`;
}

/** PDF date (§7.9.4) in UTC. */
export function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00'`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

// Re-exported so callers need one import for the common case.
export { loadSigningIdentity, type SigningIdentity } from './p12';
export { SigningError } from './messages';
