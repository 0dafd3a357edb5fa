// Lines of per-document state (a summary's distinctive-term candidates and results) kept in
// memory up to a bound, then appended to a file in the run's scratch folder: a summary of a
// million documents holds a few megabytes of them, not a few hundred bytes a document. A small
// corpus never touches the disk. The lines are read back in the order they were written, in this
// thread or (by a {@link SpoolRef}) in another.

import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { threadId } from 'node:worker_threads';
import { fsReason, ScratchError } from '../errors.js';

/**
 * Characters held in memory before they are written out. Small: writing a string makes a buffer
 * of three bytes a character (4 million characters: 12 MB at each write, in each worker).
 */
const BOUND = 1 << 18;
/** Bytes read from a spool's file at a time. */
const READ = 1 << 20;

/** A spool's lines, for reading back: its file (null: none written) and the lines still in memory. */
export interface SpoolRef {
  file: string | null;
  /** The lines not written to the file, each ended by a newline. */
  tail: string;
  lines: number;
}

let spools = 0;

/** Lines appended one at a time (no newline in a line: they are JSON), read back in order. */
export class LineSpool {
  private buffer: string[] = [];
  private size = 0;
  private fd: number | null = null;
  private file: string | null = null;
  /** Lines appended. */
  lines = 0;

  /** `folder` gives the scratch folder, called only when the first line goes to disk. */
  constructor(
    private readonly folder: () => string,
    private readonly name: string,
    private readonly bound = BOUND,
  ) {}

  push(line: string): void {
    this.buffer.push(line);
    this.size += line.length + 1;
    this.lines++;
    if (this.size >= this.bound) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    try {
      if (this.fd === null) {
        this.file = path.join(this.folder(), `${this.name}-${process.pid}-${threadId}-${spools++}`);
        this.fd = fs.openSync(this.file, 'w');
      }
      fs.writeSync(this.fd, Buffer.from(`${this.buffer.join('\n')}\n`));
    } catch (err) {
      if (err instanceof ScratchError) throw err;
      throw new ScratchError(`cannot write to the scratch folder (set TMPDIR): ${fsReason(err)}`);
    }
    this.buffer = [];
    this.size = 0;
  }

  /** What reads the lines appended so far (the spool stays open: lines may still be added). */
  ref(): SpoolRef {
    const tail = this.buffer.length === 0 ? '' : `${this.buffer.join('\n')}\n`;
    return { file: this.file, tail, lines: this.lines };
  }

  /** The lines appended so far, in order. */
  read(): Generator<string> {
    return spooledLines(this.ref());
  }

  /** Closes the file (kept for its readers; {@link removeSpool} deletes it). */
  close(): SpoolRef {
    const ref = this.ref();
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    this.file = null;
    this.buffer = [];
    this.size = 0;
    this.lines = 0;
    return ref;
  }
}

/** A spool's lines, in order: its file's, read a megabyte at a time, then those in memory. */
export function* spooledLines(ref: SpoolRef): Generator<string> {
  if (ref.file !== null) {
    const fd = fs.openSync(ref.file, 'r');
    try {
      const decoder = new StringDecoder('utf8');
      const chunk = Buffer.allocUnsafe(READ);
      let rest = '';
      for (let read = fs.readSync(fd, chunk, 0, READ, null); read > 0; read = fs.readSync(fd, chunk, 0, READ, null)) {
        const text = rest + decoder.write(chunk.subarray(0, read));
        const lines = text.split('\n');
        rest = lines.pop() ?? '';
        yield* lines;
      }
      if (rest + decoder.end() !== '') throw new Error(`${ref.file}: the spool file ends inside a line`);
    } finally {
      fs.closeSync(fd);
    }
  }
  if (ref.tail !== '') yield* ref.tail.slice(0, -1).split('\n');
}

/** Deletes a spool's file, if it has one. */
export function removeSpool(ref: SpoolRef): void {
  if (ref.file !== null) fs.rmSync(ref.file, { force: true });
}
