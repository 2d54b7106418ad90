/**
 * Line breaking in table cells, with a measure of one unit per character so every expectation
 * can be counted by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  SOFT_HYPHEN as SH,
  breakWord,
  fitRunningHeader,
  wrapLine,
  wrapText,
} from '../../../src/pdf/wrap';

const chars = (s: string) => [...s].length;

describe('wrapLine', () => {
  it('breaks at spaces and never inside a word that fits on a line', () => {
    // Width 18: "Digitale autonomie" is 18, "en afhankelijkheden" is 19.
    expect(wrapLine('Digitale autonomie en afhankelijkheden', 18, chars)).toEqual([
      'Digitale autonomie',
      'en',
      'afhankelijkheden',
    ]);
    expect(wrapLine('Digitale autonomie en afhankelijkheden', 16, chars)).toEqual([
      'Digitale',
      'autonomie en',
      'afhankelijkheden',
    ]);
  });

  it('keeps a short text whole, collapses runs of spaces, and gives one empty line for none', () => {
    expect(wrapLine('Hoog', 10, chars)).toEqual(['Hoog']);
    expect(wrapLine('a  b', 10, chars)).toEqual(['a b']);
    expect(wrapLine('', 10, chars)).toEqual(['']);
  });

  it('hyphenates only a word wider than the column, between syllables, with a soft hyphen', () => {
    // 16 letters in 10: af|han|ke|lijk|he|den; "afhanke" + hyphen is 8, "afhankelijk" is too long.
    expect(wrapLine('Digitale afhankelijkheden', 10, chars)).toEqual([
      'Digitale',
      `afhanke${SH}`,
      'lijkheden',
    ]);
  });

  it('wraps every paragraph of a cell on its own', () => {
    expect(wrapText(['R1 titel', 'Digitale autonomie'], 9, chars)).toEqual([
      'R1 titel',
      'Digitale',
      'autonomie',
    ]);
    expect(wrapText('a b\nc', 1, chars)).toEqual(['a', 'b', 'c']);
  });
});

describe('breakWord', () => {
  it('prefers a hyphen or slash the word already has', () => {
    // Width 6: "AI-" (3) rather than "AI-ve-" (6), which is hardly longer.
    expect(breakWord('AI-verordening', 6, chars)).toEqual(['AI-', `veror${SH}`, 'dening']);
    expect(breakWord('example.org/path/to', 13, chars)).toEqual(['example.org/', 'path/to']);
  });

  it('keeps letter pairs that spell one sound together', () => {
    // li|cha|me|lijk: not "lic-hamelijk" or "lich-amelijk".
    expect(breakWord('lichamelijk', 5, chars)).toEqual([`li${SH}`, `cha${SH}`, `me${SH}`, 'lijk']);
  });

  it('cuts where it must when no syllable break fits, with a hyphen only between letters', () => {
    // A 64-digit hash has no syllables: plain cuts, no hyphen inside a number.
    const hash = '0123456789'.repeat(3);
    expect(breakWord(hash, 12, chars)).toEqual(['012345678901', '234567890123', '456789']);
    // Letters without vowels: cut with a hyphen.
    expect(breakWord('bcdfghjklm', 5, chars)).toEqual([`bcdf${SH}`, `ghjk${SH}`, 'lm']);
  });

  it('always makes progress, even in a column narrower than one letter', () => {
    expect(breakWord('abc', 0.5, chars)).toEqual([`a${SH}`, `b${SH}`, 'c']);
  });
});

describe('fitRunningHeader', () => {
  it('keeps the whole line when it fits', () => {
    // "Quick scan · Toeslagen" is 22 characters.
    expect(fitRunningHeader('Quick scan', 'Toeslagen', 22, chars)).toBe('Quick scan · Toeslagen');
  });

  it('shortens the title at a space, with an ellipsis, and keeps the system name whole', () => {
    const title = 'Impact assessment for automated decisions';
    // Whole: 41 + 3 + 9 = 53. At 30: "Impact assessment…" (18) + " · Toeslagen" (12) = 30.
    expect(fitRunningHeader(title, 'Toeslagen', 30, chars)).toBe('Impact assessment… · Toeslagen');
    expect(fitRunningHeader(title, 'Toeslagen', 29, chars)).toBe('Impact… · Toeslagen');
  });

  it('drops punctuation before the ellipsis', () => {
    // "FRIA:…" would read oddly; "FRIA… · X" is 9 characters.
    expect(fitRunningHeader('FRIA: full assessment', 'X', 12, chars)).toBe('FRIA… · X');
  });

  it('shows the system name alone, shortened if it must be, when no word of the title fits', () => {
    expect(fitRunningHeader('Assessment', 'Toeslagen', 12, chars)).toBe('Toeslagen');
    expect(fitRunningHeader('Assessment', 'Risicoscan Toeslagen', 8, chars)).toBe('Risicos…');
  });
});
