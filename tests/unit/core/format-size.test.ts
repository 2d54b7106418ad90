import { describe, expect, it } from 'vitest';
import { formatSize } from '../../../src/core/texts/format-size';

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
});
