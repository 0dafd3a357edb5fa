// Zstandard-compressed documents (`.zst`), read with fzstd (Node 20's zlib has no zstd), which is
// loaded when the first one is met. Decompressing stops at the size limit, a stream is fed a little
// at a time (so a bomb costs bounded memory), and damaged data is described by where it stops.

import { createRequire } from 'node:module';
import type * as Fzstd from 'fzstd';
import { TooBigError } from './limits.js';
import { ZstdWindowError, ZstdWindowWatch } from './zstd-window.js';

const require = createRequire(import.meta.url);
let fzstd: typeof Fzstd | undefined;
const load = (): typeof Fzstd => (fzstd ??= require('fzstd') as typeof Fzstd);

/**
 * Compressed bytes given to the decompressor at a time by a stream. A block of 3 bytes can hold
 * 128 KiB (a run of one byte), and everything the bytes pushed hold comes out at once: 1 KiB in
 * gives at most 44 MB out, not the gigabytes a bigger piece could give (measured: 206 MB/s, against
 * 246 MB/s for 4 KiB pieces).
 */
const STREAM_PIECE = 1024;

/** fzstd's error code for data cut short. */
const UNEXPECTED_EOF = 5;

/** Damaged zstd data: fzstd's message, whether it was only cut short, and after how many compressed bytes. */
export class ZstdDamageError extends Error {
  constructor(
    readonly cutShort: boolean,
    readonly at: number,
    why: string,
  ) {
    super(why);
    this.name = 'ZstdDamageError';
  }

  /** Where it was found and why, as a warning says it. */
  describe(): string {
    return this.cutShort
      ? `zstd data cut short after ${this.at} bytes (${this.message})`
      : `zstd data damaged within its first ${this.at} bytes (${this.message})`;
  }
}

/** The error fzstd throws, as a {@link ZstdDamageError}; any other error as it is. */
function damage(err: unknown, at: number): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'number' || !(err instanceof Error)) return err;
  return new ZstdDamageError(code === UNEXPECTED_EOF, at, err.message);
}

/**
 * The decompressed bytes of a zstd file, at most `limit` of them: past it, a {@link TooBigError}.
 * Damaged data is a {@link ZstdDamageError}.
 */
export function zstdDecompressSync(bytes: Buffer, limit: number): Buffer {
  new ZstdWindowWatch(limit).see(bytes);
  const chunks: Buffer[] = [];
  let total = 0;
  // Blocks come out one by one: the first past the limit stops it.
  const stream = new (load().Decompress)((chunk) => {
    total += chunk.length;
    if (total > limit) throw new TooBigError(limit);
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  });
  try {
    stream.push(bytes, true);
  } catch (err) {
    throw damage(err, bytes.length);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
}

/**
 * The decompressed bytes of a stream of zstd data, in pieces of about `chunkSize` bytes. Damaged
 * data is a {@link ZstdDamageError}, thrown once what came before it was yielded.
 */
export async function* zstdChunks(
  source: AsyncIterable<Buffer>,
  chunkSize: number,
  limit: number,
): AsyncGenerator<Buffer> {
  let out: Buffer[] = [];
  let pending = 0;
  let lastByte = -1;
  const stream = new (load().Decompress)((chunk) => {
    pending += chunk.length;
    if (chunk.length > 0) lastByte = chunk[chunk.length - 1] as number;
    out.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  });
  const take = (): Buffer => {
    const joined = out.length === 1 ? (out[0] as Buffer) : Buffer.concat(out, pending);
    out = [];
    pending = 0;
    return joined;
  };
  let read = 0;
  const watch = new ZstdWindowWatch(limit);
  try {
    for await (const chunk of source) {
      for (let at = 0; at < chunk.length; at += STREAM_PIECE) {
        const piece = chunk.subarray(at, Math.min(at + STREAM_PIECE, chunk.length));
        try {
          watch.see(piece);
        } catch (err) {
          // The frames before the one refused are read, as those before damage are.
          if (err instanceof ZstdWindowError) stream.push(piece.subarray(0, err.at));
          throw err;
        }
        stream.push(piece);
        read += piece.length;
        if (pending >= chunkSize) yield take();
      }
    }
    stream.push(new Uint8Array(0), true);
  } catch (err) {
    if (pending > 0) yield take();
    // Damage right after a whole frame (garbage after it, say): what came before ends whole, and
    // a last line without a line end is ended, as gzip's recovery ends it.
    if (betweenFrames(stream) && lastByte !== -1 && lastByte !== 0x0a && lastByte !== 0x0d) yield Buffer.from('\n');
    throw damage(err, read);
  }
  if (pending > 0) yield take();
}

/**
 * True when a decompressor stands between frames: the last one it read ended whole. fzstd keeps
 * its frame in `s`: a number (checksum or skippable bytes left) between frames, an object within
 * one (pinned by the fuzz tests of damaged `.zst` files).
 */
function betweenFrames(stream: Fzstd.Decompress): boolean {
  return typeof (stream as unknown as { s?: unknown }).s === 'number';
}
