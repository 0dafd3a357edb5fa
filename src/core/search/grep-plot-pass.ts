// The pass over the corpus behind `grep --plot`: every document the filter keeps, analysed (from
// the cache when warm) with its body, each term searched in the body; a row for each document and
// term with hits, and for each term Gries' DP over all the documents read (grep-plot.ts).

import type { CorpusOptions } from '../analyse/corpus-options.js';
import type { CorpusRun } from '../input/corpus-files.js';
import { MatchTimeoutError } from './backtracking-guard.js';
import { griesDP, hitPositions, juillandD } from './grep-plot.js';
import type { Matcher } from './matcher-types.js';

/** One document's hits of one term. */
export interface PlotRow {
  term: string;
  id: string;
  path: string;
  /** Hits of the term in the document's body. */
  hits: number;
  /** The body's words and characters (the record's `words` and its length as searched). */
  words: number;
  /** Hits per thousand words (AntConc's normalised frequency), 2 places; null for a body of no words. */
  perThousand: number | null;
  /** Juilland's D over the body's ten equal parts (see juillandD). */
  d: number | null;
  /** Where each hit falls, its offset over the body's length, 0 to 1 (4 places). */
  positions: number[];
}

/** One term over the corpus. */
export interface PlotTerm {
  term: string;
  hits: number;
  /** Documents with a hit, and documents read (those the filter kept). */
  docs: number;
  documents: number;
  /** Gries' DP over the documents read (see griesDP). */
  dp: number | null;
}

/** A plot: the terms, then the rows, term by term, each term's documents in corpus order. */
export interface Plot {
  terms: PlotTerm[];
  rows: PlotRow[];
}

/** The plot of the terms (each with its own matcher) over the documents the corpus options give. */
export async function grepPlot(
  corpus: CorpusOptions,
  run: CorpusRun,
  terms: readonly { term: string; matcher: Matcher }[],
): Promise<Plot> {
  const { analyseCorpus } = await import('../analyse/analyse-corpus.js');
  const warn = corpus.onWarning ?? (() => {});
  const byTerm: PlotRow[][] = terms.map(() => []);
  let documents = 0;
  let totalWords = 0;
  for await (const d of analyseCorpus({ ...corpus, withText: true }, run)) {
    documents++;
    const { record } = d;
    totalWords += record.words;
    terms.forEach(({ term, matcher }, t) => {
      let positions: number[];
      try {
        positions = hitPositions(d.paragraphs, matcher);
      } catch (err) {
        if (!(err instanceof MatchTimeoutError)) throw err;
        warn(record.path, err.message);
        return;
      }
      if (positions.length === 0) return;
      (byTerm[t] as PlotRow[]).push({
        term,
        id: record.id,
        path: record.path,
        hits: positions.length,
        words: record.words,
        perThousand: record.words > 0 ? Math.round((positions.length / record.words) * 1e5) / 100 : null,
        d: juillandD(positions),
        positions: positions.map((p) => Math.round(p * 1e4) / 1e4),
      });
    });
  }
  return {
    terms: terms.map(({ term }, t) => {
      const rows = byTerm[t] as PlotRow[];
      return {
        term,
        hits: rows.reduce((sum, r) => sum + r.hits, 0),
        docs: rows.length,
        documents,
        dp: griesDP(rows, totalWords),
      };
    }),
    rows: byTerm.flat(),
  };
}
