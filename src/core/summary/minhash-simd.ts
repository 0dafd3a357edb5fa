// The MinHash inner loop (see stats/near-duplicates.ts) as a WebAssembly SIMD kernel: four hash
// functions per instruction, sixteen per pass over the shingles, where the JavaScript loop does
// one per instruction. The same arithmetic (wrapping 32-bit multiply and add, signed minimum on
// values with the top bit flipped), so the same signatures; null where WebAssembly is missing
// (`node --jitless`), and the caller runs its own loop.

// The little of WebAssembly used here (TypeScript declares it in its DOM library, not loaded).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: { memory: WasmMemory; minhash: (n: number) => void } };
} | undefined;

/** Memory layout, in bytes: the multipliers, the addends, the signature, then the shingles. */
const MUL_AT = 0;
const ADD_AT = 512;
const OUT_AT = 1024;
const SHINGLES_AT = 1536;
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

// Instructions used by the kernel (opcodes from the WebAssembly core and SIMD specifications).
const I32 = 0x7f;
const V128 = 0x7b;
const get = (l: number) => [0x20, l];
const set = (l: number) => [0x21, l];
const i32 = (n: number) => [0x41, ...sleb(n)]; // i32.const
const simd = (op: number) => [0xfd, ...leb(op)];
const load = (offset: number) => [...simd(0x00), 4, ...leb(offset)]; // v128.load align=16
const store = (offset: number) => [...simd(0x0b), 4, ...leb(offset)]; // v128.store align=16
const splat4 = (n: number) => [...simd(0x0c), ...new Array(4).fill([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24]).flat()]; // v128.const
const I32X4_SPLAT = simd(0x11);
const I32X4_ADD = simd(0xae);
const I32X4_MUL = simd(0xb5);
const I32X4_MIN_S = simd(0xb6);
const V128_XOR = simd(0x51);
const I32_LOAD = [0x28, 2, 0];
const I32_ADD = [0x6a];
const I32_SHL = [0x74];
const I32_LT_U = [0x49];
const LOOP = [0x03, 0x40];
const END = [0x0b];
const brIf = (depth: number) => [0x0d, depth];

/**
 * `minhash(n)`: for each of the 128 hash functions p, out[p] = min over the n shingles x of
 * (MUL[p]·x + ADD[p]) as signed 32-bit values, then with its top bit flipped back. Locals: 0 n,
 * 1 p (byte offset of the function), 2 i (byte address of the shingle), 3 end, 4 x, 5–8 the
 * multipliers, 9–12 the addends, 13–16 the minima of the four lanes of four.
 */
function kernel(): number[] {
  const body: number[] = [];
  body.push(...get(0), ...i32(2), ...I32_SHL, ...i32(SHINGLES_AT), ...I32_ADD, ...set(3)); // end = n·4 + SHINGLES_AT
  body.push(...LOOP); // for each pass of 16 hash functions (p = 0, 64, … 448)
  for (let k = 0; k < 4; k++) body.push(...get(1), ...load(MUL_AT + 16 * k), ...set(5 + k));
  for (let k = 0; k < 4; k++) body.push(...get(1), ...load(ADD_AT + 16 * k), ...set(9 + k));
  for (let k = 0; k < 4; k++) body.push(...splat4(0x7fffffff), ...set(13 + k));
  body.push(...i32(SHINGLES_AT), ...set(2)); // i = SHINGLES_AT
  body.push(...LOOP); // for each shingle (n ≥ 1)
  body.push(...get(2), ...I32_LOAD, ...I32X4_SPLAT, ...set(4));
  for (let k = 0; k < 4; k++) {
    body.push(...get(13 + k), ...get(4), ...get(5 + k), ...I32X4_MUL, ...get(9 + k), ...I32X4_ADD, ...I32X4_MIN_S, ...set(13 + k));
  }
  body.push(...get(2), ...i32(4), ...I32_ADD, ...set(2), ...get(2), ...get(3), ...I32_LT_U, ...brIf(0), ...END);
  for (let k = 0; k < 4; k++) body.push(...get(1), ...get(13 + k), ...splat4(0x80000000), ...V128_XOR, ...store(OUT_AT + 16 * k));
  body.push(...get(1), ...i32(64), ...I32_ADD, ...set(1), ...get(1), ...i32(ADD_AT), ...I32_LT_U, ...brIf(0), ...END);
  body.push(...END);
  const locals = [2, ...leb(3), I32, ...leb(13), V128];
  return [...leb(locals.length + body.length), ...locals, ...body];
}

function moduleBytes(): Uint8Array {
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    ...section(1, [1, 0x60, 1, I32, 0]), // type 0: (i32) -> ()
    ...section(3, [1, 0]), // function 0 has type 0
    ...section(5, [1, 0, 1]), // one memory, at least one page
    ...section(7, [2, ...name('memory'), 2, 0, ...name('minhash'), 0, 0]),
    ...section(10, [1, ...kernel()]),
  ]);
}

/** Computes 128-value signatures from shingle hashes with the kernel. */
export interface MinhashKernel {
  /** The signature of the shingles (at least one), into `out` (128 values). */
  signature(shingles: Uint32Array, out: Uint32Array): void;
}

/**
 * The kernel for these multipliers and addends (128 each), or null when WebAssembly or its SIMD
 * instructions are not available here.
 */
export function minhashKernel(mul: Uint32Array, add: Uint32Array): MinhashKernel | null {
  if (typeof WebAssembly !== 'object') return null;
  let memory: WasmMemory;
  let run: (n: number) => void;
  try {
    ({ memory, minhash: run } = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes())).exports);
  } catch {
    return null;
  }
  let words = new Uint32Array(memory.buffer);
  words.set(mul, MUL_AT / 4);
  // The kernel compares with the top bit flipped: the addends come flipped (see near-duplicates.ts).
  for (let p = 0; p < add.length; p++) words[ADD_AT / 4 + p] = (add[p] as number) ^ 0x80000000;
  return {
    signature(shingles, out) {
      const bytes = SHINGLES_AT + shingles.length * 4;
      if (bytes > memory.buffer.byteLength) {
        memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
        words = new Uint32Array(memory.buffer);
      }
      words.set(shingles, SHINGLES_AT / 4);
      run(shingles.length);
      out.set(words.subarray(OUT_AT / 4, OUT_AT / 4 + 128));
    },
  };
}
