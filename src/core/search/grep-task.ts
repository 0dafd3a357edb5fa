// The grep work on one text file, the same in a worker thread and in the main one: read its bytes
// into a reused buffer, skip it on the raw-byte prefilter, count literal lines on the bytes where
// that is exact, else decode and search it, and describe what matched in a form that can cross
// to the main thread (which owns ids, order, warnings and printing).

import { decode, isBinary, sniffBom } from '../input/decode.js';
import { encodingOption } from '../input/charset.js';
import { decompressSync } from '../input/compression.js';
import { maxFileSize } from '../input/limits.js';
import { DocumentSearcher, PART_CHARS, PART_HITS, type DocumentRest, type LineHit } from './grep.js';
import { BINARY_WARNING } from '../input/formats/text.js';
import { htmlEncoding, pageParts } from '../input/formats/html.js';
import { extractHtml } from '../input/html/extract.js';
import { compressionOf } from '../input/file-kinds.js';
import { MatchTimeoutError } from './backtracking-guard.js';
import { countLiteralLines } from './count-literal-lines.js';
import type { FileReader } from './file-reader.js';
import type { Matcher } from './matcher.js';
import type { DocFormat, DocumentRecord, Encoding, SourceDocument } from '../types.js';

/** What the printer needs of a matching document. */
export type GrepMode = 'count' | 'files' | 'lines';

/** How the files are searched: everything but the matcher itself, which is built from `matcher`. */
export interface GrepSpec {
  mode: GrepMode;
  /** Lines of context kept around each hit (`lines` mode). */
  before: number;
  after: number;
  maxCount?: number;
}

/** What became of one file. */
export const Outcome = {
  /** Read and searched (or skipped by the prefilter), nothing to print: it claims its id. */
  NoMatch: 0,
  /** Unreadable or binary: a warning, and no id claimed. */
  Unread: 1,
  /** Matched: it claims its id and has a {@link FileMatch}. */
  Match: 2,
  /** A JSON Lines file found walking a folder: left for the main thread to read. */
  Jsonl: 3,
  /**
   * In `lines` mode, a document with more matching lines than fit in a part (see PART_HITS),
   * searched without `inParts`: left for the main thread to search again, a part at a time.
   */
  Large: 4,
} as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

/** A matching text file, as sent back to the main thread. */
export interface FileMatch {
  format: DocFormat;
  encoding: Encoding;
  bytes: number;
  /** Matching lines (capped by -m). */
  count: number;
  /** The hits, in `lines` mode. */
  hits?: LineHit[];
  /** Number of lines in the document, in `lines` mode. */
  lineCount?: number;
  /** Context lines around the hits (not hits themselves), as [1-based line, text] pairs. */
  context?: [number, string][];
  /** The document's analysis, when asked for (the id in it is a placeholder). */
  record?: DocumentRecord;
}

/** The outcome of one file, with the warnings it raised in order (after its id is claimed). */
export interface FileResult {
  outcome: Outcome;
  match?: FileMatch;
  /** Warnings as [where, message]: a binary file, or the lines the matcher gave up on. */
  warnings?: [string, string][];
  /** Why an unreadable file could not be read (describeError makes it a warning). */
  error?: { code: string | undefined; message: string };
  /**
   * With `inParts`, when the first part (in `match`) does not finish the document: the search
   * to go on with, in this thread. Never sent between threads.
   */
  rest?: DocumentRest;
}

/** The common outcome, shared: nothing to print, no warning. */
const NO_MATCH: FileResult = Object.freeze({ outcome: Outcome.NoMatch });
/** A document with more matching lines than a part, searched elsewhere: the main thread takes it. */
const LARGE: FileResult = Object.freeze({ outcome: Outcome.Large });

/** The outcome of a file that could not be read, decompressed or decoded, with why. */
function unreadable(err: unknown): FileResult {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return {
    outcome: Outcome.Unread,
    error: {
      code: typeof code === 'string' ? code : undefined,
      message: err instanceof Error ? err.message : String(err),
    },
  };
}

/** Matching lines looked for at most in a document: -m, and one with -l. */
export function maxLines(spec: GrepSpec): number {
  return spec.mode === 'files' ? Math.min(spec.maxCount ?? Infinity, 1) : (spec.maxCount ?? Infinity);
}

/** Options for {@link searchFile}. */
export interface SearchFileOptions {
  /** Runs the analysis of a matching document, when the output or a filter needs its metadata. */
  analyse?: (doc: SourceDocument) => DocumentRecord;
  /**
   * In `lines` mode: hand a document with many matching lines out in parts (`rest`), as only
   * the main thread can; without it, such a document is {@link Outcome.Large}.
   */
  inParts?: boolean;
}

/** Reads and searches one text file (not JSON Lines). */
export function searchFile(
  file: { absPath: string; displayPath: string; format: DocFormat; compressed: boolean },
  matcher: Matcher,
  spec: GrepSpec,
  reader: FileReader,
  options: SearchFileOptions = {},
): FileResult {
  let bytes: Buffer;
  try {
    const limit = maxFileSize();
    bytes = reader.read(file.absPath, limit);
    // Its name says how (the same name's end as its relative path's).
    const compression = file.compressed ? compressionOf(file.absPath) : null;
    if (compression) bytes = decompressSync(bytes, compression, limit);
  } catch (err) {
    return unreadable(err);
  }
  if (isBinary(bytes)) return { outcome: Outcome.Unread, warnings: [[file.displayPath, BINARY_WARNING]] };
  const bom = sniffBom(bytes);
  // The byte shortcuts need each ASCII character to be its ASCII byte: not so in UTF-16. Lines
  // are counted on bytes only where UTF-8 may be what is read (a BOM wins over --encoding).
  const forced = bom === null ? encodingOption() : null;
  const utf16 = bom === 'utf-16le' || bom === 'utf-16be' || forced === 'utf-16le' || forced === 'utf-16be';
  const countable = forced === null || forced === 'utf-8';
  const max = maxLines(spec);
  // A page's bytes are not its text (tags, `&eacute;`): it is searched only once extracted.
  if (file.format === 'html') return searchDocument(documentOf(file, bytes), matcher, spec, options);
  if (!utf16 && countable && spec.mode !== 'lines' && matcher.lineLiterals && !options.analyse) {
    const count = countLiteralLines(bytes, matcher.lineLiterals, max);
    if (count === 0) return NO_MATCH;
    if (count !== null) {
      // The encoding only matters to the analysis, which this shortcut is not taken with.
      return { outcome: Outcome.Match, match: { format: file.format, encoding: 'utf-8', bytes: bytes.length, count } };
    }
  }
  if (!utf16 && !matcher.mayMatchBytes(bytes)) return NO_MATCH;
  return searchDocument(documentOf(file, bytes), matcher, spec, options);
}

/**
 * A file's document: its bytes decoded (an HTML page in the charset it declares) and, for a page,
 * its text extracted as the HTML reader does; an unreadable result when they cannot be decoded.
 */
function documentOf(
  file: { absPath: string; displayPath: string; format: DocFormat },
  bytes: Buffer,
): SourceDocument | FileResult {
  const html = file.format === 'html';
  let decoded;
  try {
    decoded = html ? decode(bytes, htmlEncoding(bytes)) : decode(bytes);
  } catch (err) {
    return unreadable(err);
  }
  const doc: SourceDocument = {
    id: '',
    path: file.displayPath,
    absPath: file.absPath,
    format: file.format,
    bytes: bytes.length,
    encoding: decoded.encoding,
    ...(html ? pageParts(extractHtml(decoded.text)) : { text: decoded.text }),
  };
  if (decoded.fallback) doc.encodingFallback = true;
  return doc;
}

/** Searches a document read whole (see {@link searchFile}). */
function searchDocument(
  doc: SourceDocument | FileResult,
  matcher: Matcher,
  spec: GrepSpec,
  options: SearchFileOptions,
): FileResult {
  if (!('text' in doc)) return doc;
  const max = maxLines(spec);
  const parts = spec.mode === 'lines';
  const warnings: [string, string][] = [];
  const searcher = new DocumentSearcher(doc, matcher, {
    maxCount: max,
    withLines: parts && (spec.before > 0 || spec.after > 0),
    onLineError: lineWarnings(doc.path, warnings),
  });
  // In `lines` mode a part at a time; else only counted, nothing kept.
  const hits = parts ? searcher.next(PART_HITS, PART_CHARS) : searcher.next(Infinity, Infinity, false);
  if (searcher.found === 0) return warnings.length > 0 ? { outcome: Outcome.NoMatch, warnings } : NO_MATCH;
  if (parts && !searcher.done && !options.inParts) return LARGE;
  const found: FileResult = { outcome: Outcome.Match };
  const match: FileMatch = { format: doc.format, encoding: doc.encoding, bytes: doc.bytes, count: searcher.found };
  if (parts) {
    match.hits = hits;
    // Without context, no line past the last hit is ever looked at.
    match.lineCount = searcher.lines.length > 0 ? searcher.lines.length : (hits[hits.length - 1] as LineHit).line;
    if (searcher.lines.length > 0) match.context = contextOf(hits, searcher.lines, spec.before, spec.after);
    if (!searcher.done) found.rest = { doc, searcher, warnings: [] };
  }
  // Warnings of the lines given up on after the first part go with the part they are met in.
  if (warnings.length > 0) found.warnings = warnings.splice(0);
  if (found.rest) found.rest.warnings = warnings;
  if (options.analyse) match.record = options.analyse(doc);
  found.match = match;
  return found;
}

/** Collects the lines the matcher gave up on as warnings; any other error goes on up. */
export function lineWarnings(path: string, warnings: [string, string][]): (line: number, err: Error) => void {
  return (line, err) => {
    if (!(err instanceof MatchTimeoutError)) throw err;
    warnings.push([`${path}:${line}`, err.message]);
  };
}

/** The lines within `before`/`after` of a hit that are not hits themselves. */
export function contextOf(
  hits: readonly LineHit[],
  lines: readonly string[],
  before: number,
  after: number,
): [number, string][] {
  const out: [number, string][] = [];
  const isHit = new Set(hits.map((h) => h.line));
  let done = 0;
  for (const hit of hits) {
    const from = Math.max(done + 1, hit.line - before);
    const to = Math.min(lines.length, hit.line + after);
    for (let n = from; n <= to; n++) if (!isHit.has(n)) out.push([n, lines[n - 1] as string]);
    done = Math.max(done, to);
  }
  return out;
}

/**
 * The lines of a document rebuilt from hits and context: a sparse array holding what is
 * printed, as long as its last line (not `lineCount`: V8 gives an array its length in memory,
 * 24 MB for 3 million lines, even with nothing in it).
 */
export function sparseLines(match: FileMatch): string[] {
  const lines: string[] = [];
  for (const hit of match.hits ?? []) lines[hit.line - 1] = hit.text;
  for (const [n, text] of match.context ?? []) lines[n - 1] = text;
  return lines;
}
