// `summarise` as data: one streaming pass over analysed documents feeds every section's
// accumulator; memory grows with the vocabulary and a few numbers a document, not the text.

import type { AnalysedDocument } from '../analyse/analyse-document.js';
import { unpackKeyTerms, type DocumentKeyTerms } from '../stats/distinctive.js';
import { Names, type NameCount } from '../stats/names.js';
import { exactDuplicateGroups, MINHASH, NearDuplicates, type NearDuplicateGroup } from '../stats/near-duplicates.js';
import type { TermCount } from '../stats/vocabulary.js';
import type { WarningHandler } from '../types.js';
import { OverviewAccumulator, type Overview } from './overview.js';
import { LocalShards, SummaryPool, summaryWorkersAvailable, type Shards } from '../workers/summary-pool.js';
import {
  LengthsAccumulator,
  LinesAccumulator,
  Tally,
  TimelineAccumulator,
  type LengthBin,
  type LineCount,
  type Timeline,
} from './sections.js';
import {
  groupKey,
  SummaryShard,
  type GroupBy,
  type ShardDocResult,
  type ShardFinal,
  type ShardInput,
} from './shard.js';

export type { GroupBy };

/** The section names, in the order they are shown: the keys of `--json`. */
export const SECTIONS = [
  'overview',
  'languages',
  'timeline',
  'sources',
  'lengths',
  'vocabulary',
  'names',
  'distinctive',
  'duplicates',
  'boilerplate',
  'quality',
] as const;
export type SectionName = (typeof SECTIONS)[number];

/** The quality flags, in the order they are reported. */
export const QUALITY_FLAGS = [
  'und',
  'mixed-language',
  'encoding-fallback',
  'short',
  'no-date',
  'no-title',
  'duplicate',
  'near-duplicate',
];

export interface SummaryOptions {
  /** Rows per section (terms, names, sources…). */
  top: number;
  /** Also give the overview per group. */
  by?: GroupBy;
  /** Language code → name, for the languages section. */
  languageName?: (code: string) => string | null;
  /** Worker threads (1, the default: all in this thread); used from {@link PARALLEL_MIN_DOCUMENTS} documents. */
  jobs?: number;
  /** Problems reading a document's file again (the documents may come without their text). */
  onWarning?: WarningHandler;
  /** Keep the `jobs` shards in this thread (for tests: the workers run only from the build). */
  localShards?: boolean;
}

/** Fewer documents than this are summarised in this thread: starting workers costs more. */
export const PARALLEL_MIN_DOCUMENTS = 200;
/** Documents handed to the workers ahead of the one being merged. */
const IN_FLIGHT = 1024;

export interface Summary {
  overview: Overview & { groups?: { by: GroupBy; group: string; overview: Overview }[] };
  languages: {
    languages: { lang: string; name: string | null; documents: number; words: number }[];
    mixed: number;
    und: number;
  };
  timeline: Timeline;
  sources: { sources: { source: string; documents: number }[]; unknown: number };
  lengths: { bins: LengthBin[] };
  vocabulary: {
    stopWords: string;
    languages: {
      lang: string;
      tokens: number;
      types: number;
      typeTokenRatio: number;
      terms: TermCount[];
      bigrams: TermCount[];
    }[];
  };
  names: NameCount[];
  distinctive: { measure: string; documents: DocumentKeyTerms[] };
  duplicates: {
    exact: { ids: string[] }[];
    near: { ids: string[]; similarity: number }[];
    method: { shingleWords: number; permutations: number; bands: number; rows: number; threshold: number };
  };
  boilerplate: { documents: number; lines: number; shared: LineCount[]; top: LineCount[] };
  quality: { flag: string; documents: number; ids: string[] }[];
}

/** What a document needs to be summarised in a shard, from what the corpus reader gives. */
function shardInput(seq: number, d: AnalysedDocument): ShardInput {
  const { id, lang, hash, boilerplate, source, date } = d.record;
  const record = { id, lang, hash, boilerplate, source, date };
  if (d.lines.length > 0 || d.paragraphs.length > 0) return { seq, record, lines: d.lines, paragraphs: d.paragraphs };
  if (d.text !== '') return { seq, record, text: d.text };
  if (d.file)
    return { seq, record, file: { absPath: d.file.absPath, relPath: d.file.relPath, displayPath: d.file.displayPath } };
  return { seq, record, lines: [], paragraphs: [] };
}

/**
 * Summarises the documents in one pass. The documents may come without their text (with the
 * file to read it from): the text is read where it is analysed. With `jobs` > 1, the languages
 * are shared out among worker threads, each analysing all the documents of its languages in
 * corpus order; this thread keeps what needs the whole corpus in order, and merges.
 */
export async function summarise(docs: AsyncIterable<AnalysedDocument>, options: SummaryOptions): Promise<Summary> {
  // The corpus's distinct words come from the vocabulary, which counts them anyway.
  const overview = new OverviewAccumulator(false);
  const groups = new Map<string, OverviewAccumulator>();
  const langDocs = new Tally();
  const langWords = new Tally();
  const sources = new Tally();
  let unknownSource = 0;
  let mixed = 0;
  const timeline = new TimelineAccumulator();
  const lengths = new LengthsAccumulator();
  const near = new NearDuplicates();
  const hashes: { id: string; hash: string }[] = [];
  const lines = new LinesAccumulator();
  const flagged = new Map<string, string[]>(QUALITY_FLAGS.map((f) => [f, []]));
  const warn = options.onWarning ?? (() => {});

  // The documents of the whole corpus, in order: the record's figures at once, the rest when
  // the document's shard has analysed it.
  const addRecord = (d: AnalysedDocument): void => {
    const { record } = d;
    overview.add(record, []);
    if (options.by) {
      const key = groupKey(options.by, record);
      let acc = groups.get(key);
      if (!acc) groups.set(key, (acc = new OverviewAccumulator()));
      acc.add(record, []);
    }
    langDocs.add(record.lang);
    langWords.add(record.lang, record.words);
    if (record.flags.includes('mixed-language')) mixed++;
    if (record.source === null) unknownSource++;
    else sources.add(record.source);
    timeline.add(record);
    lengths.add(record);
    for (const f of record.flags) flagged.get(f)?.push(record.id);
  };
  const addResult = (d: AnalysedDocument, r: ShardDocResult): void => {
    const { record } = d;
    for (const [path, message] of r.warnings) warn(path, message);
    if (r.hasTokens) {
      near.addSignature(record.id, r.sig, record.hash);
      hashes.push({ id: record.id, hash: record.hash });
    }
    lines.addPrepared(record, r.lines);
  };

  // A small corpus is summarised here: the first documents decide.
  const iterator = docs[Symbol.asyncIterator]();
  const head: AnalysedDocument[] = [];
  let ended = false;
  const jobs = options.jobs ?? 1;
  const threads = jobs > 1 && !options.localShards && summaryWorkersAvailable();
  if (threads || (jobs > 1 && options.localShards)) {
    while (head.length < PARALLEL_MIN_DOCUMENTS) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
    }
  }
  async function* all(): AsyncGenerator<AnalysedDocument> {
    try {
      yield* head;
      while (!ended) {
        const next = await iterator.next();
        if (next.done) ended = true;
        else yield next.value;
      }
    } finally {
      // Stopped early (an error): let the reader close what it opened.
      if (!ended) await iterator.return?.();
    }
  }

  let finals: ShardFinal[];
  let nearGroups: NearDuplicateGroup[];
  let seq = 0;
  if (jobs > 1 && head.length >= PARALLEL_MIN_DOCUMENTS) {
    const pool: Shards = threads
      ? new SummaryPool(jobs, { by: options.by })
      : new LocalShards(jobs, { by: options.by });
    try {
      // Each language goes to the worker with the fewest words so far when it is first seen.
      const workerOf = new Map<string, number>();
      const load = new Array<number>(pool.size).fill(0);
      const queue: { d: AnalysedDocument; result: Promise<ShardDocResult>; done: ShardDocResult | null }[] = [];
      const settle = async (): Promise<void> => {
        const slot = queue.shift() as (typeof queue)[number];
        if (slot.done === null) pool.flush();
        addResult(slot.d, slot.done ?? (await slot.result));
      };
      for await (const d of all()) {
        addRecord(d);
        let w = workerOf.get(d.record.lang);
        if (w === undefined) {
          w = load.indexOf(Math.min(...load));
          workerOf.set(d.record.lang, w);
        }
        load[w] = (load[w] ?? 0) + d.record.words + 50;
        const slot: (typeof queue)[number] = { d, result: pool.submit(w, shardInput(seq++, d)), done: null };
        slot.result.then(
          (r) => (slot.done = r),
          () => {},
        );
        queue.push(slot);
        while (queue.length > IN_FLIGHT) await settle();
      }
      while (queue.length > 0) await settle();
      // The near duplicates are found here while the workers finish their shards.
      const finishing = pool.finish(options.top);
      nearGroups = near.groups();
      finals = await finishing;
    } finally {
      await pool.close();
    }
  } else {
    const shard = new SummaryShard({ by: options.by });
    for await (const d of all()) {
      addRecord(d);
      addResult(d, shard.add(shardInput(seq++, d)));
    }
    finals = [shard.finish(options.top)];
    nearGroups = near.groups();
  }

  // Merge the shards.
  const vocabLangs = finals
    .flatMap((f) => f.languages)
    .sort((a, b) => b.stats.documents - a.stats.documents || (a.stats.lang < b.stats.lang ? -1 : 1));
  const names = new Names();
  const distinctive: DocumentKeyTerms[] = new Array(seq);
  for (const f of finals) {
    names.merge(f.names);
    unpackKeyTerms(f.distinctive.terms).forEach((terms, i) => (distinctive[f.distinctive.seqs[i] as number] = terms));
    for (const g of f.groups) groups.get(g.key)?.addTypes(g.types, g.tokens);
  }

  const vocabStats = vocabLangs.map((l) => l.stats);
  const types = vocabStats.reduce((sum, v) => sum + v.types, 0);
  const wordTokens = vocabStats.reduce((sum, v) => sum + v.tokens, 0);
  flagged.set(
    'near-duplicate',
    nearGroups.flatMap((g) => g.ids),
  );
  const top = options.top;
  return {
    overview: {
      ...overview.result(),
      distinctWords: types,
      typeTokenRatio: wordTokens === 0 ? 0 : Math.round((types / wordTokens) * 1000) / 1000,
      ...(options.by
        ? {
            groups: [...groups.entries()]
              .sort((a, b) => (a[0] < b[0] ? -1 : 1))
              .map(([group, acc]) => ({ by: options.by as GroupBy, group, overview: acc.result() })),
          }
        : {}),
    },
    languages: {
      languages: langDocs.entries().map(([lang, documents]) => ({
        lang,
        name: options.languageName?.(lang) ?? null,
        documents,
        words: langWords.get(lang),
      })),
      mixed,
      und: langDocs.get('und'),
    },
    timeline: timeline.result(),
    sources: {
      sources: sources
        .entries()
        .slice(0, top)
        .map(([source, documents]) => ({ source, documents })),
      unknown: unknownSource,
    },
    lengths: { bins: lengths.result() },
    vocabulary: {
      stopWords: 'stopwords-iso',
      languages: vocabLangs
        .map((l) => ({ ...l.stats, terms: l.terms, bigrams: l.bigrams }))
        .map(({ lang, tokens, types, typeTokenRatio, terms, bigrams }) => ({
          lang,
          tokens,
          types,
          typeTokenRatio: Math.round(typeTokenRatio * 1000) / 1000,
          terms,
          bigrams,
        })),
    },
    names: names.top(top),
    distinctive: {
      measure: 'log-likelihood G² against the rest of the corpus in the same language',
      documents: distinctive,
    },
    duplicates: {
      exact: exactDuplicateGroups(hashes).map((ids) => ({ ids })),
      near: nearGroups.map((g) => ({ ids: g.ids, similarity: Math.round(g.similarity * 1000) / 1000 })),
      method: {
        shingleWords: MINHASH.shingle,
        permutations: MINHASH.permutations,
        bands: MINHASH.bands,
        rows: MINHASH.rows,
        threshold: MINHASH.threshold,
      },
    },
    boilerplate: lines.result(top),
    quality: QUALITY_FLAGS.map((flag) => {
      const ids = flagged.get(flag) ?? [];
      return { flag, documents: ids.length, ids };
    }),
  };
}
