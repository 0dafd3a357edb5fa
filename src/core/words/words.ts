// `words`: the frequency list of a corpus (terms or n-grams, with their relative frequency,
// documents and Gries' DP) and, with `by`, each listed term's count per group (trends).

import type { AnalysedDocument } from '../analyse/analyse-document.js';
import { foldTerm } from '../stats/folded.js';
import { scanTokens } from '../stats/tokenize.js';
import { countTerms, type CountRun, type MergedCounts, type MergedTerm } from './count-terms.js';
import { dpFromSum, perMillion } from './measures.js';
import { isTimePeriod, NO_SOURCE, UNDATED } from './periods.js';
import type { CountOptions } from './words-shard.js';

/** What `words` is asked. */
export interface WordsOptions extends CountOptions, CountRun {
  /** Leave out terms seen fewer times. */
  minFreq: number;
  /** Rows of the list. */
  top: number;
  /** The terms to list (as keys: see {@link termKey}), instead of the most frequent. */
  terms?: string[];
}

/** One row of the frequency list. */
export interface WordRow {
  term: string;
  freq: number;
  /** Occurrences per million words of the corpus read. */
  perMillion: number;
  docs: number;
  /** Gries' DP over the documents, in [0, 1]: 0 even, near 1 in few documents. */
  dp: number;
  /** How far `freq` may be from the true count: 0 unless the n-gram counts overflowed (Space-Saving). */
  error: number;
}

/** One term in one group, for `by`. */
export interface TrendRow {
  group: string;
  term: string;
  freq: number;
  /** Occurrences per million words of the group. */
  perMillion: number;
}

/** A group of `by`. */
export interface GroupSize {
  group: string;
  words: number;
  documents: number;
}

/** The frequency list. */
export interface WordsResult {
  /** Words counted in the corpus read, and its documents. */
  words: number;
  documents: number;
  rows: WordRow[];
  /** Terms that passed `minFreq` but not `top`. */
  more: number;
  /** True when the counts of some n-grams are estimates (see WordRow.error). */
  estimated: boolean;
  /** With `by`: the groups in order (time order for periods, undated last; else most words first). */
  groups?: GroupSize[];
  /** With `by`: each listed term's count in each group, groups in order, then terms in list order. */
  trends?: TrendRow[];
}

/**
 * The key a term given on the command line is counted under: its tokens (as the tokenizer cuts
 * them, numbers kept), folded unless `fold` is false, joined by one space.
 */
export function termKey(text: string, fold: boolean): string[] {
  const words: string[] = [];
  scanTokens(text, (start, end, kind) => {
    if (kind === 'elision') return;
    const form = text.slice(start, end).normalize('NFC');
    words.push(fold ? foldTerm(form) : form);
  });
  return words;
}

/** Term order: most frequent first, then in most documents, ties by term. */
function compareRows(a: [string, MergedTerm], b: [string, MergedTerm]): number {
  return b[1].count - a[1].count || b[1].docs - a[1].docs || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/** The `top` most frequent terms of at least `minFreq`, and how many more passed `minFreq`. */
export function topTerms(merged: MergedCounts, minFreq: number, top: number): { keys: string[]; more: number } {
  const passing: [string, MergedTerm][] = [];
  for (const entry of merged.terms) if (entry[1].count >= minFreq) passing.push(entry);
  passing.sort(compareRows);
  return { keys: passing.slice(0, top).map(([key]) => key), more: Math.max(0, passing.length - top) };
}

/** The groups of `by` in the order they are shown. */
function orderedGroups(merged: MergedCounts, time: boolean): GroupSize[] {
  const groups = [...merged.groups].map(([group, g]) => ({ group, words: g.words, documents: g.documents }));
  const last = (g: string) => g === UNDATED || g === NO_SOURCE;
  return groups.sort((a, b) => {
    if (last(a.group) !== last(b.group)) return last(a.group) ? 1 : -1;
    if (time) return a.group < b.group ? -1 : 1;
    return b.words - a.words || (a.group < b.group ? -1 : 1);
  });
}

/** Counts a corpus and lists its terms (see {@link WordsOptions}). */
export async function wordFrequencies(
  docs: AsyncIterable<AnalysedDocument>,
  options: WordsOptions,
): Promise<WordsResult> {
  let more = 0;
  const { merged, chosen, detail } = await countTerms(docs, options, options, (m) => {
    if (options.terms !== undefined) return options.terms;
    const top = topTerms(m, options.minFreq, options.top);
    more = top.more;
    return top.keys;
  });
  const rows: WordRow[] = [];
  chosen.forEach((term, i) => {
    const t = merged.terms.get(term);
    const freq = t?.count ?? 0;
    // A term asked by -e that is rarer than --min-freq is left out like any other.
    if (freq === 0 || freq < options.minFreq) return;
    rows.push({
      term,
      freq,
      perMillion: perMillion(freq, merged.words),
      docs: t?.docs ?? 0,
      dp: dpFromSum(detail.dp[i] as number),
      error: t?.error ?? 0,
    });
  });
  const result: WordsResult = {
    words: merged.words,
    documents: merged.documents,
    rows,
    more,
    estimated: merged.estimated,
  };
  if (options.by !== undefined) {
    const groups = orderedGroups(merged, isTimePeriod(options.by));
    const listed = new Set(rows.map((r) => r.term));
    const trends: TrendRow[] = [];
    for (const g of groups) {
      chosen.forEach((term, i) => {
        if (!listed.has(term)) return;
        const freq = detail.groups[i]?.get(g.group) ?? 0;
        trends.push({ group: g.group, term, freq, perMillion: perMillion(freq, g.words) });
      });
    }
    result.groups = groups;
    result.trends = trends;
  }
  return result;
}
