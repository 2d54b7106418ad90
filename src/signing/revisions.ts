/**
 * What later incremental updates changed (ISO 32000-1 §7.5.6): after a signature, a revision may
 * add another signature (allowed) or change the document (reported). Each changed object is
 * classified from its old and new versions, so the report can say "page 2" or "an attached file"
 * instead of "byte 81234".
 */
import type { PdfDocument, XrefEntry, XrefSection } from '../pdf-file/document';
import { decodeTextString, sameObject, type PdfDict, type PdfObject } from '../pdf-file/objects';
import type { SigningMessageCode, SigningParams } from './messages';

export type ChangeSeverity = 'content' | 'metadata';

export interface RevisionChange {
  code: SigningMessageCode;
  params: SigningParams;
  severity: ChangeSeverity;
  /** Object number the change was found in. */
  object: number;
}

export interface RevisionReport {
  /** Where this revision's cross-reference section starts. */
  offset: number;
  revisionEnd: number;
  /** Signature dictionaries this revision adds. */
  addsSignatures: number;
  changes: RevisionChange[];
}

/** Keys of the catalog a signature or its validation data may change. */
const CATALOG_SIGNING_KEYS = new Set(['AcroForm', 'DSS', 'Extensions']);
const ACROFORM_SIGNING_KEYS = new Set(['Fields', 'SigFlags', 'DR', 'DA']);

function typeOf(d: PdfDict | undefined): string | undefined {
  const t = d?.entries.get('Type');
  return t?.kind === 'name' ? t.value : undefined;
}

function isSigDict(d: PdfDict | undefined): boolean {
  if (!d) return false;
  const t = typeOf(d);
  return (
    t === 'Sig' || t === 'DocTimeStamp' || (d.entries.has('ByteRange') && d.entries.has('Contents'))
  );
}

/** Entries as they were before `section` (sections are newest first). */
function entriesBefore(doc: PdfDocument, index: number): Map<number, XrefEntry> {
  const out = new Map<number, XrefEntry>();
  const older = doc.sections.slice(index + 1).reverse();
  for (const s of older) for (const [n, e] of s.entries) out.set(n, e);
  return out;
}

function entriesUpTo(doc: PdfDocument, index: number): Map<number, XrefEntry> {
  const out = entriesBefore(doc, index);
  for (const [n, e] of doc.sections[index]!.entries) out.set(n, e);
  return out;
}

function refNums(o: PdfObject | undefined): number[] {
  if (o?.kind === 'ref') return [o.num];
  if (o?.kind === 'array') return o.items.flatMap((i) => (i.kind === 'ref' ? [i.num] : []));
  return [];
}

function changedKeys(a: PdfDict, b: PdfDict): string[] {
  const keys = new Set([...a.entries.keys(), ...b.entries.keys()]);
  return [...keys].filter((k) => !sameObject(a.entries.get(k), b.entries.get(k))).sort();
}

/** Looks at every revision newer than byte `after` and lists what each changes. */
export async function laterRevisions(doc: PdfDocument, after: number): Promise<RevisionReport[]> {
  const out: RevisionReport[] = [];
  for (let i = doc.sections.length - 1; i >= 0; i--) {
    const section = doc.sections[i]!;
    if (section.offset < after) continue;
    out.push(await analyseRevision(doc, i, section));
  }
  return out;
}

async function analyseRevision(
  doc: PdfDocument,
  index: number,
  section: XrefSection,
): Promise<RevisionReport> {
  const before = entriesBefore(doc, index);
  const now = entriesUpTo(doc, index);
  const report: RevisionReport = {
    offset: section.offset,
    revisionEnd: section.revisionEnd,
    addsSignatures: 0,
    changes: [],
  };
  const dictNow = async (n: number) => {
    const v = await doc.object(n, now).catch(() => undefined);
    return v?.kind === 'dict' ? v : undefined;
  };
  const trailer = section.trailer;
  let catalogNum: number | undefined;
  const root = trailer.entries.get('Root');
  if (root?.kind === 'ref') catalogNum = root.num;
  const infoRef = trailer.entries.get('Info');
  const infoNum = infoRef?.kind === 'ref' ? infoRef.num : undefined;
  // A broken page tree leaves the list empty: changes are then reported by object number.
  const pages: number[] = await doc
    .pages(now, trailer)
    .then((ps) => ps.map((p) => p.num))
    .catch(() => []);
  const catalog = catalogNum !== undefined ? await dictNow(catalogNum) : undefined;
  const acroFormRef = catalog?.entries.get('AcroForm');
  const acroFormNum = acroFormRef?.kind === 'ref' ? acroFormRef.num : undefined;

  /** A reference added to /Annots or /Fields must be a signature widget/field. */
  const isSigField = async (n: number): Promise<boolean> => {
    const d = await dictNow(n);
    if (!d) return false;
    const ft = d.entries.get('FT');
    if (ft?.kind === 'name') return ft.value === 'Sig';
    const parent = d.entries.get('Parent');
    if (parent?.kind === 'ref') {
      const p = await dictNow(parent.num);
      const pft = p?.entries.get('FT');
      return pft?.kind === 'name' && pft.value === 'Sig';
    }
    return false;
  };
  const onlySigAdditions = async (
    oldList: PdfObject | undefined,
    newList: PdfObject | undefined,
  ): Promise<boolean> => {
    const oldNums = new Set(refNums(oldList));
    const newNums = refNums(newList);
    if ([...oldNums].some((n) => !newNums.includes(n))) return false;
    for (const n of newNums) if (!oldNums.has(n) && !(await isSigField(n))) return false;
    return true;
  };
  // Streams that hold page content, and appearance streams of signature widgets.
  const pageContents = new Map<number, number>();
  for (const [i, p] of pages.entries()) {
    const d = await dictNow(p);
    for (const n of refNums(d?.entries.get('Contents'))) pageContents.set(n, i + 1);
  }

  for (const [n, entry] of section.entries) {
    if (n === 0) continue;
    const old = before.get(n);
    const existed = old !== undefined && old.type !== 'free';
    if (entry.type === 'free') {
      if (existed)
        report.changes.push({
          code: 'changeRemoved',
          params: { num: n },
          severity: 'content',
          object: n,
        });
      continue;
    }
    const newObj = await doc.object(n, now).catch(() => undefined);
    if (!existed) {
      if (newObj?.kind === 'dict' && isSigDict(newObj)) report.addsSignatures++;
      continue;
    }
    const oldObj = await doc.object(n, before).catch(() => undefined);
    if (sameObject(oldObj, newObj) && sameStreamData(doc, old, entry)) continue;
    const newDict = newObj?.kind === 'dict' ? newObj : undefined;
    const oldDict = oldObj?.kind === 'dict' ? oldObj : undefined;
    const type = typeOf(newDict);
    const pageIdx = pages.indexOf(n);
    const push = (
      code: SigningMessageCode,
      params: SigningParams,
      severity: ChangeSeverity = 'content',
    ) => report.changes.push({ code, params, severity, object: n });

    if (n === catalogNum && oldDict && newDict) {
      const keys = changedKeys(oldDict, newDict).filter((k) => !CATALOG_SIGNING_KEYS.has(k));
      if (keys.includes('Names')) push('changeNames', {});
      const rest = keys.filter((k) => k !== 'Names');
      if (rest.length) push('changeCatalog', { keys: rest.join(', ') });
    } else if (n === acroFormNum && oldDict && newDict) {
      const keys = changedKeys(oldDict, newDict);
      const bad = keys.filter((k) => !ACROFORM_SIGNING_KEYS.has(k));
      const fieldsOk =
        !keys.includes('Fields') ||
        (await onlySigAdditions(oldDict.entries.get('Fields'), newDict.entries.get('Fields')));
      if (bad.length || !fieldsOk) push('changeCatalog', { keys: ['AcroForm', ...bad].join(', ') });
    } else if (pageIdx >= 0 && oldDict && newDict) {
      const keys = changedKeys(oldDict, newDict);
      if (
        keys.includes('Annots') &&
        !(await onlySigAdditions(oldDict.entries.get('Annots'), newDict.entries.get('Annots')))
      ) {
        push('changePageAnnots', { page: pageIdx + 1 });
      }
      if (keys.some((k) => k !== 'Annots')) push('changePage', { page: pageIdx + 1 });
    } else if (newDict && (newDict.entries.has('FT') || newDict.entries.has('T'))) {
      const ft = newDict.entries.get('FT');
      const t = newDict.entries.get('T');
      const fieldName = t?.kind === 'str' ? decodeTextString(t.bytes) : String(n);
      const keys = oldDict ? changedKeys(oldDict, newDict) : ['*'];
      // Signing a prepared field sets /V (and may refresh its appearance and flags).
      const sigOk =
        ft?.kind === 'name' &&
        ft.value === 'Sig' &&
        keys.every((k) => ['V', 'AP', 'F', 'Lock', 'SV'].includes(k));
      if (!sigOk) push('changeFormField', { field: fieldName });
    } else if (newDict && isSigDict(newDict)) {
      push('changeObject', { num: n, type: 'Sig' });
    } else if (n === infoNum) {
      push('changeInfo', {}, 'metadata');
    } else if (type === 'Metadata') {
      push('changeMetadata', {}, 'metadata');
    } else if (type === 'EmbeddedFile' || type === 'Filespec') {
      push('changeAttachment', {});
    } else if (pageContents.has(n)) {
      push('changePage', { page: pageContents.get(n)! });
    } else if (newObj?.kind === 'array') {
      // An /Annots or /Fields array kept as its own object.
      if (!(await onlySigAdditions(oldObj, newObj)))
        push('changeObject', { num: n, type: 'array' });
    } else {
      push('changeObject', { num: n, type: type ?? newObj?.kind ?? '?' });
    }
  }
  return report;
}

/** For streams, the data must be equal too (the parsed value holds only the dictionary). */
function sameStreamData(doc: PdfDocument, a: XrefEntry, b: XrefEntry): boolean {
  if (a.type !== 'offset' || b.type !== 'offset') return true;
  try {
    const sa = doc.indirect(a.offset).stream;
    const sb = doc.indirect(b.offset).stream;
    if (!sa || !sb) return !sa && !sb;
    const da = doc.bytes.subarray(sa.dataStart, sa.dataEnd);
    const db = doc.bytes.subarray(sb.dataStart, sb.dataEnd);
    return da.length === db.length && da.every((v, i) => v === db[i]);
  } catch {
    return false;
  }
}
