// Where every command's output goes: a text sink with backpressure, a quiet end on a closed
// pipe and an error on any other failed write, the Node stream behind it, an in-memory one for
// tests, and a writer that batches rows.

import type { Writable } from 'node:stream';

/** Thrown by a write once the reader of stdout has gone away (`| head`): the run ends quietly. */
export class PipeClosedError extends Error {
  constructor() {
    super('output pipe closed');
    this.name = 'PipeClosedError';
  }
}

/**
 * Thrown by a write that failed for another reason than a closed pipe (a full disk, a closed
 * descriptor, an I/O error): what follows is lost, and the run must say so and exit 2.
 */
export class OutputError extends Error {
  constructor(
    /** `standard output` or `standard error`. */
    readonly stream: string,
    /** The system's code, `ENOSPC`, `EBADF`, `EIO`… */
    readonly code: string,
    reason: string,
  ) {
    super(`cannot write to ${stream}: ${reason} (${code})`);
    this.name = 'OutputError';
  }
}

// The reader went away: `| head`, a closed socket. Nothing is lost that anyone wanted.
const QUIET = new Set(['EPIPE', 'ECONNRESET']);

/** The error a failed write is reported as: quiet for a closed pipe, an OutputError otherwise. */
export function writeFailure(err: unknown, stream: string): PipeClosedError | OutputError {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && QUIET.has(code)) return new PipeClosedError();
  const message = err instanceof Error ? err.message : String(err);
  // Node's "ENOSPC: no space left on device, write" becomes "no space left on device".
  const reason = message.replace(/^[A-Z0-9_]+: /, '').replace(/, write$/, '');
  return new OutputError(stream, typeof code === 'string' ? code : 'EIO', reason);
}

/** A text sink with backpressure. */
export interface OutputStream {
  /**
   * Writes text (or UTF-8 bytes); awaits when the stream's buffer is full. Throws
   * PipeClosedError once the reader has gone, OutputError once a write failed otherwise.
   */
  write(text: string | Uint8Array): Promise<void>;
  /** True when the stream is a terminal. */
  isTTY: boolean;
  /**
   * While the stream holds more than its buffer (a slow reader), a promise of the moment it has
   * written it out; null otherwise. Warnings are written without waiting: a run waits here
   * between documents, or they would pile up in memory whenever nothing else waits.
   */
  drained?(): Promise<void> | null;
  /**
   * Resolves once every write made so far has been handed to the system, and throws as `write`
   * does if any failed: the last writes of a run fail after their `write` has returned.
   */
  settle?(): Promise<void>;
}

/**
 * Wraps a Node writable so writes honour backpressure, a closed pipe ends the run quietly and
 * any other write error is thrown; `name` says which stream, for the message.
 */
export function outputFrom(stream: Writable & { isTTY?: boolean }, name = 'standard output'): OutputStream {
  // The first error tells why: later ones only say the stream is now destroyed.
  let failure: unknown = null;
  let pending = 0;
  let settled: (() => void)[] = [];
  const fail = (err: unknown) => {
    failure ??= err;
  };
  stream.on('error', fail);
  const wrote = (err?: Error | null) => {
    if (err) fail(err);
    if (--pending === 0) {
      for (const resolve of settled) resolve();
      settled = [];
    }
  };
  // One wait for the stream to drain, shared by every write made while it is full: warnings
  // are written without waiting, and a burst of them would add listeners by the hundred.
  let drained: Promise<void> | null = null;
  const drain = (): Promise<void> =>
    (drained ??= new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('error', done);
        stream.off('close', done);
        drained = null;
        resolve();
      };
      stream.on('drain', done);
      stream.on('error', done);
      stream.on('close', done);
    }));
  const check = () => {
    if (failure !== null) throw writeFailure(failure, name);
    if (stream.destroyed) throw new PipeClosedError();
  };
  return {
    isTTY: stream.isTTY === true,
    drained: () => (stream.writableNeedDrain && failure === null && !stream.destroyed ? drain() : null),
    async write(text: string | Uint8Array) {
      check();
      pending++;
      if (!stream.write(text, wrote)) await drain();
      if (failure !== null) throw writeFailure(failure, name);
    },
    async settle() {
      // A stream that closes drops what it holds: its callbacks may never come.
      if (pending > 0 && !stream.destroyed) {
        await new Promise<void>((resolve) => {
          settled.push(resolve);
          stream.once('close', resolve);
        });
      }
      if (failure !== null) throw writeFailure(failure, name);
    },
  };
}

/** An output that collects what is written, for tests. */
export interface CapturedOutput extends OutputStream {
  text(): string;
}

/** An in-memory output, as a terminal or not. */
export function capturedOutput(isTTY: boolean): CapturedOutput {
  const chunks: string[] = [];
  return {
    isTTY,
    async write(text: string | Uint8Array) {
      chunks.push(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
    },
    text: () => chunks.join(''),
  };
}

/**
 * Buffers small writes into larger ones (a row at a time through a pipe is slow), flushing at
 * 64 KiB or when the oldest buffered text is 100 ms old, so slow runs still show rows as they go.
 * Text may come as UTF-8 bytes too (a record the cache holds as JSON), written without decoding.
 */
export class BufferedWriter {
  private chunks: (string | Uint8Array)[] = [];
  private size = 0;
  /** Bytes in `chunks`: then the output is put together as bytes, not joined as text. */
  private bytes = false;
  private since = 0;

  constructor(
    private readonly out: OutputStream,
    private readonly limit = 64 * 1024,
  ) {}

  async write(...texts: (string | Uint8Array)[]): Promise<void> {
    if (this.chunks.length === 0) this.since = Date.now();
    for (const text of texts) {
      this.chunks.push(text);
      this.size += text.length;
      if (typeof text !== 'string') this.bytes = true;
    }
    if (this.size >= this.limit || Date.now() - this.since > 100) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.chunks.length === 0) return;
    const data = this.bytes ? utf8Of(this.chunks) : this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    this.bytes = false;
    await this.out.write(data);
  }
}

/** Texts and UTF-8 bytes, in order, as one run of UTF-8 bytes. */
function utf8Of(chunks: readonly (string | Uint8Array)[]): Buffer {
  // A UTF-16 code unit takes at most 3 bytes in UTF-8.
  let most = 0;
  for (const chunk of chunks) most += typeof chunk === 'string' ? chunk.length * 3 : chunk.length;
  const out = Buffer.allocUnsafe(most);
  let at = 0;
  for (const chunk of chunks) {
    if (typeof chunk === 'string') at += out.write(chunk, at);
    else {
      out.set(chunk, at);
      at += chunk.length;
    }
  }
  return out.subarray(0, at);
}
