// What a summary section is: an accumulator that this thread feeds in corpus order, with each
// document's record and with what the document's shard found in its text, and that gives the
// section's result once every document is in and the shards are merged.

import type { NearDuplicateGroup } from '../stats/near-duplicates.js';
import type { DocumentRecord } from '../types.js';
import type { GroupBy, ShardDocResult, ShardFinal, ShardLanguage } from './shard.js';

/** The options of `summarise` that shape the sections. */
export interface SectionOptions {
  /** Rows per section (terms, names, sources…). */
  top: number;
  /** Also give the overview per group. */
  by?: GroupBy;
  /** Language code → name, for the languages section. */
  languageName?: (code: string) => string | null;
}

/** What the whole pass found, for the sections' results. */
export interface CorpusResults {
  /** The documents summarised. */
  documents: number;
  /** Each shard's results. */
  finals: ShardFinal[];
  /** Every language's vocabulary figures, from the shards: most documents first, then by code. */
  languages: ShardLanguage[];
  /** The groups of near duplicates (found in corpus order, so here rather than in a shard). */
  nearGroups: NearDuplicateGroup[];
}

/** One section's accumulator; the hooks it leaves out are not called. */
export interface SectionAccumulator<T> {
  /** A document's record, in corpus order, as soon as the document is read. */
  addRecord?(record: DocumentRecord): void;
  /** What the document's shard found in its text, in corpus order. */
  addResult?(record: DocumentRecord, result: ShardDocResult): void;
  /** The section, once every document is in. */
  result(corpus: CorpusResults): T;
}

/** A section: makes its accumulator for one run of `summarise`. */
export type SummarySection<T> = (options: SectionOptions) => SectionAccumulator<T>;
