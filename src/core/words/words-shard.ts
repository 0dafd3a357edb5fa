// One shard of `words` and `keywords`: the documents it is given (in a worker thread, or in this
// one), tokenized, folded and counted, as terms or n-grams in a bounded table (term-table.ts),
// with the postings (term, count) of each document kept compactly, so that the dispersion and the
// per-group counts of the few terms a run shows are computed at the end, once the corpus-wide
// frequencies are known, without a second read of the text.

import { bodyParagraphs } from '../analyse/body-input.js';
import type { FoundFile } from '../input/walk.js';
import type { DocumentRecord } from '../types.js';
import { NUMBER, SENTENCE, TermCache, WORD, type Folding, type FoldedTokens } from '../stats/folded.js';
import type { StopwordSettings } from '../stats/stopwords.js';
import { dpTerm } from './measures.js';
import { periodKey, type PeriodBy } from './periods.js';
import { Postings } from './postings.js';
import { TermTable, type TermEntry } from './term-table.js';

/** How terms are counted. */
export interface CountOptions {
  /** Words per term: 1 (words) to 5. */
  n: number;
  /** Count terms folded (lower case, apostrophes straight; the default) rather than as written. */
  fold: boolean;
  /** Count numbers as words (they are left out by default). */
  numbers: boolean;
  /** Leave out stop words (n = 1), or n-grams that begin or end with one (n > 1). */
  noStopwords: boolean;
  /** Group the documents for the per-group counts of {@link WordsShard.detail}. */
  by?: PeriodBy;
  /** Distinct terms a shard counts exactly; past it, Space-Saving estimates (term-table.ts). */
  capacity?: number;
  /** The run's stop words (`--stopwords`), for the worker threads to set (stats/stopwords.ts). */
  stopwords?: StopwordSettings;
}

/** Distinct words a shard counts exactly; past it, Space-Saving estimates as for n-grams. */
export const WORD_CAPACITY = 4_000_000;
/**
 * Distinct n-grams a shard counts exactly; past it the counts are Space-Saving estimates, each
 * at most N / capacity above the true count (N: the shard's n-gram occurrences).
 */
export const NGRAM_CAPACITY = 200_000;

/** The record fields a shard reads. */
export type WordsRecord = Pick<DocumentRecord, 'id' | 'lang' | 'boilerplate' | 'source' | 'date'>;

/** One document for a shard: its body as paragraphs, as text to split, or as the file to read. */
export interface WordsInput {
  record: WordsRecord;
  file?: FoundFile;
  text?: string;
  paragraphs?: string[];
}

/** A shard's counts once every document is in. */
export interface ShardTotals {
  keys: string[];
  counts: Float64Array;
  errors: Float64Array;
  docs: Int32Array;
  /** Words (tokens counted) and documents of the shard. */
  words: number;
  documents: number;
  /** The least count of a full table: a term absent from it may have had up to this many. */
  floor: number;
  evicted: boolean;
  /** Per group of `by`: its words and documents. */
  groups: { key: string; words: number; documents: number }[];
}

/** The terms a run shows, with the corpus-wide figures the shard needs for them. */
export interface DetailRequest {
  keys: string[];
  /** Each term's occurrences counted in postings, over every shard (f of DP). */
  own: number[];
  /** Words of the whole corpus read. */
  words: number;
}

/** A shard's share of the detail of the terms asked. */
export interface ShardDetail {
  /** Per term: the sum of DP's part terms over the shard's documents holding it (measures.ts dpTerm). */
  dp: Float64Array;
  /** Per term: its count in each of the shard's groups (by group key). */
  groups: Record<string, number>[];
}

/** A typed array twice as long (at least `min`), with the same start. */
function grown(array: Int32Array, min: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(min, array.length * 2));
  out.set(array);
  return out;
}

/**
 * The key an n-gram is counted under: its words' ids, two UTF-16 units each, in order. Shorter
 * than the words joined, and made in one call rather than by concatenation, for every n-gram of
 * the corpus; {@link WordsShard.totals} gives the n-grams back as text.
 */
function ngramKey(ring: Int32Array, end: number, n: number, codes: number[]): string {
  for (let k = 0; k < n; k++) {
    const id = ring[(end - n + 1 + k + n) % n] as number;
    codes[2 * k] = id & 0xffff;
    codes[2 * k + 1] = id >>> 16;
  }
  return String.fromCharCode(...codes);
}

export class WordsShard {
  private readonly cache = new TermCache();
  private readonly table: TermTable;
  /** The document's n-grams and their counts (n > 1). */
  private readonly docCounts = new Map<string, number>();
  /** n = 1: per slot of the table, the word's count in the document being read. */
  private docV = new Int32Array(1024);
  /** n = 1: the slots the document touched. */
  private touched = new Int32Array(1024);
  private touchedLen = 0;
  /** n > 1: the ids of the last n words, and whether each is a stop word. */
  private readonly ring: Int32Array;
  private readonly codes: number[];
  /** n > 1: each word's id (remembered in its folding, as the words' slots are for n = 1). */
  private readonly wordIds = new Map<string, number>();
  private readonly wordTexts: string[] = [];
  private readonly stopRing: boolean[];
  private readonly postings = new Postings();
  private words = 0;
  private readonly groupIndex = new Map<string, number>();
  private readonly groupKeys: string[] = [];
  private readonly groupWords: number[] = [];
  private readonly groupDocs: number[] = [];

  constructor(private readonly options: CountOptions) {
    const capacity = options.capacity ?? (options.n === 1 ? WORD_CAPACITY : NGRAM_CAPACITY);
    this.table = new TermTable(capacity);
    this.ring = new Int32Array(options.n);
    this.codes = new Array<number>(2 * options.n).fill(0);
    this.stopRing = new Array<boolean>(options.n).fill(false);
  }

  /** Reads and counts one document; returns the problems met reading its file, as [path, message]. */
  add(input: WordsInput): [string, string][] {
    const warnings: [string, string][] = [];
    const paragraphs = bodyParagraphs(input, warnings);
    this.count(paragraphs.join('\n'), input.record);
    return warnings;
  }

  /** Counts a body's terms into the document's counts, then into the table and the postings. */
  private count(body: string, record: WordsRecord): void {
    const tokens = this.cache.scan(body, record.lang);
    this.docCounts.clear();
    const size = this.options.n === 1 ? this.countWords(tokens) : this.countNgrams(tokens);
    this.endDocument(size, record);
  }

  /**
   * Counts a document's words: by their slot in the table, remembered in each form's folding (the
   * `vocab` memo, under this shard's name: folded.ts), so that a form met before costs no lookup;
   * by their text (docCounts) once the table is full (4 million distinct words), when slots may
   * change hands. Returns the words the document has (stop words too).
   */
  private countWords(tokens: FoldedTokens): number {
    const { fold, numbers, noStopwords } = this.options;
    const { length, kinds, folds } = tokens;
    const useSlots = !this.table.full;
    let docV = this.docV;
    let touched = this.touched;
    let touchedLen = this.touchedLen;
    let size = 0;
    for (let i = 0; i < length; i++) {
      const kind = kinds[i];
      if (kind !== WORD && !(numbers && kind === NUMBER)) continue;
      size++;
      const f = folds[i] as Folding;
      if (noStopwords && f.stop) continue;
      let slot = -1;
      if (useSlots) {
        if (f.vocabOwner === this) slot = f.vocab as number;
        else {
          slot = this.table.intern(fold ? f.term : f.form);
          if (slot >= 0) {
            f.vocabOwner = this;
            f.vocab = slot;
          }
        }
      }
      if (slot < 0) {
        const key = fold ? f.term : f.form;
        this.docCounts.set(key, (this.docCounts.get(key) ?? 0) + 1);
        continue;
      }
      if (slot >= docV.length) docV = this.docV = grown(docV, slot + 1);
      if (docV[slot] === 0) {
        if (touchedLen === touched.length) touched = this.touched = grown(touched, 0);
        touched[touchedLen++] = slot;
      }
      docV[slot] = (docV[slot] as number) + 1;
    }
    this.touchedLen = touchedLen;
    return size;
  }

  /** Counts a document's n-grams into docCounts; returns the words the document has. */
  private countNgrams(tokens: FoldedTokens): number {
    const { n, fold, numbers, noStopwords } = this.options;
    const { length, kinds, gaps, folds } = tokens;
    const counts = this.docCounts;
    const ring = this.ring;
    const stops = this.stopRing;
    let size = 0;
    // Words in a row so far: an n-gram needs n of them, not across a sentence or a left-out token.
    let run = 0;
    for (let i = 0; i < length; i++) {
      const kind = kinds[i];
      if (!(kind === WORD || (numbers && kind === NUMBER))) {
        run = 0;
        continue;
      }
      size++;
      const f = folds[i] as Folding;
      let id: number;
      if (f.vocabOwner === this) id = f.vocab as number;
      else {
        const key = fold ? f.term : f.form;
        id = this.wordIds.get(key) ?? -1;
        if (id < 0) {
          id = this.wordTexts.length;
          this.wordIds.set(key, id);
          this.wordTexts.push(key);
        }
        f.vocabOwner = this;
        f.vocab = id;
      }
      if (gaps[i] === SENTENCE) run = 0;
      ring[run % n] = id;
      stops[run % n] = f.stop;
      run++;
      if (run < n) continue;
      // `la Russie`, `président de` are no clusters of content words; `président de la République` is.
      if (noStopwords && (stops[(run - n) % n] === true || stops[(run - 1) % n] === true)) continue;
      const gram = ngramKey(ring, (run - 1) % n, n, this.codes);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
    return size;
  }

  private endDocument(size: number, record: WordsRecord): void {
    this.words += size;
    let g = 0;
    if (this.options.by !== undefined) {
      const key = periodKey(this.options.by, record);
      const known = this.groupIndex.get(key);
      if (known === undefined) {
        g = this.groupKeys.length;
        this.groupIndex.set(key, g);
        this.groupKeys.push(key);
        this.groupWords.push(0);
        this.groupDocs.push(0);
      } else g = known;
      this.groupWords[g] = (this.groupWords[g] as number) + size;
      this.groupDocs[g] = (this.groupDocs[g] as number) + 1;
    }
    this.postings.startDocument(size, g);
    for (let t = 0; t < this.touchedLen; t++) {
      const slot = this.touched[t] as number;
      const v = this.docV[slot] as number;
      this.docV[slot] = 0;
      this.table.bump(slot, v);
      this.postings.add(slot, v);
    }
    this.touchedLen = 0;
    for (const [key, v] of this.docCounts) this.postings.add(this.table.add(key, v, this.postings.length), v);
  }

  /** A term as text, from the key it is counted under (see {@link ngramKey}). */
  private textOf(key: string): string {
    if (this.options.n === 1) return key;
    const words: string[] = [];
    for (let k = 0; k < key.length; k += 2)
      words.push(this.wordTexts[key.charCodeAt(k) + key.charCodeAt(k + 1) * 0x10000] as string);
    return words.join(' ');
  }

  /** The key a term given as text is counted under, or null when one of its words never occurred. */
  private keyOf(text: string): string | null {
    if (this.options.n === 1) return text;
    const codes: number[] = [];
    for (const word of text.split(' ')) {
      const id = this.wordIds.get(word);
      if (id === undefined) return null;
      codes.push(id & 0xffff, id >>> 16);
    }
    return String.fromCharCode(...codes);
  }

  /** The shard's counts: every term of its table, its words, documents and groups. */
  totals(): ShardTotals {
    const size = this.table.size;
    const keys: string[] = new Array<string>(size);
    for (let s = 0; s < size; s++) keys[s] = this.textOf(this.table.keyOf(s));
    return {
      keys,
      counts: this.table.counts.slice(0, size),
      errors: this.table.errors.slice(0, size),
      docs: this.table.docs.slice(0, size),
      words: this.words,
      documents: this.postings.documents,
      floor: this.table.floor(),
      evicted: this.table.evicted,
      groups: this.groupKeys.map((key, g) => ({
        key,
        words: this.groupWords[g] as number,
        documents: this.groupDocs[g] as number,
      })),
    };
  }

  /**
   * The DP part sums and per-group counts of the terms asked, from one walk over the postings:
   * a posting counts for a term only from the one its slot took it at (term-table.ts `since`).
   */
  detail(request: DetailRequest): ShardDetail {
    const asked = new Int32Array(this.table.size).fill(-1);
    request.keys.forEach((text, i) => {
      const key = this.keyOf(text);
      const slot = key === null ? -1 : this.table.slotOf(key);
      if (slot >= 0) asked[slot] = i;
    });
    const dp = new Float64Array(request.keys.length);
    const byGroup = this.options.by !== undefined;
    const groups = request.keys.map(() => new Float64Array(this.groupKeys.length));
    const since = this.table.since;
    this.postings.forEach((at, slot, v, size, g) => {
      const i = asked[slot] as number;
      if (i < 0 || at < (since[slot] as number)) return;
      const f = request.own[i] as number;
      if (f > 0 && request.words > 0) dp[i] = (dp[i] as number) + dpTerm(v, f, size, request.words);
      if (byGroup) {
        const counts = groups[i] as Float64Array;
        counts[g] = (counts[g] as number) + v;
      }
    });
    return {
      dp,
      groups: groups.map((counts) => {
        const out: Record<string, number> = {};
        counts.forEach((c, g) => {
          if (c > 0) out[this.groupKeys[g] as string] = c;
        });
        return out;
      }),
    };
  }
}

export type { TermEntry };
