// The rows of a CSV or TSV stream, parsed by csv-parse (RFC 4180: quoted fields may hold the
// delimiter, quotes and line breaks), each with the line it starts on. A row csv-parse cannot
// read (a broken quote), or that grows past the size limit (a quote that never closes), is
// reported and parsing starts again on the line after the one it starts on, so one bad row
// costs that row, not the rest of the file.

import type { CsvError, Parser, parse as csvParse } from 'csv-parse';
import { formatSize, tooBigWarning } from '../limits.js';

/** A row read: its cells, the lines it starts and ends on, its size in bytes. */
export interface CsvRow {
  kind: 'row';
  cells: string[];
  line: number;
  endLine: number;
  bytes: number;
}

/** A row that could not be read, at the line it starts on, and why. */
export interface BadCsvRow {
  kind: 'bad';
  line: number;
  why: string;
}

const LF = 0x0a;

/** The delimiter of a CSV file, from its first line: the most frequent of `,` `;` and tab outside quotes. */
export function sniffDelimiter(head: Buffer): string {
  let comma = 0;
  let semicolon = 0;
  let tab = 0;
  let quoted = false;
  const end = Math.min(head.length, 64 * 1024);
  for (let i = 0; i < end; i++) {
    const c = head[i];
    if (c === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (c === LF) break;
    else if (c === 0x2c) comma++;
    else if (c === 0x3b) semicolon++;
    else if (c === 0x09) tab++;
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  return tab > comma ? '\t' : ',';
}

/** The line feeds in a row's cells. */
function lineFeeds(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) n++;
  return n;
}

/** What is wrong with a row csv-parse gave up on. */
function brokenWhy(err: CsvError | undefined): string {
  switch (err?.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a broken quote (a closing quote followed by more text)';
    case 'INVALID_OPENING_QUOTE':
      return 'a broken quote (a quote inside a field not quoted)';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quote that never closes';
    default:
      return `an unreadable row (${err?.message ?? 'unknown error'})`;
  }
}

/**
 * Parses a stream of CSV bytes fed a chunk at a time; each {@link feed} and {@link end} gives
 * the rows (and bad rows) completed since. Memory: the bytes of the row under way, at most
 * `limit` (past it the row is bad), and csv-parse's own copy of them.
 */
export class CsvRows {
  private parser: Parser;
  private items: (CsvRow | BadCsvRow)[] = [];
  /** The line the last row read ended on. */
  private lastLine = 0;
  /** Bytes of this parser's input up to the end of the last row read. */
  private lastEnd = 0;
  /** Bytes this parser was fed. */
  private fed = 0;
  /** The chunks fed since the last row read (the first may start before it), from `heldStart`. */
  private held: Buffer[] = [];
  private heldStart = 0;
  /** Why this parser's current row cannot be read, once it is known. */
  private broken: string | null = null;
  /** True while the line of a bad row goes on past the bytes fed: a parser starts after it. */
  private skipping = false;

  constructor(
    /** csv-parse's `parse`, loaded when the first table is read (see `loadCsvParse`). */
    private readonly parse: typeof csvParse,
    private readonly delimiter: string,
    private readonly limit: number,
  ) {
    this.parser = this.start(true);
  }

  private start(first: boolean): Parser {
    const parser = this.parse({
      delimiter: this.delimiter,
      bom: first,
      relax_column_count: true,
      skip_records_with_error: true,
      // Each row is taken here as it is parsed: nothing is queued in the stream.
      on_record: (cells: string[], info) => {
        if (this.broken === null) {
          const bytes = info.bytes - this.lastEnd;
          const line = this.lastLine + 1;
          // Line feeds only in quoted cells: counted there, as an editor counts lines (csv-parse
          // counts a quoted CRLF as two).
          const endLine = line + lineFeeds(cells);
          // Parsed whole within a chunk, it never held more than the chunk: left out all the same.
          if (bytes > this.limit) this.items.push({ kind: 'bad', line, why: tooBigWarning(this.limit) });
          else this.items.push({ kind: 'row', cells, line, endLine, bytes });
          this.lastLine = endLine;
          this.lastEnd = info.bytes;
        }
        return null;
      },
      on_skip: (err) => void (this.broken ??= brokenWhy(err)),
    });
    parser.on('error', (err: CsvError) => void (this.broken ??= brokenWhy(err)));
    return parser;
  }

  /** The rows completed by this chunk. */
  feed(chunk: Buffer): (CsvRow | BadCsvRow)[] {
    let pending: Buffer | null = chunk;
    while (pending !== null && pending.length > 0) pending = this.write(pending);
    return this.items.splice(0);
  }

  /** The rows left at the end of the stream. */
  async end(): Promise<(CsvRow | BadCsvRow)[]> {
    for (;;) {
      if (!this.skipping) {
        const parser = this.parser;
        await new Promise<void>((resolve) => {
          parser.once('error', () => resolve());
          parser.end(() => resolve());
        });
      }
      if (this.broken === null) break;
      let rest: Buffer | null = this.restart();
      while (rest !== null && rest.length > 0) rest = this.write(rest);
    }
    return this.items.splice(0);
  }

  /** Feeds bytes to the parser; what is left to feed to a new one after a bad row, or null. */
  private write(bytes: Buffer): Buffer | null {
    if (this.skipping) {
      const lf = bytes.indexOf(LF);
      if (lf < 0) return null;
      this.skipping = false;
      this.parser = this.start(false);
      return bytes.subarray(lf + 1);
    }
    this.held.push(bytes);
    this.fed += bytes.length;
    this.parser.write(bytes);
    if (this.broken === null && this.fed - this.lastEnd > this.limit)
      this.broken = `a row bigger than --max-filesize (${formatSize(this.limit)}), or a quote that never closes`;
    if (this.broken !== null) return this.restart();
    const { held } = this;
    while (held.length > 1 && this.heldStart + (held[0] as Buffer).length <= this.lastEnd)
      this.heldStart += (held.shift() as Buffer).length;
    return null;
  }

  /**
   * Reports the row under way as bad and drops this parser: a new one starts on the line after
   * the row's first. Returns the bytes held after that line's end, or null when it has not come.
   */
  private restart(): Buffer | null {
    const line = this.lastLine + 1;
    this.items.push({ kind: 'bad', line, why: `${this.broken as string}: row skipped, read on from line ${line + 1}` });
    const rest = Buffer.concat(this.held).subarray(this.lastEnd - this.heldStart);
    this.parser.destroy();
    this.broken = null;
    this.lastLine = line;
    this.lastEnd = this.fed = this.heldStart = 0;
    this.held = [];
    const lf = rest.indexOf(LF);
    if (lf < 0) {
      this.skipping = true;
      return null;
    }
    this.parser = this.start(false);
    return rest.subarray(lf + 1);
  }
}
