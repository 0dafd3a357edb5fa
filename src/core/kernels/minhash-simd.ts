// The MinHash inner loop (see stats/near-duplicates.ts) as a WebAssembly SIMD kernel: four hash
// functions per instruction, sixteen per pass over the shingles, where the JavaScript loop does
// one per instruction. The same arithmetic (wrapping 32-bit multiply and add, signed minimum on
// values with the top bit flipped), so the same signatures; null where WebAssembly is missing
// (`node --jitless`), and the caller runs its own loop.

import {
  END,
  get,
  I32,
  I32_ADD,
  I32_LT_U,
  I32_SHL,
  i32,
  i32Load,
  instantiate,
  LOOP,
  PAGE,
  brIf,
  leb,
  set,
  simd,
  V128,
} from './wasm.js';

/** Memory layout, in bytes: the multipliers, the addends, the signature, then the shingles. */
const MUL_AT = 0;
const ADD_AT = 512;
const OUT_AT = 1024;
const SHINGLES_AT = 1536;

// The SIMD instructions used by the kernel (the others come from ../wasm.ts).
const load = (offset: number) => [...simd(0x00), 4, ...leb(offset)]; // v128.load align=16
const store = (offset: number) => [...simd(0x0b), 4, ...leb(offset)]; // v128.store align=16
const splat4 = (n: number) => [
  ...simd(0x0c),
  ...new Array(4).fill([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24]).flat(),
]; // v128.const
const I32X4_SPLAT = simd(0x11);
const I32X4_ADD = simd(0xae);
const I32X4_MUL = simd(0xb5);
const I32X4_MIN_S = simd(0xb6);
const V128_XOR = simd(0x51);

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
  body.push(...get(2), ...i32Load(0), ...I32X4_SPLAT, ...set(4));
  for (let k = 0; k < 4; k++) {
    body.push(
      ...get(13 + k),
      ...get(4),
      ...get(5 + k),
      ...I32X4_MUL,
      ...get(9 + k),
      ...I32X4_ADD,
      ...I32X4_MIN_S,
      ...set(13 + k),
    );
  }
  body.push(...get(2), ...i32(4), ...I32_ADD, ...set(2), ...get(2), ...get(3), ...I32_LT_U, ...brIf(0), ...END);
  for (let k = 0; k < 4; k++)
    body.push(...get(1), ...get(13 + k), ...splat4(0x80000000), ...V128_XOR, ...store(OUT_AT + 16 * k));
  body.push(...get(1), ...i32(64), ...I32_ADD, ...set(1), ...get(1), ...i32(ADD_AT), ...I32_LT_U, ...brIf(0), ...END);
  body.push(...END);
  return body;
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
// prettier-ignore
export function minhashKernel(mul: Uint32Array, add: Uint32Array): MinhashKernel | null {
  const built = instantiate('minhash', 1, [[3, I32], [13, V128]], kernel(), 1);
  if (built === null) return null;
  const { memory, run } = built;
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
};
