import { describe, expect, test } from 'vitest';
import { assemble, exportName, kernelNames } from '../../scripts/build-kernels.mjs';
import { MINHASH_SIMD_WASM } from '../../src/core/kernels/minhash-simd.bytes.js';
import { RANK_KERNEL_WASM } from '../../src/core/kernels/rank-kernel.bytes.js';

// What the program loads, by kernel: the generated .bytes.ts files.
const CHECKED_IN: Record<string, [string, string]> = {
  'minhash-simd': ['MINHASH_SIMD_WASM', MINHASH_SIMD_WASM],
  'rank-kernel': ['RANK_KERNEL_WASM', RANK_KERNEL_WASM],
};

describe('the WebAssembly kernels’ checked-in bytes', () => {
  test('every .wat source has its generated module, and every module its .wat', () => {
    expect(kernelNames()).toEqual(Object.keys(CHECKED_IN).sort());
  });

  test.each(Object.keys(CHECKED_IN))(
    'the bytes of %s are what its .wat assembles to (else: node scripts/build-kernels.mjs)',
    async (name) => {
      const [exported, base64] = CHECKED_IN[name]!;
      expect(exportName(name)).toBe(exported);
      expect(Buffer.from(base64, 'base64').toString('hex')).toBe(Buffer.from(await assemble(name)).toString('hex'));
    },
  );
});
