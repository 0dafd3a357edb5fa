// Where every command's output goes: a text sink with backpressure and a quiet end on a closed
// pipe, the Node stream behind it, an in-memory one for tests, and a writer that batches rows.

import type { Writable } from 'node:stream';

/** Thrown by a write once the reader of stdout has gone away (`| head`): the run ends quietly. */
export class PipeClosedError extends Error {
  constructor() {
    super('output pipe closed');
    this.name = 'PipeClosedError';
  }
}

/** A text sink with backpressure. */
export interface OutputStream {
  /** Writes text (or UTF-8 bytes); awaits when the stream's buffer is full. Throws PipeClosedError once closed. */
  write(text: string | Uint8Array): Promise<void>;
  /** True when the stream is a terminal. */
  isTTY: boolean;
  /**
   * While the stream holds more than its buffer (a slow reader), a promise of the moment it has
   * written it out; null otherwise. Warnings are written without waiting: a run waits here
   * between documents, or they would pile up in memory whenever nothing else waits.
   */
  drained?(): Promise<void> | null;
}

/** Wraps a Node writable so writes honour backpressure and a closed pipe ends the run. */
export function outputFrom(stream: Writable & { isTTY?: boolean }): OutputStream {
  let closed = false;
  // EPIPE is the usual one (`| head`); any write error means nobody reads what follows.
  stream.on('error', () => {
    closed = true;
  });
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
  return {
    isTTY: stream.isTTY === true,
    drained: () => (stream.writableNeedDrain && !closed && !stream.destroyed ? drain() : null),
    async write(text: string | Uint8Array) {
      if (closed || stream.destroyed) throw new PipeClosedError();
      if (!stream.write(text)) await drain();
      if (closed) throw new PipeClosedError();
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
