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

/** The result of searching one document, or a part of it. */
export interface DocumentSearch {
  doc: SourceDocument;
  /** The document's lines, as decoded (for context lines). */
  lines: string[];
  hits: LineHit[];
  /** Matching lines, when `hits` was not kept (a count is all that is printed). */
  count?: number;
  /**
   * True for a part of a document after its first: a document with many matching lines comes
   * in parts (see {@link DocumentSearcher}), in order, none of another document between them.
   */
  continued?: boolean;
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
  const searcher = new DocumentSearcher(doc, matcher, options);
  return { doc, lines: searcher.lines, hits: searcher.next(Infinity) };
}

/**
 * The size of a part of a document's matching lines in `lines` mode: a part is printed before
 * the next is searched, so memory holds a part, not a document's millions of matching lines.
 */
export const PART_HITS = 1000;
/** The same in characters of matching lines, for long lines. */
export const PART_CHARS = 1 << 22;

/**
 * A document whose first part has been handed out: its search, to go on with, and the
 * warnings of the lines the matcher gives up on, to be taken as each part is.
 */
export interface DocumentRest {
  doc: SourceDocument;
  searcher: DocumentSearcher;
  warnings: [string, string][];
}

/** Where a search of candidate lines stands (see {@link DocumentSearcher}). */
interface Candidates {
  whole: { readonly text: string; next(from: number): number };
  /** True when the whole text is the document's own (no NFC rewrite). */
  same: boolean;
  lineNo: number;
  lineStart: number;
  cr: number;
  lf: number;
  pos: number;
}

/**
 * A search of one document that hands its matching lines out a part at a time, so that a
 * document of millions of matching lines costs a part's memory, and its first lines come out
 * at once. When the matcher can search the whole text, only the lines the whole-text search
 * lands in are searched on their own, with the same results.
 */
export class DocumentSearcher {
  /** The document's lines when asked for (`withLines`, or an NFC rewrite), else empty. */
  readonly lines: string[];
  /** Matching lines found so far, in every part. */
  found = 0;
  /** True once the document is searched to its end, or to -m. */
  done = false;
  private readonly max: number;
  private readonly candidates: Candidates | null;
  /** The line searched next (0-based), without a whole-text search. */
  private index = 0;
  /** Without a whole-text search or lines: the offset the next line starts at, and the next CR and LF. */
  private offset = 0;
  private cr = -2;
  private lf = -2;

  constructor(
    private readonly doc: SourceDocument,
    private readonly matcher: LineMatcher,
    private readonly options: SearchOptions,
  ) {
    this.max = options.maxCount ?? Infinity;
    const whole = this.max > 0 ? (matcher.wholeText?.(doc.text) ?? null) : null;
    const same = whole !== null && whole.text === doc.text;
    const withLines = options.withLines !== false;
    // Lines are split only when wanted, or when they cannot be cut out of the text searched.
    this.lines = withLines || (whole !== null && !same) ? splitLines(doc.text) : [];
    this.candidates = whole && { whole, same, lineNo: 0, lineStart: 0, cr: -2, lf: -2, pos: 0 };
    if (this.max <= 0) this.done = true;
  }

  /**
   * The next matching lines: at most `limit`, and no more once their text reaches `chars`
   * characters; none once {@link done}. With `keep` false they are only counted ({@link found}).
   */
  next(limit: number, chars = Infinity, keep = true): LineHit[] {
    const hits: LineHit[] = [];
    if (this.done) return hits;
    const want = Math.min(limit, this.max - this.found);
    const found = this.candidates
      ? this.nextCandidates(this.candidates, hits, want, chars, keep)
      : this.nextLines(hits, want, chars, keep);
    this.found += found;
    if (this.found >= this.max) this.done = true;
    return hits;
  }

  /** The matches of one line; null when the matcher gave up on it (and the caller was told). */
  private matchesOf(text: string, lineNo: number): MatchRange[] | null {
    try {
      return this.matcher.findAll(text);
    } catch (err) {
      if (!this.options.onLineError || !(err instanceof Error)) throw err;
      this.options.onLineError(lineNo, err);
      return null;
    }
  }

  /** {@link next} line by line: over `lines`, or cutting each line out of the text. */
  private nextLines(hits: LineHit[], want: number, chars: number, keep: boolean): number {
    const { lines } = this;
    const text = this.doc.text;
    const split = lines.length > 0 || text === '';
    let found = 0;
    let size = 0;
    while (found < want && size < chars) {
      let line: string;
      if (split) {
        if (this.index >= lines.length) break;
        line = lines[this.index] as string;
      } else {
        if (this.offset >= text.length) break;
        const end = this.lineEnd(text, this.offset);
        line = text.slice(this.offset, end);
        this.offset =
          end < text.length && text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
      }
      const lineNo = ++this.index;
      const matches = this.matchesOf(line, lineNo);
      if (matches === null || matches.length === 0) continue;
      found++;
      size += line.length;
      if (keep) hits.push({ line: lineNo, text: line, matches });
    }
    if (split ? this.index >= lines.length : this.offset >= text.length) this.done = true;
    return found;
  }

  /**
   * The offset of the CR or LF that ends the line starting at `from` (which only grows), or the
   * text's length: the next CR and LF are kept, so a text without CR is scanned for one once.
   */
  private lineEnd(text: string, from: number): number {
    if (this.cr !== -1 && this.cr < from) this.cr = text.indexOf('\r', from);
    if (this.lf !== -1 && this.lf < from) this.lf = text.indexOf('\n', from);
    const term = this.cr === -1 ? this.lf : this.lf === -1 ? this.cr : Math.min(this.cr, this.lf);
    return term === -1 ? text.length : term;
  }

  /** {@link next} by the whole-text search: only the lines it lands in are searched. */
  private nextCandidates(c: Candidates, hits: LineHit[], want: number, chars: number, keep: boolean): number {
    const t = c.whole.text;
    const { lines } = this;
    let { lineNo, lineStart, cr, lf, pos } = c;
    let found = 0;
    let size = 0;
    let end = false;
    while (found < want && size < chars) {
      const q = pos < t.length ? c.whole.next(pos) : -1;
      if (q < 0) {
        end = true;
        break;
      }
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
      if (lineStart >= t.length) {
        end = true;
        break;
      }
      const text = lines.length > 0 ? (lines[lineNo] as string) : t.slice(lineStart, term === -1 ? t.length : term);
      const matches = this.matchesOf(text, lineNo + 1);
      if (matches !== null && matches.length > 0) {
        found++;
        size += text.length;
        if (keep) hits.push({ line: lineNo + 1, text, matches });
      }
      pos = nextStart;
      lineStart = nextStart;
      lineNo++;
    }
    Object.assign(c, { lineNo, lineStart, cr, lf, pos });
    if (end || pos >= t.length) this.done = true;
    return found;
  }
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
  return new Columns(line).of(offset);
}

/**
 * The code-point columns of the matches of one line, each counted on from the last: a line's
 * matches cost its length once, not once each (a line of a megabyte may hold 10,000 matches).
 */
export class Columns {
  private offset = 0;
  private column = 1;

  constructor(private readonly line: string) {}

  /** The 1-based column of `offset`; cheapest when offsets come in increasing order. */
  of(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.column = 1;
    }
    const line = this.line;
    let column = this.column;
    for (let i = this.offset; i < offset; i++) {
      const c = line.charCodeAt(i);
      if (!(c >= 0xdc00 && c <= 0xdfff)) column++;
    }
    this.offset = offset;
    this.column = column;
    return column;
  }
}
