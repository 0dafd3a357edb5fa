// A file of lines read a window at a time, so that memory stays the size of a window or two,
// not the file's: the cache of a big corpus is hundreds of megabytes, and it is read in order.
// The file is kept open, so it is read as it was when opened even if a new version is renamed
// over it meanwhile.

import fs from 'node:fs';

const NEWLINE = 0x0a;
/** Bytes read at once while reading on. */
export const WINDOW = 4 << 20;
/** Bytes read at once after a jump (an entry looked up by the index, read again to be carried over). */
const JUMP = 64 << 10;

/** One line: `bytes[start…end)`, `end` being its newline; `at` is where it starts in the file, `next` where the line after it does. */
export interface Line {
  bytes: Buffer;
  start: number;
  end: number;
  at: number;
  next: number;
}

interface Window {
  bytes: Buffer;
  /** Where it starts in the file. */
  at: number;
}

const EMPTY: Window = { bytes: Buffer.alloc(0), at: 0 };

/** The line at `at` when the window holds all of it. */
function lineIn(w: Window, at: number): Line | null {
  const start = at - w.at;
  if (start < 0 || start >= w.bytes.length) return null;
  const end = w.bytes.indexOf(NEWLINE, start);
  return end < 0 ? null : { bytes: w.bytes, start, end, at, next: at + end - start + 1 };
}

/** Fills `buf` from the file at `position`; throws when the file ends before. */
function readAt(fd: number, buf: Buffer, position: number): void {
  for (let n = 0; n < buf.length;) {
    const got = fs.readSync(fd, buf, n, buf.length - n, position + n);
    if (got === 0) throw new Error('the file is shorter than when it was opened');
    n += got;
  }
}

/**
 * The lines of the first `length` bytes of an open file. Two windows are kept, the current one
 * and the one before it, so that lines just read stay at hand while reading on. A line is a
 * view of its window: holding it holds the window.
 */
export class WindowedLines {
  private current: Window = EMPTY;
  private previous: Window = EMPTY;

  constructor(
    private fd: number,
    readonly length: number,
    private readonly window = WINDOW,
  ) {}

  /** The line that starts at `at`; null at or past the end, or when no newline ends it there. */
  at(at: number): Line | null {
    if (at < 0 || at >= this.length) return null;
    const held = lineIn(this.current, at) ?? lineIn(this.previous, at);
    if (held) return held;
    // A whole window from a line that runs on from the current one; less after a jump.
    const from = at - this.current.at;
    let size = from >= 0 && from <= this.current.bytes.length ? this.window : Math.min(this.window, JUMP);
    for (;;) {
      const bytes = Buffer.allocUnsafe(Math.min(size, this.length - at));
      readAt(this.fd, bytes, at);
      const end = bytes.indexOf(NEWLINE);
      if (end >= 0) {
        this.previous = this.current;
        this.current = { bytes, at };
        return { bytes, start: 0, end, at, next: at + end + 1 };
      }
      if (at + bytes.length >= this.length) return null;
      size *= 2;
    }
  }

  /** Closes the file: no line can be read after. */
  close(): void {
    if (this.fd < 0) return;
    fs.closeSync(this.fd);
    this.fd = -1;
    this.current = this.previous = EMPTY;
  }
}
