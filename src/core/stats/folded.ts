// A document's tokens with each one folded once: every accumulator of a summary compares words
// case-folded, and folding (and the stop-word test) per accumulator cost more than the counting.

import { isStopword } from './stopwords.js';
import type { Token } from './tokenize.js';

/** Folds a word for counting: lower case, curly apostrophe made straight. */
export function foldTerm(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replaceAll('’', "'") : lower;
}

/**
 * A term of a language as a {@link TermCache} knows it: the accumulators fed from the cache
 * remember here where they count it, and skip their own lookup the next time. Each memo names
 * its owner: an accumulator only trusts the memo it wrote itself.
 */
export interface TermSlot {
  term: string;
  /** fnv1a32 of the term, for the MinHash shingles (see near-duplicates.ts). */
  hash?: number;
  vocabOwner?: object;
  vocab?: unknown;
  distinctiveOwner?: object;
  distinctive?: number;
  namesOwner?: object;
  lower?: { n: number };
  capitalMid?: { n: number };
}

/** Tokens with their folded forms and, for words, whether each is a stop word of the language. */
export interface FoldedTokens {
  tokens: readonly Token[];
  /** Each token's text (the same string for the same text when folded with a {@link TermCache}). */
  forms: readonly string[];
  /** {@link foldTerm} of each token's text. */
  terms: readonly string[];
  /** 1 where the token is a word and {@link isStopword} of its term in `lang`. */
  stops: Uint8Array;
  lang: string;
  /** With a {@link TermCache}: each token's term slot in `lang`. */
  slots?: readonly TermSlot[];
  /** With a {@link TermCache}: each token's written form as the cache knows it. */
  folds?: readonly Folding[];
}

/** A written form of a language as a {@link TermCache} knows it. */
export interface Folding {
  form: string;
  term: string;
  stop: boolean;
  slot: TermSlot;
  /** What names.ts reads from the form's letter case, remembered for the next time it is met. */
  shape?: number;
}

/** Past this many distinct forms in a language, the cache starts again (it only saves time). */
const CACHE_MAX = 1_000_000;

/**
 * Remembers how each written form folds, per language: a token then costs one lookup, and equal
 * words share one string, whose hash is computed once, for every map that counts them after.
 */
export class TermCache {
  private readonly langs = new Map<string, { forms: Map<string, Folding>; slots: Map<string, TermSlot> }>();
  private readonly terms = new Map<string, string>();

  /** How the forms of a language fold. */
  forLang(lang: string): (text: string) => Folding {
    let state = this.langs.get(lang);
    if (state === undefined) this.langs.set(lang, (state = { forms: new Map(), slots: new Map() }));
    const { forms, slots } = state;
    return (text) => {
      let f = forms.get(text);
      if (f === undefined) {
        if (forms.size >= CACHE_MAX) forms.clear();
        if (slots.size >= CACHE_MAX) slots.clear();
        if (this.terms.size >= CACHE_MAX) this.terms.clear();
        let term = foldTerm(text);
        const known = this.terms.get(term);
        if (known !== undefined) term = known;
        else this.terms.set(term, term);
        let slot = slots.get(term);
        if (slot === undefined) slots.set(term, (slot = { term }));
        f = { form: text, term, stop: isStopword(term, lang), slot };
        forms.set(text, f);
      }
      return f;
    };
  }
}

/** Folds each token once, and tests each word against the stop words of `lang`. */
export function foldTokens(tokens: readonly Token[], lang: string, cache?: TermCache): FoldedTokens {
  const n = tokens.length;
  const forms = new Array<string>(n);
  const terms = new Array<string>(n);
  const stops = new Uint8Array(n);
  if (cache) {
    const fold = cache.forLang(lang);
    const slots = new Array<TermSlot>(n);
    const folds = new Array<Folding>(n);
    for (let i = 0; i < n; i++) {
      const t = tokens[i] as Token;
      const f = fold(t.text);
      forms[i] = f.form;
      terms[i] = f.term;
      slots[i] = f.slot;
      folds[i] = f;
      if (f.stop && t.kind === 'word') stops[i] = 1;
    }
    return { tokens, forms, terms, stops, lang, slots, folds };
  }
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const term = foldTerm(t.text);
    forms[i] = t.text;
    terms[i] = term;
    if (t.kind === 'word' && isStopword(term, lang)) stops[i] = 1;
  }
  return { tokens, forms, terms, stops, lang };
}

/** The tokens folded for `lang`, folding them unless they already are. */
export function folded(tokens: readonly Token[] | FoldedTokens, lang: string): FoldedTokens {
  return 'terms' in tokens && tokens.lang === lang ? tokens : foldTokens('terms' in tokens ? tokens.tokens : tokens, lang);
}
