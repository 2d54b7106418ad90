import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng, decodePngDataUrl } from '../../../src/pdf/png';
import { preparePdfImage } from '../../../src/pdf/images';
import { signaturePng } from './helpers';

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** An independent PNG encoder that uses filter `row % 5` on each row, as encoders may. */
function encode(
  width: number,
  height: number,
  colorType: number,
  samples: number[],
  opts: { depth?: number; interlace?: number } = {},
): Uint8Array {
  const ch = CHANNELS[colorType]!;
  const stride = width * ch;
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    const f = y % 5;
    rows.push(f);
    for (let x = 0; x < stride; x++) {
      const v = samples[y * stride + x]!;
      const a = x >= ch ? samples[y * stride + x - ch]! : 0;
      const b = y > 0 ? samples[(y - 1) * stride + x]! : 0;
      const c = x >= ch && y > 0 ? samples[(y - 1) * stride + x - ch]! : 0;
      const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][f]!;
      rows.push((v - pred + 256) & 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([opts.depth ?? 8, colorType, 0, 0, opts.interlace ?? 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.from(rows))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

const samplesFor = (n: number) =>
  Array.from({ length: n }, (_, i) => (i * 37 + (i >> 3) * 11) & 255);

describe('decodePng', () => {
  it.each([
    [6, 'RGBA'],
    [2, 'RGB'],
    [0, 'grey'],
    [4, 'grey with alpha'],
  ])('decodes colour type %i (%s) through all five row filters', async (colorType) => {
    const [w, h] = [7, 10];
    const ch = CHANNELS[colorType]!;
    const samples = samplesFor(w * h * ch);
    const img = await decodePng(encode(w, h, colorType, samples));
    expect([img.width, img.height]).toEqual([w, h]);
    for (let i = 0; i < w * h; i++) {
      const s = samples.slice(i * ch, i * ch + ch);
      const expected =
        ch === 4
          ? s
          : ch === 3
            ? [...s, 255]
            : ch === 2
              ? [s[0], s[0], s[0], s[1]]
              : [s[0], s[0], s[0], 255];
      expect([...img.data.subarray(i * 4, i * 4 + 4)], `pixel ${i}`).toEqual(expected);
    }
  });

  it('reads the data URL signature_pad makes', async () => {
    const img = await decodePngDataUrl(signaturePng(120, 40));
    expect(img && [img.width, img.height]).toEqual([120, 40]);
    // Top-left is on the stroke (opaque dark), top-right is background (transparent).
    expect([...img!.data.subarray(0, 4)]).toEqual([20, 30, 60, 255]);
    expect(img!.data[119 * 4 + 3]).toBe(0);
  });

  it('refuses what it does not handle, so the report names the signature in words', async () => {
    const samples = samplesFor(4 * 4 * 4);
    expect(await decodePngDataUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBeNull();
    expect(await decodePngDataUrl('data:image/png;base64,bm90IGEgcG5n')).toBeNull();
    const sixteenBit = Buffer.from(encode(4, 4, 6, samples, { depth: 16 })).toString('base64');
    expect(await decodePngDataUrl(`data:image/png;base64,${sixteenBit}`)).toBeNull();
    const interlaced = Buffer.from(encode(4, 4, 6, samples, { interlace: 1 })).toString('base64');
    expect(await decodePngDataUrl(`data:image/png;base64,${interlaced}`)).toBeNull();
    const whole = encode(4, 4, 6, samples);
    const cut = Buffer.from(whole.subarray(0, whole.length - 20)).toString('base64');
    expect(await decodePngDataUrl(`data:image/png;base64,${cut}`)).toBeNull();
  });
});

describe('preparePdfImage', () => {
  it('puts pixels on white: transparent becomes white, opaque stays, half mixes', () => {
    const data = new Uint8ClampedArray([0, 0, 0, 0, 20, 30, 60, 255, 0, 0, 0, 128]);
    const img = preparePdfImage({ width: 3, height: 1, data }, 'X');
    expect([...img.rgb]).toEqual([255, 255, 255, 20, 30, 60, 127, 127, 127]);
  });
});
