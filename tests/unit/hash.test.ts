// The shared hashes pinned to known values: the cache's look-ups, the near-duplicate signatures
// and the body hash all depend on them, so a change here is a change of every stored value.
import { describe, expect, test } from 'vitest';
import { fmix32, fnv1a32, fnv1a32Bytes, FNV_OFFSET, FNV_PRIME } from '../../src/core/hash.js';

describe('FNV-1a, 32 bits', () => {
  test('has the offset basis and prime of the FNV specification', () => {
    expect(FNV_OFFSET).toBe(2166136261);
    expect(FNV_PRIME).toBe(16777619);
  });

  test('gives the reference values of the FNV test suite for ASCII texts', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  test("hashes a string's UTF-16 code units, not its UTF-8 bytes", () => {
    expect(fnv1a32('été')).toBe(0xa39e1b7b);
    expect(fnv1a32('日本')).toBe(0x5ffcbea4);
    expect(fnv1a32('😀')).toBe(0xcb31c4b8);
    expect(fnv1a32Bytes(Buffer.from('été'), 0, 5)).toBe(0xffb58817);
  });

  test('over bytes, gives for an ASCII text what it gives for the text', () => {
    const bytes = Buffer.from('a foobar.');
    expect(fnv1a32Bytes(bytes, 0, 1)).toBe(0xe40c292c);
    expect(fnv1a32Bytes(bytes, 2, 8)).toBe(0xbf9cf968);
    expect(fnv1a32Bytes(bytes, 4, 4)).toBe(0x811c9dc5);
  });
});

describe("murmur3's 32-bit finaliser", () => {
  test('gives the reference values', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
    expect(fmix32(0xdeadbeef)).toBe(0x0de5c6a9);
    expect(fmix32(0x811c9dc5)).toBe(0xab3e7c0b);
  });

  test('reads its input as 32 bits, signed or not, and gives an unsigned value', () => {
    expect(fmix32(0xffffffff)).toBe(0x81f16f39);
    expect(fmix32(-1)).toBe(0x81f16f39);
  });
});
