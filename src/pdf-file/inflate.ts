/**
 * zlib inflate with an output limit, on the platform's DecompressionStream (browsers and Node ≥ 18),
 * so neither the fonts nor the PDF reader ship an inflate library. A stream that would grow past
 * `maxBytes` is cancelled: a small hostile stream cannot fill the memory.
 */

export class InflateError extends Error {
  constructor(
    public readonly reason: 'tooLarge' | 'corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'InflateError';
  }
}

/** Inflates zlib data (FlateDecode); throws InflateError when corrupt or larger than `maxBytes`. */
export async function inflateZlib(data: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Errors of the writing side show up on the reading side too; this only keeps them from
  // surfacing as unhandled rejections.
  const writing = writer
    .write(new Uint8Array(data))
    .then(() => writer.close())
    .catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new InflateError('tooLarge', `inflated data exceeds ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof InflateError) throw e;
    throw new InflateError('corrupt', e instanceof Error ? e.message : String(e));
  } finally {
    await writing;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** Base64 to bytes with `atob` (present in browsers and Node alike). */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Bytes to a "binary string" (one char per byte), the form jsPDF keeps files and streams in. */
export function bytesToBinaryString(bytes: Uint8Array): string {
  let s = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    s += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return s;
}
