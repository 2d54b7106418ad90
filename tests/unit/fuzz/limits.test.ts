/**
 * src/core/files/limits.ts: one table of file-size gates, the same numbers the readers use inside, and a
 * refusal that explains itself in Dutch and English.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FILE_LIMITS, fileSizeProblem, type FileKind } from '../../../src/core/files/limits';
import { DEFAULT_LIMITS, problemText } from '../../../src/core/files/safe-json';
import { MAX_QUESTIONNAIRE_BYTES } from '../../../src/ui/start/questionnaire-file';
import { EMBEDDED_LIMITS } from '../../../src/pdf/read-embedded';
import { expectExplained } from './mutate';

describe('file-size limits', () => {
  it('match the limits the readers apply inside', () => {
    expect(FILE_LIMITS.questionnaire).toBe(MAX_QUESTIONNAIRE_BYTES);
    expect(FILE_LIMITS.assessment).toBe(DEFAULT_LIMITS.maxBytes);
    expect(FILE_LIMITS.pdf).toBe(EMBEDDED_LIMITS.maxPdfBytes);
  });

  it('let through every size up to the limit and refuse every size above it, with a message', () => {
    const kinds = Object.keys(FILE_LIMITS) as FileKind[];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.nat({ max: 300 * 1024 * 1024 }), (kind, size) => {
        const p = fileSizeProblem(kind, size);
        if (size <= FILE_LIMITS[kind]) expect(p).toBeNull();
        else {
          expect(p?.code).toBe('tooLarge');
          expectExplained([p!]);
        }
      }),
      { numRuns: 2000 },
    );
    expect(problemText(fileSizeProblem('pdf', 300 * 1024 * 1024)!, 'nl')).toBe(
      'Het bestand is te groot (300,0 MB); de grens is 200,0 MB.',
    );
  });
});
