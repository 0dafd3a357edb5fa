// One pass over a corpus for `words` and `keywords`: the documents shared among shards (worker
// threads from PARALLEL_MIN_DOCUMENTS documents), their counts merged here, and then, for the
// terms a run chooses to show, the dispersion and per-group counts asked of the shards.

import type { AnalysedDocument } from '../analyse/analyse-document.js';
import { LocalWordShards, WordsPool, wordsWorkersAvailable, type WordShards } from '../workers/words-pool.js';
import { useStopwords } from '../stats/stopwords.js';
import type { CountOptions, ShardTotals, WordsInput } from './words-shard.js';

/** Fewer documents than this are counted in this thread: starting workers costs more. */
export const PARALLEL_MIN_DOCUMENTS = 200;

/** How a pass runs. */
export interface CountRun {
  /** Shards (worker threads) from {@link PARALLEL_MIN_DOCUMENTS} documents; 1: all here. */
  jobs?: number;
  /** Keep the `jobs` shards in this thread (for tests: the workers run only from the build). */
  localShards?: boolean;
  /** A document whose file could not be read. */
  onWarning?: (path: string, message: string) => void;
}

/** A term's counts over the whole corpus read. */
export interface MergedTerm {
  /**
   * Occurrences: exact unless the shards' tables overflowed (n-grams past their capacity), then
   * a Space-Saving estimate within `error` of the true count.
   */
  count: number;
  /** How far `count` may be from the true count (0: exact). */
  error: number;
  /** Occurrences recorded in the shards' postings (what DP is computed over). */
  own: number;
  /** Documents holding the term (of those recorded). */
  docs: number;
}

/** The counts of a corpus. */
export interface MergedCounts {
  terms: Map<string, MergedTerm>;
  /** Tokens counted (the size per million figures are relative to). */
  words: number;
  documents: number;
  /** True when some count is an estimate. */
  estimated: boolean;
  /** Per group of `by`: its words and documents. */
  groups: Map<string, { words: number; documents: number }>;
}

/** The detail of the terms chosen: DP and, with `by`, the count per group. */
export interface TermDetail {
  dp: number[];
  groups: Map<string, number>[];
}

/** Chooses the terms to detail once the counts are merged (none: no detail). */
export type Chooser = (merged: MergedCounts) => string[];

/** Counts a corpus's terms; then details the terms `choose` picks (their DP sums, per-group counts). */
export async function countTerms(
  docs: AsyncIterable<AnalysedDocument>,
  options: CountOptions,
  run: CountRun,
  choose?: Chooser,
): Promise<{ merged: MergedCounts; chosen: string[]; detail: TermDetail }> {
  // The run's stop words, here and (through the options) in the workers; none given: each language's.
  useStopwords(options.stopwords);
  const jobs = run.jobs ?? 1;
  const threads = jobs > 1 && !run.localShards && wordsWorkersAvailable();
  const iterator = docs[Symbol.asyncIterator]();
  const head: AnalysedDocument[] = [];
  let ended = false;
  // A small corpus is counted here: its first documents decide.
  while (jobs > 1 && head.length < PARALLEL_MIN_DOCUMENTS) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
  }
  const many = head.length >= PARALLEL_MIN_DOCUMENTS;
  // Only what a shard reads crosses to a worker (the caller's options may hold functions).
  const { n, fold, numbers, noStopwords, by, capacity, stopwords } = options;
  const shardOptions: CountOptions = { n, fold, numbers, noStopwords, by, capacity, stopwords };
  const shards: WordShards =
    threads && many
      ? new WordsPool(jobs, shardOptions, run.onWarning)
      : new LocalWordShards(many ? jobs : 1, shardOptions, run.onWarning);
  try {
    for (const d of head) await shards.add(wordsInput(d), d.record.words);
    while (!ended) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else await shards.add(wordsInput(next.value), next.value.record.words);
    }
    const merged = mergeTotals(await shards.totals());
    const chosen = choose ? choose(merged) : [];
    const detail: TermDetail = { dp: chosen.map(() => 0), groups: chosen.map(() => new Map()) };
    if (chosen.length > 0) {
      const own = chosen.map((key) => merged.terms.get(key)?.own ?? 0);
      for (const part of await shards.detail({ keys: chosen, own, words: merged.words })) {
        part.dp.forEach((sum, i) => (detail.dp[i] = (detail.dp[i] as number) + sum));
        part.groups.forEach((counts, i) => {
          const into = detail.groups[i] as Map<string, number>;
          for (const [g, c] of Object.entries(counts)) into.set(g, (into.get(g) ?? 0) + c);
        });
      }
    }
    return { merged, chosen, detail };
  } finally {
    if (!ended) await iterator.return?.();
    await shards.close();
  }
}

/**
 * The shards' totals as one: counts and errors add up; a term absent from a shard whose table
 * overflowed may have had up to that table's least count there, which its error takes in.
 */
export function mergeTotals(all: ShardTotals[]): MergedCounts {
  const terms = new Map<string, MergedTerm>();
  let words = 0;
  let documents = 0;
  let estimated = false;
  const groups = new Map<string, { words: number; documents: number }>();
  for (const t of all) {
    words += t.words;
    documents += t.documents;
    estimated ||= t.evicted;
    t.keys.forEach((key, i) => {
      const count = t.counts[i] as number;
      const error = t.errors[i] as number;
      const docs = t.docs[i] as number;
      const m = terms.get(key);
      if (m === undefined) terms.set(key, { count, error, own: count - error, docs });
      else {
        m.count += count;
        m.error += error;
        m.own += count - error;
        m.docs += docs;
      }
    });
    for (const g of t.groups) {
      const into = groups.get(g.key);
      if (into === undefined) groups.set(g.key, { words: g.words, documents: g.documents });
      else {
        into.words += g.words;
        into.documents += g.documents;
      }
    }
  }
  for (const t of all) {
    if (!t.evicted || t.floor === 0) continue;
    const present = new Set(t.keys);
    for (const [key, m] of terms) if (!present.has(key)) m.error += t.floor;
  }
  return { terms, words, documents, estimated, groups };
}

/** What a shard needs of a document: its body as paragraphs or text, or the file to read it from. */
function wordsInput(d: AnalysedDocument): WordsInput {
  const { id, lang, boilerplate, source, date } = d.record;
  const record = { id, lang, boilerplate, source, date };
  if (d.lines.length > 0 || d.paragraphs.length > 0) return { record, paragraphs: d.paragraphs };
  if (d.text !== '') return { record, text: d.text };
  if (d.file)
    return { record, file: { absPath: d.file.absPath, relPath: d.file.relPath, displayPath: d.file.displayPath } };
  return { record, paragraphs: [] };
}
