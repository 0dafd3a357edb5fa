// Distinctive terms per document: the terms a document uses more than the rest of the corpus in
// its language does, ranked by log-likelihood keyness (G², Dunning 1993, as AntConc computes it).

import { LineSpool, removeSpool, spooledLines, type SpoolRef } from '../cache/line-spool.js';
import { runScratchFolder } from '../cache/temp-files.js';
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
  /** Keep every document's candidates for stage two (default); false: only the last one's (a partial summary writes them). */
  keepCandidates?: boolean;
  /** The scratch folder the candidates may spill to (default: this run's); a worker is given its run's. */
  folder?: () => string;
  /** Characters of candidates held in memory before they spill (for tests). */
  bound?: number;
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

/**
 * A document's candidates as a spool line: `[seq, id, lang, words, termIds, counts]`. The term ids
 * are its language's in this {@link DistinctiveTerms} (ids only grow, so they stay right).
 */
type CandidateLine = [number, string, string, number, number[], number[]];

/** A document's distinctive terms as a spool line: `[seq, id, lang, [term, count, rest, keyness][]]`. */
type ResultLine = [number, string, string, [string, number, number, number][]];

/**
 * Two-stage keyness. Stage one, {@link DistinctiveTerms.add}, runs once per document in the
 * streaming pass: it adds the document's term counts to its language's totals and keeps only its
 * top candidate terms (by count in the document). Stage two, {@link DistinctiveTerms.finalise},
 * scores each candidate against the complete totals. The reference for a document is the rest of
 * the corpus in its language (totals minus the document), so a term everywhere scores low.
 *
 * Memory: one count per distinct term per language. The candidates (up to `candidates` a
 * document) are spooled (cache/line-spool.ts): past a few megabytes they go to a file in the
 * run's scratch folder, and stage two reads them back in order, so a million documents cost the
 * heap no more than a thousand. Keyness compares rates, so document lengths need no normalising;
 * only over-use is reported.
 */
export class DistinctiveTerms {
  private readonly langs = new Map<string, LangTotals>();
  private readonly docs: LineSpool | null;
  private readonly candidates: number;
  private readonly minCount: number;
  private scratch = new Uint32Array(1024);
  /** The document added last, as kept: its terms are looked up only when asked for (a partial's line). */
  private last: { totals: LangTotals | null; words: number; ids: number[]; counts: number[] } = {
    totals: null,
    words: 0,
    ids: [],
    counts: [],
  };
  private added = 0;
  private readonly bound: number | undefined;

  constructor(options: DistinctiveOptions = {}) {
    this.candidates = options.candidates ?? 40;
    this.minCount = options.minCount ?? 2;
    this.bound = options.bound;
    this.docs =
      options.keepCandidates === false
        ? null
        : new LineSpool(options.folder ?? runScratchFolder, 'candidates', options.bound);
  }

  /** Documents added. */
  get documents(): number {
    return this.added;
  }

  /**
   * Stage one: counts a document's words and keeps its candidate terms. `seq` is the document's
   * place in the corpus (by default, how many were added before it), given back with its terms.
   */
  add(docId: string, lang: string, input: readonly Token[] | FoldedTokens, seq = this.added): void {
    const { length, kinds, folds } = folded(input, lang);
    const totals = this.totalsOf(lang);
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
      if (id === undefined) id = this.termId(totals, f.term);
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
    const kept = found.slice(0, this.candidates);
    const counts = kept.map((id) => local[id] as number);
    for (const id of found) local[id] = 0;
    this.keep(seq, docId, totals, words, kept, counts);
  }

  private keep(seq: number, docId: string, totals: LangTotals, words: number, ids: number[], counts: number[]): void {
    this.added++;
    const line: CandidateLine = [seq, docId, totals.lang, words, ids, counts];
    this.docs?.push(JSON.stringify(line));
    this.last = { totals, words, ids, counts };
  }

  /** The candidates of the document added last, as terms: for a partial summary's document line. */
  lastCandidates(): { words: number; terms: string[]; counts: number[] } {
    const { totals, words, ids, counts } = this.last;
    return { words, terms: ids.map((id) => totals?.terms[id] as string), counts };
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
  addCandidates(
    docId: string,
    lang: string,
    words: number,
    terms: readonly string[],
    counts: readonly number[],
    seq = this.added,
  ): void {
    const totals = this.totalsOf(lang);
    this.keep(
      seq,
      docId,
      totals,
      words,
      terms.map((term) => this.termId(totals, term)),
      [...counts],
    );
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
    return [...this.scored(k, minKeyness)].map(([, id, lang, terms]) => ({ id, lang, terms: keyTermsOf(terms) }));
  }

  /**
   * {@link DistinctiveTerms.finalise} as spool lines (see {@link keyTermLines}), a document at a
   * time: the terms of every document are never all in memory. The candidates' file is removed.
   */
  finaliseTo(k: number, minKeyness = 3.84, folder: () => string = runScratchFolder): SpoolRef {
    const out = new LineSpool(folder, 'distinctive', this.bound);
    for (const line of this.scored(k, minKeyness)) out.push(JSON.stringify(line));
    if (this.docs !== null) removeSpool(this.docs.close());
    return out.close();
  }

  private *scored(k: number, minKeyness: number): Generator<ResultLine> {
    if (this.docs === null) return;
    for (const text of this.docs.read()) {
      const [seq, id, lang, words, ids, counts] = JSON.parse(text) as CandidateLine;
      yield [seq, id, lang, this.keyTerms(this.totalsOf(lang), words, ids, counts, k, minKeyness)];
    }
  }

  /** The `k` most distinctive of a document's candidates (see {@link DistinctiveTerms.finalise}). */
  private keyTerms(
    totals: LangTotals,
    words: number,
    ids: readonly number[],
    counts: readonly number[],
    k: number,
    minKeyness: number,
  ): ResultLine[3] {
    const terms: ResultLine[3] = [];
    const d = totals.words - words;
    if (d > 0) {
      ids.forEach((id, at) => {
        const a = counts[at] as number;
        const b = (totals.counts[id] ?? 0) - a;
        if (a * d <= b * words) return;
        const keyness = logLikelihood(a, b, words, d);
        if (keyness >= minKeyness) terms.push([totals.terms[id] ?? '', a, b, keyness]);
      });
    }
    terms.sort((x, y) => y[3] - x[3] || (x[0] < y[0] ? -1 : 1));
    return terms.length > k ? terms.slice(0, k) : terms;
  }
}

function keyTermsOf(terms: ResultLine[3]): KeyTerm[] {
  return terms.map(([term, count, rest, keyness]) => ({ term, count, rest, keyness }));
}

/**
 * The documents' distinctive terms that {@link DistinctiveTerms.finaliseTo} spooled, in the order
 * they were added, each with its place in the corpus.
 */
export function* keyTermLines(ref: SpoolRef): Generator<{ seq: number; doc: DocumentKeyTerms }> {
  for (const text of spooledLines(ref)) {
    const [seq, id, lang, terms] = JSON.parse(text) as ResultLine;
    yield { seq, doc: { id, lang, terms: keyTermsOf(terms) } };
  }
}

/** A language's counts in {@link DistinctiveTerms}: its words, and each term that is no stop word with its count. */
export interface DistinctiveTotals {
  lang: string;
  words: number;
  terms: [string, number][];
}
