// The overview section of a summary: its figures (totals, lengths, dates) accumulated one
// document at a time, once for the whole corpus and once per group for `--by`.

import type { DocumentRecord } from '../types.js';
import { foldTerm } from '../stats/vocabulary.js';
import type { Token } from '../stats/tokenize.js';
import type { SummarySection } from './section.js';
import { groupKey, type GroupBy } from './shard.js';

/** The corpus, or one group of it, in figures. */
export interface Overview {
  documents: number;
  bytes: number;
  words: number;
  distinctWords: number;
  /** Distinct words / words (falls as a corpus grows: compare like sizes). */
  typeTokenRatio: number;
  meanWords: number;
  medianWords: number;
  shortest: { id: string; words: number } | null;
  longest: { id: string; words: number } | null;
  dateRange: { from: string; to: string } | null;
  undated: number;
  untitled: number;
}

const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * Accumulates an {@link Overview}; memory: 4 bytes a document plus the distinct words. Without
 * `countTypes`, distinct words are left at 0 for the caller to fill from its own vocabulary.
 */
export class OverviewAccumulator {
  constructor(private readonly countTypes = true) {}

  private documents = 0;
  private bytes = 0;
  private words = 0;
  private tokens = 0;
  private readonly types = new Set<string>();
  private lengths = new Int32Array(1024);
  private shortest: { id: string; words: number } | null = null;
  private longest: { id: string; words: number } | null = null;
  private from: string | null = null;
  private to: string | null = null;
  private undated = 0;
  private untitled = 0;

  /** Adds a document and its body tokens. */
  add(record: DocumentRecord, tokens: readonly Token[]): void {
    if (this.documents === this.lengths.length) {
      const grown = new Int32Array(this.lengths.length * 2);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[this.documents++] = record.words;
    this.bytes += record.bytes;
    this.words += record.words;
    if (this.countTypes) {
      for (const t of tokens) {
        if (t.kind !== 'word') continue;
        this.tokens++;
        this.types.add(foldTerm(t.text));
      }
    }
    if (!this.shortest || record.words < this.shortest.words) this.shortest = { id: record.id, words: record.words };
    if (!this.longest || record.words > this.longest.words) this.longest = { id: record.id, words: record.words };
    if (record.date === null) this.undated++;
    else {
      if (this.from === null || record.date < this.from) this.from = record.date;
      if (this.to === null || record.date > this.to) this.to = record.date;
    }
    if (record.title === null) this.untitled++;
  }

  /** Adds distinct words and word tokens counted elsewhere (by a worker), for the type/token figures. */
  addTypes(types: Iterable<string>, tokens: number): void {
    for (const t of types) this.types.add(t);
    this.tokens += tokens;
  }

  /** The figures so far. */
  result(): Overview {
    const sorted = this.lengths.slice(0, this.documents).sort();
    const mid = sorted.length >> 1;
    const median =
      sorted.length === 0
        ? 0
        : sorted.length % 2 === 1
          ? (sorted[mid] ?? 0)
          : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
    return {
      documents: this.documents,
      bytes: this.bytes,
      words: this.words,
      distinctWords: this.types.size,
      typeTokenRatio: this.tokens === 0 ? 0 : round(this.types.size / this.tokens),
      meanWords: this.documents === 0 ? 0 : round(this.words / this.documents, 1),
      medianWords: median,
      shortest: this.shortest,
      longest: this.longest,
      dateRange: this.from !== null && this.to !== null ? { from: this.from, to: this.to } : null,
      undated: this.undated,
      untitled: this.untitled,
    };
  }
}

/** The overview section: the corpus's figures, and each group's with `--by`. */
export interface OverviewSection extends Overview {
  groups?: { by: GroupBy; group: string; overview: Overview }[];
}

// The record alone: the words are counted in the shards.
const NO_TOKENS: readonly Token[] = [];

/** The corpus's figures, and each group's; the distinct words come from the shards. */
export const overviewSection: SummarySection<OverviewSection> = ({ by }) => {
  // The corpus's distinct words come from the vocabulary, which counts them anyway.
  const overview = new OverviewAccumulator(false);
  const groups = new Map<string, OverviewAccumulator>();
  return {
    addRecord(record) {
      overview.add(record, NO_TOKENS);
      if (!by) return;
      const key = groupKey(by, record);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = new OverviewAccumulator()));
      group.add(record, NO_TOKENS);
    },
    result({ finals, languages }) {
      for (const f of finals) for (const g of f.groups) groups.get(g.key)?.addTypes(g.types, g.tokens);
      const types = languages.reduce((sum, l) => sum + l.stats.types, 0);
      const tokens = languages.reduce((sum, l) => sum + l.stats.tokens, 0);
      return {
        ...overview.result(),
        distinctWords: types,
        typeTokenRatio: tokens === 0 ? 0 : Math.round((types / tokens) * 1000) / 1000,
        ...(by
          ? {
              groups: [...groups.entries()]
                .sort((a, b) => (a[0] < b[0] ? -1 : 1))
                .map(([group, acc]) => ({ by, group, overview: acc.result() })),
            }
          : {}),
      };
    },
  };
};
