/**
 * The assessment attached to a PDF, chosen by one rule for the whole app (re-opening a report,
 * importing it into the library, Verify): the file a PDF reader would extract today. That is the
 * one the newest revision lists — its catalog's /Names /EmbeddedFiles tree (ISO 32000-1 §7.11.4),
 * then its /AF associated files (PDF/A-3) — never an older copy that an incremental update
 * replaced, even though those bytes are still in the file.
 *
 * When that file cannot be read (damaged compressed data, a filter this reader does not handle,
 * or data that would unpack past the limit), the answer says so. It never falls back to another
 * copy: after an update, an older copy may be exactly what someone wants a checker to look at.
 */
import type { PdfDocument } from './document';
import { InflateError } from './inflate';
import { decodeTextString, type PdfObject } from './objects';

export type AttachmentRead =
  /** The attached assessment's text (not yet validated). */
  | { state: 'found'; text: string; fileName: string | null }
  /** No attachment of the newest revision is an assessment. */
  | { state: 'absent' }
  /**
   * The attachment that is (or may be) the assessment cannot be read: `unpackTooLarge` when its
   * compressed data would unpack past `maxBytes`, `damaged` otherwise.
   */
  | { state: 'unreadable'; reason: 'unpackTooLarge' | 'damaged'; fileName: string | null };

const MAX_NODES = 10_000;
const ASSESSMENT_NAME = /\.fria\.json$/i;

interface Spec {
  spec: PdfObject;
  /** The name in the name tree, when the file specification has none. */
  key: string | null;
}

/** File specifications the newest revision lists: the name tree first, then /AF. */
async function listedSpecs(doc: PdfDocument): Promise<Spec[]> {
  const catalog = await doc.catalog();
  const names = await doc.resolveDict(catalog.entries.get('Names'));
  const specs: Spec[] = [];
  let visited = 0;
  const seen = new Set<number>();
  const walk = async (node: PdfObject | undefined, depth: number): Promise<void> => {
    if (depth > 32 || ++visited > MAX_NODES) return;
    if (node?.kind === 'ref') {
      if (seen.has(node.num)) return;
      seen.add(node.num);
    }
    const d = await doc.resolveDict(node);
    if (!d) return;
    const pairs = await doc.resolve(d.entries.get('Names'));
    if (pairs?.kind === 'array')
      for (let i = 0; i + 1 < pairs.items.length; i += 2) {
        const k = pairs.items[i]!;
        specs.push({
          spec: pairs.items[i + 1]!,
          key: k.kind === 'str' ? decodeTextString(k.bytes) : null,
        });
      }
    const kids = await doc.resolve(d.entries.get('Kids'));
    if (kids?.kind === 'array') for (const k of kids.items) await walk(k, depth + 1);
  };
  await walk(names?.entries.get('EmbeddedFiles'), 0);
  const af = await doc.resolve(catalog.entries.get('AF'));
  if (af?.kind === 'array') for (const spec of af.items) specs.push({ spec, key: null });
  // The same specification listed twice (tree and /AF) is looked at once.
  const once = new Set<string>();
  return specs.filter(({ spec }) => {
    const id = spec.kind === 'ref' ? `r${spec.num}` : null;
    if (id === null) return true;
    if (once.has(id)) return false;
    once.add(id);
    return true;
  });
}

/** The attached assessment a PDF reader would extract from `doc`'s newest revision. */
export async function readAssessmentAttachment(
  doc: PdfDocument,
  maxBytes: number,
): Promise<AttachmentRead> {
  let specs: Spec[];
  try {
    specs = await listedSpecs(doc);
  } catch {
    return { state: 'unreadable', reason: 'damaged', fileName: null };
  }
  for (const { spec, key } of specs) {
    const fs = await doc.resolveDict(spec).catch(() => undefined);
    const nameObj = fs?.entries.get('UF') ?? fs?.entries.get('F');
    const fileName = nameObj?.kind === 'str' ? decodeTextString(nameObj.bytes) : key;
    // Named as an assessment, or nameless: if it cannot be read, that is the answer.
    const mayBeOurs = fileName === null || ASSESSMENT_NAME.test(fileName);
    const unreadable = (reason: 'unpackTooLarge' | 'damaged'): AttachmentRead => ({
      state: 'unreadable',
      reason,
      fileName,
    });
    let data: Uint8Array;
    try {
      const ef = await doc.resolveDict(fs?.entries.get('EF'));
      const obj = doc.indirectOf(ef?.entries.get('UF') ?? ef?.entries.get('F'));
      if (!obj?.stream) {
        if (mayBeOurs) return unreadable('damaged');
        continue;
      }
      data = await doc.streamData(obj, maxBytes);
    } catch (e) {
      if (e instanceof InflateError && e.reason === 'tooLarge') {
        if (mayBeOurs) return unreadable('unpackTooLarge');
      } else if (mayBeOurs) return unreadable('damaged');
      continue;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      if (mayBeOurs) return unreadable('damaged');
      continue;
    }
    if (text.includes('fria-assessment') || (fileName !== null && ASSESSMENT_NAME.test(fileName)))
      return { state: 'found', text, fileName };
  }
  return { state: 'absent' };
}
