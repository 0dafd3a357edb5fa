// Searches one document line by line with a matcher, the way ripgrep's searcher does: the
// matching lines with their match ranges, capped per document, and the lines for context.

import { splitLines } from '../input/lines.js';
import type { SourceDocument } from '../types.js';

/** A match inside one line: UTF-16 offsets into the line as the file holds it. */
export interface MatchRange {
  start: number;
  end: number;
}

/** What the searcher needs of a matcher. */
export interface LineMatcher {
  findAll(line: string): MatchRange[];
  /** A way to skip lines that cannot match (see Matcher.wholeText); null: search every line. */
  wholeText?(text: string): { readonly text: string; next(from: number): number } | null;
}

/** A line that matched. */
export interface LineHit {
  /** 1-based line number. */
  line: number;
  text: string;
  matches: MatchRange[];
}

/** The result of searching one document. */
export interface DocumentSearch {
  doc: SourceDocument;
  /** The document's lines, as decoded (for context lines). */
  lines: string[];
  hits: LineHit[];
  /** Matching lines, when `hits` was not kept (a count is all that is printed). */
  count?: number;
}

export interface SearchOptions {
  /** At most this many matching lines per document (`-m`). */
  maxCount?: number;
  /**
   * Called when the matcher gives up on a line (a pattern that would backtrack for too long):
   * the line counts as not matching and the search goes on. Without it, the error is thrown.
   */
  onLineError?: (line: number, error: Error) => void;
  /** False when the caller needs no `lines` (counts, document lists): they are then left empty. */
  withLines?: boolean;
}

/** Searches a document; `hits` is empty when nothing matched. */
export function searchDocument(doc: SourceDocument, matcher: LineMatcher, options: SearchOptions = {}): DocumentSearch {
  const max = options.maxCount ?? Infinity;
  const whole = max > 0 ? matcher.wholeText?.(doc.text) : null;
  if (whole) return searchCandidates(doc, matcher, whole, max, options);
  const lines = splitLines(doc.text);
  const hits: LineHit[] = [];
  for (let i = 0; i < lines.length && hits.length < max; i++) {
    const text = lines[i] as string;
    let matches: MatchRange[];
    try {
      matches = matcher.findAll(text);
    } catch (err) {
      if (!options.onLineError || !(err instanceof Error)) throw err;
      options.onLineError(i + 1, err);
      continue;
    }
    if (matches.length > 0) hits.push({ line: i + 1, text, matches });
  }
  return { doc, lines, hits };
}

/**
 * The search of {@link searchDocument} when the matcher can search the whole text: only the
 * lines the whole-text search lands in are searched on their own, with the same results.
 */
function searchCandidates(
  doc: SourceDocument,
  matcher: LineMatcher,
  whole: { readonly text: string; next(from: number): number },
  max: number,
  options: SearchOptions,
): DocumentSearch {
  const t = whole.text;
  const same = t === doc.text;
  // The original lines, when they cannot be cut out of the normalised text or are wanted.
  const lines = !same || options.withLines !== false ? splitLines(doc.text) : [];
  const hits: LineHit[] = [];
  let lineNo = 0;
  let lineStart = 0;
  let cr = -2;
  let lf = -2;
  let pos = 0;
  while (hits.length < max && pos < t.length) {
    const q = whole.next(pos);
    if (q < 0) break;
    // Walk to the line holding offset q (a line owns its terminator).
    let term: number;
    let nextStart: number;
    for (;;) {
      if (cr !== -1 && cr < lineStart) cr = t.indexOf('\r', lineStart);
      if (lf !== -1 && lf < lineStart) lf = t.indexOf('\n', lineStart);
      term = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
      nextStart =
        term === -1 ? t.length : t.charCodeAt(term) === 13 && t.charCodeAt(term + 1) === 10 ? term + 2 : term + 1;
      if (q < nextStart || nextStart >= t.length) break;
      lineStart = nextStart;
      lineNo++;
    }
    if (lineStart >= t.length) break;
    const text = same
      ? options.withLines !== false
        ? (lines[lineNo] as string)
        : t.slice(lineStart, term === -1 ? t.length : term)
      : (lines[lineNo] as string);
    let matches: MatchRange[] | null;
    try {
      matches = matcher.findAll(text);
    } catch (err) {
      if (!options.onLineError || !(err instanceof Error)) throw err;
      options.onLineError(lineNo + 1, err);
      matches = null;
    }
    if (matches !== null && matches.length > 0) hits.push({ line: lineNo + 1, text, matches });
    pos = nextStart;
    lineStart = nextStart;
    lineNo++;
  }
  return { doc, lines, hits };
}

/** A run of lines to print: matching lines and their context, with no gap inside. */
export interface ContextGroup {
  /** 1-based first and last line. */
  from: number;
  to: number;
}

/** Merges each hit's `[line - before, line + after]` window into groups, as grep prints them. */
export function contextGroups(hits: LineHit[], lineCount: number, before: number, after: number): ContextGroup[] {
  const groups: ContextGroup[] = [];
  for (const hit of hits) {
    const from = Math.max(1, hit.line - before);
    const to = Math.min(lineCount, hit.line + after);
    const last = groups[groups.length - 1];
    if (last && from <= last.to + 1) last.to = Math.max(last.to, to);
    else groups.push({ from, to });
  }
  return groups;
}

/** The code-point column (1-based) of a UTF-16 offset in a line. */
export function columnOf(line: string, offset: number): number {
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const c = line.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff)) column++;
  }
  return column;
}
