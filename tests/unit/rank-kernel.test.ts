import { describe, expect, test } from 'vitest';
import { rankKernel, type TableFormat } from '../../src/core/kernels/rank-kernel.js';

// The format trigram-model.ts packs its tables in, which rank-kernel.wat is written for.
const FORMAT: TableFormat = { hashMultiplier: 0x9e3779b1, lengthBits: 9, missing: 300 };

describe('the language ranking kernel', () => {
  // First: the format is checked when the kernel is loaded, on the first call of the thread.
  test('a table format other than the one rank-kernel.wat is written for is refused', () => {
    expect(() => rankKernel({ ...FORMAT, lengthBits: 10 })).toThrow('rank-kernel.wat is written for the table format');
  });

  test('walks a table by hand: rank for a trigram seen once, |count - rank - 1| else, minus 300', () => {
    const kernel = rankKernel(FORMAT);
    expect(kernel).not.toBeNull();
    // Four slots (mask 3, shift 30), open addressing as trigram-model.ts fills them.
    const slots = new Int32Array(8).fill(-1);
    const insert = (key: number, start: number, length: number): void => {
      let slot = Math.imul(key, FORMAT.hashMultiplier) >>> 30;
      while (slots[2 * slot] !== -1) slot = (slot + 1) & 3;
      slots[2 * slot] = key;
      slots[2 * slot + 1] = (start << FORMAT.lengthBits) | length;
    };
    // Key 5: language 0 at rank 2, language 1 at rank 0, language 3 at rank 7. Key 8: language 2 at rank 4.
    const entries = Int32Array.of((0 << 16) | 2, (1 << 16) | 0, (3 << 16) | 7, (2 << 16) | 4);
    insert(5, 0, 3);
    insert(8, 3, 1);
    const slotsAt = kernel!.place(slots);
    const entriesAt = kernel!.place(entries);
    const walk = (pairs: number[], languages: number): number[] => {
      kernel!.trigrams().set(pairs);
      return [...kernel!.walk(pairs.length / 2, languages, slotsAt, entriesAt, 3, 30)];
    };
    // Key 5 once, key 6 (in no model) twice; language 3 is past the three scored.
    expect(walk([5, 1, 6, 2], 3)).toEqual([2 - 300, 0 - 300, 0]);
    // Key 5 four times, key 8 once, all four languages: the distances start again from 0.
    expect(walk([5, 4, 8, 1], 4)).toEqual([1 - 300, 3 - 300, 4 - 300, 4 - 300]);
  });
});
