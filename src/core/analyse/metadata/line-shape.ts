// The shape of a line, cheaply: is it prose (a paragraph of the body), could it be a headline,
// and a folded form for comparing lines. Every extractor decides from these. Shapes hold in every
// script: no letter case is required, and the punctuation of each script counts (docs/spec.md §3).

import { countWords } from '../../stats/tokenize.js';

// How a sentence or clause ends, in the scripts of the news read: Latin and Cyrillic `.`, the
// ideographic and full-width stops (`。！？．，、`), the Devanagari danda (`।`), the Arabic comma,
// semicolon, question mark and full stop (`،؛؟۔`), and the Armenian, Ethiopic, Myanmar and Khmer
// full stops; closing quotes and brackets of CJK text too.
const SENTENCE_END = /[.!?…;:,»"”’)\]。！？｡．，、।॥،؛؟۔։።။។」』）]$/u;
const TITLE_BAD_END = /[.,;:\-–—/。｡．，、।॥،؛۔։።။។]$/u;
/** A question or an exclamation, which a headline may be. */
const ASKS = /[?!？！؟]$/u;
// A headline opens with a capital or a digit where the script has letter case, and with any
// letter where it has none (Han, kana, Hangul, Arabic, Hebrew, Thai, Devanagari: `\p{Lo}`; the
// Georgian letters, which Unicode files as lower case), or with an opening quote or bracket.
const TITLE_START = /^[\p{Lu}\p{Lt}\p{Lo}\p{sc=Georgian}\p{N}"“«‘'¿¡(「『【《〈（［„‹]/u;
// Scripts written without spaces between words: their lines are counted with the segmenter.
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

/**
 * Number of words a reader sees in a line: whitespace-separated words, or, in a line holding
 * a script written without spaces (Chinese, Japanese, Thai…), the words the segmenter finds
 * (tokenize.ts): a Chinese headline is one "word" between spaces, but ten to read.
 *
 * @param line A trimmed line.
 */
export function lineWords(line: string): number {
  return UNSPACED.test(line) ? countWords(line) : wordCount(line);
}

/** Whether the line holds a script written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar). */
export function isUnspaced(line: string): boolean {
  return UNSPACED.test(line);
}

/** Number of whitespace-separated words. */
export function wordCount(line: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i += 1) {
    const space = line.charCodeAt(i) <= 32 || line.charCodeAt(i) === 0xa0;
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}

/**
 * A paragraph of the body: a sentence (four words or more ending like one), or a line too long to
 * be a headline or a label.
 *
 * @param line A trimmed, non-empty line.
 */
export function isProse(line: string): boolean {
  if (line.length > 160) return true;
  const words = lineWords(line);
  if (words > 22) return true;
  // A short question or exclamation is as often a headline as a sentence: not prose by shape.
  if (ASKS.test(line)) return words > 12;
  return words >= 4 && SENTENCE_END.test(line) && !line.endsWith('...');
}

/**
 * Could be a headline: short, opens like a heading (a capital where the script has case), does
 * not end like a clause in its script. Question and exclamation marks are fine ("Will Minsk join
 * the war?", `大阪万博は成功するか？`).
 *
 * @param line A trimmed, non-empty line.
 */
export function isHeadlineShape(line: string): boolean {
  if (line.length > 160 || !TITLE_START.test(line) || TITLE_BAD_END.test(line)) return false;
  const words = lineWords(line);
  if (words > 22) return false;
  return !(/[.;:,]$/u.test(line) || (words >= 4 && /[…]$/u.test(line)));
}

/** Lower case, no diacritics, letters and digits only, single spaces: for comparing lines. */
export function foldLine(line: string): string {
  let folded = line.toLowerCase();
  // Decomposing is the costly step, and most metadata lines need none: plain ASCII, or letters
  // (Cyrillic, Han, most Arabic) that decompose to themselves and are no marks.
  if (!isFoldStable(folded)) folded = folded.normalize('NFD').replace(/\p{M}/gu, '');
  return lettersAndDigits(folded);
}

/**
 * Whether decomposing the text and dropping its marks would leave it as it is: every UTF-16
 * unit is its own decomposition and no mark. (A text of such characters holds no combining
 * marks, so canonical reordering has nothing to move.) Surrogates are never taken as stable.
 */
export function isFoldStable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && (foldClass(c) & FOLD_STABLE) === 0) return false;
  }
  return true;
}

/**
 * The runs of letters and digits of the text, joined by single spaces: what replacing every
 * run of other characters by a space and trimming gives, without a regular expression.
 */
export function lettersAndDigits(text: string): string {
  let out = '';
  let start = -1;
  for (let i = 0; i <= text.length;) {
    let cp = -1;
    let keep = false;
    if (i < text.length) {
      cp = text.codePointAt(i) as number;
      keep = cp < 0x10000 ? (foldClass(cp) & LETTER_OR_DIGIT) !== 0 : IS_LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
    }
    if (keep && start < 0) start = i;
    else if (!keep && start >= 0) {
      out = out === '' ? text.slice(start, i) : `${out} ${text.slice(start, i)}`;
      start = -1;
    }
    i += cp >= 0x10000 ? 2 : 1;
  }
  return out;
}

// Per BMP unit, filled as characters are met: known, stable under folding, letter or digit.
const FOLD_KNOWN = 1;
const FOLD_STABLE = 2;
const LETTER_OR_DIGIT = 4;
const IS_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const foldClasses = new Uint8Array(0x10000);

function foldClass(c: number): number {
  let k = foldClasses[c] as number;
  if (k === 0) foldClasses[c] = k = computeFoldClass(c);
  return k;
}

function computeFoldClass(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return FOLD_KNOWN;
  const ch = String.fromCharCode(c);
  const stable = ch.normalize('NFD') === ch && !/\p{M}/u.test(ch);
  return FOLD_KNOWN | (stable ? FOLD_STABLE : 0) | (IS_LETTER_OR_DIGIT.test(ch) ? LETTER_OR_DIGIT : 0);
}

/** Letters and digits only, lower case, no diacritics: "La Gazette" and "Lagazette" meet here. */
export function compactKey(text: string): string {
  return foldLine(text).replace(/ /g, '');
}

/** Each word capitalised (or a digit, or a small particle such as "de", "la", "of"). */
export function isNameLike(text: string, maxWords: number): boolean {
  const words = text.trim().split(/\s+/u);
  if (words.length === 0 || words.length > maxWords || words[0] === '') return false;
  // A particle may open a name ("de Volkskrant") as long as a capitalised word follows it.
  if (!words.some((word) => /^[\p{Lu}\p{N}]/u.test(word))) return false;
  return words.every(
    (word) =>
      /^[\p{Lu}\p{N}'’"«“(]/u.test(word) || PARTICLES.has(word.toLowerCase()) || /^[a-z]+\.[a-z]{2,}$/u.test(word),
  );
}

const PARTICLES = new Set(
  'de la le les du des of the and & y e i und der die das el los las il lo di del della dei da do dos das van het den voor für för dla o a an og och'.split(
    ' ',
  ),
);
