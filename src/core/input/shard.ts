// Deterministic shards (docs/spec.md §1, `--shard`): a document belongs to shard i of n by a
// stable hash of its id, so that n machines running the same command split any corpus without
// talking to each other. A document's id (docs/spec.md §2) is its path relative to the corpus
// for a file, and its own id (or `path#line`) for a record of a JSON Lines, CSV or WARC file:
// the same on every machine, whatever folder the corpus is mounted at, and unique in the run.

import { createHash } from 'node:crypto';

/** Shard `index` (0-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** A malformed `--shard` value. */
export class ShardError extends Error {}

/** Reads `i/n` (1 ≤ i ≤ n, 1-based as Slurm's `--array=1-n`). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!Number.isSafeInteger(i) || !Number.isSafeInteger(n) || n < 1 || i < 1 || i > n)
    throw new ShardError(`--shard takes i/n with 1 ≤ i ≤ n (shard 2 of 4: 2/4), not '${text}'`);
  return { index: i - 1, count: n };
}

/** `i/n` as the user writes it. */
export function shardText(shard: Shard): string {
  return `${shard.index + 1}/${shard.count}`;
}

/**
 * The shard a document id falls in: the first four bytes of the SHA-256 of its UTF-8 bytes, as
 * a big-endian unsigned integer, modulo n (in Python: `int.from_bytes(sha256(id.encode()).
 * digest()[:4], 'big') % n`). SHA-256 rather than a faster hash: anyone can say which shard a
 * document went to, in any language, and ~1 µs a document is nothing beside its analysis.
 */
export function shardOf(id: string, count: number): number {
  if (count === 1) return 0;
  return createHash('sha256').update(id).digest().readUInt32BE(0) % count;
}

/** Whether the document of this id is in the shard. */
export function inShard(id: string, shard: Shard): boolean {
  return shardOf(id, shard.count) === shard.index;
}
