import { describe, expect, it } from 'vitest';
import { formatSize } from '../../../src/core/texts/format-size';
import { formatDay, formatMoment, formatTime } from '../../../src/core/texts/format';
import { formatMessage } from '../../../src/core/texts/messages';
import { fileSizeProblem, problemText } from '../../../src/core/files';

describe('formatSize', () => {
  it('writes sizes as people read them, up to gigabytes', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(4 * 1024)).toBe('4 KB');
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatSize(21 * 1024 * 1024)).toBe('21.0 MB');
    // The browser's storage quota: "10.0 GB", not "10240.0 MB".
    expect(formatSize(10 * 1024 ** 3)).toBe('10.0 GB');
    expect(formatSize(2.25 * 1024 ** 3)).toBe('2.3 GB');
  });

  it('writes a decimal comma in Dutch: "10,0 GB"', () => {
    expect(formatSize(10 * 1024 ** 3, 'nl')).toBe('10,0 GB');
    expect(formatSize(1.5 * 1024 * 1024, 'nl')).toBe('1,5 MB');
    expect(formatSize(10 * 1024 ** 3, 'en')).toBe('10.0 GB');
  });

  it('writes exactly what Intl writes, also where it does the work itself (Dutch and English)', () => {
    for (const locale of ['nl', 'en']) {
      const intl = new Intl.NumberFormat(locale, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      });
      for (let i = 0; i < 1_022_000; i += 37) {
        const n = 1 + i / 1000;
        expect(formatSize(n * 1024 * 1024, locale)).toBe(`${intl.format(n)} MB`);
      }
    }
  });

  it('the "too large" file problem writes sizes in the reader’s language', () => {
    const p = fileSizeProblem('assessment', 21.5 * 1024 * 1024);
    expect(p).not.toBeNull();
    expect(problemText(p!, 'nl')).toMatch(/\(21,5 MB\).*20,0 MB/);
    expect(problemText(p!, 'en')).toMatch(/\(21\.5 MB\).*20\.0 MB/);
    expect(formatMessage('tooLarge', { size: 2048, limit: 1024 ** 3 }, 'nl')).toContain('1,0 GB');
  });
});

describe('dates and moments', () => {
  it('a calendar date reads "7 december 2026" in Dutch and "7 December 2026" in English', () => {
    expect(formatDay('2026-12-07', 'nl')).toBe('7 december 2026');
    expect(formatDay('2026-12-07', 'en')).toBe('7 December 2026');
    expect(formatDay('not a date', 'nl')).toBe('not a date');
  });

  it('moments and times use the same shared formatters, in the given time zone', () => {
    const iso = '2026-12-07T13:05:00.000Z';
    expect(formatMoment(iso, 'nl', 'Europe/Amsterdam')).toMatch(/^7 december 2026.*14:05$/);
    expect(formatMoment(iso, 'en', 'UTC')).toMatch(/^7 December 2026.*13:05$/);
    // An unknown time zone falls back to UTC instead of failing.
    expect(formatMoment(iso, 'en', 'Nowhere/Else')).toMatch(/13:05$/);
    expect(formatMoment(iso, 'nl', 'UTC', 'short')).toMatch(/7 dec.*2026.*13:05/);
    expect(formatTime(iso, 'en')).toMatch(/^\d\d:05$/);
    expect(formatMoment('', 'nl')).toBe('');
  });
});
