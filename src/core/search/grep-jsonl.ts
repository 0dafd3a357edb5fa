// Greps a big JSON Lines file in pieces searched by workers (or here) while this thread claims the
// records' ids in order, with the line numbers only it can count. A file read whole, record by
// record, is grep-records.ts's.

import fs from 'node:fs';
import { OVERSIZE_LINE } from '../input/byte-lines.js';
import { fsPath } from '../input/file-names.js';
import { LineWarnings } from '../input/line-warnings.js';
import { maxFileSize, tooBigWarning } from '../input/limits.js';
import { claimRecordId, fileId } from '../input/ids.js';
import type { SourceDocument } from '../types.js';
import { describeError } from '../input/fs-errors.js';
import type { FoundFile } from '../input/walk.js';
import type { GrepPool } from '../workers/grep-pool.js';
import { searchJsonlChunk, type JsonlChunkRequest, type JsonlChunkResult } from './grep-jsonl-chunk.js';
import { nextTurn, type GrepContext } from './grep-context.js';
import type { GrepDocument } from './grep-settle.js';

/** The size of a piece of a big JSON Lines file (then cut after its last `\n`). */
const JSONL_PIECE = 4 << 20;
/** Pieces under way at most: a worker's and the next, and this thread's. */
const JSONL_AHEAD = 4;
/** Pieces a worker may have under way before this thread searches the next itself: as for folders. */
const PIECES_BUSY = 2;
const LF = 10;

/** A piece of a file under way: its reply from a worker, or its result. */
interface Piece {
  reply?: Promise<JsonlChunkResult>;
  done?: JsonlChunkResult;
}

/**
 * Yields the matching records of a big JSON Lines file, in the modes that print a number a
 * document: cut into pieces after a `\n`, each searched by one of `workers` or here (see
 * {@link searchJsonlChunk}); the ids are claimed here, in order.
 */
export async function* grepJsonlPieces(
  file: FoundFile,
  context: GrepContext,
  workers: GrepPool | null,
): AsyncGenerator<GrepDocument[]> {
  const { matcher, spec, warn } = context;
  let fd: number;
  try {
    fd = fs.openSync(fsPath(file.absPath), 'r');
  } catch (err) {
    warn(file.displayPath, describeError(err));
    return;
  }
  const bad = new LineWarnings(warn, file.displayPath);
  const read = { lines: 0 };
  const settle = pieceSettler(file, context, bad, read);
  const reader = new PieceReader(fd, maxFileSize());
  const pieces: Piece[] = [];
  try {
    let first = true;
    for (;;) {
      const bytes = reader.next();
      if (bytes === OVERSIZE_LINE) {
        pieces.push({ done: { lines: 1, entries: [{ at: 0, warning: tooBigWarning(reader.limit) }] } });
        first = false;
      } else if (bytes !== null) {
        const request: JsonlChunkRequest = { bytes, first, displayPath: file.displayPath };
        first = false;
        if (workers && workers.ready && !workers.allBusy(PIECES_BUSY)) {
          const piece: Piece = { reply: workers.searchJsonl(request) };
          piece.reply?.then(
            (result) => (piece.done = result),
            () => {},
          );
          pieces.push(piece);
        } else pieces.push({ done: searchJsonlChunk(request, matcher, spec) });
        await nextTurn();
      }
      // Print what is done, in order; wait only when too much is under way, or at the end.
      while (pieces.length > 0 && (bytes === null || pieces.length > JSONL_AHEAD || (pieces[0] as Piece).done)) {
        const piece = pieces.shift() as Piece;
        const found = settle(piece.done ?? (await (piece.reply as Promise<JsonlChunkResult>)));
        if (found.length > 0) yield found;
      }
      if (bytes === null) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  bad.end(read.lines);
  if (reader.failure) warn(file.displayPath, describeError(reader.failure));
}

/**
 * Turns the results of a file's pieces, taken in order, into its matching documents: claims
 * the ids of its records (those not named in the record are made of the line number) and
 * reports their warnings.
 */
function pieceSettler(
  file: FoundFile,
  context: GrepContext,
  bad: LineWarnings,
  read: { lines: number },
): (result: JsonlChunkResult) => GrepDocument[] {
  const { ids, warn } = context;
  const base = fileId(file.relPath);
  let lineBase = 0;
  return (result) => {
    const found: GrepDocument[] = [];
    for (const entry of result.entries) {
      const lineNo = lineBase + entry.at + 1;
      if ('warning' in entry) {
        bad.line(lineNo, entry.warning);
        continue;
      }
      const id = claimRecordId(ids, entry.id ?? `${base}#${lineNo}`, file, lineNo, warn);
      if (entry.warnings) for (const [where, why] of entry.warnings) warn(where, why);
      if (entry.count === undefined) continue;
      const doc: SourceDocument = {
        id,
        path: file.displayPath,
        absPath: file.absPath,
        format: 'jsonl',
        bytes: entry.bytes ?? 0,
        encoding: 'utf-8',
        text: '',
        recordLine: lineNo,
      };
      found.push({ search: { doc, lines: [], hits: [], count: entry.count }, count: entry.count, record: null });
    }
    lineBase += result.lines;
    read.lines = lineBase;
    return found;
  };
}

/**
 * Reads a file in pieces of about {@link JSONL_PIECE} bytes, each cut after its last `\n` (a
 * line longer than that makes a bigger piece, up to the size limit: a line longer still comes as
 * `OVERSIZE_LINE`, its bytes skipped). One buffer for every piece: a piece sent to a worker is
 * copied as it is posted, and one searched here is done with before the next read.
 */
class PieceReader {
  private buf = Buffer.allocUnsafe(JSONL_PIECE);
  /** Bytes in the buffer. */
  private n = 0;
  /** The end of the piece last handed out. */
  private cut = 0;
  private eof = false;
  /** Why reading stopped short, if it did (the pieces read until then are searched). */
  failure: unknown = null;

  constructor(
    private readonly fd: number,
    readonly limit: number,
  ) {}

  /** The next piece, a view valid until the next call; null at the end of the file. */
  next(): Buffer | null {
    // What follows the last piece's last `\n` moves to the front, for this one.
    this.buf.copyWithin(0, this.cut, this.n);
    this.n -= this.cut;
    this.cut = 0;
    if (this.eof) return null;
    let cut = -1;
    while (cut === -1) {
      if (this.n === this.buf.length) {
        if (this.n > this.limit) return this.skipLine();
        // One line longer than the buffer: read on.
        const bigger = Buffer.allocUnsafe(Math.min(this.buf.length * 2, this.limit + 1));
        this.buf.copy(bigger, 0, 0, this.n);
        this.buf = bigger;
      }
      let got = 0;
      try {
        got = fs.readSync(this.fd, this.buf, this.n, this.buf.length - this.n, null);
      } catch (err) {
        this.failure = err;
      }
      this.n += got;
      if (got === 0) {
        this.eof = true;
        cut = this.n;
      } else if (this.n === this.buf.length) {
        const lf = this.buf.lastIndexOf(LF, this.n - 1);
        if (lf !== -1) cut = lf + 1;
      }
    }
    if (cut === 0) return null;
    this.cut = cut;
    return this.buf.subarray(0, cut);
  }

  /** Skips the rest of a line longer than the limit, which fills the buffer: its bytes are not kept. */
  private skipLine(): Buffer {
    for (;;) {
      let got = 0;
      try {
        got = fs.readSync(this.fd, this.buf, 0, this.buf.length, null);
      } catch (err) {
        this.failure = err;
      }
      const lf = this.buf.subarray(0, got).indexOf(LF);
      if (got === 0 || lf !== -1) {
        this.eof = got === 0;
        // What follows the line's end is the start of the next piece.
        this.cut = got === 0 ? 0 : lf + 1;
        this.n = got;
        return OVERSIZE_LINE;
      }
    }
  }
}
