/**
 * A small PNG decoder for drawn signatures (signature_pad gives 8-bit RGBA PNG data URLs). With it
 * jsPDF gets plain RGBA pixels, so the browser bundle can leave out jsPDF's own PNG stack
 * (fast-png + pako, about 70 KB) and the app and the CLI embed the very same image bytes.
 * Non-interlaced 8-bit grey, grey+alpha, RGB and RGBA; anything else is refused (the report then
 * names the signature in words).
 */
import { base64ToBytes, inflateZlib } from '../pdf-file/inflate';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

const MAX_PIXELS = 4_000_000;
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export class PngError extends Error {
  override name = 'PngError';
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes PNG bytes to RGBA pixels. */
export async function decodePng(png: Uint8Array): Promise<RgbaImage> {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 33 || sig.some((b, i) => png[i] !== b)) throw new PngError('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Uint8Array[] = [];
  let pos = 8;
  while (pos + 8 <= png.length) {
    const length = view.getUint32(pos);
    const type = String.fromCharCode(...png.subarray(pos + 4, pos + 8));
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (data.length !== length) throw new PngError('truncated');
    if (type === 'IHDR') {
      width = view.getUint32(pos + 8);
      height = view.getUint32(pos + 12);
      const depth = png[pos + 16];
      colorType = png[pos + 17] ?? -1;
      const interlace = png[pos + 20];
      if (depth !== 8 || interlace !== 0 || !(colorType in CHANNELS)) {
        throw new PngError('unsupported PNG form');
      }
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + length;
  }
  if (width === 0 || height === 0 || width * height > MAX_PIXELS) throw new PngError('size');
  const channels = CHANNELS[colorType]!;
  const stride = width * channels;
  const joined = new Uint8Array(idat.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of idat) {
    joined.set(c, at);
    at += c.length;
  }
  const raw = await inflateZlib(joined, (stride + 1) * height);
  if (raw.length < (stride + 1) * height) throw new PngError('short image data');

  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    const prev = out - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels]! : 0;
      const b = y > 0 ? pixels[prev + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[prev + x - channels]! : 0;
      const v = line[x]!;
      let r: number;
      switch (filter) {
        case 0:
          r = v;
          break;
        case 1:
          r = v + a;
          break;
        case 2:
          r = v + b;
          break;
        case 3:
          r = v + ((a + b) >> 1);
          break;
        case 4:
          r = v + paeth(a, b, c);
          break;
        default:
          throw new PngError('bad filter');
      }
      pixels[out + x] = r & 255;
    }
  }

  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, p = 0; i < width * height; i++, p += channels) {
    const o = i * 4;
    if (channels === 4) rgba.set(pixels.subarray(p, p + 4), o);
    else if (channels === 3) {
      rgba.set(pixels.subarray(p, p + 3), o);
      rgba[o + 3] = 255;
    } else {
      const g = pixels[p]!;
      rgba[o] = g;
      rgba[o + 1] = g;
      rgba[o + 2] = g;
      rgba[o + 3] = channels === 2 ? pixels[p + 1]! : 255;
    }
  }
  return { width, height, data: rgba };
}

/** Decodes a `data:image/png;base64,…` URL; null when it is not a PNG data URL or not decodable. */
export async function decodePngDataUrl(dataUrl: string): Promise<RgbaImage | null> {
  const m = /^data:image\/png;base64,([A-Za-z0-9+/=\s]+)$/.exec(dataUrl);
  if (!m) return null;
  try {
    return await decodePng(base64ToBytes(m[1]!.replace(/\s+/g, '')));
  } catch {
    return null;
  }
}
