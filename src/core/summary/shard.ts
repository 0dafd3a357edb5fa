// The per-document work of `summarise`, and the accumulators that need the text, for one shard
// of the corpus: all the documents of some languages, in corpus order. A shard runs in a worker
// thread (or in this one for a small corpus); the main thread merges the shards' results.
//
// Everything a shard keeps is either per language (vocabulary, distinctive terms: a language
// lives in one shard, so its counts are exactly those of one sequential pass), or a sum that
// merges in any order (names, distinct words per group). What depends on the order of the whole
// corpus (near duplicates, shared lines) goes back to the main thread per document.

import { documentViews } from '../analyse/body.js';
import { readDocumentFile } from '../input/formats/index.js';
import type { DocumentRecord } from '../types.js';
import type { FoundFile } from '../input/walk.js';
import type { SpoolRef } from '../cache/line-spool.js';
import { runScratchFolder } from '../cache/temp-files.js';
import { DistinctiveTerms, type DistinctiveTotals } from '../stats/distinctive.js';
import { Names, type NamesState } from '../stats/names.js';
import { minhash } from '../stats/near-duplicates.js';
import { ContentHashes } from '../stats/signature-spill.js';
import { TermCache, WORD, type Folding } from '../stats/folded.js';
import type { StopwordSettings } from '../stats/stopwords.js';
import { Vocabulary, type TermCount, type VocabularyState, type VocabularyStats } from '../stats/vocabulary.js';
import { prepareLines, type PreparedLines } from './prepare-lines.js';

export type GroupBy = 'lang' | 'source' | 'month';

/** The group of a document for `--by`. */
export function groupKey(by: GroupBy, record: Pick<DocumentRecord, 'lang' | 'source' | 'date'>): string {
  if (by === 'lang') return record.lang;
  if (by === 'source') return record.source ?? '(none)';
  return record.date !== null && /^\d{4}-\d{2}/.test(record.date) ? record.date.slice(0, 7) : '(undated)';
}

/**
 * The fields of a record a shard reads. Only these cross to a worker: the whole record would
 * be copied for every document of the corpus (titles, flags, provenance) and read by no one.
 */
export type ShardRecord = Pick<
  DocumentRecord,
  'id' | 'lang' | 'hash' | 'boilerplate' | 'boilerplateKinds' | 'source' | 'date'
>;

/**
 * One document for a shard: its record and its body, as lines and paragraphs, as text to split,
 * or as the file to read it from (in the worker, so the main thread never reads it).
 */
export interface ShardInput {
  /** Position in the corpus (0-based). */
  seq: number;
  record: ShardRecord;
  file?: FoundFile;
  text?: string;
  lines?: string[];
  paragraphs?: string[];
}

/** What a shard sends back for each document, for the main thread's in-order accumulators. */
export interface ShardDocResult {
  seq: number;
  /** Whether the body has any token (else it counts for neither exact nor near duplicates). */
  hasTokens: boolean;
  /** MinHash signature; null when empty or an exact duplicate of an earlier document of the shard. */
  sig: Uint32Array | null;
  lines: PreparedLines;
  /** Problems reading the file: [path, message]. */
  warnings: [string, string][];
}

/** A language's vocabulary figures, computed in its shard. */
export interface ShardLanguage {
  stats: VocabularyStats;
  terms: TermCount[];
  bigrams: TermCount[];
  /** The terms and bigrams the lists were chosen from, so that a view can say how many it left out. */
  termCount: number;
  bigramCount: number;
}

/** What a shard sends back at the end. */
export interface ShardFinal {
  languages: ShardLanguage[];
  names: NamesState;
  /** Distinctive terms of the shard's documents with their places in the corpus, spooled (stats/distinctive.ts). */
  distinctive: SpoolRef;
  /** Per `--by` group: the distinct (folded) words and the word tokens. */
  groups: { key: string; types: string[]; tokens: number }[];
}

/** What a shard counted, as {@link SummaryShard.exportState} gives it. */
export interface ShardState {
  /** In pieces of at most 10,000 terms or bigrams, made as they are read (a partial writes one a line). */
  vocabulary: Iterable<VocabularyState>;
  names: NamesState;
  distinctive: DistinctiveTotals[];
  /** Per `--by` group: key, word tokens, distinct (folded) words. */
  groups: [string, number, string[]][];
}

/** The options a shard needs. */
export interface ShardOptions {
  by?: GroupBy;
  /** The run's stop words (`--stopwords`), for the worker threads to set (stats/stopwords.ts). */
  stopwords?: StopwordSettings;
  /** The run's scratch folder, where per-document state spills (a worker's; default: this thread's run's). */
  scratch?: string;
  /** False: the distinctive-term candidates of the last document only (a partial summary writes each). */
  keepCandidates?: boolean;
  /** Characters of distinctive-term candidates held in memory before they spill (for tests). */
  spillAt?: number;
}

/** One shard's accumulators. */
export class SummaryShard {
  private readonly vocabulary = new Vocabulary();
  private readonly names = new Names();
  private readonly distinctive: DistinctiveTerms;
  /** The bodies met (16 bytes a document, not a Set of strings' ~80): a repeated one needs no signature. */
  private readonly hashes = new ContentHashes();
  private readonly groups = new Map<string, { types: Set<string>; tokens: number }>();
  private readonly cache = new TermCache();

  private readonly folder: () => string;

  constructor(private readonly options: ShardOptions = {}) {
    const scratch = options.scratch;
    this.folder = scratch === undefined ? runScratchFolder : () => scratch;
    this.distinctive = new DistinctiveTerms({
      folder: this.folder,
      keepCandidates: options.keepCandidates,
      bound: options.spillAt,
    });
  }

  /** Analyses one document; documents must come in corpus order. */
  add(input: ShardInput): ShardDocResult {
    const { record } = input;
    const warnings: [string, string][] = [];
    let lines = input.lines;
    let paragraphs = input.paragraphs;
    if (lines === undefined || paragraphs === undefined) {
      let text = input.text ?? '';
      if (input.file !== undefined) {
        const read = readDocumentFile(input.file, (path, message) => warnings.push([path, message]));
        text = read === null ? '' : read.text;
      }
      ({ lines, paragraphs } = text === '' ? { lines: [], paragraphs: [] } : documentViews(text, record));
    }
    // Tokenized and each token folded once, for every accumulator.
    const folded = this.cache.scan(paragraphs.join('\n'), record.lang);
    const { length, kinds, folds } = folded;
    if (this.options.by) {
      const key = groupKey(this.options.by, record);
      let g = this.groups.get(key);
      if (!g) this.groups.set(key, (g = { types: new Set(), tokens: 0 }));
      for (let i = 0; i < length; i++) {
        if (kinds[i] !== WORD) continue;
        g.tokens++;
        g.types.add((folds[i] as Folding).term);
      }
    }
    this.vocabulary.add(record.id, record.lang, folded);
    this.names.add(record.id, record.lang, folded);
    this.distinctive.add(record.id, record.lang, folded, input.seq);
    let sig: Uint32Array | null = null;
    if (length > 0 && !this.hashes.seen(record.hash)) sig = minhash(folded);
    return { seq: input.seq, hasTokens: length > 0, sig, lines: prepareLines(record, lines), warnings };
  }

  /** The distinctive-term candidates of the document added last (for a partial summary). */
  lastCandidates(): { words: number; terms: string[]; counts: number[] } {
    return this.distinctive.lastCandidates();
  }

  /**
   * Everything the shard counted, as plain arrays, for a partial summary (`summarise --partial`):
   * whole vocabularies, not their top rows, so that shards merge into what one run counts.
   */
  exportState(): ShardState {
    return {
      vocabulary: this.vocabularyChunks(),
      names: this.names.state(),
      distinctive: this.distinctive.exportTotals(),
      groups: [...this.groups].map(([key, g]): [string, number, string[]] => [key, g.tokens, [...g.types]]),
    };
  }

  private *vocabularyChunks(): Generator<VocabularyState> {
    for (const lang of this.vocabulary.languages()) yield* this.vocabulary.exportChunks(lang, 10_000);
  }

  /** The shard's results, with `top` rows per list. */
  finish(top: number): ShardFinal {
    return {
      languages: this.vocabulary.languages().map((lang) => ({
        stats: this.vocabulary.stats(lang),
        terms: this.vocabulary.top(lang, top),
        bigrams: this.vocabulary.topBigrams(lang, top),
        termCount: this.vocabulary.termCount(lang),
        bigramCount: this.vocabulary.bigramCount(lang),
      })),
      names: this.names.state(),
      distinctive: this.distinctive.finaliseTo(top, undefined, this.folder),
      groups: [...this.groups].map(([key, g]) => ({ key, types: [...g.types], tokens: g.tokens })),
    };
  }
}
