// The MinHash inner loop (see stats/near-duplicates.ts) as a WebAssembly SIMD kernel, whose source
// is minhash-simd.wat: four hash functions per instruction, sixteen per pass over the shingles,
// where the JavaScript loop does one per instruction. The same arithmetic (wrapping 32-bit multiply
// and add, signed minimum on values with the top bit flipped), so the same signatures; null where
// WebAssembly is missing (`node --jitless`), and the caller runs its own loop.

import { MINHASH_SIMD_WASM } from './minhash-simd.bytes.js';
import { loadKernel, PAGE } from './wasm.js';

/** Memory layout, in bytes: the multipliers, the addends, the signature, then the shingles (as in the .wat). */
const MUL_AT = 0;
const ADD_AT = 512;
const OUT_AT = 1024;
const SHINGLES_AT = 1536;

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
  const built = loadKernel(MINHASH_SIMD_WASM, 'minhash');
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
}
