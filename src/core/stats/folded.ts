// A document's tokens with each one folded once: every accumulator of a summary compares words
// case-folded, and folding (and the stop-word test) per accumulator cost more than the counting.
//
// The tokens are kept as parallel arrays (kinds, gaps, offsets, foldings), not Token objects:
// `summarise` reads a corpus's every token, and an object and a string per token cost more
// than the counting too. A written form is looked up by its offsets in the text, so a form met
// before costs no string at all.

import { FNV_OFFSET, FNV_PRIME } from '../hash.js';
import { isStopword } from './stopwords.js';
import { scanTokens, type Gap, type Token, type TokenKind } from './tokenize.js';

/** Folds a word for counting: lower case, curly apostrophe made straight. */
export function foldTerm(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replaceAll('’', "'") : lower;
}

/** Token kinds in {@link FoldedTokens.kinds}. */
export const WORD = 0;
export const NUMBER = 1;
export const ELISION = 2;
const kindCode = (kind: TokenKind): number => (kind === 'word' ? WORD : kind === 'number' ? NUMBER : ELISION);
const KIND_NAMES: readonly TokenKind[] = ['word', 'number', 'elision'];

/** Gaps in {@link FoldedTokens.gaps}. */
export const SPACE = 0;
export const PUNCT = 1;
export const SENTENCE = 2;
const gapCode = (gap: Gap): number => (gap === 'space' ? SPACE : gap === 'punct' ? PUNCT : SENTENCE);
const GAP_NAMES: readonly Gap[] = ['space', 'punct', 'sentence'];

/**
 * A written form of a language as a {@link TermCache} knows it. The accumulators fed from the
 * cache remember here where they count its term, and skip their own lookup the next time (the
 * forms of a term each remember it). Each memo names its owner: an accumulator only trusts the
 * memo it wrote itself. Every field is set when the folding is made: objects of one shape keep
 * the accumulators' reads fast.
 */
export interface Folding {
  form: string;
  /** {@link foldTerm} of the form (the same string for the same term). */
  term: string;
  /** Whether the term is a stop word of the language ({@link isStopword}). */
  stop: boolean;
  /** fnv1a32 of the form's UTF-16 code units: its key in the cache. */
  key: number;
  /** fnv1a32 of the term, for the MinHash shingles (see near-duplicates.ts). */
  hash: number | undefined;
  /** What names.ts reads from the form's letter case. */
  shape: number | undefined;
  vocabOwner: object | undefined;
  vocab: unknown;
  /** The vocabulary's bigrams starting with the term (see vocabulary.ts). */
  bigramsOwner: object | undefined;
  bigrams: unknown;
  distinctiveOwner: object | undefined;
  distinctive: number | undefined;
  /** names.ts: the term's counts in lower case and capitalised mid-sentence, the form as a name of one word. */
  namesOwner: object | undefined;
  lower: { n: number } | undefined;
  capitalMid: { n: number } | undefined;
  name: unknown;
  initialName: unknown;
}

/**
 * A document's tokens, folded for `lang`: token `i` (below `length`; the arrays may be longer)
 * is of kind `kinds[i]` ({@link WORD}, {@link NUMBER}, {@link ELISION}), follows a gap
 * `gaps[i]` ({@link SPACE}, {@link PUNCT}, {@link SENTENCE}), starts at `starts[i]` in the text
 * and is written `folds[i].form`. Read it before the next document is folded with the same
 * {@link TermCache}: the arrays are reused.
 */
export interface FoldedTokens {
  length: number;
  kinds: Uint8Array;
  gaps: Uint8Array;
  starts: Int32Array;
  folds: Folding[];
  lang: string;
}

/** Past this many distinct forms in a language, the cache starts again (it only saves time). */
const CACHE_MAX = 1_000_000;

/** fnv1a32 of `text` from `start` to `end`, as a signed integer. */
function keyOf(text: string, start: number, end: number): number {
  // The constants as int32 locals: see hash.ts on why a hot loop copies them.
  const prime = FNV_PRIME | 0;
  let h = FNV_OFFSET | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), prime);
  return h;
}

/** A typed array twice as long, or `min` long, with the same start. */
function grown<T extends Int32Array | Uint16Array>(array: T, min: number): T {
  const out = new (array.constructor as new (n: number) => T)(Math.max(array.length * 2, min));
  out.set(array);
  return out;
}

/**
 * The forms of a language by their text, looked up from offsets in a text (open addressing):
 * a Map would need each token's text as a string first. The forms' code units are kept in one
 * typed array, which compares faster than the strings (often slices of a whole document).
 */
class FormTable {
  /** Per bucket: the form's id (-1: empty) and key. */
  private ids = new Int32Array(1024).fill(-1);
  private keys = new Int32Array(1024);
  private mask = 1023;
  /** Per form: its code units at `units[starts[id], starts[id] + lengths[id])`, its folding. */
  private starts = new Int32Array(512);
  private lengths = new Int32Array(512);
  private units = new Uint16Array(4096);
  private used = 0;
  private folds: Folding[] = [];

  get size(): number {
    return this.folds.length;
  }

  /** The form written `text[start, end)`, whose {@link keyOf} is `key`. */
  get(text: string, start: number, end: number, key: number): Folding | undefined {
    const { ids, keys, lengths, units, mask } = this;
    const length = end - start;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const id = ids[i] as number;
      if (id < 0) return undefined;
      if (keys[i] !== key || lengths[id] !== length) continue;
      const from = (this.starts[id] as number) - start;
      let k = start;
      while (k < end && units[from + k] === text.charCodeAt(k)) k++;
      if (k === end) return this.folds[id];
    }
  }

  /** Adds the form written `text[start, end)`, not in the table, as `f`. */
  add(text: string, start: number, end: number, f: Folding): void {
    const id = this.folds.length;
    if ((id + 1) * 2 > this.ids.length) this.rehash(this.ids.length * 2);
    if (id === this.starts.length) {
      this.starts = grown(this.starts, 0);
      this.lengths = grown(this.lengths, 0);
    }
    if (this.used + end - start > this.units.length) this.units = grown(this.units, this.used + end - start);
    this.folds.push(f);
    this.starts[id] = this.used;
    this.lengths[id] = end - start;
    for (let k = start; k < end; k++) this.units[this.used++] = text.charCodeAt(k);
    this.place(id, f.key);
  }

  clear(): void {
    this.ids.fill(-1);
    this.folds = [];
    this.used = 0;
  }

  private place(id: number, key: number): void {
    let i = key & this.mask;
    while ((this.ids[i] as number) >= 0) i = (i + 1) & this.mask;
    this.ids[i] = id;
    this.keys[i] = key;
  }

  private rehash(buckets: number): void {
    this.ids = new Int32Array(buckets).fill(-1);
    this.keys = new Int32Array(buckets);
    this.mask = buckets - 1;
    this.folds.forEach((f, id) => this.place(id, f.key));
  }
}

interface LangState {
  lang: string;
  forms: FormTable;
}

/**
 * Remembers how each written form folds, per language: a token then costs one lookup, and equal
 * words share one string, whose hash is computed once, for every map that counts them after.
 */
export class TermCache {
  private readonly langs = new Map<string, LangState>();
  private readonly terms = new Map<string, string>();
  /** The arrays of the last document folded. */
  private readonly out: FoldedTokens = {
    length: 0,
    kinds: new Uint8Array(1024),
    gaps: new Uint8Array(1024),
    starts: new Int32Array(1024),
    folds: [],
    lang: '',
  };

  private state(lang: string): LangState {
    let state = this.langs.get(lang);
    if (state === undefined) this.langs.set(lang, (state = { lang, forms: new FormTable() }));
    return state;
  }

  /** How `text[start, end)` folds in a language. */
  private fold(state: LangState, text: string, start: number, end: number): Folding {
    const key = keyOf(text, start, end);
    const f = state.forms.get(text, start, end, key);
    return f ?? this.learn(state, text, start, end, key);
  }

  private learn(state: LangState, text: string, start: number, end: number, key: number): Folding {
    const { forms } = state;
    if (forms.size >= CACHE_MAX) forms.clear();
    if (this.terms.size >= CACHE_MAX) this.terms.clear();
    const form = text.slice(start, end);
    let term = foldTerm(form);
    const known = this.terms.get(term);
    if (known !== undefined) term = known;
    else this.terms.set(term, term);
    const f: Folding = {
      form,
      term,
      stop: isStopword(term, state.lang),
      key,
      hash: undefined,
      shape: undefined,
      vocabOwner: undefined,
      vocab: undefined,
      bigramsOwner: undefined,
      bigrams: undefined,
      distinctiveOwner: undefined,
      distinctive: undefined,
      namesOwner: undefined,
      lower: undefined,
      capitalMid: undefined,
      name: undefined,
      initialName: undefined,
    };
    forms.add(text, start, end, f);
    return f;
  }

  /** Starts the arrays of a document. */
  private begin(lang: string): FoldedTokens {
    this.out.length = 0;
    this.out.lang = lang;
    return this.out;
  }

  /** Appends a token to the arrays. */
  private push(kind: number, gap: number, start: number, f: Folding): void {
    const out = this.out;
    const n = out.length;
    if (n === out.kinds.length) {
      const kinds = new Uint8Array(n * 2);
      const gaps = new Uint8Array(n * 2);
      const starts = new Int32Array(n * 2);
      kinds.set(out.kinds);
      gaps.set(out.gaps);
      starts.set(out.starts);
      out.kinds = kinds;
      out.gaps = gaps;
      out.starts = starts;
    }
    out.kinds[n] = kind;
    out.gaps[n] = gap;
    out.starts[n] = start;
    if (n < out.folds.length) out.folds[n] = f;
    else out.folds.push(f);
    out.length = n + 1;
  }

  /** Tokenizes a text (as {@link tokenize} does) and folds its tokens for `lang`. */
  scan(text: string, lang: string): FoldedTokens {
    const state = this.state(lang);
    const out = this.begin(lang);
    scanTokens(text, (start, end, kind, gap) => {
      this.push(kindCode(kind), gapCode(gap), start, this.fold(state, text, start, end));
    });
    return out;
  }

  /** Folds tokens already made for `lang`. */
  foldTokens(tokens: readonly Token[], lang: string): FoldedTokens {
    const state = this.state(lang);
    const out = this.begin(lang);
    for (const t of tokens)
      this.push(kindCode(t.kind), gapCode(t.gap), t.index, this.fold(state, t.text, 0, t.text.length));
    return out;
  }
}

/** The tokens of folded tokens, as {@link tokenize} gives them. */
export function tokensOf(folded: FoldedTokens): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < folded.length; i++) {
    out.push({
      text: (folded.folds[i] as Folding).form,
      kind: KIND_NAMES[folded.kinds[i] as number] as TokenKind,
      index: folded.starts[i] as number,
      gap: GAP_NAMES[folded.gaps[i] as number] as Gap,
    });
  }
  return out;
}

/**
 * Folds each token once, and tests each word against the stop words of `lang`. Without a
 * cache, through one of its own (the result is then the caller's to keep).
 */
export function foldTokens(tokens: readonly Token[], lang: string, cache: TermCache = new TermCache()): FoldedTokens {
  return cache.foldTokens(tokens, lang);
}

/** The tokens folded for `lang`, folding them unless they already are. */
export function folded(tokens: readonly Token[] | FoldedTokens, lang: string): FoldedTokens {
  if (!('folds' in tokens)) return foldTokens(tokens, lang);
  return tokens.lang === lang ? tokens : foldTokens(tokensOf(tokens), lang);
}
