// The two rewrites a line goes through before matching (NFC, or --fold), each with an offset map
// from the rewritten text back to the original, so matches land on whole original characters.

/** A line rewritten for matching, and the way back to offsets in the original line. */
export interface MappedLine {
  /** The rewritten text the regular expression runs on. */
  readonly text: string;
  /** Original offset of the character that starts at `i` in `text` (rounds down). */
  toStart(i: number): number;
  /** Original offset just after the character that ends at `i` in `text` (rounds up). */
  toEnd(i: number): number;
}

const identityMap = (i: number): number => i;

function identity(line: string): MappedLine {
  return { text: line, toStart: identityMap, toEnd: identityMap };
}

function fromArrays(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>): MappedLine {
  return { text, toStart: (i) => starts[i] ?? 0, toEnd: (i) => ends[i] ?? 0 };
}

// Made on first use: building a segmenter loads ICU data (about 15 ms), and most runs map no line.
let graphemes: Intl.Segmenter | undefined;

/**
 * The line in Unicode NFC, with an offset map. Lines already in NFC (nearly all) cost one
 * `normalize` call and share the original string.
 */
export function nfcLine(line: string): MappedLine {
  const text = line.normalize('NFC');
  if (text === line) return identity(line);
  // The map is built only when asked for: most lines that change have no match to map.
  let map: MappedLine | null = null;
  const built = (): MappedLine => (map ??= nfcMap(line, text));
  return { text, toStart: (i) => built().toStart(i), toEnd: (i) => built().toEnd(i) };
}

/** The offset map of a line whose NFC form `text` differs from it. */
function nfcMap(line: string, text: string): MappedLine {
  const starts = new Int32Array(text.length + 1);
  const ends = new Int32Array(text.length + 1);
  let n = 0;
  let joined = '';
  // Composition never crosses a grapheme cluster boundary, so clusters can be mapped one by one.
  graphemes ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  for (const { segment, index } of graphemes.segment(line)) {
    const part = segment.normalize('NFC');
    for (let k = 0; k < part.length; k += 1) {
      starts[n + k] = index;
      ends[n + k] = k === 0 ? index : index + segment.length;
    }
    n += part.length;
    joined += part;
  }
  starts[n] = line.length;
  ends[n] = line.length;
  if (joined !== text) {
    // Should not happen; if it does, widen every match to the whole line rather than mis-map.
    return fromArrays(text, new Int32Array(text.length + 1), new Int32Array(text.length + 1).fill(line.length));
  }
  return fromArrays(text, starts, ends);
}

/**
 * Letters --fold rewrites beyond case and combining diacritics: ligatures that Unicode does not
 * decompose, letters with a stroke (no canonical decomposition either) and apostrophe look-alikes.
 * ß and ﬁ/ﬂ/ﬀ/ﬃ/ﬄ/ﬅ/ﬆ come out of full upper-casing (ß → SS → ss); ĳ is listed for its lower case.
 */
const SPECIAL: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ĳ: 'ij',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  '’': "'",
  '‘': "'",
  '‛': "'",
  ʼ: "'",
  '´': "'",
  '`': "'",
  '′': "'",
};

/** Combining diacritics dropped by --fold: the blocks Latin, Greek and Cyrillic accents live in. */
// eslint-disable-next-line no-misleading-character-class -- ranges of lone combining marks, meant to match one at a time
const DIACRITIC = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;

const foldCache = new Map<string, string>();

/**
 * Folds one code point for --fold: full case folding (via upper then lower case), canonical
 * decomposition with the diacritics dropped, then {@link SPECIAL}. Returns '' for a lone
 * diacritic. Examples: `É` → `e`, `œ` → `oe`, `ß` → `ss`, `’` → `'`, `ά` → `α`, `й` → `и`.
 */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code === 96 ? "'" : ch;
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    const cased = ch.toUpperCase().toLowerCase().normalize('NFD').replace(DIACRITIC, '');
    folded = '';
    for (const c of cased) folded += SPECIAL[c] ?? c;
    foldCache.set(ch, folded);
  }
  return folded;
}

/** A whole string folded with {@link foldChar}, for patterns. */
export function foldString(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** Characters {@link foldChar} may change: ASCII capitals, the backtick, anything non-ASCII. */
const FOLDABLE = /[A-Z`\u0080-\u{10ffff}]/gu;

/**
 * The line folded for --fold, without the offset map: what {@link foldLine} gives as `text`, at a
 * fraction of the cost, for a yes/no test.
 */
export function foldText(line: string): string {
  return line.replace(FOLDABLE, foldChar);
}

/**
 * The line folded for --fold, with an offset map. A character folded into several (`ß` → `ss`)
 * maps every one of them back to itself; a dropped diacritic belongs to the character before it,
 * so a match that ends on a base letter also covers its accents.
 */
export function foldLine(line: string): MappedLine {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [0];
  for (let o = 0; o < line.length;) {
    const code = line.charCodeAt(o);
    let width = 1;
    let folded: string;
    if (code < 0x80) {
      folded = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code === 96 ? "'" : (line[o] ?? '');
    } else {
      if (code >= 0xd800 && code <= 0xdbff && o + 1 < line.length) {
        const next = line.charCodeAt(o + 1);
        if (next >= 0xdc00 && next <= 0xdfff) width = 2;
      }
      folded = foldChar(line.slice(o, o + width));
    }
    const after = o + width;
    if (folded.length === 0) {
      ends[text.length] = after;
    } else {
      for (let k = 0; k < folded.length; k += 1) {
        starts[text.length + k] = o;
        ends[text.length + k + 1] = after;
      }
      text += folded;
    }
    o = after;
  }
  starts[text.length] = line.length;
  return fromArrays(text, starts, ends);
}
