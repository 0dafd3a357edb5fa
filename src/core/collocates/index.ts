// `corpus collocates` as data (docs/spec.md, collocates): one pass over the corpus counts every
// token and the tokens of the node's windows, in shares (worker threads for a large corpus); the
// shares' candidates are merged, kept from --min-freq co-occurrences, given their corpus
// frequencies, scored and sorted.

import type { AnalysedDocument } from '../analyse/analyse-document.js';
import { buildMatcher } from '../search/index.js';
import { useStopwords } from '../stats/stopwords.js';
import { CollocatesShard, type CollocatesInput, type CollocatesSpec, type ShareTotals } from './shard.js';
import { scoreCollocate, type CollocateScores } from './measures.js';
import { localShares, poolShares, type Shares } from './shares.js';

export type { CollocatesSpec } from './shard.js';
export { scoreCollocate, logLikelihood2x2, type CollocateScores, type CollocateCounts } from './measures.js';

/** What the collocates can be sorted by: a measure, or the co-occurrence count. */
export const MEASURES = ['logdice', 'mi', 'mi3', 't', 'll', 'freq'] as const;
export type Measure = (typeof MEASURES)[number];

/** How a run goes. */
export interface CollocatesOptions {
  spec: CollocatesSpec;
  /** Least co-occurrences (O11) a collocate needs. */
  minFreq: number;
  measure: Measure;
  /** Rows kept, best first (0: all). */
  top: number;
  /** Worker threads from {@link PARALLEL_MIN_DOCUMENTS} documents (1: all in this thread). */
  jobs?: number;
  onWarning?: (path: string, message: string) => void;
}

/** One collocate, with its counts and measures. */
export interface Collocate extends CollocateScores {
  collocate: string;
  /** O11, and its parts left and right of the node. */
  freqSpan: number;
  freqLeft: number;
  freqRight: number;
  /** f(c). */
  freqCorpus: number;
  /** f(n). */
  freqNode: number;
}

/** The result of a run. */
export interface CollocatesResult {
  collocates: Collocate[];
  /** Collocates past `top`, left out. */
  more: number;
  /** f(n), and the documents where the node occurs. */
  node: { frequency: number; documents: number };
  /** N, and the documents read. */
  tokens: number;
  documents: number;
}

/** Fewer documents than this are counted in this thread: starting workers costs more. */
export const PARALLEL_MIN_DOCUMENTS = 200;

const KEY: Record<Measure, (c: Collocate) => number> = {
  logdice: (c) => c.logDice,
  mi: (c) => c.mi,
  mi3: (c) => c.mi3,
  t: (c) => c.t,
  ll: (c) => c.ll,
  freq: (c) => c.freqSpan,
};

/**
 * Best first by the measure, then by co-occurrences (by logDice when sorting by co-occurrences),
 * then by the collocate's code units: the order never depends on the shares' order.
 */
export function compareCollocates(measure: Measure): (a: Collocate, b: Collocate) => number {
  const key = KEY[measure];
  const tie = measure === 'freq' ? KEY.logdice : KEY.freq;
  return (a, b) =>
    key(b) - key(a) || tie(b) - tie(a) || (a.collocate < b.collocate ? -1 : a.collocate > b.collocate ? 1 : 0);
}

/** What a document needs to be counted in a share, from what the corpus reader gives. */
function inputOf(d: AnalysedDocument): CollocatesInput {
  const { path, lang, boilerplate } = d.record;
  const record = { path, lang, boilerplate };
  if (d.paragraphs.length > 0 || d.lines.length > 0) return { record, paragraphs: d.paragraphs };
  if (d.text !== '') return { record, text: d.text };
  if (d.file)
    return { record, file: { absPath: d.file.absPath, relPath: d.file.relPath, displayPath: d.file.displayPath } };
  return { record, paragraphs: [] };
}

/** Counts the documents in shares: in this thread for a small corpus, else in worker threads. */
async function countShares(docs: AsyncIterable<AnalysedDocument>, options: CollocatesOptions): Promise<Shares> {
  // The run's stop words, here and (through the spec) in the workers; none given: each language's.
  useStopwords(options.spec.stopList);
  const iterator = docs[Symbol.asyncIterator]();
  const head: AnalysedDocument[] = [];
  let next = await iterator.next();
  while (!next.done && head.length < PARALLEL_MIN_DOCUMENTS) {
    head.push(next.value);
    if (head.length < PARALLEL_MIN_DOCUMENTS) next = await iterator.next();
  }
  const jobs = options.jobs ?? 1;
  const shares =
    jobs > 1 && head.length >= PARALLEL_MIN_DOCUMENTS
      ? await poolShares(jobs, options.spec, options.onWarning)
      : localShares(new CollocatesShard(options.spec, buildMatcher(options.spec.matcher)), options.onWarning);
  try {
    for (const d of head) await shares.add(inputOf(d));
    if (head.length >= PARALLEL_MIN_DOCUMENTS) {
      for (next = await iterator.next(); !next.done; next = await iterator.next())
        await shares.add(inputOf(next.value));
    }
  } catch (err) {
    await iterator.return?.();
    await shares.close();
    throw err;
  }
  return shares;
}

/** The collocates of the node in the documents. */
export async function collocates(
  docs: AsyncIterable<AnalysedDocument>,
  options: CollocatesOptions,
): Promise<CollocatesResult> {
  const shares = await countShares(docs, options);
  try {
    const found = await shares.candidates();
    const totals: ShareTotals = { tokens: 0, nodes: 0, documents: 0, nodeDocuments: 0 };
    const merged = new Map<string, { left: number; right: number }>();
    for (const { candidates, totals: t } of found) {
      totals.tokens += t.tokens;
      totals.nodes += t.nodes;
      totals.documents += t.documents;
      totals.nodeDocuments += t.nodeDocuments;
      candidates.keys.forEach((key, i) => {
        const m = merged.get(key) ?? { left: 0, right: 0 };
        m.left += candidates.left[i] as number;
        m.right += candidates.right[i] as number;
        merged.set(key, m);
      });
    }
    const keys = [...merged].filter(([, m]) => m.left + m.right >= Math.max(1, options.minFreq)).map(([k]) => k);
    const frequencies = new Float64Array(keys.length);
    if (keys.length > 0)
      for (const counts of await shares.counts(keys))
        counts.forEach((c, i) => (frequencies[i] = (frequencies[i] as number) + c));
    const { left, right } = options.spec;
    const rows = keys.map((key, i): Collocate => {
      const { left: freqLeft, right: freqRight } = merged.get(key) as { left: number; right: number };
      const counts = { o11: freqLeft + freqRight, fc: frequencies[i] as number, fn: totals.nodes, n: totals.tokens };
      return {
        collocate: key,
        freqSpan: counts.o11,
        freqLeft,
        freqRight,
        freqCorpus: counts.fc,
        freqNode: counts.fn,
        ...scoreCollocate({ ...counts, span: left + right }),
      };
    });
    rows.sort(compareCollocates(options.measure));
    const kept = options.top > 0 ? rows.slice(0, options.top) : rows;
    return {
      collocates: kept,
      more: rows.length - kept.length,
      node: { frequency: totals.nodes, documents: totals.nodeDocuments },
      tokens: totals.tokens,
      documents: totals.documents,
    };
  } finally {
    await shares.close();
  }
}
