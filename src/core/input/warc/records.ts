// Cuts the (decompressed) bytes of a WARC or WET file into its records, a chunk at a time, so a
// 5 GB crawl segment never sits in memory: a record is a header block (`WARC/1.1`, then named
// fields, then a blank line), `Content-Length` bytes of content, and a blank line (WARC 1.1 §4).
// Damage (a bad header block, bytes that are no record, a record cut short) is an event at a
// record number, and reading goes on from the next line that starts with `WARC/1.`.

import {
  CR,
  headerEnd,
  MAGIC,
  magicAtLineStart,
  MAX_HEADER_BYTES,
  NEWLINE,
  parseHeaderBlock,
  startsWithMagic,
  type WarcHeaders,
} from './header-block.js';

export type { WarcHeaders } from './header-block.js';

/** A whole record: its 1-based number in the file, its header fields and its content. */
export interface WarcRecord {
  kind: 'record';
  number: number;
  headers: WarcHeaders;
  /** Bytes of content the header block gives (`Content-Length`). */
  length: number;
  /** The content; null when it was not kept (a record `keep` says no to, or one past the size limit). */
  content: Buffer | null;
  /** True when the content was not kept because it is bigger than the size limit. */
  tooBig: boolean;
}

/** Bytes at a record number that hold no record: why, as a warning says it. */
export interface WarcDamage {
  kind: 'damage';
  number: number;
  why: string;
}

export type WarcEvent = WarcRecord | WarcDamage;

/** Between records (before a header block), in a record's content, or searching for the next record. */
type State = 'between' | 'content' | 'sync';

const EMPTY = Buffer.alloc(0);

/**
 * Cuts the bytes of a WARC file into records. `keep`, asked with a record's header fields,
 * says whether its content is kept (records of other types are counted and skipped unread);
 * content bigger than `limit` bytes is not kept either.
 */
export class WarcRecords {
  /** The records started (each damaged run of bytes counts as one too). */
  number = 0;
  private state: State = 'between';
  /** Bytes of a header block, or of a search for the next record, not yet complete. */
  private held: Buffer = EMPTY;
  private current: WarcRecord | null = null;
  private parts: Buffer[] = [];
  private got = 0;
  /** Bytes skipped since damage began, while searching for the next record. */
  private skipped = 0;
  private syncWhy = '';
  private syncLineStart = false;
  /** Whether the current record's content is kept. */
  private keepContent = false;

  constructor(
    private readonly keep: (headers: WarcHeaders) => boolean,
    private readonly limit: number,
  ) {}

  /** The events of the next chunk of the file. */
  feed(chunk: Buffer): WarcEvent[] {
    const events: WarcEvent[] = [];
    const buf = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
    this.held = EMPTY;
    let at = 0;
    while (at < buf.length) {
      if (this.state === 'content') {
        at = this.takeContent(buf, at, events);
      } else if (this.state === 'sync') {
        at = this.findRecord(buf, at, events);
      } else {
        // Between records: the blank line after a record's content (any run of line ends is
        // taken for it), then a header block, which starts with `WARC/1.`.
        while (at < buf.length && (buf[at] === CR || buf[at] === NEWLINE)) at++;
        if (buf.length - at < MAGIC.length) break;
        if (!startsWithMagic(buf, at)) {
          this.startSync('', true);
          continue;
        }
        const end = headerEnd(buf, at);
        if (end !== -1) {
          at = this.takeHeader(buf, at, end);
        } else if (buf.length - at > MAX_HEADER_BYTES) {
          this.number++;
          // Past the magic, so that the search finds the next record, not this one.
          this.startSync('no end to its header block', false);
          at++;
        } else {
          break;
        }
      }
    }
    if (at < buf.length) this.held = Buffer.from(buf.subarray(at));
    return events;
  }

  /**
   * The end of the file: a record cut short is damage. When its kept content holds the start of
   * another record (its `Content-Length` ran past it), the records from there are read again.
   */
  end(): WarcEvent[] {
    const events: WarcEvent[] = [];
    if (this.state === 'content' && this.current !== null) {
      const record = this.current;
      const kept = this.parts.length > 0 ? Buffer.concat(this.parts) : null;
      const next = kept === null ? -1 : magicAtLineStart(kept, 0, false);
      events.push({
        kind: 'damage',
        number: record.number,
        why:
          next === -1
            ? `WARC record cut short: the file ends ${this.got} bytes into its ${record.length} bytes of content`
            : `WARC record's Content-Length (${record.length}) runs past the next record: skipped`,
      });
      this.current = null;
      this.parts = [];
      if (kept !== null && next !== -1) {
        this.state = 'between';
        events.push(...this.feed(kept.subarray(next)), ...this.end());
      }
      return events;
    }
    if (this.state === 'sync') this.closeSync(events);
    else if (this.state === 'between' && this.held.some((b) => b !== CR && b !== NEWLINE)) {
      this.number++;
      const why = startsWithMagic(this.held, 0)
        ? 'WARC record cut short in its header block'
        : `${this.held.length} bytes at the end of the file are not a WARC record, skipped`;
      events.push({ kind: 'damage', number: this.number, why });
    }
    this.held = Buffer.alloc(0);
    return events;
  }

  /**
   * Forgets the record being read, with why (the bytes after it are lost: damaged compressed
   * data), and reads what follows as the start of a record. Always one damage event: at the
   * record cut, else at a number of its own (whole records may have been lost).
   */
  lost(why: string): WarcEvent[] {
    const events: WarcEvent[] = [];
    if (this.state === 'sync') this.closeSync(events);
    const number = this.state === 'content' && this.current !== null ? this.current.number : ++this.number;
    events.push({ kind: 'damage', number, why });
    this.current = null;
    this.parts = [];
    this.held = EMPTY;
    this.state = 'between';
    return events;
  }

  /**
   * Forgets the record being read, without a word: its bytes come again from its start (a
   * damaged gzip member after it was read again from the start of the member that holds it).
   */
  restart(): void {
    if (this.state === 'content' && this.current !== null) this.number = this.current.number - 1;
    this.current = null;
    this.parts = [];
    this.held = EMPTY;
    this.skipped = 0;
    this.syncWhy = '';
    this.state = 'between';
  }

  /** Reads a header block at `at`, ending at `end` (its blank line's end); returns where its content starts. */
  private takeHeader(buf: Buffer, at: number, end: number): number {
    this.number++;
    const parsed = parseHeaderBlock(buf.toString('latin1', at, end));
    if (typeof parsed === 'string') {
      // Past the magic, so that the search finds the next record, not this one.
      this.startSync(parsed, false);
      return at + 1;
    }
    const keep = this.keep(parsed.headers);
    const tooBig = keep && parsed.length > this.limit;
    this.current = {
      kind: 'record',
      number: this.number,
      headers: parsed.headers,
      length: parsed.length,
      content: null,
      tooBig,
    };
    this.parts = [];
    this.got = 0;
    this.keepContent = keep && !tooBig;
    this.state = 'content';
    return end;
  }

  /** Takes what the chunk holds of the current record's content. */
  private takeContent(buf: Buffer, at: number, events: WarcEvent[]): number {
    const record = this.current as WarcRecord;
    const take = Math.min(record.length - this.got, buf.length - at);
    if (this.keepContent && take > 0) this.parts.push(buf.subarray(at, at + take));
    this.got += take;
    if (this.got < record.length) return at + take;
    if (this.keepContent)
      record.content = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts);
    events.push(record);
    this.current = null;
    this.parts = [];
    this.state = 'between';
    return at + take;
  }

  /**
   * Begins a search for the next record. `why`, when not empty, is the bad header block it
   * follows (the damage is told at its number); else the bytes skipped are the damage, at a
   * number of their own. `lineStart`: the search begins at the start of a line.
   */
  private startSync(why: string, lineStart: boolean): void {
    this.state = 'sync';
    this.skipped = 0;
    this.syncWhy = why;
    this.syncLineStart = lineStart;
  }

  /** Searches for the next record from `at`: returns its start, or the end of the chunk (keeping a few bytes). */
  private findRecord(buf: Buffer, at: number, events: WarcEvent[]): number {
    const found = magicAtLineStart(buf, at, this.syncLineStart);
    if (found === -1) {
      // The magic may be split between this chunk and the next: its length is kept, and the byte
      // before it, which says whether it starts a line.
      const keep = Math.min(buf.length - at, MAGIC.length + 1);
      this.skipped += buf.length - at - keep;
      this.syncLineStart = false;
      this.held = Buffer.from(buf.subarray(buf.length - keep));
      return buf.length;
    }
    this.skipped += found - at;
    this.closeSync(events);
    this.state = 'between';
    return found;
  }

  /** The damage a search that ended was for: the bad header block, or the bytes that are no record. */
  private closeSync(events: WarcEvent[]): void {
    if (this.syncWhy !== '') {
      events.push({ kind: 'damage', number: this.number, why: `${this.syncWhy}, skipped` });
    } else {
      const bytes = this.skipped + this.held.length;
      if (bytes === 0) return;
      this.number++;
      events.push({ kind: 'damage', number: this.number, why: `${bytes} bytes that are not a WARC record, skipped` });
    }
    this.syncWhy = '';
    this.skipped = 0;
  }
}
