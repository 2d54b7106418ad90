/**
 * A compact sRGB ICC profile (version 2.1 display profile: D50-adapted sRGB primaries and the sRGB
 * tone curve sampled at 256 points), built in code so the PDF's output intent needs no profile
 * file in the bundle. About 1 KB.
 */

const D50 = [0.9642, 1.0, 0.8249] as const;
const D65 = [0.9505, 1.0, 1.089] as const;
// sRGB primaries adapted to D50 with the Bradford transform (as in the common sRGB profiles).
const RED = [0.4361, 0.2225, 0.0139] as const;
const GREEN = [0.3851, 0.7169, 0.0971] as const;
const BLUE = [0.1431, 0.0606, 0.7141] as const;

class Writer {
  bytes: number[] = [];
  u8(v: number) {
    this.bytes.push(v & 255);
  }
  u16(v: number) {
    this.u8(v >>> 8);
    this.u8(v);
  }
  u32(v: number) {
    this.u16(v >>> 16);
    this.u16(v & 0xffff);
  }
  s15f16(v: number) {
    this.u32(Math.round(v * 65536) >>> 0);
  }
  ascii(s: string) {
    for (const ch of s) this.u8(ch.charCodeAt(0));
  }
  pad4() {
    while (this.bytes.length % 4 !== 0) this.u8(0);
  }
}

function xyzTag(xyz: readonly [number, number, number]): number[] {
  const w = new Writer();
  w.ascii('XYZ ');
  w.u32(0);
  for (const v of xyz) w.s15f16(v);
  return w.bytes;
}

function textDescTag(text: string): number[] {
  const w = new Writer();
  w.ascii('desc');
  w.u32(0);
  w.u32(text.length + 1);
  w.ascii(text);
  w.u8(0);
  w.u32(0); // Unicode language code
  w.u32(0); // Unicode count
  w.u16(0); // ScriptCode code
  w.u8(0); // ScriptCode count
  for (let i = 0; i < 67; i++) w.u8(0);
  return w.bytes;
}

function textTag(text: string): number[] {
  const w = new Writer();
  w.ascii('text');
  w.u32(0);
  w.ascii(text);
  w.u8(0);
  return w.bytes;
}

function srgbCurveTag(points = 256): number[] {
  const w = new Writer();
  w.ascii('curv');
  w.u32(0);
  w.u32(points);
  for (let i = 0; i < points; i++) {
    const v = i / (points - 1);
    const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    w.u16(Math.round(linear * 65535));
  }
  return w.bytes;
}

/** The profile bytes. */
export function srgbIccProfile(): Uint8Array {
  const curve = srgbCurveTag();
  const tags: [string, number[]][] = [
    ['desc', textDescTag('sRGB IEC61966-2.1 (compact)')],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyzTag(D65)],
    ['rXYZ', xyzTag(RED)],
    ['gXYZ', xyzTag(GREEN)],
    ['bXYZ', xyzTag(BLUE)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  const headerSize = 128;
  const tableSize = 4 + tags.length * 12;
  // Lay out tag data; the three tone curves share one copy.
  const data = new Writer();
  const placed = new Map<number[], number>();
  const entries: { sig: string; offset: number; size: number }[] = [];
  for (const [sig, bytes] of tags) {
    let offset = placed.get(bytes);
    if (offset === undefined) {
      data.pad4();
      offset = headerSize + tableSize + data.bytes.length;
      placed.set(bytes, offset);
      data.bytes.push(...bytes);
    }
    entries.push({ sig, offset, size: bytes.length });
  }
  data.pad4();
  const size = headerSize + tableSize + data.bytes.length;

  const w = new Writer();
  w.u32(size);
  w.u32(0); // preferred CMM
  w.u32(0x02100000); // version 2.1
  w.ascii('mntr');
  w.ascii('RGB ');
  w.ascii('XYZ ');
  for (const v of [2024, 1, 1, 0, 0, 0]) w.u16(v);
  w.ascii('acsp');
  w.u32(0); // platform
  w.u32(0); // flags
  w.u32(0); // manufacturer
  w.u32(0); // model
  w.u32(0);
  w.u32(0); // attributes
  w.u32(0); // perceptual intent
  for (const v of D50) w.s15f16(v);
  w.u32(0); // creator
  while (w.bytes.length < headerSize) w.u8(0);
  w.u32(entries.length);
  for (const e of entries) {
    w.ascii(e.sig);
    w.u32(e.offset);
    w.u32(e.size);
  }
  w.bytes.push(...data.bytes);
  return new Uint8Array(w.bytes);
}
