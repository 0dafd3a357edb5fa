// A document with many matching lines, searched in this thread and handed out a part at a time
// (docs/spec.md §5): its first lines are printed at once, and memory holds a part, not the
// millions of matching lines a big document may have, as ripgrep streams them.

import { PART_CHARS, PART_HITS, type DocumentRest } from './grep.js';
import { contextOf, searchFile } from './grep-task.js';
import { formatOf, isCompressed } from '../input/file-kinds.js';
import type { FoundFile } from '../input/walk.js';
import { nextTurn, type GrepContext } from './grep-context.js';
import type { GrepDocument } from './grep-settle.js';

/**
 * Searches a text file here, in parts in `lines` mode: its first part settled (its id claimed,
 * its warnings reported), and the search to go on with when there is more.
 */
export function searchHere(file: FoundFile, context: GrepContext): { first: GrepDocument | null; rest?: DocumentRest } {
  const { matcher, spec, reader, analyse, settler } = context;
  const result = searchFile(
    {
      absPath: file.absPath,
      displayPath: file.displayPath,
      format: formatOf(file.relPath),
      compressed: isCompressed(file.relPath),
    },
    matcher,
    spec,
    reader,
    { analyse, inParts: true },
  );
  const first = settler.file(file, result.outcome, result);
  return first && result.rest ? { first, rest: result.rest } : { first };
}

/** Yields the matching parts of a text file searched here (see {@link searchHere}). */
export async function* grepFileHere(file: FoundFile, context: GrepContext): AsyncGenerator<GrepDocument[]> {
  const { first, rest } = searchHere(file, context);
  if (first) yield [first];
  if (first && rest) yield* restParts(rest, first, context);
}

/**
 * Yields the parts of a document after its first (`first`), each marked `continued`, with the
 * lines its hits' context needs; the warnings of each part are reported before it.
 */
export async function* restParts(
  rest: DocumentRest,
  first: GrepDocument,
  context: GrepContext,
): AsyncGenerator<GrepDocument[]> {
  const { spec, warn, caughtUp } = context;
  const { searcher, warnings } = rest;
  const doc = first.search.doc;
  while (!searcher.done) {
    // Between parts the loop turns, so that a signal is heard, and a slow reader is waited for.
    await nextTurn();
    await caughtUp();
    const hits = searcher.next(PART_HITS, PART_CHARS);
    for (const [where, why] of warnings.splice(0)) warn(where, why);
    if (hits.length === 0) continue;
    // Sparse, filled from the part's first line on: never as long in memory as the document.
    const lines: string[] = [];
    for (const hit of hits) lines[hit.line - 1] = hit.text;
    if (searcher.lines.length > 0)
      for (const [n, text] of contextOf(hits, searcher.lines, spec.before, spec.after)) lines[n - 1] = text;
    yield [{ search: { doc, lines, hits, count: hits.length, continued: true }, count: hits.length, record: null }];
  }
}
