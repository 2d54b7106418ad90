/**
 * What jsPDF cannot do by itself, added through its plugin events (`postPutResources` writes the
 * objects, `putCatalog` links them from the document catalog):
 * - a file attachment: an EmbeddedFile stream, its file specification in the catalog's
 *   /Names /EmbeddedFiles tree and in /AF with /AFRelationship /Data (PDF/A-3 "associated file");
 * - XMP metadata matching the document information dictionary, claiming PDF/A-3b;
 * - an sRGB output intent, so device colours have a defined meaning in the archive.
 * See docs/report.md for what is and is not PDF/A conformant.
 */
import type { jsPDF } from 'jspdf';
import { bytesToBinaryString } from '../pdf-file/inflate';
import { srgbIccProfile } from './icc';

export interface EmbeddedFileSpec {
  fileName: string;
  mimeType: string;
  description: string;
  bytes: Uint8Array;
  modified: Date;
}

export interface ArchiveInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  language: string;
  created: Date;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A PDF date string in UTC: D:20250312101500+00'00'. */
export function pdfDate(d: Date): string {
  return `D:${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}+00'00'`;
}

/** The same moment as XMP wants it: 2025-03-12T10:15:00+00:00. */
function xmpDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+00:00`;
}

/** A PDF text string: literal for printable ASCII, else UTF-16BE hex with a byte-order mark. */
export function pdfTextString(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

/** The ASCII fallback of a file name for the old /F entry. */
function asciiName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/[\\()]/g, '_');
}

const xmlEscape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The XMP packet (UTF-8) that mirrors the information dictionary and claims PDF/A-3b. */
export function xmpPacket(info: ArchiveInfo): string {
  const x = xmlEscape;
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    '<pdfaid:part>3</pdfaid:part>',
    '<pdfaid:conformance>B</pdfaid:conformance>',
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${x(info.title)}</rdf:li></rdf:Alt></dc:title>`,
    info.author
      ? `<dc:creator><rdf:Seq><rdf:li>${x(info.author)}</rdf:li></rdf:Seq></dc:creator>`
      : '',
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${x(info.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${x(info.language)}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${x(info.producer)}</pdf:Producer>`,
    `<pdf:Keywords>${x(info.keywords)}</pdf:Keywords>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreatorTool>${x(info.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${xmpDate(info.created)}</xmp:CreateDate>`,
    `<xmp:MetadataDate>${xmpDate(info.created)}</xmp:MetadataDate>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

const utf8 = (s: string) => bytesToBinaryString(new TextEncoder().encode(s));

/**
 * Adds the attachment, the XMP metadata and the output intent to `doc` when it is written.
 * Call once per document, before `output()`.
 */
export function addArchiveParts(doc: jsPDF, file: EmbeddedFileSpec, info: ArchiveInfo): void {
  const internal = doc.internal as unknown as JsPdfInternal;
  const ids = { fileSpec: 0, metadata: 0, outputIntent: 0 };

  internal.events.subscribe('postPutResources', () => {
    const date = pdfTextString(pdfDate(file.modified));

    const stream = internal.newObject();
    internal.putStream({
      data: bytesToBinaryString(file.bytes),
      filters: ['FlateEncode'],
      objectId: stream,
      additionalKeyValues: [
        { key: 'Type', value: '/EmbeddedFile' },
        { key: 'Subtype', value: `/${file.mimeType.replace('/', '#2F')}` },
        {
          key: 'Params',
          value: `<< /Size ${file.bytes.length} /CreationDate ${date} /ModDate ${date} >>`,
        },
      ],
    });
    internal.write('endobj');

    ids.fileSpec = internal.newObject();
    internal.write(
      [
        '<<',
        '/Type /Filespec',
        `/F ${pdfTextString(asciiName(file.fileName))}`,
        `/UF ${pdfTextString(file.fileName)}`,
        `/Desc ${pdfTextString(file.description)}`,
        '/AFRelationship /Data',
        `/EF << /F ${stream} 0 R /UF ${stream} 0 R >>`,
        '>>',
        'endobj',
      ].join('\n'),
    );

    // PDF/A wants the metadata stream readable without decoding: no filter.
    ids.metadata = internal.newObject();
    const xmp = utf8(xmpPacket(info));
    internal.putStream({
      data: xmp,
      filters: [],
      objectId: ids.metadata,
      additionalKeyValues: [
        { key: 'Type', value: '/Metadata' },
        { key: 'Subtype', value: '/XML' },
      ],
    });
    internal.write('endobj');

    const icc = internal.newObject();
    internal.putStream({
      data: bytesToBinaryString(srgbIccProfile()),
      filters: ['FlateEncode'],
      objectId: icc,
      additionalKeyValues: [{ key: 'N', value: '3' }],
    });
    internal.write('endobj');

    ids.outputIntent = internal.newObject();
    internal.write(
      [
        '<<',
        '/Type /OutputIntent',
        '/S /GTS_PDFA1',
        '/OutputConditionIdentifier (sRGB IEC61966-2.1)',
        '/RegistryName (http://www.color.org)',
        '/Info (sRGB IEC61966-2.1)',
        `/DestOutputProfile ${icc} 0 R`,
        '>>',
        'endobj',
      ].join('\n'),
    );
  });

  internal.events.subscribe('putCatalog', () => {
    internal.write(
      `/Names << /EmbeddedFiles << /Names [${pdfTextString(file.fileName)} ${ids.fileSpec} 0 R] >> >>`,
    );
    internal.write(`/AF [${ids.fileSpec} 0 R]`);
    internal.write(`/Metadata ${ids.metadata} 0 R`);
    internal.write(`/OutputIntents [${ids.outputIntent} 0 R]`);
  });
}

/** The parts of jsPDF's plugin interface used here (documented in jsPDF's plugin sources). */
interface JsPdfInternal {
  events: { subscribe(topic: string, callback: () => void): string };
  newObject(): number;
  write(...text: string[]): void;
  putStream(options: {
    data: string;
    filters: string[];
    objectId: number;
    additionalKeyValues: { key: string; value: string }[];
  }): void;
}
