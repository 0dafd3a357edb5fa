// Splits text into the words a reader would count: elisions apart (`l’` + `invasion`), hyphenated
// words whole, numbers marked, case kept. Scripts written without spaces go through
// `Intl.Segmenter`, and only those runs: it is about 15× slower than the regular expression.

/** What a token is: a word, a number (`2023`, `3,5`, `19e`), or an elided clitic (`l’`, `’s`). */
export type TokenKind = 'word' | 'number' | 'elision';

/**
 * What separates a token from the one before it: only spaces (or nothing), punctuation inside a
 * sentence (comma, quote, bracket, dash), or a sentence boundary (also the first token).
 */
export type Gap = 'space' | 'punct' | 'sentence';

/** One token, with its text exactly as written. */
export interface Token {
  text: string;
  kind: TokenKind;
  /** Offset of the token in the text, in UTF-16 code units. */
  index: number;
  gap: Gap;
}

// Scripts written without spaces between words; the segmenter handles these runs.
const NO_SPACE = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}ー々〆ゝゞヽヾ\u3099-\u309C`;
const WORD_CHAR = String.raw`[[\p{L}\p{M}\p{N}\u200C\u200D]--[${NO_SPACE}]]`;
const JOINER = String.raw`[\-\u2010\u2011'\u2019]`;
// Built with `new RegExp` because the `v` flag (set difference) is newer than the compile target.
const TOKEN_RE = new RegExp(
  [
    String.raw`([${NO_SPACE}]+)`,
    // Decimal and grouped numbers (3,5 · 12.03.2023 · 1 000 with a no-break space) stay whole.
    String.raw`(\p{Nd}+(?:[.,:\u00A0\u202F]\p{Nd}+)+(?!${WORD_CHAR}))`,
    String.raw`(${WORD_CHAR}+(?:${JOINER}${WORD_CHAR}+)*)`,
  ].join('|'),
  'gv',
);

const SPACED_WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}\u200C\u200D]`;
const NO_SPACE_TEST = new RegExp(`[${NO_SPACE}]`, 'u');
// The same groups as TOKEN_RE, the first never matching, for text without such scripts.
const SPACED_TOKEN_RE = new RegExp(
  [
    '((?!))',
    String.raw`(\p{Nd}+(?:[.,:\u00A0\u202F]\p{Nd}+)+(?!${SPACED_WORD_CHAR}))`,
    String.raw`(${SPACED_WORD_CHAR}+(?:${JOINER}${SPACED_WORD_CHAR}+)*)`,
  ].join('|'),
  'gu',
);

/** Heads that elide before a vowel: French, Italian, Catalan. Lower case, apostrophe excluded. */
const ELISIONS = new Set([
  'l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'ç', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu',
  'dell', 'dall', 'nell', 'sull', 'all', 'coll', 'pell', 'un', 'quest', 'quell', 'sant', 'tutt',
]);

// A period after these does not end a sentence (`M. Poutine`, `Dr. Smith`).
const ABBREVIATIONS = new Set([
  'M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Mgr', 'Me', 'Dr', 'Pr', 'Mr', 'Mrs', 'Ms', 'Prof', 'St', 'Ste',
  'Jr', 'Sr', 'Gen', 'Gén', 'Col', 'Lt', 'Sgt', 'Gov', 'Sen', 'Rep', 'Hr', 'Fr', 'Nr', 'No', 'cf', 'vs',
]);

const LOWER_AT = /\p{Ll}/uy;
const NUMBER_AT = /\p{N}/uy;
const HAS_LETTER = /\p{L}/u;
// `19e`, `1er`, `3rd`, `1990s`, `5km`: a number with a short lower-case suffix is still a number.
const NUMBER_WITH_SUFFIX = /^\p{N}+[\p{Ll}]{0,3}$/u;

let segmenter: Intl.Segmenter | undefined;
const SEGMENT_CHUNK = 2000;

/** Receives each token as offsets into the text, with its kind and the gap before it. */
export type Emit = (start: number, end: number, kind: TokenKind, gap: Gap) => void;

/**
 * Walks the text and reports each token as offsets, without building strings: the core of
 * {@link tokenize}, {@link countWords} and {@link countSentences}.
 */
export function scanTokens(text: string, emit: Emit): void {
  // Most texts hold no script written without spaces: a simpler expression then does the same.
  const re = new RegExp(NO_SPACE_TEST.test(text) ? TOKEN_RE : SPACED_TOKEN_RE);
  let prevEnd = 0;
  let prevStart = -1;
  let first = true;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    let gap: Gap = first ? 'sentence' : classifyGap(text, prevStart, prevEnd, start);
    first = false;
    if (m[1] !== undefined) {
      gap = segmentRun(text, start, m[1], gap, emit);
    } else if (m[2] !== undefined) {
      emit(start, start + m[2].length, 'number', gap);
    } else if (m[3] !== undefined) {
      emitWord(text, start, start + m[3].length, gap, emit);
    }
    prevStart = start;
    prevEnd = re.lastIndex;
  }
}

/** Splits a word match into elided heads, the word itself and an English possessive `’s`. */
function emitWord(text: string, start: number, end: number, gap: Gap, emit: Emit): void {
  let s = start;
  for (;;) {
    const apos = findApostrophe(text, s, end);
    if (apos < 0 || !ELISIONS.has(text.slice(s, apos).toLowerCase())) break;
    emit(s, apos + 1, 'elision', gap);
    gap = 'space';
    s = apos + 1;
  }
  // `Russia’s` → `Russia` + `’s`; other contractions (`don't`, `we're`) stay whole.
  const c2 = text.charCodeAt(end - 2);
  const c1 = text.charCodeAt(end - 1);
  if (end - s > 2 && (c2 === 0x27 || c2 === 0x2019) && (c1 === 0x73 || c1 === 0x53)) {
    emit(s, end - 2, classify(text, s, end - 2), gap);
    emit(end - 2, end, 'elision', 'space');
    return;
  }
  emit(s, end, classify(text, s, end), gap);
}

function findApostrophe(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 || c === 0x2019) return i;
  }
  return -1;
}

function classify(text: string, start: number, end: number): TokenKind {
  const c = text.charCodeAt(start);
  if (c < 0x80 ? c < 0x30 || c > 0x39 : !(NUMBER_AT.lastIndex = start, NUMBER_AT.test(text))) {
    return 'word';
  }
  const t = text.slice(start, end);
  return !HAS_LETTER.test(t) || NUMBER_WITH_SUFFIX.test(t) ? 'number' : 'word';
}

/** Reads the text between two tokens: a sentence ends at `. ! ? …` followed by a space, or at a line break. */
function classifyGap(text: string, prevStart: number, from: number, to: number): Gap {
  if (from === to) return 'space';
  let terminal = 0;
  let punct = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2029) return 'sentence';
    if (c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f) {
      if (terminal !== 0) return endsSentence(text, prevStart, from, to, terminal) ? 'sentence' : 'punct';
      continue;
    }
    punct = true;
    // Full stops of scripts written without spaces need no space after them.
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff0e) return 'sentence';
    // . ! ? … and their Arabic and Devanagari forms
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x061f || c === 0x0964 || c === 0x0965) {
      terminal = c;
    }
  }
  return punct ? 'punct' : 'space';
}

function endsSentence(text: string, prevStart: number, prevEnd: number, next: number, terminal: number): boolean {
  if (terminal !== 0x2e) return true;
  // `etc. et`: a period followed by a lower-case word is an abbreviation, not an end.
  LOWER_AT.lastIndex = next;
  if (LOWER_AT.test(text)) return false;
  if (text.charCodeAt(prevEnd) !== 0x2e) return true;
  const prev = text.slice(prevStart, prevEnd);
  return !(ABBREVIATIONS.has(prev) || (prev.length === 1 && prev !== prev.toLowerCase()));
}

/** Cuts a run of a script without spaces into words with the segmenter; returns the gap to carry on. */
function segmentRun(text: string, start: number, run: string, gap: Gap, emit: Emit): Gap {
  // The segmenter's time grows with the square of its input (160 000 characters: 27 s), so a
  // long run goes in pieces; a word cut at a seam is the price.
  for (let from = 0; from < run.length; ) {
    let to = Math.min(run.length, from + SEGMENT_CHUNK);
    const c = run.charCodeAt(to - 1);
    if (to < run.length && c >= 0xd800 && c <= 0xdbff) to++;
    gap = segmentPiece(text, start + from, run.slice(from, to), gap, emit);
    from = to;
  }
  return gap;
}

function segmentPiece(text: string, start: number, run: string, gap: Gap, emit: Emit): Gap {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  for (const seg of segmenter.segment(run)) {
    if (seg.isWordLike) {
      const s = start + seg.index;
      emit(s, s + seg.segment.length, classify(text, s, s + seg.segment.length), gap);
      gap = 'space';
    } else if (/[。！？]/u.test(seg.segment)) {
      gap = 'sentence';
    } else if (!/^\s*$/u.test(seg.segment)) {
      gap = gap === 'sentence' ? gap : 'punct';
    }
  }
  return gap;
}

/**
 * Splits text into tokens: words (case kept, hyphenated words whole), numbers, and elided
 * clitics (`l’`, `qu’`, `dell’`, English possessive `’s`) as separate `elision` tokens.
 * Punctuation, symbols and emoji are dropped; each token records the gap before it.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scanTokens(text, (start, end, kind, gap) => {
    out.push({ text: text.slice(start, end), kind, index: start, gap });
  });
  return out;
}

/**
 * Counts the words of a text as {@link tokenize} sees them: words and numbers, with an elided
 * clitic counted with its word (`l’invasion` is one word, as a word processor counts it).
 */
export function countWords(text: string): number {
  let n = 0;
  scanTokens(text, (_s, _e, kind) => {
    if (kind !== 'elision') n++;
  });
  return n;
}

/** {@link countWords} and {@link countSentences} in one scan of the text. */
export function countWordsAndSentences(text: string): { words: number; sentences: number } {
  let words = 0;
  let sentences = 0;
  scanTokens(text, (_s, _e, kind, gap) => {
    if (kind !== 'elision') words++;
    if (gap === 'sentence') sentences++;
  });
  return { words, sentences };
}

/**
 * Counts sentences as {@link tokenize} delimits them: ended by `. ! ? …` before a space (not after
 * `M.` or an initial), or by a line break, so a headline line is a sentence of its own.
 */
export function countSentences(text: string): number {
  let n = 0;
  scanTokens(text, (_s, _e, _k, gap) => {
    if (gap === 'sentence') n++;
  });
  return n;
}
