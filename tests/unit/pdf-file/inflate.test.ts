/**
 * Compressed bombs: a 2 MB stream that would unpack to 2 GB is refused as soon as the output
 * passes the limit, without unpacking the rest, and the message says what happened.
 */
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { InflateError, inflateZlib } from '../../../src/pdf-file/inflate';
import { embeddedErrorText, readEmbeddedAssessment } from '../../../src/pdf/read-embedded';
import { verifyPdf } from '../../../src/signing/verify';
import { pdfWithAttachment, zeroBomb } from './build';

const MB = 1024 * 1024;

/** The largest resident memory seen while `run` works, above where it started. */
async function peakGrowth(run: () => Promise<unknown>): Promise<number> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await run();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - start;
}

describe('inflate with a limit', () => {
  const bomb = zeroBomb(2048);

  it('the bomb is small: 2 GB of zeros in about 2 MB', () => {
    expect(bomb.length).toBeLessThan(2.2 * MB);
  });

  it('stops a 2 MB → 2 GB bomb at the limit, without unpacking it all', async () => {
    let error: unknown;
    const growth = await peakGrowth(() =>
      inflateZlib(bomb, 64 * MB).catch((e: unknown) => {
        error = e;
      }),
    );
    expect(error).toBeInstanceOf(InflateError);
    expect((error as InflateError).reason).toBe('tooLarge');
    expect(growth).toBeLessThan(300 * MB);
  });

  it('hands the data over in small pieces, and stops handing it over at the limit', async () => {
    // Some platforms (Chromium) unpack everything one write hands them before the output can be
    // counted: no write may be large, and the input must stop soon after the limit is passed.
    const sizes: number[] = [];
    const proto = WritableStreamDefaultWriter.prototype;
    const write = proto.write;
    proto.write = function (this: WritableStreamDefaultWriter, chunk?: unknown) {
      if (chunk instanceof Uint8Array) sizes.push(chunk.byteLength);
      return write.call(this, chunk);
    };
    try {
      await expect(inflateZlib(bomb, 20 * MB)).rejects.toMatchObject({ reason: 'tooLarge' });
    } finally {
      proto.write = write;
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64 * 1024);
    // 20 MB of zeros is about 20 KB of input; far less than the 2 MB there is.
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(256 * 1024);
  });

  it('still unpacks ordinary data whole, in pieces', async () => {
    const text = 'fria-assessment '.repeat(100_000);
    const out = await inflateZlib(new Uint8Array(deflateSync(Buffer.from(text))), 64 * MB);
    expect(new TextDecoder().decode(out)).toBe(text);
    await expect(inflateZlib(new Uint8Array([0x78, 0x9c, 1, 2, 3]), MB)).rejects.toMatchObject({
      reason: 'corrupt',
    });
  });

  it('re-opening and Verify say the attachment would unpack to more than the limit', async () => {
    const pdf = pdfWithAttachment(bomb);
    const r = await readEmbeddedAssessment(pdf);
    expect(r).toMatchObject({ ok: false, error: 'unpackTooLarge' });
    expect(embeddedErrorText('unpackTooLarge', 'en')).toBe(
      'The attached assessment would unpack to more than 20.0 MB, far more than any assessment needs. It was not opened.',
    );
    const v = await verifyPdf(pdf, {});
    expect(v.assessment).toMatchObject({ state: 'unreadable', embeddedError: 'unpackTooLarge' });
  });
});
