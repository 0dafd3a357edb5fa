import { describe, expect, test } from 'vitest';
import { MINHASH, signatureOf } from '../../src/core/stats/near-duplicates.js';
import { minhashKernel } from '../../src/core/kernels/minhash-simd.js';

// A fixed xorshift stream: the same "random" shingle hashes on every run.
function shingles(n: number, seed: number): Uint32Array {
  const out = new Uint32Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x >>> 0;
  }
  return out;
}

function both(s: Uint32Array): [Uint32Array, Uint32Array] {
  const loop = new Uint32Array(MINHASH.permutations);
  const simd = new Uint32Array(MINHASH.permutations);
  signatureOf(s, loop, false);
  signatureOf(s, simd, true);
  return [loop, simd];
}

describe('MinHash SIMD kernel', () => {
  test('is available in this Node', () => {
    expect(minhashKernel(new Uint32Array(128), new Uint32Array(128))).not.toBeNull();
  });

  test('the minimum of a·x + b per lane, by hand', () => {
    const mul = Uint32Array.from({ length: 128 }, (_, p) => 2 * p + 1);
    const add = Uint32Array.from({ length: 128 }, (_, p) => p * 0x01000000);
    const out = new Uint32Array(128);
    minhashKernel(mul, add)?.signature(Uint32Array.of(3, 0x80000000, 1), out);
    // Hash p is (2p + 1)·x + p·2²⁴ mod 2³², compared unsigned. p = 0: 3, 2³¹, 1 → 1. p = 1: 2²⁴ + 3.
    // p = 100: 201·2³¹ wraps to 2³¹ (the largest); 201·1 + 100·2²⁴ the least. p = 127: the same.
    expect(out[0]).toBe(1);
    expect(out[1]).toBe(0x01000003);
    expect(out[100]).toBe(201 + 100 * 0x01000000);
    expect(out[127]).toBe(255 + 0x7f000000);
  });

  test('gives the JavaScript loop’s signatures: one shingle, a few, many (memory grown)', () => {
    for (const [n, seed] of [
      [1, 7],
      [2, 99],
      [5, 12345],
      [333, 42],
      [70_000, 2024],
    ] as const) {
      const [loop, simd] = both(shingles(n, seed));
      expect([...simd]).toEqual([...loop]);
    }
  });

  test('a smaller document after a larger one is not mixed with its shingles', () => {
    both(shingles(20_000, 5));
    const [loop, simd] = both(shingles(3, 6));
    expect([...simd]).toEqual([...loop]);
  });
});
