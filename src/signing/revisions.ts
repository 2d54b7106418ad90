/**
 * What later incremental updates changed (ISO 32000-1 §7.5.6). After a signature, every later
 * revision is examined object by object — objects inside object streams and new objects nothing
 * refers to included. Anything that can change what a page shows (page content, resources,
 * annotations and their appearance streams, signature widgets new or existing, form fields) is
 * reported with the page it is on. The one exception is a revision that is exactly a later
 * signature which is itself valid (its byte range covers everything up to it and its CMS
 * verifies): the signature dictionary, its field and widget, the widget's new appearance objects
 * and the entries that register the field are that signature; its visible appearance is named
 * ("a signature by X was added on page 17"). Document properties, XMP metadata and validation data
 * are notes. A later revision is never "nothing changed": one that changes nothing we can find is
 * still reported as an update without a signature.
 */
import type { PdfDocument, XrefEntry } from '../pdf-file/document';
import { decodeTextString, sameObject, type PdfDict, type PdfObject } from '../pdf-file/objects';
import type { SigningMessageCode, SigningParams } from './messages';

export type ChangeSeverity = 'content' | 'metadata';

export interface RevisionChange {
  code: SigningMessageCode;
  params: SigningParams;
  /** `content`: can change what the document shows or contains; `metadata`: a note. */
  severity: ChangeSeverity;
  /** Object number the change was found in. */
  object: number;
  /** Pages (1-based) the changed object shows on; empty when it is on no page. */
  pages: number[];
}

/** A valid signature made in a later revision, as Verify names it. */
export interface AddedSignature {
  /** The signature's index in the verification report. */
  index: number;
  signer: string;
  /** Pages its widget shows on; empty when the signature has no visible appearance. */
  pages: number[];
}

export interface RevisionReport {
  /** Where this revision's cross-reference section starts. */
  offset: number;
  revisionEnd: number;
  /** The valid signature this revision is, if it is one. */
  signature?: AddedSignature;
  /** Signature dictionaries this revision adds (valid or not). */
  addsSignatures: number;
  changes: RevisionChange[];
}

/** A signature that verified, with where it ends, so its own revision can be recognised. */
export interface ValidSignature {
  index: number;
  signer: string;
  /** Object number of its signature dictionary. */
  objectNum: number;
  /** End of its byte range. */
  end: number;
}

/** Most objects visited while following references in one revision; past it, we say we stopped. */
const MAX_VISITS = 200_000;

const CATALOG_SIGNING_KEYS = new Set(['AcroForm', 'DSS', 'Extensions', 'Perms']);
const ACROFORM_SIGNING_KEYS = new Set(['Fields', 'SigFlags', 'DR', 'DA']);
/** Keys of a signature field or widget that signing it may set. */
const FIELD_SIGNING_KEYS = new Set(['V', 'AP', 'AS', 'F', 'Lock', 'SV', 'MK', 'DA']);

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

function isAnnot(d: PdfDict | undefined): boolean {
  return !!d && (typeOf(d) === 'Annot' || (d.entries.has('Subtype') && d.entries.has('Rect')));
}

function refNums(o: PdfObject | undefined): number[] {
  if (o?.kind === 'ref') return [o.num];
  if (o?.kind === 'array') return o.items.flatMap((i) => (i.kind === 'ref' ? [i.num] : []));
  return [];
}

/** Every reference inside an object (not following them), skipping the given dictionary keys. */
function refsIn(o: PdfObject | undefined, skip: Set<string>, out: number[] = []): number[] {
  if (!o) return out;
  if (o.kind === 'ref') out.push(o.num);
  else if (o.kind === 'array') for (const i of o.items) refsIn(i, skip, out);
  else if (o.kind === 'dict')
    for (const [k, v] of o.entries) if (!skip.has(k)) refsIn(v, skip, out);
  return out;
}

function changedKeys(a: PdfDict, b: PdfDict): string[] {
  const keys = new Set([...a.entries.keys(), ...b.entries.keys()]);
  return [...keys].filter((k) => !sameObject(a.entries.get(k), b.entries.get(k))).sort();
}

/** Entries as they were before section `index` (sections are newest first). */
function entriesBefore(doc: PdfDocument, index: number): Map<number, XrefEntry> {
  const out = new Map<number, XrefEntry>();
  for (const s of doc.sections.slice(index + 1).reverse())
    for (const [n, e] of s.entries) out.set(n, e);
  return out;
}

function entriesUpTo(doc: PdfDocument, index: number): Map<number, XrefEntry> {
  const out = entriesBefore(doc, index);
  for (const [n, e] of doc.sections[index]!.entries) out.set(n, e);
  return out;
}

/** Objects of one revision's view of the file, read once. */
class View {
  private readonly cache = new Map<number, Promise<PdfObject | undefined>>();
  visits = 0;
  constructor(
    readonly doc: PdfDocument,
    readonly entries: Map<number, XrefEntry>,
  ) {}

  get(n: number): Promise<PdfObject | undefined> {
    let hit = this.cache.get(n);
    if (!hit) {
      hit = this.doc.object(n, this.entries).catch(() => undefined);
      this.cache.set(n, hit);
    }
    return hit;
  }

  async dict(n: number): Promise<PdfDict | undefined> {
    const v = await this.get(n);
    return v?.kind === 'dict' ? v : undefined;
  }

  exists(n: number): boolean {
    const e = this.entries.get(n);
    return e !== undefined && e.type !== 'free';
  }

  /**
   * Objects reachable from `start` by references, not through `skip` keys and not into other
   * page-tree nodes (a page's links lead to other pages). False when the budget ran out.
   */
  async reach(
    start: number[],
    skip: Set<string>,
    into: Set<number>,
    stopAtPages = true,
  ): Promise<boolean> {
    const queue = [...start];
    while (queue.length) {
      const n = queue.pop()!;
      if (into.has(n)) continue;
      if (++this.visits > MAX_VISITS) return false;
      const v = await this.get(n);
      if (stopAtPages && !start.includes(n) && v?.kind === 'dict') {
        const t = typeOf(v);
        if (t === 'Page' || t === 'Pages') continue;
      }
      into.add(n);
      for (const r of refsIn(v, skip)) if (!into.has(r)) queue.push(r);
    }
    return true;
  }
}

const NOT_UP = new Set(['Parent', 'P']);

/** For each object, the pages (1-based) whose display it is part of. */
async function pageMap(
  view: View,
  pages: number[],
): Promise<{ map: Map<number, number[]>; complete: boolean }> {
  const map = new Map<number, number[]>();
  let complete = true;
  for (const [i, p] of pages.entries()) {
    const seen = new Set<number>();
    if (!(await view.reach([p], NOT_UP, seen))) complete = false;
    for (const n of seen) {
      const list = map.get(n);
      if (list) list.push(i + 1);
      else map.set(n, [i + 1]);
    }
  }
  return { map, complete };
}

/**
 * Analyses every revision after the oldest one; `valid` lists the signatures that verified, so a
 * revision that is exactly one of them is recognised. Reports come oldest first.
 */
export async function analyseRevisions(
  doc: PdfDocument,
  valid: ValidSignature[] = [],
): Promise<RevisionReport[]> {
  const out: RevisionReport[] = [];
  for (let i = doc.sections.length - 2; i >= 0; i--) out.push(await analyseRevision(doc, i, valid));
  return out;
}

/** The revisions whose cross-reference section starts at or after byte `after`. */
export async function laterRevisions(
  doc: PdfDocument,
  after: number,
  valid: ValidSignature[] = [],
): Promise<RevisionReport[]> {
  return (await analyseRevisions(doc, valid)).filter((r) => r.offset >= after);
}

async function analyseRevision(
  doc: PdfDocument,
  index: number,
  valid: ValidSignature[],
): Promise<RevisionReport> {
  const section = doc.sections[index]!;
  const older = doc.sections[index + 1]!;
  const now = new View(doc, entriesUpTo(doc, index));
  const old = new View(doc, entriesBefore(doc, index));
  const report: RevisionReport = {
    offset: section.offset,
    revisionEnd: section.revisionEnd,
    addsSignatures: 0,
    changes: [],
  };

  const rootNum = (t: PdfDict) => {
    const r = t.entries.get('Root');
    return r?.kind === 'ref' ? r.num : undefined;
  };
  const catalogNum = rootNum(section.trailer);
  const infoRef = section.trailer.entries.get('Info');
  const infoNum = infoRef?.kind === 'ref' ? infoRef.num : undefined;
  const pagesNow = await doc
    .pages(now.entries, section.trailer)
    .then((ps) => ps.map((p) => p.num))
    .catch(() => [] as number[]);
  const pagesOld = await doc
    .pages(old.entries, older.trailer)
    .then((ps) => ps.map((p) => p.num))
    .catch(() => [] as number[]);
  const mapNow = await pageMap(now, pagesNow);
  const mapOld = await pageMap(old, pagesOld);
  const pagesOf = (n: number): number[] =>
    [...new Set([...(mapNow.map.get(n) ?? []), ...(mapOld.map.get(n) ?? [])])].sort(
      (a, b) => a - b,
    );
  // Everything the document uses now, from the trailer down.
  const reachable = new Set<number>();
  const trailerRefs = refsIn(section.trailer, new Set(['Prev', 'XRefStm', 'Size']));
  let complete =
    mapNow.complete &&
    mapOld.complete &&
    (await now.reach(trailerRefs, new Set(), reachable, false));
  // Validation data (the catalog's /DSS): not shown on any page.
  const catalog = catalogNum !== undefined ? await now.dict(catalogNum) : undefined;
  const dss = new Set<number>();
  complete &&= await now.reach(refNums(catalog?.entries.get('DSS')), new Set(), dss, false);

  const written = [...section.entries].filter(([n, e]) => {
    if (n === 0) return false;
    // The revision's own cross-reference stream.
    if (e.type === 'offset' && e.offset === section.offset) return false;
    return true;
  });
  const isNew = (n: number) => !old.exists(n);

  const isSigWidget = async (n: number, view: View): Promise<boolean> => {
    const d = await view.dict(n);
    if (!d) return false;
    const ft = d.entries.get('FT');
    if (ft?.kind === 'name') return ft.value === 'Sig';
    const parent = d.entries.get('Parent');
    if (parent?.kind === 'ref') {
      const p = await view.dict(parent.num);
      const pft = p?.entries.get('FT');
      return pft?.kind === 'name' && pft.value === 'Sig';
    }
    return false;
  };

  // ---- Is this revision exactly a later, valid signature?
  const allowed = new Set<number>();
  const sig = valid.find(
    (v) =>
      v.end > section.offset && v.end <= section.revisionEnd && section.entries.has(v.objectNum),
  );
  if (sig && isNew(sig.objectNum)) {
    allowed.add(sig.objectNum);
    const widgets: number[] = [];
    const fields: number[] = [];
    for (const [n] of written) {
      const d = await now.dict(n);
      const v = d?.entries.get('V');
      if (v?.kind === 'ref' && v.num === sig.objectNum) fields.push(n);
    }
    for (const f of fields) {
      const d = (await now.dict(f))!;
      const kids = refNums(d.entries.get('Kids'));
      widgets.push(...(kids.length ? kids : [f]));
      const before = await old.dict(f);
      if (!before || changedKeys(before, d).every((k) => FIELD_SIGNING_KEYS.has(k))) allowed.add(f);
    }
    const shown = new Set<number>();
    for (const w of widgets) {
      const d = await now.dict(w);
      if (!d) continue;
      if (!fields.includes(w)) {
        const before = await old.dict(w);
        if (!before || changedKeys(before, d).every((k) => FIELD_SIGNING_KEYS.has(k)))
          allowed.add(w);
      }
      // The widget's appearance: new objects only (a changed shared object would change more).
      const ap = new Set<number>();
      complete &&= await now.reach(refsIn(d.entries.get('AP'), new Set()), NOT_UP, ap, false);
      for (const n of ap) if (isNew(n) && section.entries.has(n)) allowed.add(n);
      if (visibleWidget(d)) for (const p of mapNow.map.get(w) ?? []) shown.add(p);
    }
    const widgetSet = new Set(widgets);
    const fieldSet = new Set(fields);
    // A list (page /Annots, /AcroForm /Fields) that only gained this signature's widget or field.
    const onlyAdds = (a: PdfObject | undefined, b: PdfObject | undefined, add: Set<number>) => {
      const was = new Set(refNums(a));
      const is = refNums(b);
      return [...was].every((n) => is.includes(n)) && is.every((n) => was.has(n) || add.has(n));
    };
    for (const [n] of written) {
      if (allowed.has(n)) continue;
      const a = await old.get(n);
      const b = await now.get(n);
      if (!a || !b) continue;
      if (a.kind === 'array' && b.kind === 'array') {
        if (onlyAdds(a, b, widgetSet) || onlyAdds(a, b, fieldSet)) allowed.add(n);
        continue;
      }
      if (a.kind !== 'dict' || b.kind !== 'dict') continue;
      const keys = changedKeys(a, b);
      if (pagesNow.includes(n)) {
        if (
          keys.every((k) => k === 'Annots') &&
          onlyAdds(a.entries.get('Annots'), b.entries.get('Annots'), widgetSet)
        )
          allowed.add(n);
      } else if (n === catalogNum) {
        if (keys.every((k) => CATALOG_SIGNING_KEYS.has(k))) allowed.add(n);
      } else if (refNums(catalog?.entries.get('AcroForm')).includes(n)) {
        if (
          keys.every((k) => ACROFORM_SIGNING_KEYS.has(k)) &&
          onlyAdds(a.entries.get('Fields'), b.entries.get('Fields'), fieldSet)
        )
          allowed.add(n);
      }
    }
    // A new AcroForm dictionary, and new objects of its default resources (fonts).
    const form = refNums(catalog?.entries.get('AcroForm'));
    for (const n of form) {
      if (!isNew(n)) continue;
      const d = await now.dict(n);
      if (d && onlyAdds(undefined, d.entries.get('Fields'), fieldSet)) {
        allowed.add(n);
        const dr = new Set<number>();
        complete &&= await now.reach(refsIn(d.entries.get('DR'), new Set()), NOT_UP, dr, false);
        for (const r of dr) if (isNew(r)) allowed.add(r);
      }
    }
    report.signature = {
      index: sig.index,
      signer: sig.signer,
      pages: [...shown].sort((a, b) => a - b),
    };
  }

  // ---- Everything else this revision wrote.
  const push = (
    n: number,
    code: SigningMessageCode,
    params: SigningParams,
    pages: number[] = [],
    severity: ChangeSeverity = 'content',
  ) => report.changes.push({ code, params, severity, object: n, pages });
  const pageParam = (ps: number[]): string | number => (ps.length === 1 ? ps[0]! : ps.join(', '));
  let rewrittenUnchanged = 0;

  for (const [n, entry] of written) {
    const existed = old.exists(n);
    const newObj = await now.get(n);
    const newDict = newObj?.kind === 'dict' ? newObj : undefined;
    if (entry.type !== 'free' && isSigDict(newDict) && isNew(n)) report.addsSignatures++;
    if (allowed.has(n)) continue;
    // Containers: their members are listed (and examined) one by one.
    if (typeOf(newDict) === 'ObjStm' || typeOf(newDict) === 'XRef') continue;
    if (entry.type === 'free') {
      if (existed) {
        const ps = pagesOf(n);
        if (ps.length) push(n, 'changeRemovedOnPage', { num: n, page: pageParam(ps) }, ps);
        else push(n, 'changeRemoved', { num: n });
      }
      continue;
    }
    const oldObj = existed ? await old.get(n) : undefined;
    if (existed && sameObject(oldObj, newObj) && sameStreamData(doc, old.entries.get(n)!, entry)) {
      rewrittenUnchanged++;
      continue;
    }
    const ps = pagesOf(n);
    const oldDict = oldObj?.kind === 'dict' ? oldObj : undefined;
    const type = typeOf(newDict);
    if (!existed && !reachable.has(n)) {
      push(n, 'changeUnreferenced', { num: n });
    } else if (n === infoNum) {
      push(n, 'changeInfo', {}, [], 'metadata');
    } else if (n === catalogNum && oldDict && newDict) {
      const keys = changedKeys(oldDict, newDict);
      if (keys.includes('Names')) push(n, 'changeNames', {});
      if (keys.includes('Metadata')) push(n, 'changeMetadata', {}, [], 'metadata');
      if (keys.includes('DSS')) push(n, 'changeValidationData', {}, [], 'metadata');
      const rest = keys.filter((k) => !['Names', 'Metadata', 'DSS'].includes(k));
      if (rest.length) push(n, 'changeCatalog', { keys: rest.join(', ') });
    } else if ((pagesNow.includes(n) || pagesOld.includes(n)) && newDict) {
      const page = pageParam(ps);
      const keys = oldDict ? changedKeys(oldDict, newDict) : ['*'];
      if (keys.includes('Annots')) {
        const was = new Set(refNums(oldDict?.entries.get('Annots')));
        const is = refNums(newDict.entries.get('Annots'));
        const added = is.filter((a) => !was.has(a));
        const removed = [...was].filter((a) => !is.includes(a));
        for (const a of added) {
          if (await isSigWidget(a, now)) push(n, 'changeSignatureField', { page }, ps);
          else push(n, 'changeAnnotation', { page }, ps);
        }
        if (removed.length || (!added.length && !removed.length))
          push(n, 'changePageAnnots', { page }, ps);
      }
      if (keys.some((k) => k !== 'Annots')) push(n, 'changePage', { page }, ps);
    } else if (isAnnot(newDict) || isAnnot(oldDict)) {
      const sigWidget = (await isSigWidget(n, now)) || (existed && (await isSigWidget(n, old)));
      const code = sigWidget ? 'changeSignatureField' : 'changeAnnotation';
      if (ps.length) push(n, code, { page: pageParam(ps) }, ps);
      else
        push(
          n,
          code === 'changeSignatureField'
            ? 'changeSignatureFieldOffPage'
            : 'changeAnnotationOffPage',
          {},
        );
    } else if (newDict && (newDict.entries.has('FT') || newDict.entries.has('T'))) {
      const t = newDict.entries.get('T');
      const field = t?.kind === 'str' ? decodeTextString(t.bytes) : String(n);
      push(n, 'changeFormField', { field }, ps);
    } else if (type === 'EmbeddedFile' || type === 'Filespec') {
      push(n, 'changeAttachment', {});
    } else if (ps.length) {
      push(n, 'changePage', { page: pageParam(ps) }, ps);
    } else if (type === 'Metadata') {
      push(n, 'changeMetadata', {}, [], 'metadata');
    } else if (dss.has(n)) {
      push(n, 'changeValidationData', {}, [], 'metadata');
    } else if (isSigDict(newDict)) {
      push(n, 'changeObject', { num: n, type: 'Sig' });
    } else {
      push(n, 'changeObject', { num: n, type: type ?? newObj?.kind ?? '?' });
    }
  }
  if (!complete) push(0, 'changeTooComplex', {});
  if (!report.signature && report.changes.length === 0)
    push(0, 'changeUnsignedRevision', { count: rewrittenUnchanged }, [], 'metadata');
  return report;
}

/** A widget whose appearance can be seen: a rectangle with area, not hidden, with an appearance. */
function visibleWidget(d: PdfDict): boolean {
  const rect = d.entries.get('Rect');
  if (rect?.kind !== 'array' || rect.items.length !== 4) return false;
  const [x1, y1, x2, y2] = rect.items.map((i) => (i.kind === 'num' ? i.value : 0)) as [
    number,
    number,
    number,
    number,
  ];
  if (Math.abs(x2 - x1) < 0.5 || Math.abs(y2 - y1) < 0.5) return false;
  const f = d.entries.get('F');
  const flags = f?.kind === 'num' ? f.value : 0;
  // Hidden (2) or NoView (32).
  if (flags & 2 || flags & 32) return false;
  return d.entries.has('AP');
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
