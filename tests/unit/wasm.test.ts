import { describe, expect, test } from 'vitest';
import { END, get, I32, I32_ADD, i32, i32Store, instantiate, leb, set, sleb } from '../../src/core/kernels/wasm.js';

describe('hand-written WebAssembly', () => {
  test('LEB128 as the specification gives it', () => {
    expect(leb(0)).toEqual([0]);
    expect(leb(127)).toEqual([0x7f]);
    expect(leb(128)).toEqual([0x80, 0x01]);
    expect(leb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(0)).toEqual([0]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(-64)).toEqual([0x40]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });

  test('a module of one function and its memory: parameters, locals, a store', () => {
    // f(a, b): local 2 = a + b + 1000; memory[8] = local 2.
    const body = [
      ...get(0),
      ...get(1),
      ...I32_ADD,
      ...i32(1000),
      ...I32_ADD,
      ...set(2),
      ...i32(8),
      ...get(2),
      ...i32Store(0),
      ...END,
    ];
    const kernel = instantiate('f', 2, [[1, I32]], body, 1);
    expect(kernel).not.toBeNull();
    kernel!.run(-5000, 42);
    expect(new Int32Array(kernel!.memory.buffer)[2]).toBe(-3958);
    expect(kernel!.memory.buffer.byteLength).toBe(65536);
  });

  test('bytes that are not a valid module give null, not an exception', () => {
    expect(instantiate('f', 1, [], [...get(5), ...END], 1)).toBeNull();
  });
});
