// The pass over the corpus behind `grep --by`: two streams run side by side, joined by document
// id. The analysis (from the cache when warm) gives every record the filter keeps, for the words,
// date, source and language of each group; grep, with its byte shortcuts and workers, finds the
// matching lines. Reading every record this way costs a warm cache's read, not a re-analysis, and
// grep's worker searches while this thread reads the cache.

import type { CorpusOptions } from '../analyse/corpus-options.js';
import type { CorpusRun } from '../input/corpus-files.js';
import type { WarningHandler } from '../types.js';
import { MatchTimeoutError } from './backtracking-guard.js';
import type { LineHit } from './grep.js';
import { grepDocuments } from './grep-corpus.js';
import { nextTurn } from './grep-context.js';
import type { GrepDocument } from './grep-settle.js';
import { TrendTally, type Trend, type TrendGroupBy } from './grep-trends.js';
import { buildMatcher, type Matcher, type MatcherOptions } from './matcher.js';
import { literalTokens, tokenize } from './pattern-syntax.js';
import { hasUppercase } from './pattern-rewrite.js';

/**
 * One matcher a term, each matching as the term would inside the search of all of them: under
 * `-S` the case is decided once for all the patterns, as ripgrep's smart case is.
 */
export function termMatchers(options: MatcherOptions): Matcher[] {
  const { patterns } = options;
  if (patterns.length === 1) return [buildMatcher(options)];
  const upper =
    options.smartCase === true &&
    patterns.some((p) =>
      hasUppercase(options.fixedStrings ? literalTokens(p.normalize('NFC')) : tokenize(p.normalize('NFC'))),
    );
  const ignoreCase = options.ignoreCase === true || (options.smartCase === true && !upper);
  return patterns.map((p) => buildMatcher({ ...options, patterns: [p], smartCase: false, ignoreCase }));
}

/**
 * The matches of each term in a document's matching lines: with one term, those the search found;
 * with several, each term's matcher run on each line (a line the search found may hold several).
 */
export function termCounts(
  hits: readonly LineHit[],
  terms: readonly Matcher[],
  counts: number[],
  onTimeout: (line: number, err: Error) => void,
): void {
  if (terms.length === 1) {
    for (const hit of hits) counts[0] = (counts[0] ?? 0) + hit.matches.length;
    return;
  }
  for (const hit of hits)
    terms.forEach((term, t) => {
      try {
        counts[t] = (counts[t] ?? 0) + term.findAll(hit.text).length;
      } catch (err) {
        if (!(err instanceof MatchTimeoutError)) throw err;
        onTimeout(hit.line, err);
      }
    });
}

/** Records read between two turns of the event loop (see grepTrend). */
const RECORDS_A_TURN = 256;

/** What {@link grepTrend} needs besides the corpus. */
export interface TrendPassOptions {
  by: TrendGroupBy;
  /** The search of all the terms at once, and the options it was built from (workers build their own). */
  matcher: Matcher;
  matcherOptions: MatcherOptions;
  /** Worker start threshold for tests (see GrepDocumentsOptions.minParallelFiles). */
  minParallelFiles?: number;
}

/** A warning handler that says each warning once, whichever stream meets it first. */
function onceEach(warn: WarningHandler): WarningHandler {
  const said = new Set<string>();
  return (where, why) => {
    const key = `${where}\0${why}`;
    if (said.has(key)) return;
    said.add(key);
    warn(where, why);
  };
}

/**
 * The trend of the terms over the corpus (see grep-trends.ts). The filter applies to the records;
 * grep searches every document and its matches count only for the documents whose record came.
 * Inputs missing and files skipped are told through `run` once, by the analysis.
 */
export async function grepTrend(corpus: CorpusOptions, run: CorpusRun, options: TrendPassOptions): Promise<Trend> {
  const { matcherOptions } = options;
  const tally = new TrendTally(options.by, matcherOptions.patterns);
  const terms = termMatchers(matcherOptions);
  const warn = onceEach(corpus.onWarning ?? (() => {}));
  const { analyseCorpus } = await import('../analyse/analyse-corpus.js');
  const records = analyseCorpus({ ...corpus, onWarning: warn, withText: false, withRecordText: false }, run);
  const found = grepDocuments({ ...corpus, filter: null, onWarning: warn }, { missing: [] }, options.matcher, {
    matcherOptions,
    spec: { mode: 'lines', before: 0, after: 0 },
    records: false,
    minParallelFiles: options.minParallelFiles,
  });
  const readRecords = async (): Promise<void> => {
    let n = 0;
    for await (const d of records) {
      tally.record(d.record);
      // Records from the cache come without a turn of the event loop between them: one now and
      // then lets grep's side hand its worker more files and take its replies.
      if (++n % RECORDS_A_TURN === 0) await nextTurn();
    }
  };
  const readMatches = async (): Promise<void> => {
    // A document of many matching lines comes in parts, one after the other: summed, then told.
    let id: string | null = null;
    let counts: number[] = [];
    for await (const batch of found)
      for (const d of batch as GrepDocument[]) {
        const doc = d.search.doc;
        if (!d.search.continued) {
          if (id !== null) tally.matches(id, counts);
          id = doc.id;
          counts = terms.map(() => 0);
        }
        termCounts(d.search.hits, terms, counts, (line, err) => warn(`${doc.path}:${line}`, err.message));
      }
    if (id !== null) tally.matches(id, counts);
  };
  try {
    await Promise.all([readRecords(), readMatches()]);
  } finally {
    // One stream failing (a pattern too costly, a closed pipe) ends the other.
    await Promise.allSettled([records.return(undefined), found.return(undefined)]);
  }
  return tally.result();
}
