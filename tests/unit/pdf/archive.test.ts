/**
 * The archival parts jsPDF cannot make itself: the attachment's PDF/A-3 form, the XMP metadata
 * that must mirror the document information, and the sRGB output intent's ICC profile.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { srgbIccProfile } from '../../../src/pdf/icc';
import { pdfDate, pdfTextString, xmpPacket } from '../../../src/pdf/archive';
import { renderReportPdf } from '../../../src/pdf/render';
import { GENERATED, miniQuestionnaire, pdfInfo, sampleAssessment, writeTemp } from './helpers';

describe('the sRGB ICC profile', () => {
  const icc = srgbIccProfile();
  const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
  const ascii = (at: number, n = 4) => String.fromCharCode(...icc.subarray(at, at + n));

  it('has a valid ICC v2 display profile header', () => {
    expect(view.getUint32(0)).toBe(icc.length);
    expect(view.getUint32(8)).toBe(0x02100000);
    expect(ascii(12)).toBe('mntr');
    expect(ascii(16)).toBe('RGB ');
    expect(ascii(20)).toBe('XYZ ');
    expect(ascii(36)).toBe('acsp');
    // PCS illuminant D50 in s15Fixed16.
    expect(view.getInt32(68) / 65536).toBeCloseTo(0.9642, 4);
    expect(view.getInt32(72) / 65536).toBeCloseTo(1, 4);
    expect(view.getInt32(76) / 65536).toBeCloseTo(0.8249, 4);
    expect(icc.length).toBeLessThan(2048);
  });

  it('has the tags a display profile needs, inside the file and 4-byte aligned', () => {
    const count = view.getUint32(128);
    const tags = new Map<string, { offset: number; size: number }>();
    for (let i = 0; i < count; i++) {
      const at = 132 + i * 12;
      tags.set(ascii(at), { offset: view.getUint32(at + 4), size: view.getUint32(at + 8) });
    }
    expect([...tags.keys()].sort()).toEqual(
      ['bTRC', 'bXYZ', 'cprt', 'desc', 'gTRC', 'gXYZ', 'rTRC', 'rXYZ', 'wtpt'].sort(),
    );
    for (const [sig, t] of tags) {
      expect(t.offset % 4, sig).toBe(0);
      expect(t.offset + t.size, sig).toBeLessThanOrEqual(icc.length);
    }
    // The tone curve: 256 points from 0 to 65535, rising, with the sRGB toe (v/12.92 near black).
    const curve = tags.get('rTRC')!;
    expect(ascii(curve.offset)).toBe('curv');
    const n = view.getUint32(curve.offset + 8);
    expect(n).toBe(256);
    const point = (i: number) => view.getUint16(curve.offset + 12 + i * 2);
    expect(point(0)).toBe(0);
    expect(point(255)).toBe(65535);
    for (let i = 1; i < n; i++) expect(point(i)).toBeGreaterThanOrEqual(point(i - 1));
    expect(point(128) / 65535).toBeCloseTo(((128 / 255 + 0.055) / 1.055) ** 2.4, 4);
  });
});

describe('PDF strings and dates', () => {
  it('writes ASCII as a literal string and anything else as UTF-16 with a byte-order mark', () => {
    expect(pdfTextString('Plain (text) \\ ok')).toBe('(Plain \\(text\\) \\\\ ok)');
    expect(pdfTextString('Ωż')).toBe('<FEFF03A9017C>');
  });

  it('writes dates in UTC in the PDF form', () => {
    expect(pdfDate(new Date('2025-03-14T09:05:07.000Z'))).toBe("D:20250314090507+00'00'");
  });

  it('escapes XML in the metadata', () => {
    const xmp = xmpPacket({
      title: 'A & B <c>',
      author: 'Ann "Q"',
      subject: 's',
      keywords: 'k',
      creator: 'FRIA Wizard 1',
      producer: 'jsPDF x',
      language: 'nl',
      created: new Date('2025-03-14T09:00:00Z'),
    });
    expect(xmp).toContain('<rdf:li xml:lang="x-default">A &amp; B &lt;c&gt;</rdf:li>');
    expect(xmp).toContain('<rdf:li>Ann &quot;Q&quot;</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2025-03-14T09:00:00+00:00</xmp:CreateDate>');
    expect(xmp.startsWith('<?xpacket begin="\ufeff"')).toBe(true);
  });
});

describe('the archival parts of a report', () => {
  let raw: string;
  let info: Record<string, string>;
  beforeAll(async () => {
    const a = await sampleAssessment();
    a.meta = { ...a.meta, systemName: 'Σύστημα & <Zażółć>' };
    const pdf = await renderReportPdf(a, miniQuestionnaire(), 'en', {
      appVersion: '0.1.0',
      now: GENERATED,
    });
    raw = Buffer.from(pdf).toString('latin1');
    info = pdfInfo(writeTemp(pdf));
  });

  it('is a PDF 1.7 file with a binary comment line, as PDF/A requires', () => {
    expect(raw.startsWith('%PDF-1.7\n%')).toBe(true);
    expect([...raw.slice(10, 14)].every((c) => c.charCodeAt(0) > 127)).toBe(true);
    expect(raw).toMatch(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/);
  });

  it('attaches the assessment as PDF/A-3 associated data with a MIME type and dates', () => {
    expect(raw).toMatch(
      /\/Type \/EmbeddedFile\n\/Subtype \/application#2Fjson\n\/Params << \/Size \d+ \/CreationDate \(D:20250314090000\+00'00'\) \/ModDate/,
    );
    const spec = /(\d+) 0 obj\n<<\n\/Type \/Filespec[\s\S]*?endobj/.exec(raw)!;
    expect(spec[0]).toContain('/AFRelationship /Data');
    expect(spec[0]).toMatch(/\/F \(.*\.fria\.json\)/);
    expect(spec[0]).toMatch(/\/UF <FEFF[0-9A-F]+>/);
    expect(spec[0]).toContain('/Desc (FRIA Wizard assessment file \\(.fria.json\\))');
    // The old ASCII-only name keeps what it can of the letters; readers show /UF.
    expect(spec[0]).toContain('/F (_______ & Zazo_c.fria.json)');
    expect(raw).toContain(`/AF [${spec[1]} 0 R]`);
    expect(raw).toContain(`/Names << /EmbeddedFiles << /Names [`);
  });

  it('has XMP metadata that claims PDF/A-3b and mirrors the document information', () => {
    const xmpBytes = /<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(raw)![0];
    const xmp = Buffer.from(xmpBytes, 'latin1').toString('utf8');
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const unescape = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    const field = (re: RegExp) => unescape(re.exec(xmp)![1]!);
    expect(field(/<dc:title><rdf:Alt><rdf:li xml:lang="x-default">(.*?)<\/rdf:li>/)).toBe(
      info.Title,
    );
    expect(field(/<dc:description><rdf:Alt><rdf:li xml:lang="x-default">(.*?)<\/rdf:li>/)).toBe(
      info.Subject,
    );
    expect(field(/<dc:creator><rdf:Seq><rdf:li>(.*?)<\/rdf:li>/)).toBe(info.Author);
    expect(field(/<pdf:Keywords>(.*?)<\/pdf:Keywords>/)).toBe(info.Keywords);
    expect(field(/<pdf:Producer>(.*?)<\/pdf:Producer>/)).toBe(info.Producer);
    expect(field(/<xmp:CreatorTool>(.*?)<\/xmp:CreatorTool>/)).toBe(info.Creator);
    expect(raw).toContain("/CreationDate (D:20250314090000+00'00')");
    expect(xmp).toContain('<xmp:CreateDate>2025-03-14T09:00:00+00:00</xmp:CreateDate>');
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>');
    // The metadata stream is not compressed, so any archive tool can read it.
    expect(raw).toMatch(/\/Type \/Metadata\n\/Subtype \/XML\n\/Length \d+\n>>\nstream\n<\?xpacket/);
  });

  it('declares an sRGB output intent with the embedded profile', () => {
    const intent = /\/Type \/OutputIntent[\s\S]*?\/DestOutputProfile (\d+) 0 R/.exec(raw)!;
    expect(intent[0]).toContain('/S /GTS_PDFA1');
    expect(raw).toMatch(new RegExp(`${intent[1]} 0 obj\\n<<\\n/N 3\\n`));
    expect(raw).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(raw).toContain('/Lang (en-GB)');
  });
});
