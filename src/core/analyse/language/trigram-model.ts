// franc-all's trigram language models, indexed by trigram so that scoring a text walks only the
// languages that know each of its trigrams. Same distances as franc, 30-60 times faster.

import { data } from 'franc-all/data.js';
import { COMMON_LANGUAGES } from './languages.js';
import { isWhiteSpace } from '../white-space.js';
import {
  KERNEL_MAX_LANGUAGES,
  KERNEL_MAX_TRIGRAMS,
  rankKernel as sharedKernel,
  type RankKernel,
} from '../../kernels/rank-kernel.js';

const COMMON: ReadonlySet<string> = new Set(COMMON_LANGUAGES);

/** The distance franc adds for a trigram a language's model does not hold. */
export const MAX_DIFFERENCE = 300;

/** How much of a text one call scores, as franc does: enough to tell, bounded in cost. */
export const MAX_SAMPLE = 2048;

/** The languages written in one script, with an inverted index of their trigram models. */
export interface ScriptModel {
  /** The common languages (see `COMMON_LANGUAGES`) first, then the others. */
  languages: string[];
  /** How many languages at the head of `languages` are common ones. */
  common: number;
  /**
   * Open-addressing table of the trigrams, two integers a slot: the trigram's key (see `keyOf`;
   * -1 marks an empty slot), then where its entries start in `entries` and how many there are,
   * packed as `start << LENGTH_BITS | length`. (One array rather than three: fewer loads.)
   */
  slots: Int32Array;
  /** Packed `language index << 16 | rank`, sorted by language within a trigram. */
  entries: Uint32Array;
  /** Byte addresses of `slots` and `entries` in the rank kernel's memory; -1: not there. */
  slotsAt: number;
  entriesAt: number;
  /** The number of slots, minus one. */
  mask: number;
  shift: number;
}

/** A text scored against the languages of one script. */
export interface TrigramScore {
  /** One distance per scored language; lower is closer. Only differences matter. */
  distances: Int32Array;
  /** Trigrams (occurrences) in the scored text, for normalising differences. */
  trigrams: number;
}

const ALL: ReadonlySet<string> = new Set();
const models = new Map<ReadonlySet<string>, Map<string, ScriptModel>>();

/** Whether franc-all tells languages apart by trigrams in `script` (else the script is the language). */
export function hasModel(script: string): boolean {
  return Object.hasOwn(data, script);
}

// Characters the models use get small ids (franc-all's models together use ~730), so a trigram
// packs into a 30-bit integer that V8 keeps unboxed and that hashes cheaply.
const ID_BITS = 10;
const MAX_ID = (1 << ID_BITS) - 1;
const charIds = new Uint16Array(0x10000);
let nextCharId = 1;

function internChar(code: number): number {
  let id = charIds[code] as number;
  if (id === 0 && nextCharId <= MAX_ID) {
    id = nextCharId++;
    charIds[code] = id;
  }
  return id;
}

const keyOf = (a: number, b: number, c: number): number => (a << (2 * ID_BITS)) | (b << ID_BITS) | c;
const HASH_MULTIPLIER = 0x9e3779b1;
const hash = (key: number, shift: number): number => Math.imul(key, HASH_MULTIPLIER) >>> shift;

// A slot's second integer: where a trigram's entries start (< 2^22), and how many there are
// (one a language: franc-all has at most 329 languages in a script).
const LENGTH_BITS = 9;
const MAX_LENGTH = (1 << LENGTH_BITS) - 1;
const MAX_START = (1 << (31 - LENGTH_BITS)) - 1;

/** The WebAssembly kernel that scores with these tables, or null (see rank-kernel.ts). */
const rankKernel = (): RankKernel | null =>
  sharedKernel({ hashMultiplier: HASH_MULTIPLIER, lengthBits: LENGTH_BITS, missing: MAX_DIFFERENCE });

/**
 * The model of `script`, built on first use (a few milliseconds for Latin).
 *
 * @param script - A script franc-all has trigram models for (see {@link hasModel}).
 * @param allowed - The languages to keep; all of the script's when omitted. Models are cached
 *   per script and set, so pass the same set object each time.
 * @returns The indexed models.
 */
export function scriptModel(script: string, allowed?: ReadonlySet<string>): ScriptModel {
  let cache = models.get(allowed ?? ALL);
  if (!cache) {
    cache = new Map();
    models.set(allowed ?? ALL, cache);
  }
  const cached = cache.get(script);
  if (cached) return cached;
  const byLanguage = data[script] ?? {};
  const kept = Object.keys(byLanguage).filter((language) => !allowed || allowed.has(language));
  const commonOnes = kept.filter((language) => COMMON.has(language));
  const languages = [...commonOnes, ...kept.filter((language) => !COMMON.has(language))];
  const lists = new Map<number, number[]>();
  let total = 0;
  languages.forEach((language, languageIndex) => {
    // Most frequent first: the rank is the position in franc's `|`-separated list.
    const grams = (byLanguage[language] as string).split('|');
    grams.forEach((gram, rank) => {
      const [a, b, c] = [0, 1, 2].map((index) => internChar(gram.charCodeAt(index))) as [number, number, number];
      const key = keyOf(a, b, c);
      let list = lists.get(key);
      if (!list) {
        list = [];
        lists.set(key, list);
      }
      list.push((languageIndex << 16) | rank);
      total++;
    });
  });
  let bits = 4;
  while (1 << bits < lists.size * 2) bits++;
  const size = 1 << bits;
  if (total > MAX_START || languages.length > MAX_LENGTH) {
    throw new Error(`franc-all's ${script} model is too large to index`);
  }
  const model: ScriptModel = {
    languages,
    common: commonOnes.length,
    slots: new Int32Array(2 * size).fill(-1),
    entries: new Uint32Array(total),
    slotsAt: -1,
    entriesAt: -1,
    mask: size - 1,
    shift: 32 - bits,
  };
  let offset = 0;
  for (const [key, list] of lists) {
    let slot = hash(key, model.shift);
    while (model.slots[2 * slot] !== -1) slot = (slot + 1) & model.mask;
    model.slots[2 * slot] = key;
    model.slots[2 * slot + 1] = (offset << LENGTH_BITS) | list.length;
    model.entries.set(list, offset);
    offset += list.length;
  }
  const kernel = rankKernel();
  if (kernel) {
    model.slotsAt = kernel.place(model.slots);
    model.entriesAt = kernel.place(model.entries);
  }
  cache.set(script, model);
  return model;
}

// Scratch space for counting a text's trigrams, reused by every call.
const TABLE_BITS = 13;
const TABLE_SIZE = 1 << TABLE_BITS; // > 2 × the trigrams of MAX_SAMPLE characters: never fills
const tableKeys = new Int32Array(TABLE_SIZE).fill(-1);
const tableCounts = new Int32Array(TABLE_SIZE);
const usedSlots = new Int32Array(TABLE_SIZE);
/** How many slots of `usedSlots` the last {@link countTrigrams} filled (the distinct trigrams). */
let usedCount = 0;

/**
 * Score `text` against the languages of `model` with franc's distance: over the distinct
 * trigrams of the text, `|count - rank - 1|` where the language's model ranks the trigram,
 * else 300. (franc compares an occurrence count with a rank; kept, as its models are tuned to
 * it.) Distances here leave out the 300 every language gets for trigrams no model knows, so
 * they are franc's minus a constant: the ranking and the differences are franc's.
 *
 * The text is cleaned as franc's `trigram-utils` does (ASCII punctuation and digits become
 * spaces, white space collapses, lower case, one space of padding each side) in one pass.
 *
 * @param model - The script's models, from {@link scriptModel}.
 * @param text - The text; only its first {@link MAX_SAMPLE} code units are read.
 * @param languages - Score only the first this many languages of the model (e.g. `common`):
 *   several times faster, since each trigram's list of languages is cut short.
 * @param useKernel - Walk the entries with the WebAssembly kernel when there is one (the
 *   default); false: with the JavaScript loop, the same distances (for tests).
 * @returns The distances (one per scored language) and the number of trigrams.
 */
export function scoreText(
  model: ScriptModel,
  text: string,
  languages = model.languages.length,
  useKernel = true,
): TrigramScore {
  const trigrams = countTrigrams(text.slice(0, MAX_SAMPLE).toLowerCase());
  const used = usedCount;
  if (useKernel && model.entriesAt >= 0 && languages <= KERNEL_MAX_LANGUAGES && used <= KERNEL_MAX_TRIGRAMS) {
    const distances = walkInKernel(model, used, languages);
    if (distances) return { distances, trigrams };
  }
  return { distances: walkEntries(model, used, languages), trigrams };
}

/**
 * Cleans the (lower-cased) text as franc does and counts its trigrams into the scratch table:
 * the distinct ones of characters the models use go in `usedSlots` (`usedCount` of them), each
 * with its count. Returns how many trigrams (occurrences) the text has, counted or not.
 */
function countTrigrams(lower: string): number {
  // The loops below read only locals: V8 loads a module-level binding afresh at every use,
  // a cost this function paid per trigram and per entry.
  const ids = charIds;
  const keys = tableKeys;
  const counts = tableCounts;
  const usedList = usedSlots;
  const tableMask = TABLE_SIZE - 1;
  const tableShift = 32 - TABLE_BITS;
  const space = ids[0x20] as number;
  let used = 0;
  let trigrams = 0;
  // The ids of the two characters before this one (0: a character no model uses), and how
  // many characters, padding included, came before.
  let before = 0;
  let last = space;
  let seen = 1;
  let started = false;
  let pendingSpace = false;
  for (let index = 0; index <= lower.length; index++) {
    let id: number;
    if (index === lower.length) {
      id = space;
    } else {
      const code = lower.charCodeAt(index);
      if ((code >= 0x21 && code <= 0x40) || isWhiteSpace(code)) {
        pendingSpace = started;
        continue;
      }
      if (pendingSpace) {
        // The collapsed space before this character is a character of its own: take it first.
        index--;
        pendingSpace = false;
        id = space;
      } else {
        started = true;
        id = ids[code] as number;
      }
    }
    if (seen >= 2) {
      trigrams++;
      if (before !== 0 && last !== 0 && id !== 0) {
        const key = keyOf(before, last, id);
        let slot = hash(key, tableShift);
        for (;;) {
          const found = keys[slot] as number;
          if (found === key) {
            counts[slot] = (counts[slot] as number) + 1;
            break;
          }
          if (found === -1) {
            keys[slot] = key;
            counts[slot] = 1;
            usedList[used++] = slot;
            break;
          }
          slot = (slot + 1) & tableMask;
        }
      }
    }
    seen++;
    before = last;
    last = id;
  }
  usedCount = used;
  return trigrams;
}

/**
 * The distances from the counted trigrams, by the WebAssembly kernel, which finds each trigram
 * and walks its entries; null when there is no kernel (the table is then left as it is).
 */
function walkInKernel(model: ScriptModel, used: number, languages: number): Int32Array | null {
  const kernel = rankKernel();
  if (!kernel) return null;
  const keys = tableKeys;
  const counts = tableCounts;
  const usedList = usedSlots;
  // Here the trigrams are only handed over, and the table emptied for the next text.
  const pairs = kernel.trigrams();
  for (let index = 0; index < used; index++) {
    const tableSlot = usedList[index] as number;
    pairs[2 * index] = keys[tableSlot] as number;
    pairs[2 * index + 1] = counts[tableSlot] as number;
    keys[tableSlot] = -1;
  }
  return kernel.walk(used, languages, model.slotsAt, model.entriesAt, model.mask, model.shift);
}

/** The distances from the counted trigrams, in JavaScript; empties the table for the next text. */
function walkEntries(model: ScriptModel, used: number, languages: number): Int32Array {
  const keys = tableKeys;
  const counts = tableCounts;
  const usedList = usedSlots;
  const missing = MAX_DIFFERENCE;
  const lengthBits = LENGTH_BITS;
  const maxLength = MAX_LENGTH;
  const distances = new Int32Array(languages);
  const { slots, entries, mask, shift } = model;
  for (let index = 0; index < used; index++) {
    const tableSlot = usedList[index] as number;
    const key = keys[tableSlot] as number;
    const count = counts[tableSlot] as number;
    keys[tableSlot] = -1;
    let slot = hash(key, shift);
    let found = slots[2 * slot] as number;
    while (found !== key && found !== -1) {
      slot = (slot + 1) & mask;
      found = slots[2 * slot] as number;
    }
    if (found === -1) continue;
    const span = slots[2 * slot + 1] as number;
    const start = span >>> lengthBits;
    const end = start + (span & maxLength);
    if (count === 1) {
      // Most trigrams of a paragraph occur once, and then |count - rank - 1| is the rank: no
      // subtraction, no sign to test, in the loop that takes most of the time.
      for (let entryIndex = start; entryIndex < end; entryIndex++) {
        const entry = entries[entryIndex] as number;
        const language = entry >>> 16;
        if (language >= languages) break;
        distances[language] = (distances[language] as number) + (entry & 0xffff) - missing;
      }
      continue;
    }
    for (let entryIndex = start; entryIndex < end; entryIndex++) {
      const entry = entries[entryIndex] as number;
      const language = entry >>> 16;
      if (language >= languages) break;
      let difference = count - (entry & 0xffff) - 1;
      if (difference < 0) difference = -difference;
      distances[language] = (distances[language] as number) + difference - missing;
    }
  }
  return distances;
}
