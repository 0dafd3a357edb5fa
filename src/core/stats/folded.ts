// A document's tokens with each one folded once: every accumulator of a summary compares words
// case-folded, and folding (and the stop-word test) per accumulator cost more than the counting.

import { isStopword } from './stopwords.js';
import type { Token } from './tokenize.js';

/** Folds a word for counting: lower case, curly apostrophe made straight. */
export function foldTerm(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replaceAll('’', "'") : lower;
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
}

interface Folding {
  form: string;
  term: string;
  stop: boolean;
}

/** Past this many distinct forms in a language, the cache starts again (it only saves time). */
const CACHE_MAX = 1_000_000;

/**
 * Remembers how each written form folds, per language: a token then costs one lookup, and equal
 * words share one string, whose hash is computed once, for every map that counts them after.
 */
export class TermCache {
  private readonly langs = new Map<string, Map<string, Folding>>();
  private readonly terms = new Map<string, string>();

  get(text: string, word: boolean, lang: string): Folding {
    let forms = this.langs.get(lang);
    if (forms === undefined) this.langs.set(lang, (forms = new Map()));
    let f = forms.get(text);
    if (f === undefined) {
      if (forms.size >= CACHE_MAX) forms.clear();
      if (this.terms.size >= CACHE_MAX) this.terms.clear();
      let term = foldTerm(text);
      const known = this.terms.get(term);
      if (known !== undefined) term = known;
      else this.terms.set(term, term);
      f = { form: text, term, stop: isStopword(term, lang) };
      forms.set(text, f);
    }
    return f;
  }
}

/** Folds each token once, and tests each word against the stop words of `lang`. */
export function foldTokens(tokens: readonly Token[], lang: string, cache?: TermCache): FoldedTokens {
  const n = tokens.length;
  const forms = new Array<string>(n);
  const terms = new Array<string>(n);
  const stops = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const word = t.kind === 'word';
    if (cache) {
      const f = cache.get(t.text, word, lang);
      forms[i] = f.form;
      terms[i] = f.term;
      if (word && f.stop) stops[i] = 1;
    } else {
      const term = foldTerm(t.text);
      forms[i] = t.text;
      terms[i] = term;
      if (word && isStopword(term, lang)) stops[i] = 1;
    }
  }
  return { tokens, forms, terms, stops, lang };
}

/** The tokens folded for `lang`, folding them unless they already are. */
export function folded(tokens: readonly Token[] | FoldedTokens, lang: string): FoldedTokens {
  return 'terms' in tokens && tokens.lang === lang ? tokens : foldTokens('terms' in tokens ? tokens.tokens : tokens, lang);
}
