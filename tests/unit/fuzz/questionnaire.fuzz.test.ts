/**
 * Fuzzing the questionnaire validator (the path a questionnaire file from another organisation takes:
 * safe parse → zod schema → semantic rules). Thousands of generated and mutated inputs: it never
 * throws, every rejection is explained in Dutch and English, hostile keys never reach a prototype,
 * and deep nesting or huge input is refused with its own message.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  validateQuestionnaire,
  validateQuestionnaireText,
} from '../../../src/core/questionnaire/validate';
import { DEFAULT_LIMITS, problemText } from '../../../src/core/files/safe-json';
import {
  applyEdits,
  applyTextEdits,
  editArb,
  expectExplained,
  expectNoPollution,
  jsonArb,
  textEditArb,
  type Json,
} from './mutate';

const mini = JSON.parse(readFileSync('tests/fixtures/mini-questionnaire.json', 'utf8')) as Json;
const core = JSON.parse(
  readFileSync('questionnaires/fria-core/questionnaire.json', 'utf8'),
) as Json;

function check(text: string): void {
  const r = validateQuestionnaireText(text);
  if (!r.valid) expectExplained(r.problems);
  else expect(typeof r.questionnaire.id).toBe('string');
  expectNoPollution();
}

describe('questionnaire validator under fuzzing', { timeout: 120_000 }, () => {
  it('starts from valid files (else the mutations below prove little)', () => {
    expect(validateQuestionnaireText(JSON.stringify(mini)).valid).toBe(true);
    expect(validateQuestionnaireText(JSON.stringify(core)).valid).toBe(true);
  });

  it('any JSON value at all: never throws, always explained', () => {
    fc.assert(
      fc.property(jsonArb, (v) => {
        const r = validateQuestionnaire(v);
        expect(r.valid).toBe(false);
        if (!r.valid) expectExplained(r.problems);
      }),
      { numRuns: 2000 },
    );
  });

  it('a type field holding {"toString": 0} is explained, not a crash (found by the fuzzer, seed -62136192)', () => {
    check(
      JSON.stringify(
        applyEdits(mini, [
          { op: 'emptyContainer', at: 2147418094 },
          { op: 'set', at: 226744287, value: { toString: 0 } },
        ] as Parameters<typeof applyEdits>[1]),
      ),
    );
  });

  it('structure-aware mutations of the mini questionnaire (3000 runs)', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 6 }), (edits) => {
        check(JSON.stringify(applyEdits(mini, edits)));
      }),
      { numRuns: 3000 },
    );
  });

  it('structure-aware mutations of the built-in FRIA core questionnaire (400 runs)', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 4 }), (edits) => {
        check(JSON.stringify(applyEdits(core, edits)));
      }),
      { numRuns: 400 },
    );
  });

  it('structure-blind text mutations (cut, insert, delete, repeat; 3000 runs)', () => {
    const text = JSON.stringify(mini, null, 2);
    fc.assert(
      fc.property(fc.array(textEditArb, { minLength: 1, maxLength: 5 }), (edits) => {
        check(applyTextEdits(text, edits));
      }),
      { numRuns: 3000 },
    );
  });

  it('prototype keys anywhere are inert: dropped, never applied', () => {
    const hostile = JSON.stringify(mini).replace(
      '"id":"mini"',
      '"__proto__":{"polluted":true,"isAdmin":true},"constructor":{"prototype":{"polluted":true}},"id":"mini"',
    );
    const r = validateQuestionnaireText(hostile);
    expectNoPollution();
    expect(r.valid).toBe(true);
    if (r.valid) {
      expect(Object.prototype.hasOwnProperty.call(r.questionnaire, '__proto__')).toBe(false);
      expect(Object.getPrototypeOf(r.questionnaire)).toBe(Object.prototype);
      expect((r.questionnaire as unknown as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('deep nesting is refused before parsing, with its own message', () => {
    for (const depth of [DEFAULT_LIMITS.maxDepth + 1, 10_000, 1_000_000]) {
      for (const open of ['[', '{"a":']) {
        const r = validateQuestionnaireText(open.repeat(depth));
        expect(r.valid).toBe(false);
        if (r.valid) continue;
        expect(r.problems.map((p) => p.code)).toEqual(['tooDeep']);
        expectExplained(r.problems);
        expect(problemText(r.problems[0]!, 'nl')).toMatch(/te diep genest/);
      }
    }
  });

  it('huge input is refused with its own message; a huge text in a field is named by its path', () => {
    const big = 'x'.repeat(DEFAULT_LIMITS.maxBytes + 1);
    const r1 = validateQuestionnaireText(big);
    expect(!r1.valid && r1.problems[0]!.code).toBe('tooLarge');
    if (!r1.valid) expectExplained(r1.problems);

    const q = structuredClone(mini) as { title: { nl: string } };
    q.title.nl = 'y'.repeat(2_000_000);
    const r2 = validateQuestionnaireText(JSON.stringify(q));
    expect(r2.valid).toBe(false);
    if (!r2.valid) {
      expectExplained(r2.problems);
      expect(r2.problems.some((p) => p.path === 'title.nl')).toBe(true);
    }
  });

  it('a file saved with a byte-order mark (Windows Notepad) is read like any other', () => {
    expect(validateQuestionnaireText(`\uFEFF${JSON.stringify(mini)}`).valid).toBe(true);
  });
});
