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
  ids: Map<string, number>;
  terms: string[];
  counts: number[];
  words: number;
}

interface DocCandidates {
  id: string;
  lang: string;
  words: number;
  termIds: Uint32Array;
  counts: Uint32Array;
}

/**
 * Two-stage keyness. Stage one, {@link DistinctiveTerms.add}, runs once per document in the
 * streaming pass: it adds the document's term counts to its language's totals and keeps only its
 * top candidate terms (by count in the document). Stage two, {@link DistinctiveTerms.finalise},
 * scores each candidate against the complete totals. The reference for a document is the rest of
 * the corpus in its language (totals minus the document), so a term everywhere scores low.
 *
 * Memory: one count per distinct term per language, plus `candidates` × 8 bytes per document
 * (term ids and counts in typed arrays): 100 000 documents × 40 candidates ≈ 32 MB.
 * Keyness compares rates, so document lengths need no normalising; only over-use is reported.
 */
export class DistinctiveTerms {
  private readonly langs = new Map<string, LangTotals>();
  private readonly docs: DocCandidates[] = [];
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
      totals = { ids: new Map(), terms: [], counts: [], words: 0 };
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
    const counts = totals.counts;
    // The candidates as term ids, their counts left in the scratch array until they are kept.
    const found: number[] = [];
    for (const id of seen) {
      if ((local[id] as number) >= this.minCount) found.push(id);
      else local[id] = 0;
    }
    // Most frequent first; among equals, the term rarer in the corpus so far is likelier distinctive.
    found.sort((x, y) => (local[y] as number) - (local[x] as number) || (counts[x] ?? 0) - (counts[y] ?? 0) || x - y);
    const kept = Math.min(found.length, this.candidates);
    const termIds = new Uint32Array(kept);
    const keptCounts = new Uint32Array(kept);
    for (let k = 0; k < kept; k++) {
      const id = found[k] as number;
      termIds[k] = id;
      keptCounts[k] = local[id] as number;
    }
    for (const id of found) local[id] = 0;
    this.docs.push({ id: docId, lang, words, termIds, counts: keptCounts });
  }

  /**
   * Stage two: the `k` most distinctive terms of each document, in the order documents were
   * added. Only terms used more in the document than in the rest, with G² ≥ `minKeyness`
   * (default 3.84, p < 0.05), are kept; a document alone in its language has none.
   */
  finalise(k: number, minKeyness = 3.84): DocumentKeyTerms[] {
    return this.docs.map((doc) => {
      const totals = this.langs.get(doc.lang);
      const terms: KeyTerm[] = [];
      const d = (totals?.words ?? 0) - doc.words;
      if (totals !== undefined && d > 0) {
        for (let i = 0; i < doc.termIds.length; i++) {
          const id = doc.termIds[i] ?? 0;
          const a = doc.counts[i] ?? 0;
          const b = (totals.counts[id] ?? 0) - a;
          if (a * d <= b * doc.words) continue;
          const keyness = logLikelihood(a, b, doc.words, d);
          if (keyness >= minKeyness) terms.push({ term: totals.terms[id] ?? '', count: a, rest: b, keyness });
        }
      }
      terms.sort((x, y) => y.keyness - x.keyness || (x.term < y.term ? -1 : 1));
      return { id: doc.id, lang: doc.lang, terms: terms.slice(0, k) };
    });
  }
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
  const total = docs.reduce((n, d) => n + d.terms.length, 0);
  const packed: PackedKeyTerms = {
    ids: [],
    langs: [],
    sizes: new Uint32Array(docs.length),
    terms: [],
    counts: new Uint32Array(total),
    rests: new Uint32Array(total),
    keyness: new Float64Array(total),
  };
  let k = 0;
  docs.forEach((doc, i) => {
    packed.ids.push(doc.id);
    packed.langs.push(doc.lang);
    packed.sizes[i] = doc.terms.length;
    for (const t of doc.terms) {
      packed.terms.push(t.term);
      packed.counts[k] = t.count;
      packed.rests[k] = t.rest;
      packed.keyness[k++] = t.keyness;
    }
  });
  return packed;
}

/** The documents' distinctive terms that {@link packKeyTerms} packed. */
export function unpackKeyTerms(packed: PackedKeyTerms): DocumentKeyTerms[] {
  const docs: DocumentKeyTerms[] = [];
  let k = 0;
  packed.ids.forEach((id, i) => {
    const terms: KeyTerm[] = [];
    for (const end = k + (packed.sizes[i] as number); k < end; k++) {
      terms.push({
        term: packed.terms[k] as string,
        count: packed.counts[k] as number,
        rest: packed.rests[k] as number,
        keyness: packed.keyness[k] as number,
      });
    }
    docs.push({ id, lang: packed.langs[i] as string, terms });
  });
  return docs;
}
