/**
 * The report's embedded font (DejaVu Sans regular and bold, subsetted by scripts/build-font.ts).
 * The compressed faces are unpacked once per session and registered with each new document.
 */
import type { jsPDF } from 'jspdf';
import { DEJAVU_SANS_BOLD, DEJAVU_SANS_REGULAR, FONT_RANGES } from './fonts/dejavu-sans-subset';
import { base64ToBytes, bytesToBinaryString, inflateZlib } from '../pdf-file/inflate';

export const FONT_FAMILY = 'DejaVuSans';

/** PostScript names with a subset tag, as PDF readers expect for subsetted fonts. */
const TAGGED_NAMES = { normal: 'FRIAWZ+DejaVuSans', bold: 'FRIAWZ+DejaVuSans-Bold' } as const;

let unpacked: Promise<{ normal: string; bold: string }> | null = null;

async function unpack(face: { ttfBytes: number; zlibBase64: string }): Promise<string> {
  const ttf = await inflateZlib(base64ToBytes(face.zlibBase64), face.ttfBytes + 1);
  return bytesToBinaryString(ttf);
}

function fontFiles(): Promise<{ normal: string; bold: string }> {
  unpacked ??= Promise.all([unpack(DEJAVU_SANS_REGULAR), unpack(DEJAVU_SANS_BOLD)]).then(
    ([normal, bold]) => ({ normal, bold }),
  );
  return unpacked;
}

/** Adds the regular and bold faces to `doc` and makes the regular face current. */
export async function registerFonts(doc: jsPDF): Promise<void> {
  const files = await fontFiles();
  doc.addFileToVFS('DejaVuSans.ttf', files.normal);
  doc.addFont('DejaVuSans.ttf', FONT_FAMILY, 'normal');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', files.bold);
  doc.addFont('DejaVuSans-Bold.ttf', FONT_FAMILY, 'bold');
  doc.setFont(FONT_FAMILY, 'normal');
  // jsPDF writes the family name as BaseFont for both faces; give each its own tagged name
  // just before the file is written (renaming earlier would confuse jsPDF's font lookup).
  // jsPDF's typings omit getFont's (name, style) arguments.
  const getFont = doc.getFont as unknown as (name: string, style: string) => { fontName: string };
  doc.internal.events.subscribe('buildDocument', () => {
    getFont.call(doc, FONT_FAMILY, 'normal').fontName = TAGGED_NAMES.normal;
    getFont.call(doc, FONT_FAMILY, 'bold').fontName = TAGGED_NAMES.bold;
  });
}

const allowed = new RegExp(
  `[^\\n${FONT_RANGES.map(([a, b]) => `\\u{${a.toString(16)}}-\\u{${b.toString(16)}}`).join('')}]`,
  'gu',
);

/**
 * Text as the embedded font can draw it: line breaks normalised, odd spaces made plain, invisible
 * characters removed, and anything the font cannot show replaced by U+FFFD (visible, never a
 * silent gap). The attached assessment file keeps the original text.
 */
export function drawable(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?|\u2028|\u2029/g, '\n')
      .replace(/\t/g, '    ')
      .replace(/[\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
      // Control characters are exactly what this line removes.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u00ad\u200b-\u200f\u2060\ufeff\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '')
      .replace(allowed, '\ufffd')
  );
}
