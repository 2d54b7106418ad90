/**
 * The assessment attached to a PDF as a PDF reader sees it: through the catalog's
 * /Names /EmbeddedFiles tree of the newest revision (ISO 32000-1 §7.11.4). The tolerant scanner in
 * src/pdf/read-embedded.ts finds the first attachment in file order; after an incremental update
 * that replaced the attachment, that is the old one. Verification needs the one readers show.
 */
import type { PdfDocument } from './pdf-document';
import type { PdfObject } from './pdf-objects';

const MAX_NODES = 10_000;

/** Text of the first attached file that looks like a FRIA Wizard assessment, or null. */
export async function attachedAssessmentText(doc: PdfDocument): Promise<string | null> {
  const catalog = await doc.catalog();
  const names = await doc.resolveDict(catalog.entries.get('Names'));
  const root = names?.entries.get('EmbeddedFiles');
  const specs: PdfObject[] = [];
  let visited = 0;
  const walk = async (node: PdfObject | undefined, depth: number): Promise<void> => {
    if (depth > 32 || ++visited > MAX_NODES) return;
    const d = await doc.resolveDict(node);
    if (!d) return;
    const pairs = await doc.resolve(d.entries.get('Names'));
    if (pairs?.kind === 'array')
      for (let i = 1; i < pairs.items.length; i += 2) specs.push(pairs.items[i]!);
    const kids = await doc.resolve(d.entries.get('Kids'));
    if (kids?.kind === 'array') for (const k of kids.items) await walk(k, depth + 1);
  };
  await walk(root, 0);
  // PDF/A-3 associated files (/AF) name the same file specifications.
  const af = await doc.resolve(catalog.entries.get('AF'));
  if (af?.kind === 'array') specs.push(...af.items);
  for (const spec of specs) {
    const fs = await doc.resolveDict(spec);
    const ef = await doc.resolveDict(fs?.entries.get('EF'));
    const streamRef = ef?.entries.get('UF') ?? ef?.entries.get('F');
    const obj = doc.indirectOf(streamRef);
    if (!obj?.stream) continue;
    let data: Uint8Array;
    try {
      data = await doc.streamData(obj);
    } catch {
      continue;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      continue;
    }
    if (text.includes('fria-assessment')) return text;
  }
  return null;
}
