// The one object every command writes through: stdout and stderr with backpressure and a
// quiet end on a closed pipe, whether each is a terminal, its size, colour, environment.

import type { Readable, Writable } from 'node:stream';

/** Thrown by a write once the reader of stdout has gone away (`| head`): the run ends quietly. */
export class PipeClosedError extends Error {
  constructor() {
    super('output pipe closed');
    this.name = 'PipeClosedError';
  }
}

/** A text sink with backpressure. */
export interface OutputStream {
  /** Writes text; awaits when the stream's buffer is full. Throws PipeClosedError once closed. */
  write(text: string): Promise<void>;
  /** True when the stream is a terminal. */
  isTTY: boolean;
}

/** Everything a command may touch of the outside world. */
export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: Readable;
  /** True when stdin is a terminal (no paths piped in). */
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Terminal width and height; 80×24 when unknown. */
  columns: number;
  rows: number;
  /** Runs `$PAGER` on text; resolves false when no pager could be started. */
  page?: (text: string) => Promise<boolean>;
}

/** Wraps a Node writable so writes honour backpressure and a closed pipe ends the run. */
export function outputFrom(stream: Writable & { isTTY?: boolean }): OutputStream {
  let closed = false;
  // EPIPE is the usual one (`| head`); any write error means nobody reads what follows.
  stream.on('error', () => {
    closed = true;
  });
  return {
    isTTY: stream.isTTY === true,
    async write(text: string) {
      if (closed || stream.destroyed) throw new PipeClosedError();
      if (!stream.write(text)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            stream.off('drain', done);
            stream.off('error', done);
            stream.off('close', done);
            resolve();
          };
          stream.on('drain', done);
          stream.on('error', done);
          stream.on('close', done);
        });
      }
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
    async write(text: string) {
      chunks.push(text);
    },
    text: () => chunks.join(''),
  };
}

/**
 * Buffers small writes into larger ones (a row at a time through a pipe is slow), flushing at
 * 64 KiB or when the oldest buffered text is 100 ms old, so slow runs still show rows as they go.
 */
export class BufferedWriter {
  private chunks: string[] = [];
  private size = 0;
  private since = 0;

  constructor(
    private readonly out: OutputStream,
    private readonly limit = 64 * 1024,
  ) {}

  async write(text: string): Promise<void> {
    if (this.chunks.length === 0) this.since = Date.now();
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= this.limit || Date.now() - this.since > 100) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.chunks.length === 0) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    await this.out.write(text);
  }
}
