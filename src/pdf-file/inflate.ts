/**
 * zlib inflate with an output limit, on the platform's DecompressionStream (browsers and Node ≥ 18),
 * so neither the fonts nor the PDF reader ship an inflate library. The input goes in small pieces
 * and the output is counted as it comes: as soon as it passes `maxBytes` everything stops. Handing
 * the stream all input at once would let it unpack the whole of a small hostile stream (2 MB of
 * input can unpack to 2 GB) before the limit is ever looked at.
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

/**
 * Input bytes handed over at a time. Deflate unpacks at most about 1032 bytes per input byte, so
 * one piece can never produce more than about 8 MB before the count is checked.
 */
const INPUT_PIECE = 8 * 1024;

/** Inflates zlib data (FlateDecode); throws InflateError when corrupt or larger than `maxBytes`. */
export async function inflateZlib(data: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stop = false;
  // Errors of the writing side show up on the reading side too; this only keeps them from
  // surfacing as unhandled rejections.
  const writing = (async () => {
    for (let at = 0; at < data.length && !stop; at += INPUT_PIECE) {
      await writer.ready;
      if (stop) return;
      await writer.write(data.slice(at, Math.min(data.length, at + INPUT_PIECE)));
    }
    if (!stop) await writer.close();
  })().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        stop = true;
        chunks.length = 0;
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
        throw new InflateError('tooLarge', `inflated data exceeds ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (e) {
    stop = true;
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
