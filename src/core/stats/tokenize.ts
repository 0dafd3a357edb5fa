// Splits text into the words a reader would count: elisions apart (`l’` + `invasion`), hyphenated
// words whole, numbers marked, case kept. Scripts written without spaces go through
// `Intl.Segmenter`, and only those runs: it is far slower than the scanner here.

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

// The scanner reads code points by class, from a table filled as characters are met (the
// regular expressions below decide each one once): a token is
//   a run of characters of a script written without spaces (for the segmenter),
//   or a number with separators (3,5 · 12.03.2023 · 1 000 with a no-break space) not followed
//     by a word character,
//   or word characters joined by hyphens and apostrophes (`porte-parole`, `aujourd’hui`).
// Word characters are letters, marks, digits and the zero-width (non-)joiners, except those of
// the scripts without spaces.
const IS_WORD = /^[\p{L}\p{M}\p{N}\u200C\u200D]$/u;
// The kana sound marks U+3099–U+309C are members of the class one by one (the combining ones
// too), not marks on the character before them in the class.
// eslint-disable-next-line no-misleading-character-class -- see above
const IS_NO_SPACE = new RegExp(`^[${NO_SPACE}]$`, 'u');
const IS_DIGIT = /^\p{Nd}$/u;
const IS_NUMERIC = /^\p{N}$/u;
const WORD = 1;
const NO_SPACE_CLASS = 2;
const DIGIT = 4;
const KNOWN = 8;
/** Any number character (`½`, `Ⅻ`, `〇` too), for telling a number token from a word. */
const NUMERIC = 16;
const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function computeClass(cp: number): number {
  const c = String.fromCodePoint(cp);
  return (
    KNOWN |
    (IS_WORD.test(c) ? WORD : 0) |
    (IS_NO_SPACE.test(c) ? NO_SPACE_CLASS : 0) |
    (IS_DIGIT.test(c) ? DIGIT : 0) |
    (IS_NUMERIC.test(c) ? NUMERIC : 0)
  );
}

function classOf(cp: number): number {
  if (cp < 0x10000) {
    let k = bmpClasses[cp] as number;
    if (k === 0) bmpClasses[cp] = k = computeClass(cp);
    return k;
  }
  let k = astralClasses.get(cp);
  if (k === undefined) astralClasses.set(cp, (k = computeClass(cp)));
  return k;
}

/** The code point at `i` (a lone surrogate is one of its own). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

const width = (cp: number): number => (cp >= 0x10000 ? 2 : 1);
const isWordClass = (k: number): boolean => (k & (WORD | NO_SPACE_CLASS)) === WORD;

function isWordAt(text: string, i: number): boolean {
  return i < text.length && isWordClass(classOf(codePointAt(text, i)));
}

function isDigitAt(text: string, i: number): boolean {
  return i < text.length && (classOf(codePointAt(text, i)) & DIGIT) !== 0;
}

/** Past the digits (any script's) from `i`. */
function skipDigits(text: string, i: number): number {
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if ((classOf(cp) & DIGIT) === 0) break;
    i += width(cp);
  }
  return i;
}

// Separators inside a number, and the joiners inside a word.
const isNumberSeparator = (c: number): boolean => c === 0x2e || c === 0x2c || c === 0x3a || c === 0xa0 || c === 0x202f;
const isJoiner = (c: number): boolean => c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x27 || c === 0x2019;
const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019;

/**
 * The end of a number with separators starting at `i` (a digit), or -1: digits, then one or
 * more groups of a separator and digits, not followed by a word character. As a regular
 * expression would, when the longest form is followed by one, it tries the shorter ones.
 */
function numberEnd(text: string, i: number): number {
  let j = skipDigits(text, i);
  const groupStarts: number[] = [];
  const groupEnds: number[] = [];
  while (j + 1 < text.length && isNumberSeparator(text.charCodeAt(j)) && isDigitAt(text, j + 1)) {
    groupStarts.push(j + 1);
    j = skipDigits(text, j + 1);
    groupEnds.push(j);
  }
  const groups = groupEnds.length;
  if (groups === 0) return -1;
  const end = groupEnds[groups - 1] as number;
  if (!isWordAt(text, end)) return end;
  // The last group's digits, given back one at a time: a digit that is no word character
  // (of a script without spaces) may follow the number.
  const lastStart = groupStarts[groups - 1] as number;
  const cut: number[] = [];
  for (let k = lastStart; k < end; k += width(codePointAt(text, k))) cut.push(k);
  for (let n = cut.length - 1; n >= 1; n--) if (!isWordAt(text, cut[n] as number)) return cut[n] as number;
  // Without its last group the number ends before a separator, which is no word character.
  return groups >= 2 ? (groupEnds[groups - 2] as number) : -1;
}

/** Where the last word {@link wordEnd} read has its first apostrophe, or -1. */
let firstApostrophe = -1;

/**
 * The end of a word starting at `i`: word characters, joined by single hyphens or apostrophes.
 * Notes the word's first apostrophe in {@link firstApostrophe}: most words have none, and need
 * no search for an elision.
 */
function wordEnd(text: string, i: number): number {
  let j = i;
  firstApostrophe = -1;
  for (;;) {
    while (j < text.length) {
      const cp = codePointAt(text, j);
      if (!isWordClass(classOf(cp))) break;
      j += width(cp);
    }
    if (j + 1 < text.length && isJoiner(text.charCodeAt(j)) && isWordAt(text, j + 1)) {
      if (firstApostrophe < 0 && isApostrophe(text.charCodeAt(j))) firstApostrophe = j;
      j++;
    } else return j;
  }
}

/** Heads that elide before a vowel: French, Italian, Catalan. Lower case, apostrophe excluded. */
// prettier-ignore
const ELISIONS = new Set([
  'l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'ç', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu',
  'dell', 'dall', 'nell', 'sull', 'all', 'coll', 'pell', 'un', 'quest', 'quell', 'sant', 'tutt',
]);

// A period after these does not end a sentence (`M. Poutine`, `Dr. Smith`).
// prettier-ignore
const ABBREVIATIONS = new Set([
  'M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Mgr', 'Me', 'Dr', 'Pr', 'Mr', 'Mrs', 'Ms', 'Prof', 'St', 'Ste',
  'Jr', 'Sr', 'Gen', 'Gén', 'Col', 'Lt', 'Sgt', 'Gov', 'Sen', 'Rep', 'Hr', 'Fr', 'Nr', 'No', 'cf', 'vs',
]);

const LOWER_AT = /\p{Ll}/uy;
const HAS_LETTER = /\p{L}/u;
// `19e`, `1er`, `3rd`, `1990s`, `5km`: a number with a short lower-case suffix is still a number.
const NUMBER_WITH_SUFFIX = /^\p{N}+[\p{Ll}]{0,3}$/u;

let segmenter: Intl.Segmenter | undefined;
const SEGMENT_CHUNK = 2000;

/** Receives each token as offsets into the text, with its kind and the gap before it. */
export type Emit = (start: number, end: number, kind: TokenKind, gap: Gap) => void;

/** What {@link scanSpans} finds: a run of a script written without spaces, a number, a word. */
export type SpanKind = 'run' | 'number' | 'word';

/**
 * Reports each raw token of the text in order, as offsets: runs of scripts written without
 * spaces (not yet cut into words), numbers with separators, and words (elisions not yet split),
 * with where a word has its first apostrophe (else -1).
 */
export function scanSpans(
  text: string,
  span: (start: number, end: number, kind: SpanKind, apostrophe: number) => void,
): void {
  for (let i = 0; i < text.length;) {
    const cp = codePointAt(text, i);
    const k = classOf(cp);
    if ((k & (WORD | NO_SPACE_CLASS)) === 0) {
      i += width(cp);
      continue;
    }
    let end: number;
    let kind: SpanKind;
    if (k & NO_SPACE_CLASS) {
      end = i + width(cp);
      while (end < text.length) {
        const next = codePointAt(text, end);
        if ((classOf(next) & NO_SPACE_CLASS) === 0) break;
        end += width(next);
      }
      kind = 'run';
    } else {
      end = k & DIGIT ? numberEnd(text, i) : -1;
      kind = 'number';
      if (end < 0) {
        end = wordEnd(text, i);
        kind = 'word';
      }
    }
    span(i, end, kind, kind === 'word' ? firstApostrophe : -1);
    i = end;
  }
}

/**
 * Walks the text and reports each token as offsets, without building strings: the core of
 * {@link tokenize}, {@link countWords} and {@link countSentences}.
 */
export function scanTokens(text: string, emit: Emit): void {
  let prevEnd = 0;
  let prevStart = -1;
  scanSpans(text, (start, end, kind, apostrophe) => {
    const gap: Gap = prevStart < 0 ? 'sentence' : classifyGap(text, prevStart, prevEnd, start);
    if (kind === 'run') segmentRun(text, start, text.slice(start, end), gap, emit);
    else if (kind === 'number') emit(start, end, 'number', gap);
    else emitWord(text, start, end, apostrophe, gap, emit);
    prevStart = start;
    prevEnd = end;
  });
}

/**
 * Splits a word match into elided heads, the word itself and an English possessive `’s`;
 * `apostrophe` is where the word has its first apostrophe (-1: none).
 */
function emitWord(text: string, start: number, end: number, apostrophe: number, gap: Gap, emit: Emit): void {
  let s = start;
  for (let apos = apostrophe; apos >= 0; apos = findApostrophe(text, s, end)) {
    if (!ELISIONS.has(text.slice(s, apos).toLowerCase())) break;
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
  if (c < 0x80 ? c < 0x30 || c > 0x39 : (classOf(codePointAt(text, start)) & NUMERIC) === 0) {
    return 'word';
  }
  const t = text.slice(start, end);
  return !HAS_LETTER.test(t) || NUMBER_WITH_SUFFIX.test(t) ? 'number' : 'word';
}

/**
 * Reads the text between two tokens: a sentence ends at `. ! ? …` (or their kin) followed by a
 * space, at a line break, or at a full stop of a script written without spaces, which needs none.
 */
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
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff0e || c === 0xff61) return 'sentence';
    if (isTerminal(c)) terminal = c;
  }
  // Nor do `!` and `?` in such text (`ありえない!しばらく`), nor `.` between two of its words.
  if (terminal !== 0 && isNoSpaceAt(text, to) && (terminal !== 0x2e || isNoSpaceBefore(text, from))) return 'sentence';
  return punct ? 'punct' : 'space';
}

/**
 * `. ! ? …` and their kin that end a sentence before a space: the Arabic question mark and the
 * Urdu full stop, the Devanagari dandas, the Armenian and Ethiopic full stops.
 */
function isTerminal(c: number): boolean {
  return (
    c === 0x2e ||
    c === 0x21 ||
    c === 0x3f ||
    c === 0x2026 ||
    c === 0x061f ||
    c === 0x06d4 ||
    c === 0x0964 ||
    c === 0x0965 ||
    c === 0x0589 ||
    c === 0x1362
  );
}

function isNoSpaceAt(text: string, i: number): boolean {
  return i < text.length && (classOf(codePointAt(text, i)) & NO_SPACE_CLASS) !== 0;
}

function isNoSpaceBefore(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  const at = c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return at >= 0 && isNoSpaceAt(text, at);
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

/** Cuts a run of a script without spaces into words with the segmenter. */
function segmentRun(text: string, start: number, run: string, gap: Gap, emit: Emit): void {
  // The segmenter's time grows with the square of its input (160 000 characters: 27 s), so a
  // long run goes in pieces; a word cut at a seam is the price.
  for (let from = 0; from < run.length;) {
    let to = Math.min(run.length, from + SEGMENT_CHUNK);
    const c = run.charCodeAt(to - 1);
    if (to < run.length && c >= 0xd800 && c <= 0xdbff) to++;
    gap = segmentPiece(text, start + from, run.slice(from, to), gap, emit);
    from = to;
  }
}

function segmentPiece(text: string, start: number, run: string, gap: Gap, emit: Emit): Gap {
  const events = segmentsOf(run);
  for (let e = 0; e < events.length;) {
    const at = events[e++] as number;
    if (at === SENTENCE_EVENT) gap = 'sentence';
    else if (at === PUNCT_EVENT) gap = gap === 'sentence' ? gap : 'punct';
    else {
      const length = events[e++] as number;
      emit(start + at, start + at + length, KINDS[events[e++] as number] as TokenKind, gap);
      gap = 'space';
    }
  }
  return gap;
}

// What the segmenter makes of a piece, as a flat list of events: a word-like segment is its
// offset, length and kind (an index in KINDS); a segment with a full stop, or with other
// punctuation, is one marker. The same piece always gives the same events, and news text
// repeats its pieces (names, datelines, stock phrases), so the events of recent pieces are kept.
const SENTENCE_EVENT = -1;
const PUNCT_EVENT = -2;
const KINDS: readonly TokenKind[] = ['word', 'number'];
const segmentCache = new Map<string, readonly number[]>();
/** Pieces kept at most (the cache starts over when full), and the longest piece kept. */
const SEGMENT_CACHE_SIZE = 8192;
const SEGMENT_CACHE_CHARS = 500;

function segmentsOf(run: string): readonly number[] {
  let events = segmentCache.get(run);
  if (events !== undefined) return events;
  events = readSegments(run);
  if (run.length <= SEGMENT_CACHE_CHARS) {
    if (segmentCache.size >= SEGMENT_CACHE_SIZE) segmentCache.clear();
    segmentCache.set(run, events);
  }
  return events;
}

// What ends a sentence inside a run: the ideographic and full-width stops, the Myanmar section
// mark and the Khmer khan and bariyoosan (these belong to their scripts, so to the run).
const FULL_STOPS = /[。！？｡．။។៕]/u;

function readSegments(run: string): number[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const events: number[] = [];
  for (const seg of segmenter.segment(run)) {
    if (seg.isWordLike) {
      const length = seg.segment.length;
      events.push(seg.index, length, KINDS.indexOf(classify(run, seg.index, seg.index + length)));
    } else if (FULL_STOPS.test(seg.segment)) {
      events.push(SENTENCE_EVENT);
    } else if (!/^\s*$/u.test(seg.segment)) {
      events.push(PUNCT_EVENT);
    }
  }
  return events;
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
