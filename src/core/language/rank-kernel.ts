// The inner loop of trigram scoring (see trigram-model.ts) as a small WebAssembly function: for
// each trigram of a text, walk the languages whose model ranks it and add franc's difference to
// their distances. V8 reloads and re-checks each typed array at every step of that loop in
// JavaScript (some 30 instructions an entry); compiled WebAssembly does it in a few. The same
// integer arithmetic, so the same distances; null where WebAssembly is missing
// (`node --jitless`), and the scorer runs its own loop.

// The little of WebAssembly used here (TypeScript declares it in its DOM library, not loaded).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => {
    exports: { memory: WasmMemory; walk: (trigrams: number, languages: number) => void };
  };
} | undefined;

/** The most languages a distance table holds (franc-all has at most 329 in one script). */
export const KERNEL_MAX_LANGUAGES = 512;
/** The most trigrams one walk takes. */
export const KERNEL_MAX_TRIGRAMS = 8192;

/** Memory layout, in bytes: the distances, the trigrams to walk, then the models' entries. */
const DISTANCES_AT = 0;
const TRIGRAMS_AT = DISTANCES_AT + 4 * KERNEL_MAX_LANGUAGES;
const ENTRIES_AT = TRIGRAMS_AT + 12 * KERNEL_MAX_TRIGRAMS;
const PAGE = 65536;

/** Unsigned LEB128, as the binary format writes sizes, counts and offsets. */
function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128, as `i32.const` takes its operand. */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const name = (s: string): number[] => [...leb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

// Instructions used by the kernel (opcodes from the WebAssembly core specification).
const I32 = 0x7f;
const get = (l: number) => [0x20, l];
const set = (l: number) => [0x21, l];
const i32 = (n: number) => [0x41, ...sleb(n)]; // i32.const
const load = (offset: number) => [0x28, 2, ...leb(offset)]; // i32.load align=4
const store = (offset: number) => [0x36, 2, ...leb(offset)]; // i32.store align=4
const I32_ADD = [0x6a];
const I32_SUB = [0x6b];
const I32_MUL = [0x6c];
const I32_AND = [0x71];
const I32_SHL = [0x74];
const I32_SHR_U = [0x76];
const I32_GE_U = [0x4f];
const I32_GE_S = [0x4e];
const SELECT = [0x1b];
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const END = [0x0b];
const br = (depth: number) => [0x0c, depth];
const brIf = (depth: number) => [0x0d, depth];

/**
 * `walk(trigrams, languages)`: set the first `languages` distances to 0, then for each of the
 * `trigrams` triples (first entry's byte address, end's byte address, count) and each entry
 * `language << 16 | rank` up to the first language past `languages`, add
 * `|count - rank - 1| - 300` to that language's distance. Locals: 0 trigrams, 1 languages,
 * 2 t (byte address of the triple), 3 its end, 4 e (byte address of the entry), 5 its end,
 * 6 count, 7 entry, 8 difference, 9 address of the language's distance.
 */
function kernel(): number[] {
  const body: number[] = [];
  // Zero the distances: t walks them, up to languages·4.
  body.push(...i32(DISTANCES_AT), ...set(2), ...get(1), ...i32(2), ...I32_SHL, ...i32(DISTANCES_AT), ...I32_ADD, ...set(3));
  body.push(...BLOCK, ...LOOP);
  body.push(...get(2), ...get(3), ...I32_GE_U, ...brIf(1));
  body.push(...get(2), ...i32(0), ...store(0), ...get(2), ...i32(4), ...I32_ADD, ...set(2), ...br(0));
  body.push(...END, ...END);
  // t = TRIGRAMS_AT, its end = trigrams·12 + TRIGRAMS_AT
  body.push(...i32(TRIGRAMS_AT), ...set(2), ...get(0), ...i32(12), ...I32_MUL, ...i32(TRIGRAMS_AT), ...I32_ADD, ...set(3));
  body.push(...BLOCK, ...LOOP); // for each trigram
  body.push(...get(2), ...get(3), ...I32_GE_U, ...brIf(1));
  body.push(...get(2), ...load(0), ...set(4), ...get(2), ...load(4), ...set(5), ...get(2), ...load(8), ...set(6));
  body.push(...BLOCK, ...LOOP); // for each entry
  body.push(...get(4), ...get(5), ...I32_GE_U, ...brIf(1));
  body.push(...get(4), ...load(0), ...set(7));
  // The language's distance address; past the languages scored, the rest of the list is too.
  body.push(...get(7), ...i32(16), ...I32_SHR_U, ...set(9), ...get(9), ...get(1), ...I32_GE_U, ...brIf(1));
  // difference = count - rank - 1, then its absolute value
  body.push(...get(6), ...get(7), ...i32(0xffff), ...I32_AND, ...I32_SUB, ...i32(1), ...I32_SUB, ...set(8));
  body.push(...get(8), ...i32(0), ...get(8), ...I32_SUB, ...get(8), ...i32(0), ...I32_GE_S, ...SELECT, ...set(8));
  body.push(...get(9), ...i32(2), ...I32_SHL, ...set(9));
  body.push(...get(9), ...get(9), ...load(DISTANCES_AT), ...get(8), ...I32_ADD, ...i32(300), ...I32_SUB, ...store(DISTANCES_AT));
  body.push(...get(4), ...i32(4), ...I32_ADD, ...set(4), ...br(0));
  body.push(...END, ...END);
  body.push(...get(2), ...i32(12), ...I32_ADD, ...set(2), ...br(0));
  body.push(...END, ...END);
  body.push(...END);
  const locals = [1, ...leb(8), I32];
  return [...leb(locals.length + body.length), ...locals, ...body];
}

function moduleBytes(): Uint8Array {
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    ...section(1, [1, 0x60, 2, I32, I32, 0]), // type 0: (i32, i32) -> ()
    ...section(3, [1, 0]), // function 0 has type 0
    ...section(5, [1, 0, ...leb(Math.ceil(ENTRIES_AT / PAGE))]), // one memory, room for the tables
    ...section(7, [2, ...name('memory'), 2, 0, ...name('walk'), 0, 0]),
    ...section(10, [1, ...kernel()]),
  ]);
}

/** Walks trigram entries with the kernel; the models' entries live in its memory. */
export interface RankKernel {
  /** Copies a model's entries into the kernel's memory; returns the byte address of the first. */
  place(entries: Uint32Array): number;
  /**
   * The triples to walk, three integers a trigram: first entry's byte address (from `place`
   * plus 4 per entry), end's byte address, count. Valid until the next `place`.
   */
  trigrams(): Int32Array;
  /** Walks the first `count` triples over the first `languages` languages: the distances. */
  walk(count: number, languages: number): Int32Array;
}

let shared: RankKernel | null | undefined;

/** The kernel (one per thread), or null when WebAssembly is not available here. */
export function rankKernel(): RankKernel | null {
  if (shared !== undefined) return shared;
  shared = null;
  if (typeof WebAssembly !== 'object') return null;
  let memory: WasmMemory;
  let run: (trigrams: number, languages: number) => void;
  try {
    ({ memory, walk: run } = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes())).exports);
  } catch {
    return null;
  }
  let end = ENTRIES_AT;
  let words = new Int32Array(memory.buffer);
  let triples = words.subarray(TRIGRAMS_AT / 4, ENTRIES_AT / 4);
  shared = {
    place(entries) {
      const at = end;
      end += entries.length * 4;
      if (end > memory.buffer.byteLength) {
        memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
        words = new Int32Array(memory.buffer);
        triples = words.subarray(TRIGRAMS_AT / 4, ENTRIES_AT / 4);
      }
      new Uint32Array(memory.buffer, at, entries.length).set(entries);
      return at;
    },
    trigrams: () => triples,
    walk(count, languages) {
      run(count, languages);
      return words.slice(DISTANCES_AT / 4, DISTANCES_AT / 4 + languages);
    },
  };
  return shared;
}
