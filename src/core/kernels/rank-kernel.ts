// The inner loops of trigram scoring (see trigram-model.ts) as a small WebAssembly function, whose
// source is rank-kernel.wat: for each distinct trigram of a text, find it in the model's table,
// walk the languages whose model ranks it and add franc's difference to their distances. V8
// reloads and re-checks each typed array at every step of those loops in JavaScript (some 30
// instructions an entry); compiled WebAssembly does it in a few. The same integer arithmetic, so
// the same distances; null where WebAssembly is missing (`node --jitless`), and the scorer runs
// its own loops.

import { RANK_KERNEL_WASM } from './rank-kernel.bytes.js';
import { loadKernel, PAGE, type WasmMemory } from './wasm.js';

/** How trigram-model.ts packs its tables, and franc's distance for a trigram a model lacks. */
export interface TableFormat {
  /** A key's first slot is `key · hashMultiplier >>> shift` (32-bit wrapping product). */
  hashMultiplier: number;
  /** A slot's second integer is `start << lengthBits | length`. */
  lengthBits: number;
  /** Subtracted from every difference added (see `scoreText`). */
  missing: number;
}

/**
 * The format rank-kernel.wat is written for: its constants. trigram-model.ts's must be the same.
 * (HASH_MULTIPLIER, LENGTH_BITS and MAX_DIFFERENCE there.)
 */
const ASSEMBLED_FOR: TableFormat = { hashMultiplier: 0x9e3779b1, lengthBits: 9, missing: 300 };

/**
 * `walk(trigrams, languages, slotsAt, entriesAt, mask, shift)`: zero the first `languages`
 * distances, then add to them the differences of the first `trigrams` (key, count) pairs, looked
 * up in the model whose tables are at `slotsAt` and `entriesAt` (see rank-kernel.wat).
 */
type Walk = (
  trigrams: number,
  languages: number,
  slotsAt: number,
  entriesAt: number,
  mask: number,
  shift: number,
) => void;

/** The most languages a distance table holds (franc-all has at most 329 in one script). */
export const KERNEL_MAX_LANGUAGES = 512;
/** The most trigrams one walk takes. */
export const KERNEL_MAX_TRIGRAMS = 8192;

/**
 * Memory layout, in bytes: the distances, the trigrams to walk, then the models' tables. The
 * same numbers are written in rank-kernel.wat, whose memory starts with room up to MODELS_AT.
 */
const DISTANCES_AT = 0;
const TRIGRAMS_AT = DISTANCES_AT + 4 * KERNEL_MAX_LANGUAGES;
const MODELS_AT = TRIGRAMS_AT + 8 * KERNEL_MAX_TRIGRAMS;

/** Scores trigrams with the kernel; the models' tables live in its memory. */
export interface RankKernel {
  /** Copies a model's table into the kernel's memory; returns its byte address there. */
  place(table: Int32Array | Uint32Array): number;
  /** Where to put the trigrams to score: two integers a trigram, key and count. */
  trigrams(): Int32Array;
  /**
   * Scores the first `count` trigrams against the first `languages` languages of the model
   * whose tables `place` put at `slotsAt` and `entriesAt`: the distances.
   */
  walk(count: number, languages: number, slotsAt: number, entriesAt: number, mask: number, shift: number): Int32Array;
}

let shared: RankKernel | null | undefined;

/**
 * The kernel (one per thread, loaded on the first call), or null when WebAssembly is not
 * available here.
 *
 * @param format - How the tables are packed: must be the format rank-kernel.wat is written for.
 * @throws Error when `format` is another: the .wat's constants want changing with the tables'.
 */
export function rankKernel(format: TableFormat): RankKernel | null {
  if (shared !== undefined) return shared;
  if (
    format.hashMultiplier >>> 0 !== ASSEMBLED_FOR.hashMultiplier ||
    format.lengthBits !== ASSEMBLED_FOR.lengthBits ||
    format.missing !== ASSEMBLED_FOR.missing
  ) {
    throw new Error(`rank-kernel.wat is written for the table format ${JSON.stringify(ASSEMBLED_FOR)}`);
  }
  shared = null;
  const built = loadKernel(RANK_KERNEL_WASM, 'walk');
  if (built === null) return null;
  const memory: WasmMemory = built.memory;
  const run = built.run as Walk;
  let end = MODELS_AT;
  let words = new Int32Array(memory.buffer);
  let pairs = words.subarray(TRIGRAMS_AT / 4, MODELS_AT / 4);
  shared = {
    place(table) {
      const at = end;
      end += table.length * 4;
      if (end > memory.buffer.byteLength) {
        memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
        words = new Int32Array(memory.buffer);
        pairs = words.subarray(TRIGRAMS_AT / 4, MODELS_AT / 4);
      }
      words.set(table, at / 4);
      return at;
    },
    trigrams: () => pairs,
    walk(count, languages, slotsAt, entriesAt, mask, shift) {
      run(count, languages, slotsAt, entriesAt, mask, shift);
      // Copied by hand: `slice` on a view of WebAssembly memory takes a slow path.
      const distances = new Int32Array(languages);
      const from = words;
      for (let index = 0; index < languages; index++) distances[index] = from[DISTANCES_AT / 4 + index] as number;
      return distances;
    },
  };
  return shared;
}
