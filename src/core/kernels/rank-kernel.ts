// The inner loops of trigram scoring (see trigram-model.ts) as a small WebAssembly function: for
// each distinct trigram of a text, find it in the model's table, walk the languages whose model
// ranks it and add franc's difference to their distances. V8 reloads and re-checks each typed
// array at every step of those loops in JavaScript (some 30 instructions an entry); compiled
// WebAssembly does it in a few. The same integer arithmetic, so the same distances; null where
// WebAssembly is missing (`node --jitless`), and the scorer runs its own loops.

import {
  BLOCK,
  br,
  brIf,
  ELSE,
  END,
  get,
  I32,
  I32_ADD,
  I32_AND,
  I32_EQ,
  I32_GE_S,
  I32_GE_U,
  I32_MUL,
  I32_SHL,
  I32_SHR_U,
  I32_SUB,
  i32,
  i32Load as load,
  i32Store as store,
  IF,
  instantiate,
  LOOP,
  PAGE,
  SELECT,
  set,
  type WasmMemory,
} from './wasm.js';

/** How trigram-model.ts packs its tables, and franc's distance for a trigram a model lacks. */
export interface TableFormat {
  /** A key's first slot is `key · hashMultiplier >>> shift` (32-bit wrapping product). */
  hashMultiplier: number;
  /** A slot's second integer is `start << lengthBits | length`. */
  lengthBits: number;
  /** Subtracted from every difference added (see `scoreText`). */
  missing: number;
}

/** `walk(trigrams, languages, slotsAt, entriesAt, mask, shift)`: see {@link kernel}. */
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

/** Memory layout, in bytes: the distances, the trigrams to walk, then the models' tables. */
const DISTANCES_AT = 0;
const TRIGRAMS_AT = DISTANCES_AT + 4 * KERNEL_MAX_LANGUAGES;
const MODELS_AT = TRIGRAMS_AT + 8 * KERNEL_MAX_TRIGRAMS;

/**
 * `walk(trigrams, languages, slotsAt, entriesAt, mask, shift)`: set the first `languages`
 * distances to 0, then for each of the `trigrams` pairs (key, count): find the key in the
 * model's open-addressing table at `slotsAt` (two integers a slot: key, then where its entries
 * start and how many there are, packed per `format`; -1 marks an empty slot; the first slot
 * tried is the key's hash, then the next ones, wrapping at `mask`), and for each of its entries
 * `language << 16 | rank` at `entriesAt`, up to the first language past `languages`, add
 * `|count - rank - 1| - missing` to that language's distance. Locals past the parameters: 6 t
 * (byte address of the pair), 7 its end, 8 e (byte address of the entry), 9 its end, 10 count,
 * 11 entry, 12 difference, 13 address of the language's distance, 14 key, 15 slot, 16 the key
 * found there.
 */
function kernel(format: TableFormat): number[] {
  const body: number[] = [];
  // Zero the distances: t walks them, up to languages·4.
  body.push(
    ...i32(DISTANCES_AT),
    ...set(6),
    ...get(1),
    ...i32(2),
    ...I32_SHL,
    ...i32(DISTANCES_AT),
    ...I32_ADD,
    ...set(7),
  );
  body.push(...BLOCK, ...LOOP);
  body.push(...get(6), ...get(7), ...I32_GE_U, ...brIf(1));
  body.push(...get(6), ...i32(0), ...store(0), ...get(6), ...i32(4), ...I32_ADD, ...set(6), ...br(0));
  body.push(...END, ...END);
  // t = TRIGRAMS_AT, its end = trigrams·8 + TRIGRAMS_AT
  body.push(
    ...i32(TRIGRAMS_AT),
    ...set(6),
    ...get(0),
    ...i32(3),
    ...I32_SHL,
    ...i32(TRIGRAMS_AT),
    ...I32_ADD,
    ...set(7),
  );
  body.push(...BLOCK, ...LOOP); // for each trigram
  body.push(...get(6), ...get(7), ...I32_GE_U, ...brIf(1));
  body.push(...get(6), ...load(0), ...set(14), ...get(6), ...load(4), ...set(10));
  body.push(...BLOCK); // next trigram
  body.push(...BLOCK); // found
  body.push(...get(14), ...i32(format.hashMultiplier | 0), ...I32_MUL, ...get(5), ...I32_SHR_U, ...set(15));
  body.push(...LOOP); // probe
  body.push(...get(15), ...i32(3), ...I32_SHL, ...get(2), ...I32_ADD, ...load(0), ...set(16));
  body.push(...get(16), ...get(14), ...I32_EQ, ...brIf(1));
  body.push(...get(16), ...i32(-1), ...I32_EQ, ...brIf(2));
  body.push(...get(15), ...i32(1), ...I32_ADD, ...get(4), ...I32_AND, ...set(15), ...br(0));
  body.push(...END, ...END);
  // e = entriesAt + start·4, its end = e + length·4
  body.push(...get(15), ...i32(3), ...I32_SHL, ...get(2), ...I32_ADD, ...load(4), ...set(11));
  body.push(
    ...get(11),
    ...i32(format.lengthBits),
    ...I32_SHR_U,
    ...i32(2),
    ...I32_SHL,
    ...get(3),
    ...I32_ADD,
    ...set(8),
  );
  body.push(
    ...get(11),
    ...i32((1 << format.lengthBits) - 1),
    ...I32_AND,
    ...i32(2),
    ...I32_SHL,
    ...get(8),
    ...I32_ADD,
    ...set(9),
  );
  // Most trigrams of a paragraph occur once, and then |count - rank - 1| is the rank.
  body.push(...get(10), ...i32(1), ...I32_EQ, ...IF);
  body.push(...entryLoop([...get(11), ...i32(0xffff), ...I32_AND], format.missing));
  body.push(...ELSE);
  const difference = [
    ...get(10),
    ...get(11),
    ...i32(0xffff),
    ...I32_AND,
    ...I32_SUB,
    ...i32(1),
    ...I32_SUB,
    ...set(12),
  ];
  const absolute = [...get(12), ...i32(0), ...get(12), ...I32_SUB, ...get(12), ...i32(0), ...I32_GE_S, ...SELECT];
  body.push(...entryLoop([...difference, ...absolute], format.missing));
  body.push(...END);
  body.push(...END); // next trigram
  body.push(...get(6), ...i32(8), ...I32_ADD, ...set(6), ...br(0));
  body.push(...END, ...END);
  body.push(...END);
  return body;
}

/**
 * The loop over one trigram's entries (from local 8 up to local 9): for each, up to the first
 * language past the scored ones, add the `difference` (instructions that leave it on the stack,
 * reading the entry from local 11) less `missing` to the language's distance (its address in
 * local 13).
 */
function entryLoop(difference: number[], missing: number): number[] {
  return [
    ...BLOCK,
    ...LOOP,
    ...get(8),
    ...get(9),
    ...I32_GE_U,
    ...brIf(1),
    ...get(8),
    ...load(0),
    ...set(11),
    // The language's distance address; past the languages scored, the rest of the list is too.
    ...get(11),
    ...i32(16),
    ...I32_SHR_U,
    ...set(13),
    ...get(13),
    ...get(1),
    ...I32_GE_U,
    ...brIf(1),
    ...get(13),
    ...i32(2),
    ...I32_SHL,
    ...set(13),
    ...get(13),
    ...get(13),
    ...load(DISTANCES_AT),
    ...difference,
    ...I32_ADD,
    ...i32(missing),
    ...I32_SUB,
    ...store(DISTANCES_AT),
    ...get(8),
    ...i32(4),
    ...I32_ADD,
    ...set(8),
    ...br(0),
    ...END,
    ...END,
  ];
}

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
 * The kernel (one per thread, built on the first call for the tables' `format`), or null when
 * WebAssembly is not available here.
 */
export function rankKernel(format: TableFormat): RankKernel | null {
  if (shared !== undefined) return shared;
  shared = null;
  // Locals past the six parameters: eleven i32 (see kernel); memory with room for the tables' start.
  const built = instantiate('walk', 6, [[11, I32]], kernel(format), Math.ceil(MODELS_AT / PAGE));
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
