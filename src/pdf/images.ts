/**
 * Images (drawn signatures) written as plain PDF image objects: pixels put on white (no
 * transparency, which PDF/A prefers and every reader draws the same), compressed by jsPDF's own
 * FlateEncode (the same bytes in the browser and in Node), and placed with jsPDF's plugin events
 * the way its own image plugin does. This keeps jsPDF's PNG stack out of the browser bundle.
 */
import type { jsPDF } from 'jspdf';
import { bytesToBinaryString } from '../pdf-file/inflate';
import type { RgbaImage } from './png';

export interface PdfImage {
  /** Resource name, unique in the document. */
  name: string;
  width: number;
  height: number;
  /** RGB pixels, 8 bits per channel. */
  rgb: Uint8Array;
}

/** Flattens RGBA pixels onto white. */
export function preparePdfImage(image: RgbaImage, name: string): PdfImage {
  const { width, height, data } = image;
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; i < data.length; i += 4, o += 3) {
    const a = data[i + 3]! / 255;
    rgb[o] = Math.round(data[i]! * a + 255 * (1 - a));
    rgb[o + 1] = Math.round(data[i + 1]! * a + 255 * (1 - a));
    rgb[o + 2] = Math.round(data[i + 2]! * a + 255 * (1 - a));
  }
  return { name, width, height, rgb };
}

interface Internal {
  events: { subscribe(topic: string, cb: () => void): string };
  newObject(): number;
  write(...s: string[]): void;
  putStream(o: {
    data: string;
    filters: string[];
    objectId: number;
    additionalKeyValues: { key: string; value: string }[];
  }): void;
  scaleFactor: number;
  pageSize: { getHeight(): number };
}

/** Writes the image objects and lists them in the page resources when the file is built. */
export function installPdfImages(doc: jsPDF, images: PdfImage[]): void {
  if (images.length === 0) return;
  const internal = doc.internal as unknown as Internal;
  const ids = new Map<string, number>();
  internal.events.subscribe('putResources', () => {
    for (const img of images) {
      const id = internal.newObject();
      ids.set(img.name, id);
      internal.putStream({
        data: bytesToBinaryString(img.rgb),
        filters: ['FlateEncode'],
        objectId: id,
        additionalKeyValues: [
          { key: 'Type', value: '/XObject' },
          { key: 'Subtype', value: '/Image' },
          { key: 'Width', value: String(img.width) },
          { key: 'Height', value: String(img.height) },
          { key: 'ColorSpace', value: '/DeviceRGB' },
          { key: 'BitsPerComponent', value: '8' },
        ],
      });
      internal.write('endobj');
    }
  });
  internal.events.subscribe('putXobjectDict', () => {
    for (const [name, id] of ids) internal.write(`/${name} ${id} 0 R`);
  });
}

/** Draws an installed image at x, y (top left) with width and height, in the document's units. */
export function drawPdfImage(
  doc: jsPDF,
  image: PdfImage,
  x: number,
  y: number,
  w: number,
  h: number,
): void {
  const internal = doc.internal as unknown as Internal;
  const k = internal.scaleFactor;
  const pageHeight = internal.pageSize.getHeight();
  const f = (n: number) => n.toFixed(2);
  internal.write(
    `q ${f(w * k)} 0 0 ${f(h * k)} ${f(x * k)} ${f((pageHeight - y - h) * k)} cm /${image.name} Do Q`,
  );
}
