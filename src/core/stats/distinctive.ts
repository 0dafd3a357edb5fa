// Distinctive terms per document: the terms a document uses more than the rest of the corpus in
// its language does, ranked by log-likelihood keyness (G², Dunning 1993, as AntConc computes it).

import { folded, WORD, type FoldedTokens, type Folding } from './folded.js';
import type { Token } from './tokenize.js';

/** A distinctive term of a document. */
export interface KeyTerm {
  term: string;
  /** Occurrences in the document. */
  count: number;
  /** Occurrences in the other documents of the same language. */
  rest: number;
  /** Log-likelihood G²: 3.84 is p < 0.05, 6.63 p < 0.01, 10.83 p < 0.001 (one degree of freedom). */
  keyness: number;
}

/** A document's distinctive terms, most distinctive first. */
export interface DocumentKeyTerms {
  id: string;
  lang: string;
  terms: KeyTerm[];
}

/** Options for {@link DistinctiveTerms}. */
export interface DistinctiveOptions {
  /** Candidate terms kept per document until the corpus is complete (default 40). */
  candidates?: number;
  /** Fewest occurrences in a document for a term to be a candidate (default 2). */
  minCount?: number;
}

/**
 * Log-likelihood G² of a term seen `a` times in a document of `c` words and `b` times in a
 * reference of `d` words: 2·Σ O·ln(O/E) over the two cells, with E = size·(a+b)/(c+d).
 */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  return 2 * ((a > 0 ? a * Math.log(a / e1) : 0) + (b > 0 ? b * Math.log(b / e2) : 0));
}

interface LangTotals {
  lang: string;
  ids: Map<string, number>;
  terms: string[];
  counts: number[];
  words: number;
}

/** Candidates a block holds (term ids and counts: 512 KB a block). */
const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK - 1;

/**
 * The documents' candidates, one column an array: a document's term ids and counts lie side by
 * side in blocks of {@link BLOCK} candidates (never across two). An object and two typed arrays a
 * document cost about 800 bytes besides its candidates, more than the candidates themselves.
 */
class Candidates {
  readonly ids: string[] = [];
  readonly totals: LangTotals[] = [];
  readonly words: number[] = [];
  /** Where a document's candidates start: block × {@link BLOCK} + offset. */
  readonly starts: number[] = [];
  readonly sizes: number[] = [];
  private readonly termIds: Uint32Array[] = [];
  private readonly counts: Uint32Array[] = [];
  private end = 0;

  get length(): number {
    return this.ids.length;
  }

  /** Room for `n` candidates (at most a block), from the returned position. */
  push(id: string, totals: LangTotals, words: number, n: number): number {
    if ((this.end & BLOCK_MASK) + n > BLOCK || this.end === this.termIds.length * BLOCK) {
      this.end = this.termIds.length * BLOCK;
      this.termIds.push(new Uint32Array(BLOCK));
      this.counts.push(new Uint32Array(BLOCK));
    }
    const start = this.end;
    this.end += n;
    this.ids.push(id);
    this.totals.push(totals);
    this.words.push(words);
    this.starts.push(start);
    this.sizes.push(n);
    return start;
  }

  set(at: number, termId: number, count: number): void {
    (this.termIds[at >>> BLOCK_BITS] as Uint32Array)[at & BLOCK_MASK] = termId;
    (this.counts[at >>> BLOCK_BITS] as Uint32Array)[at & BLOCK_MASK] = count;
  }

  termId(at: number): number {
    return (this.termIds[at >>> BLOCK_BITS] as Uint32Array)[at & BLOCK_MASK] as number;
  }

  count(at: number): number {
    return (this.counts[at >>> BLOCK_BITS] as Uint32Array)[at & BLOCK_MASK] as number;
  }
}

/**
 * Two-stage keyness. Stage one, {@link DistinctiveTerms.add}, runs once per document in the
 * streaming pass: it adds the document's term counts to its language's totals and keeps only its
 * top candidate terms (by count in the document). Stage two, {@link DistinctiveTerms.finalise},
 * scores each candidate against the complete totals. The reference for a document is the rest of
 * the corpus in its language (totals minus the document), so a term everywhere scores low.
 *
 * Memory: one count per distinct term per language, plus `candidates` × 8 bytes per document
 * (term ids and counts in blocks of typed arrays) and about 50 bytes for its id, language and
 * sizes: 100 000 documents × 40 candidates ≈ 37 MB at the most.
 * Keyness compares rates, so document lengths need no normalising; only over-use is reported.
 */
export class DistinctiveTerms {
  private readonly langs = new Map<string, LangTotals>();
  private readonly docs = new Candidates();
  private readonly candidates: number;
  private readonly minCount: number;
  private scratch = new Uint32Array(1024);

  constructor(options: DistinctiveOptions = {}) {
    this.candidates = options.candidates ?? 40;
    this.minCount = options.minCount ?? 2;
  }

  /** Stage one: counts a document's words and keeps its candidate terms. */
  add(docId: string, lang: string, input: readonly Token[] | FoldedTokens): void {
    const { length, kinds, folds } = folded(input, lang);
    let totals = this.langs.get(lang);
    if (totals === undefined) {
      totals = { lang, ids: new Map(), terms: [], counts: [], words: 0 };
      this.langs.set(lang, totals);
    }
    // The document's counts in a scratch array indexed by term id, cleared after: no map.
    if (this.scratch.length < totals.terms.length + length) {
      const grown = new Uint32Array(Math.max(this.scratch.length * 2, totals.terms.length + length));
      grown.set(this.scratch);
      this.scratch = grown;
    }
    const local = this.scratch;
    const seen: number[] = [];
    let words = 0;
    for (let i = 0; i < length; i++) {
      if (kinds[i] !== WORD) continue;
      words++;
      const f = folds[i] as Folding;
      if (f.stop) continue;
      let id = f.distinctiveOwner === totals ? f.distinctive : totals.ids.get(f.term);
      if (id === undefined) {
        id = totals.terms.length;
        totals.ids.set(f.term, id);
        totals.terms.push(f.term);
        totals.counts.push(0);
      }
      f.distinctiveOwner = totals;
      f.distinctive = id;
      totals.counts[id] = (totals.counts[id] as number) + 1;
      const c = local[id] as number;
      if (c === 0) seen.push(id);
      local[id] = c + 1;
    }
    totals.words += words;
    // The candidates as term ids, their counts left in the scratch array until they are kept.
    const found: number[] = [];
    for (const id of seen) {
      if ((local[id] as number) >= this.minCount) found.push(id);
      else local[id] = 0;
    }
    // Most frequent first; among equals, by term. Not "the rarer in the corpus so far": that
    // hangs on the documents before, and a shard's run (`summarise --partial`) has only its own.
    const terms = totals.terms;
    found.sort(
      (x, y) => (local[y] as number) - (local[x] as number) || ((terms[x] as string) < (terms[y] as string) ? -1 : 1),
    );
    const kept = Math.min(found.length, this.candidates, BLOCK);
    const at = this.docs.push(docId, totals, words, kept);
    for (let k = 0; k < kept; k++) {
      const id = found[k] as number;
      this.docs.set(at + k, id, local[id] as number);
    }
    for (const id of found) local[id] = 0;
  }

  /** The candidates of the document added last, as terms: for a partial summary's document line. */
  lastCandidates(): { words: number; terms: string[]; counts: number[] } {
    const docs = this.docs;
    const last = docs.length - 1;
    const terms = (docs.totals[last] as LangTotals).terms;
    const start = docs.starts[last] as number;
    const size = docs.sizes[last] as number;
    const out = { words: docs.words[last] as number, terms: [] as string[], counts: [] as number[] };
    for (let at = start; at < start + size; at++) {
      out.terms.push(terms[docs.termId(at)] as string);
      out.counts.push(docs.count(at));
    }
    return out;
  }

  /** Each language's counts, for a partial summary: what stage two scores against. */
  exportTotals(): DistinctiveTotals[] {
    return [...this.langs].map(([lang, t]) => ({
      lang,
      words: t.words,
      terms: t.terms.map((term, i): [string, number] => [term, t.counts[i] as number]),
    }));
  }

  /** Adds a language's counts from a partial summary (sums: any order). */
  addTotals(state: DistinctiveTotals): void {
    const totals = this.totalsOf(state.lang);
    totals.words += state.words;
    for (const [term, count] of state.terms) {
      const id = this.termId(totals, term);
      totals.counts[id] = (totals.counts[id] as number) + count;
    }
  }

  /** Adds a document's candidates from a partial summary, in corpus order. */
  addCandidates(docId: string, lang: string, words: number, terms: readonly string[], counts: readonly number[]): void {
    const totals = this.totalsOf(lang);
    const at = this.docs.push(docId, totals, words, Math.min(terms.length, BLOCK));
    for (let k = 0; k < Math.min(terms.length, BLOCK); k++)
      this.docs.set(at + k, this.termId(totals, terms[k] as string), counts[k] as number);
  }

  private totalsOf(lang: string): LangTotals {
    let totals = this.langs.get(lang);
    if (totals === undefined)
      this.langs.set(lang, (totals = { lang, ids: new Map(), terms: [], counts: [], words: 0 }));
    return totals;
  }

  private termId(totals: LangTotals, term: string): number {
    let id = totals.ids.get(term);
    if (id === undefined) {
      id = totals.terms.length;
      totals.ids.set(term, id);
      totals.terms.push(term);
      totals.counts.push(0);
    }
    return id;
  }

  /**
   * Stage two: the `k` most distinctive terms of each document, in the order documents were
   * added. Only terms used more in the document than in the rest, with G² ≥ `minKeyness`
   * (default 3.84, p < 0.05), are kept; a document alone in its language has none.
   */
  finalise(k: number, minKeyness = 3.84): DocumentKeyTerms[] {
    const out: DocumentKeyTerms[] = [];
    for (let i = 0; i < this.docs.length; i++) {
      const docs = this.docs;
      out.push({
        id: docs.ids[i] as string,
        lang: (docs.totals[i] as LangTotals).lang,
        terms: this.keyTerms(i, k, minKeyness),
      });
    }
    return out;
  }

  /**
   * {@link DistinctiveTerms.finalise} packed as {@link packKeyTerms} packs it, a document at a
   * time: the objects of every document's terms are never all built (a shard's worker sends these).
   */
  finalisePacked(k: number, minKeyness = 3.84): PackedKeyTerms {
    const docs = this.docs;
    const n = docs.length;
    const packed = new PackedBuilder(n);
    for (let i = 0; i < n; i++)
      packed.add(docs.ids[i] as string, (docs.totals[i] as LangTotals).lang, this.keyTerms(i, k, minKeyness));
    return packed.done();
  }

  /** The `k` most distinctive terms of the `i`th document added (see {@link DistinctiveTerms.finalise}). */
  private keyTerms(i: number, k: number, minKeyness: number): KeyTerm[] {
    const docs = this.docs;
    const totals = docs.totals[i] as LangTotals;
    const words = docs.words[i] as number;
    const start = docs.starts[i] as number;
    const end = start + (docs.sizes[i] as number);
    const terms: KeyTerm[] = [];
    const d = totals.words - words;
    if (d > 0) {
      for (let at = start; at < end; at++) {
        const id = docs.termId(at);
        const a = docs.count(at);
        const b = (totals.counts[id] ?? 0) - a;
        if (a * d <= b * words) continue;
        const keyness = logLikelihood(a, b, words, d);
        if (keyness >= minKeyness) terms.push({ term: totals.terms[id] ?? '', count: a, rest: b, keyness });
      }
    }
    terms.sort((x, y) => y.keyness - x.keyness || (x.term < y.term ? -1 : 1));
    return terms.length > k ? terms.slice(0, k) : terms;
  }
}

/** A language's counts in {@link DistinctiveTerms}: its words, and each term that is no stop word with its count. */
export interface DistinctiveTotals {
  lang: string;
  words: number;
  terms: [string, number][];
}

/**
 * Documents' distinctive terms as flat arrays: a summary's worker sends one entry per document,
 * and copying objects between threads cost more (a second and more on 20,000 documents) than
 * computing them.
 */
export interface PackedKeyTerms {
  ids: string[];
  langs: string[];
  /** How many of the terms below are each document's. */
  sizes: Uint32Array;
  terms: string[];
  counts: Uint32Array;
  rests: Uint32Array;
  keyness: Float64Array;
}

/** Packs documents' distinctive terms (see {@link unpackKeyTerms}). */
export function packKeyTerms(docs: readonly DocumentKeyTerms[]): PackedKeyTerms {
  const packed = new PackedBuilder(docs.length);
  for (const doc of docs) packed.add(doc.id, doc.lang, doc.terms);
  return packed.done();
}

/** {@link PackedKeyTerms} filled a document at a time, the arrays of the terms grown as needed. */
class PackedBuilder {
  private readonly packed: PackedKeyTerms;
  private doc = 0;
  private k = 0;

  constructor(documents: number) {
    this.packed = {
      ids: [],
      langs: [],
      sizes: new Uint32Array(documents),
      terms: [],
      counts: new Uint32Array(1024),
      rests: new Uint32Array(1024),
      keyness: new Float64Array(1024),
    };
  }

  add(id: string, lang: string, terms: readonly KeyTerm[]): void {
    const p = this.packed;
    if (this.k + terms.length > p.counts.length) {
      const size = Math.max(p.counts.length * 2, this.k + terms.length);
      p.counts = grown(new Uint32Array(size), p.counts);
      p.rests = grown(new Uint32Array(size), p.rests);
      p.keyness = grown(new Float64Array(size), p.keyness);
    }
    p.ids.push(id);
    p.langs.push(lang);
    p.sizes[this.doc++] = terms.length;
    for (const t of terms) {
      p.terms.push(t.term);
      p.counts[this.k] = t.count;
      p.rests[this.k] = t.rest;
      p.keyness[this.k++] = t.keyness;
    }
  }

  /** The packed terms, their arrays cut to size (a view would take its whole buffer to another thread). */
  done(): PackedKeyTerms {
    const p = this.packed;
    return {
      ...p,
      counts: p.counts.slice(0, this.k),
      rests: p.rests.slice(0, this.k),
      keyness: p.keyness.slice(0, this.k),
    };
  }
}

function grown<T extends Uint32Array | Float64Array>(to: T, from: T): T {
  to.set(from);
  return to;
}

/**
 * The documents' distinctive terms that {@link packKeyTerms} packed. Each term and language is
 * one string however many documents have it: strings that came from another thread are each
 * a copy, and a summary of 100,000 documents holds some 600,000 terms.
 */
export function unpackKeyTerms(packed: PackedKeyTerms): DocumentKeyTerms[] {
  const docs: DocumentKeyTerms[] = [];
  const strings = new Map<string, string>();
  const one = (s: string): string => {
    const known = strings.get(s);
    if (known !== undefined) return known;
    strings.set(s, s);
    return s;
  };
  let k = 0;
  packed.ids.forEach((id, i) => {
    const terms: KeyTerm[] = [];
    for (const end = k + (packed.sizes[i] as number); k < end; k++) {
      terms.push({
        term: one(packed.terms[k] as string),
        count: packed.counts[k] as number,
        rest: packed.rests[k] as number,
        keyness: packed.keyness[k] as number,
      });
    }
    docs.push({ id, lang: one(packed.langs[i] as string), terms });
  });
  return docs;
}
