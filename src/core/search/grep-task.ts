// The grep work on one text file, the same in a worker thread and in the main one: read its bytes
// into a reused buffer, skip it on the raw-byte prefilter, count literal lines on the bytes where
// that is exact, else decode and search it, and describe what matched in a form that can cross
// to the main thread (which owns ids, order, warnings and printing).

import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { decode, isBinary, sniffBom } from '../input/decode.js';
import { encodingOption } from '../input/charset.js';
import { fsPath } from '../input/file-names.js';
import { decompressSync } from '../input/compression.js';
import { maxFileSize, TooBigError } from '../input/limits.js';
import { DocumentSearcher, PART_CHARS, PART_HITS, type DocumentRest, type LineHit } from './grep.js';
import { linesOf } from '../input/byte-lines.js';
import { parseJsonlLine, recordIdOf, UTF8_BOM } from '../input/formats/jsonl.js';
import { BINARY_WARNING } from '../input/formats/text.js';
import { holdsRecords } from '../input/formats/index.js';
import { DistinctIds } from '../input/ids.js';
import { compressionOf, formatOf, isCompressed } from '../input/file-kinds.js';
import { MatchTimeoutError } from './backtracking-guard.js';
import { byteLiteralSet, LITERAL_SET_FROM, type LiteralSet } from './literal-set.js';
import type { Matcher } from './matcher.js';
import type { DocFormat, DocumentRecord, Encoding, SourceDocument } from '../types.js';
import type { SkippedFiles } from '../input/skipped-files.js';
import { walkFolder, type FoundFolder, type WalkOptions } from '../input/walk.js';

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

/** A read buffer bigger than this is dropped before the next file. */
const BIG_BUFFER = 64 << 20;

/**
 * Reads whole files into one buffer, grown when a file is bigger: no stat, no buffer per file,
 * but for a file bigger than the buffer, whose size is checked against the limit before it grows.
 */
export class FileReader {
  private buf = Buffer.allocUnsafe(1 << 16);

  /** The file's bytes, at most `limit` of them (else a TooBigError): a view valid until the next call. */
  read(absPath: string, limit: number = maxFileSize()): Buffer {
    // A buffer grown for a giant is not kept for the files after it.
    if (this.buf.length > BIG_BUFFER) this.buf = Buffer.allocUnsafe(1 << 16);
    const fd = fs.openSync(fsPath(absPath), 'r');
    try {
      let n = 0;
      for (;;) {
        if (n === this.buf.length) {
          // A pipe has no size: its bytes read so far tell.
          if (n > limit || fs.fstatSync(fd).size > limit) throw new TooBigError(limit);
          const bigger = Buffer.allocUnsafe(Math.min(this.buf.length * 2, limit + 1));
          this.buf.copy(bigger, 0, 0, n);
          this.buf = bigger;
        }
        // A read takes at most 1 GiB (its length is a 32-bit integer).
        const want = Math.min(this.buf.length - n, 1 << 30);
        const got = fs.readSync(fd, this.buf, n, want, null);
        n += got;
        // A regular file reads short only at its end: no second call to learn that.
        if (got < want) break;
      }
      if (n > limit) throw new TooBigError(limit);
      return this.buf.subarray(0, n);
    } finally {
      fs.closeSync(fd);
    }
  }
}

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

const CR = 13;
const LF = 10;

/**
 * Where the line holding a position ends, for positions that only grow: the next CR and LF are
 * kept between calls, so a file without CR is scanned for one once.
 */
class LineEnds {
  private cr = -2;
  private lf = -2;

  constructor(private readonly bytes: Buffer) {}

  /** The index of the CR or LF that ends the line holding `at`; -1 on the last line. */
  after(at: number): number {
    if (this.cr !== -1 && this.cr < at) this.cr = this.bytes.indexOf(CR, at);
    if (this.lf !== -1 && this.lf < at) this.lf = this.bytes.indexOf(LF, at);
    return this.cr === -1 ? this.lf : this.lf === -1 ? this.cr : Math.min(this.cr, this.lf);
  }
}

/**
 * Matching lines of a UTF-8 or Windows-1252 file counted on its bytes with the matcher's
 * {@link Matcher.lineLiterals}, up to `max`; null when a literal is followed by a byte ≥ 0x80
 * or, in a file that is not valid UTF-8, preceded by one (the decoded text must then decide).
 * 0 holds whatever the encoding: every ASCII-compatible one writes ASCII characters as ASCII bytes.
 */
export function countLiteralLines(bytes: Buffer, literals: readonly Buffer[], max: number): number | null {
  if (literals.length === 1) return countLiteralLinesOf(bytes, literals[0] as Buffer, max);
  if (literals.length >= LITERAL_SET_FROM) return countSetLines(bytes, byteLiteralSet(literals), max);
  const n = bytes.length;
  const next = literals.map((l) => bytes.indexOf(l));
  const ends = new LineEnds(bytes);
  let utf8: boolean | undefined;
  let count = 0;
  let from = 0;
  while (count < max) {
    // The first occurrence of any literal at or after `from`.
    let at = -1;
    let length = 0;
    for (let k = 0; k < literals.length; k++) {
      let i = next[k] as number;
      const literal = literals[k] as Buffer;
      if (i !== -1 && i < from) next[k] = i = bytes.indexOf(literal, from);
      if (i !== -1 && (at === -1 || i < at)) {
        at = i;
        length = literal.length;
      }
    }
    if (at === -1) break;
    const after = at + length;
    if (after < n && (bytes[after] as number) >= 0x80) return null;
    if (at > 0 && (bytes[at - 1] as number) >= 0x80 && !(utf8 ??= isUtf8(bytes))) return null;
    const end = ends.after(after);
    count++;
    if (end === -1) break;
    from = end + 1;
  }
  return count;
}

/**
 * {@link countLiteralLines} for one literal, the common case (`grep -F word`): the same answer
 * with less code, which V8 optimizes sooner and more cheaply in every thread.
 */
function countLiteralLinesOf(bytes: Buffer, literal: Buffer, max: number): number | null {
  const n = bytes.length;
  const ends = new LineEnds(bytes);
  // Looked at only when a literal follows a byte ≥ 0x80: in Shift_JIS, GBK or Big5 that may be
  // its lead byte, the literal's first byte the character's second.
  let utf8: boolean | undefined;
  let count = 0;
  let from = 0;
  while (count < max) {
    const at = bytes.indexOf(literal, from);
    if (at === -1) break;
    const after = at + literal.length;
    if (after < n && (bytes[after] as number) >= 0x80) return null;
    if (at > 0 && (bytes[at - 1] as number) >= 0x80 && !(utf8 ??= isUtf8(bytes))) return null;
    const end = ends.after(after);
    count++;
    if (end === -1) break;
    from = end + 1;
  }
  return count;
}

/**
 * {@link countLiteralLines} for many literals, looked for in one pass: one `indexOf` a literal
 * scanned a file once for each of them.
 */
function countSetLines(bytes: Buffer, set: LiteralSet, max: number): number | null {
  const ends = new LineEnds(bytes);
  let utf8: boolean | undefined;
  let count = 0;
  for (let from = 0; count < max;) {
    const at = set.findBytes(bytes, from);
    if (at === -1) break;
    if (set.highAfter) return null;
    if (at > 0 && (bytes[at - 1] as number) >= 0x80 && !(utf8 ??= isUtf8(bytes))) return null;
    const end = ends.after(at + 1);
    count++;
    if (end === -1) break;
    from = end + 1;
  }
  return count;
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
  if (!utf16 && countable && spec.mode !== 'lines' && matcher.lineLiterals && !options.analyse) {
    const count = countLiteralLines(bytes, matcher.lineLiterals, max);
    if (count === 0) return NO_MATCH;
    if (count !== null) {
      // The encoding only matters to the analysis, which this shortcut is not taken with.
      return { outcome: Outcome.Match, match: { format: file.format, encoding: 'utf-8', bytes: bytes.length, count } };
    }
  }
  if (!utf16 && !matcher.mayMatchBytes(bytes)) return NO_MATCH;
  let decoded;
  try {
    decoded = decode(bytes);
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
    text: decoded.text,
  };
  if (decoded.fallback) doc.encodingFallback = true;
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

/** A batch of text files: each list joined with NUL (which no path holds), to cross cheaply. */
export interface BatchRequest {
  absPaths: string;
  displayPaths: string;
  /** One character a file: `t` text, `m` Markdown; upper case when compressed. */
  kinds: string;
}

/** What became of a batch: an outcome a file, and the results that say more, by index. */
export interface BatchResult {
  outcomes: Uint8Array;
  details: [number, FileResult][];
}

/** Searches a batch of text files (`kinds` as in {@link BatchRequest}), in a worker or in the main thread alike. */
export function searchBatch(
  files: readonly { absPath: string; displayPath: string }[],
  kinds: string,
  matcher: Matcher,
  spec: GrepSpec,
  reader: FileReader,
  options: SearchFileOptions = {},
): BatchResult {
  const outcomes = new Uint8Array(files.length);
  const details: [number, FileResult][] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as { absPath: string; displayPath: string };
    const kind = kinds.charCodeAt(i);
    const format: DocFormat = kind === 0x6d || kind === 0x4d ? 'markdown' : 'text';
    const result = searchFile(
      { absPath: file.absPath, displayPath: file.displayPath, format, compressed: kind < 0x60 },
      matcher,
      spec,
      reader,
      options,
    );
    outcomes[i] = result.outcome;
    if (result.match || result.warnings || result.error) details.push([i, result]);
  }
  return { outcomes, details };
}

/** What became of the files under a folder, in walk order. */
export interface FolderResult extends BatchResult {
  /** Each file's path relative to the corpus root, joined with NUL. */
  relPaths: string;
  /** Problems walking the folder, each as [file index it comes before, where, why]. */
  walkWarnings: [number, string, string][];
  /**
   * True when the folder's files have distinct ids (told cheaply, see {@link DistinctIds}) and
   * none is a JSON Lines file (whose records claim ids in their place): they can be claimed whole.
   */
  distinctIds: boolean;
  /** The files walked that have no reader, by kind (see {@link WalkOptions.skipped}), when there are any. */
  skipped?: SkippedFiles;
}

/** How a folder is walked: the corpus options that choose its files. */
export type FolderWalk = Pick<WalkOptions, 'hidden' | 'globs' | 'formats'>;

/**
 * Walks a folder and searches its text files (JSON Lines files are only named), in a worker or
 * in the main thread alike. Everything found is kept until the end, so this is only for the
 * modes whose results are a number a file (`count`, `files`).
 */
export function searchFolder(
  folder: FoundFolder,
  walk: FolderWalk,
  matcher: Matcher,
  spec: GrepSpec,
  reader: FileReader,
): FolderResult {
  const relPaths: string[] = [];
  const outcomes: number[] = [];
  const details: [number, FileResult][] = [];
  const walkWarnings: [number, string, string][] = [];
  const onWarning = (where: string, why: string): void => void walkWarnings.push([relPaths.length, where, why]);
  const ids = new DistinctIds();
  const skipped: SkippedFiles = new Map();
  for (const file of walkFolder(folder, { cwd: '', ...walk, onWarning, skipped })) {
    const i = relPaths.length;
    relPaths.push(file.relPath);
    ids.add(file.relPath);
    const format = formatOf(file.relPath);
    if (holdsRecords(format)) {
      ids.distinct = false;
      outcomes.push(Outcome.Jsonl);
      continue;
    }
    const result = searchFile(
      { absPath: file.absPath, displayPath: file.displayPath, format, compressed: isCompressed(file.relPath) },
      matcher,
      spec,
      reader,
    );
    outcomes.push(result.outcome);
    if (result.match || result.warnings || result.error) details.push([i, result]);
  }
  return {
    relPaths: relPaths.join('\0'),
    outcomes: Uint8Array.from(outcomes),
    details,
    walkWarnings,
    distinctIds: ids.distinct,
    ...(skipped.size > 0 ? { skipped } : {}),
  };
}

/** A piece of a JSON Lines file, cut after a `\n` (or at its end), to search on its own. */
export interface JsonlChunkRequest {
  bytes: Uint8Array;
  /** True for the file's first piece, whose first line may start with a BOM. */
  first: boolean;
  /** The file's display path, for the warnings of the search (a line too hard to search). */
  displayPath: string;
}

/**
 * A line of a piece that claims an id or has a warning: its index in the piece; the id it asks
 * for (null: its line's id), with its matching-line count when it matched and the search's
 * warnings; or the warning that it holds no document.
 */
export type JsonlEntry =
  | { at: number; id: string | null; count?: number; bytes?: number; warnings?: [string, string][] }
  | { at: number; warning: string };

/** What became of a piece: its number of lines (blank ones too), and the entries, in order. */
export interface JsonlChunkResult {
  lines: number;
  entries: JsonlEntry[];
}

/**
 * Searches the records of a piece of a JSON Lines file, for the modes that print a number a
 * document (`count`, `files`): what `readJsonl` and the search do to each line, but the ids
 * left for the caller to claim in order, as the line numbers are known only there. A record
 * whose bytes cannot match is not decoded (see {@link Matcher.mayMatchJson}).
 */
export function searchJsonlChunk(request: JsonlChunkRequest, matcher: Matcher, spec: GrepSpec): JsonlChunkResult {
  const bytes = Buffer.isBuffer(request.bytes)
    ? request.bytes
    : Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  const lines = linesOf(bytes);
  const entries: JsonlEntry[] = [];
  const max = maxLines(spec);
  for (let at = 0; at < lines.length; at++) {
    let line = lines[at] as Buffer;
    if (at === 0 && request.first && line.subarray(0, 3).equals(UTF8_BOM)) line = line.subarray(3);
    const may = matcher.mayMatchJson(line);
    if (!may) {
      const id = recordIdOf(line);
      if (id !== undefined) {
        entries.push({ at, id });
        continue;
      }
    }
    const record = parseJsonlLine(line);
    if (record === null) continue;
    if (typeof record === 'string') {
      entries.push({ at, warning: record });
      continue;
    }
    if (!may) {
      entries.push({ at, id: record.fields.id ?? null });
      continue;
    }
    const warnings: [string, string][] = [];
    const doc: SourceDocument = {
      id: '',
      path: request.displayPath,
      absPath: '',
      format: 'jsonl',
      bytes: line.length,
      encoding: 'utf-8',
      text: record.text,
    };
    const searcher = new DocumentSearcher(doc, matcher, {
      maxCount: max,
      withLines: false,
      onLineError: lineWarnings(request.displayPath, warnings),
    });
    // Counted, not kept: a record may hold millions of matching lines.
    searcher.next(Infinity, Infinity, false);
    const entry: JsonlEntry = { at, id: record.fields.id ?? null };
    if (searcher.found > 0) {
      entry.count = searcher.found;
      entry.bytes = line.length;
    }
    if (warnings.length > 0) entry.warnings = warnings;
    entries.push(entry);
  }
  return { lines: lines.length, entries };
}
