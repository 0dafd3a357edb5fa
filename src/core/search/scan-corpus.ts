// A grep that reads every document of the corpus in this thread, in corpus order, for what the
// fast search (grep-corpus.ts) does not see: the documents with no matching line (`-L`), and the
// documents and bytes searched (`--stats`). It yields what `grepDocuments` yields, so the same
// printers take it; it is slower (no byte shortcuts, no workers), and only these flags use it.

import { corpusFiles, type CorpusRun } from '../input/corpus-files.js';
import { readDocuments } from '../input/read-documents.js';
import type { DocumentRecord, SourceDocument } from '../types.js';
import { MatchTimeoutError } from './backtracking-guard.js';
import { DocumentSearcher, PART_CHARS, PART_HITS, type LineHit } from './grep.js';
import type { GrepInputs } from './grep-corpus.js';
import type { GrepDocument } from './grep-settle.js';
import { contextOf, maxLines, type GrepSpec } from './grep-task.js';
import type { Matcher } from './matcher.js';

/** What a scan counts as it goes, for `--stats`. */
export interface ScanTally {
  /** Documents read and searched (those unreadable or binary are not). */
  documents: number;
  /** Their bytes, as read (decompressed). */
  bytes: number;
  /** Of those the filter keeps: the documents with a matching line, the lines, and the matches. */
  matchedDocuments: number;
  matchedLines: number;
  /** Matches; a line of -v (one that does not match) is one. */
  matches: number;
}
/** How {@link scanCorpus} searches. */
export interface ScanOptions {
  spec: GrepSpec;
  /** Yield the documents with no matching line instead (`-L`), each with a count of 0. */
  without?: boolean;
  /** Give each yielded document its record (a filter analyses them anyway). */
  records: boolean;
  /** Filled in as the scan goes. */
  tally?: ScanTally;
}

/** Documents yielded together, at most. */
const BATCH = 64;

/**
 * Yields the corpus's matching documents (or, with `without`, those that do not match) that the
 * filter keeps, in corpus order, in batches; a document of many matching lines comes in parts
 * (`continued`), as from `grepDocuments`.
 */
export async function* scanCorpus(
  corpus: GrepInputs,
  run: CorpusRun,
  matcher: Matcher,
  options: ScanOptions,
): AsyncGenerator<GrepDocument[]> {
  const { spec, tally } = options;
  const without = options.without === true;
  const warn = corpus.onWarning ?? (() => {});
  const filter = corpus.filter ?? null;
  const analyseDocument =
    options.records || filter ? (await import('../analyse/analyse-document.js')).analyseDocument : null;
  const recordOf = (doc: SourceDocument): DocumentRecord | null =>
    analyseDocument ? analyseDocument(doc).record : null;
  const lines = spec.mode === 'lines' && !without;
  const context = spec.before > 0 || spec.after > 0;
  // The hits are kept for what is printed, or for the statistics to count their matches.
  const keep = lines || tally !== undefined;
  let found: GrepDocument[] = [];
  for await (const doc of readDocuments(corpusFiles(corpus, run), { onWarning: warn, shard: corpus.shard })) {
    if (tally) {
      tally.documents++;
      tally.bytes += doc.bytes;
    }
    const searcher = new DocumentSearcher(doc, matcher, {
      // -L needs one matching line to leave a document out, the statistics all of them.
      maxCount: without && !tally ? Math.min(1, maxLines(spec)) : maxLines(spec),
      withLines: lines && context,
      onLineError: (line, err) => {
        if (!(err instanceof MatchTimeoutError)) throw err;
        warn(`${doc.path}:${line}`, err.message);
      },
    });
    let hits = keep ? searcher.next(PART_HITS, PART_CHARS) : searcher.next(Infinity, Infinity, false);
    const matches = searcher.found > 0;
    if (!matches && !without) continue;
    if (matches && without && !tally) continue;
    const record = recordOf(doc);
    if (record && filter && !filter(record)) continue;
    if (matches && tally) tally.matchedDocuments++;
    // The text is not kept past the search: a printer needs the lines below, not the document.
    const shown: SourceDocument = { ...doc, text: '' };
    if (!lines) {
      if (tally) drain(searcher, hits, tally);
      // -L: a document without a match, with nothing in it to print but its name.
      if (!without)
        found.push({
          search: { doc: shown, lines: [], hits: [], count: searcher.found },
          count: searcher.found,
          record,
        });
      else if (!matches) found.push({ search: { doc: shown, lines: [], hits: [], count: 0 }, count: 0, record });
    } else {
      if (tally) countHits(tally, hits);
      found.push({
        search: { doc: shown, lines: printed(hits, searcher, spec), hits, count: hits.length },
        count: hits.length,
        record,
      });
      while (!searcher.done) {
        yield found;
        found = [];
        hits = searcher.next(PART_HITS, PART_CHARS);
        if (tally) countHits(tally, hits);
        if (hits.length === 0) continue;
        const part = { doc: shown, lines: printed(hits, searcher, spec), hits, count: hits.length, continued: true };
        found.push({ search: part, count: hits.length, record: null });
      }
    }
    if (found.length >= BATCH) {
      yield found;
      found = [];
      await corpus.backpressure?.();
    }
  }
  if (found.length > 0) yield found;
}

/** Counts the hits found so far and those still to find into the tally, a part at a time. */
function drain(searcher: DocumentSearcher, hits: LineHit[], tally: ScanTally): void {
  countHits(tally, hits);
  while (!searcher.done) countHits(tally, searcher.next(PART_HITS, PART_CHARS));
}

/** Adds a part's matching lines and their matches to the tally. */
function countHits(tally: ScanTally, hits: readonly LineHit[]): void {
  tally.matchedLines += hits.length;
  for (const hit of hits) tally.matches += hit.matches.length;
}

/** The lines a part prints, sparse, as the printers take them: its hits and their context. */
function printed(hits: readonly LineHit[], searcher: DocumentSearcher, spec: GrepSpec): string[] {
  const lines: string[] = [];
  for (const hit of hits) lines[hit.line - 1] = hit.text;
  if (searcher.lines.length > 0)
    for (const [n, text] of contextOf(hits, searcher.lines, spec.before, spec.after)) lines[n - 1] = text;
  return lines;
}
