// `keywords`: the terms over- (positive) or under-used (negative) in a target against a
// reference, scored by log-likelihood G² with Hardie's log ratio and %DIFF beside it.

import type { MergedCounts } from './count-terms.js';
import { keyness, perMillion, type Keyness } from './measures.js';

/** Which keywords to list. */
export type Direction = 'positive' | 'negative' | 'both';

/** What `keywords` is asked. */
export interface KeywordsOptions {
  /** Leave out terms seen fewer times in the side they are key to (target for positive, reference for negative). */
  minFreq: number;
  /** Rows of the list. */
  top: number;
  direction: Direction;
  /** Leave out keywords whose p is above this (1: keep all). */
  maxP: number;
}

/** One keyword. */
export interface KeywordRow extends Keyness {
  term: string;
  freqTarget: number;
  freqRef: number;
  /** Per million words of the target, of the reference. */
  pmTarget: number;
  pmRef: number;
}

/** The keywords, strongest G² first, and how many more passed the filters. */
export interface KeywordsResult {
  rows: KeywordRow[];
  more: number;
  /** Words of the target and of the reference. */
  targetWords: number;
  refWords: number;
}

/** Scores every term of the target and the reference (both with words) and keeps those asked. */
export function keywordRows(target: MergedCounts, ref: MergedCounts, options: KeywordsOptions): KeywordsResult {
  const c = target.words;
  const d = ref.words;
  const rows: KeywordRow[] = [];
  const consider = (term: string, a: number, b: number) => {
    const k = keyness(a, b, c, d);
    if (k.p > options.maxP) return;
    if (k.direction === '+' ? options.direction === 'negative' : options.direction === 'positive') return;
    if ((k.direction === '+' ? a : b) < options.minFreq) return;
    rows.push({ term, freqTarget: a, freqRef: b, pmTarget: perMillion(a, c), pmRef: perMillion(b, d), ...k });
  };
  for (const [term, t] of target.terms) consider(term, t.count, ref.terms.get(term)?.count ?? 0);
  for (const [term, r] of ref.terms) if (!target.terms.has(term)) consider(term, 0, r.count);
  rows.sort((x, y) => y.g2 - x.g2 || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  return {
    rows: rows.slice(0, options.top),
    more: Math.max(0, rows.length - options.top),
    targetWords: c,
    refWords: d,
  };
}
