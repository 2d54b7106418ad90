/**
 * Line breaking for table cells: at spaces, and only when a single word is wider than its column,
 * inside the word — after a hyphen or slash it already has, else between syllables, else wherever
 * it must. jsPDF's own splitTextToSize cuts a long word at any letter without a mark, which turned
 * "afhankelijkheden" into "af" + "hankelijkheden".
 *
 * A break inside a word is marked with a soft hyphen (U+00AD): the font draws it as a hyphen, and
 * text extraction can tell it from a hyphen that belongs to the word.
 */

export const SOFT_HYPHEN = '\u00ad';

/** Measures the width of a string in the current font, in the unit of `width`. */
export type Measure = (text: string) => number;

const LETTER = /\p{L}/u;
// Vowels of the report's languages and scripts (y counts as one: "vrij-heid" is not helped by it,
// but "sys-teem" is).
const VOWEL =
  /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿāăąēėęěīįıōőœūůűųαεηιουωάέήίόύώϊϋΐΰаеёиоуыэюяіїєѣ]/iu;
// Letter pairs that spell one sound and must stay together ("li-cha-me-lijk", not "lic-hamelijk").
const DIGRAPHS = new Set(['ch', 'ck', 'gh', 'ph', 'sh', 'th', 'qu', 'sz', 'cz', 'rz', 'dz']);

const isLetter = (c: string | undefined) => c !== undefined && LETTER.test(c);
const isVowel = (c: string | undefined) => c !== undefined && VOWEL.test(c);
const isConsonant = (c: string | undefined) => isLetter(c) && !isVowel(c);

/**
 * Where a word may be hyphenated: before a consonant that starts a syllable (consonant followed by
 * a vowel), keeping at least two letters on each side. A rough rule, good enough as a last resort
 * for Dutch, English and their neighbours: "af|han|ke|lijk|he|den".
 */
function syllableBreaks(word: string): number[] {
  const chars = [...word];
  const out: number[] = [];
  for (let p = 2; p <= chars.length - 2; p++) {
    const before = chars[p - 1];
    const at = chars[p];
    // A pair such as "ch" counts as one consonant: "li|cha", never "lic|ha".
    const pair = DIGRAPHS.has(`${at}${chars[p + 1]}`.toLowerCase());
    const next = pair ? chars[p + 2] : chars[p + 1];
    if (!isLetter(before) || !isConsonant(at) || !isVowel(next)) continue;
    if (DIGRAPHS.has(`${before}${at}`.toLowerCase())) continue;
    // The piece before the break must hold a vowel, or it is not a syllable ("sch-").
    if (!chars.slice(0, p).some((c) => isVowel(c))) continue;
    out.push(p);
  }
  return out;
}

/** Positions just after a hyphen, slash, dot or similar that the word already contains. */
function givenBreaks(word: string): number[] {
  const chars = [...word];
  const out: number[] = [];
  for (let p = 1; p < chars.length; p++) {
    if (/[-‐–—/\\_.,:;|]/u.test(chars[p - 1]!) && chars[p - 1] !== chars[p]) out.push(p);
  }
  return out;
}

/**
 * Breaks one word that is wider than `width` into pieces that fit. Prefers the last break that
 * fits, in this order: a break the word already has, a syllable break, any character.
 */
export function breakWord(word: string, width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let rest = [...word];
  while (rest.length > 0 && measure(rest.join('')) > width) {
    const text = rest.join('');
    const fits = (p: number, mark: string) => measure(rest.slice(0, p).join('') + mark) <= width;
    const given = givenBreaks(text).filter((p) => fits(p, ''));
    const syllable = syllableBreaks(text).filter((p) => fits(p, SOFT_HYPHEN));
    let cut: number;
    let mark = '';
    // A given break must not leave a much shorter line than a syllable break would.
    const g = given.at(-1) ?? 0;
    const s = syllable.at(-1) ?? 0;
    if (g > 0 && g >= s - 2) cut = g;
    else if (s > 0) {
      cut = s;
      mark = SOFT_HYPHEN;
    } else {
      // Nothing better: as many characters as fit, with a hyphen between two letters.
      cut = 1;
      while (cut < rest.length - 1 && fits(cut + 1, SOFT_HYPHEN)) cut++;
      mark = isLetter(rest[cut - 1]) && isLetter(rest[cut]) ? SOFT_HYPHEN : '';
      if (mark === '' && cut < rest.length - 1 && fits(cut + 1, '')) {
        while (cut < rest.length - 1 && fits(cut + 1, '')) cut++;
      }
    }
    pieces.push(rest.slice(0, cut).join('') + mark);
    rest = rest.slice(cut);
  }
  if (rest.length > 0) pieces.push(rest.join(''));
  return pieces;
}

/** Wraps one line of text (no newlines) to `width`, breaking inside a word only when it must. */
export function wrapLine(line: string, width: number, measure: Measure): string[] {
  const words = line.split(/ +/).filter((w) => w !== '');
  if (words.length === 0) return [''];
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (measure(candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current !== '') out.push(current);
    if (measure(word) <= width) {
      current = word;
      continue;
    }
    const pieces = breakWord(word, width, measure);
    out.push(...pieces.slice(0, -1));
    current = pieces.at(-1) ?? '';
  }
  out.push(current);
  return out;
}

/** Wraps text with line breaks, paragraph by paragraph. */
export function wrapText(text: string | string[], width: number, measure: Measure): string[] {
  const lines = Array.isArray(text) ? text : text.split('\n');
  return lines.flatMap((line) => wrapLine(line, width, measure));
}

export const ELLIPSIS = '…';

/** The longest start of `text` (whole characters) that fits `width` with an ellipsis after it. */
function cutToFit(text: string, width: number, measure: Measure): string {
  const chars = [...text];
  for (let n = chars.length - 1; n > 0; n--) {
    const cut = `${chars.slice(0, n).join('').trimEnd()}${ELLIPSIS}`;
    if (measure(cut) <= width) return cut;
  }
  return ELLIPSIS;
}

/**
 * The running header on one line: "<report title> · <system>". The title follows the questionnaire
 * and can be long (the AIA-style one has 66 characters), so when the line is too wide the title is
 * shortened first, at a space, with an ellipsis — the system name says which assessment a loose
 * page belongs to. Only when not even one word of the title fits beside it is the system name
 * shown alone, shortened if it must be.
 */
export function fitRunningHeader(
  title: string,
  system: string,
  width: number,
  measure: Measure,
): string {
  const full = `${title} · ${system}`;
  if (measure(full) <= width) return full;
  const words = title.split(/ +/).filter((w) => w !== '');
  for (let n = words.length - 1; n > 0; n--) {
    // Trailing punctuation reads oddly before an ellipsis ("FRIA:…").
    const start = words
      .slice(0, n)
      .join(' ')
      .replace(/[\s:;,.–—-]+$/u, '');
    const line = `${start}${ELLIPSIS} · ${system}`;
    if (start !== '' && measure(line) <= width) return line;
  }
  return measure(system) <= width ? system : cutToFit(system, width, measure);
}
