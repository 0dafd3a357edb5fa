import { describe, expect, test } from 'vitest';
import {
  MINHASH,
  NearDuplicates,
  estimateJaccard,
  exactDuplicateGroups,
  exactJaccard,
  minhash,
} from '../../src/core/stats/near-duplicates.js';
import { fnv1a32 } from '../../src/core/hash.js';
import { tokenize } from '../../src/core/stats/tokenize.js';

// 100 distinct made-up words, so that every 5-word shingle is distinct too.
const SYL = ['ba', 'ko', 'ri', 'mu', 'te', 'sa', 'lo', 'ni', 'vu', 'pe'];
const WORDS = Array.from({ length: 100 }, (_, i) => `${SYL[i % 10]}${SYL[Math.floor(i / 10)]}x`);
const TEXT = WORDS.join(' ');
const CHANGED = WORDS.map((w, i) => (i === 50 ? 'autre' : w)).join(' ');
const OTHER = Array.from({ length: 100 }, (_, i) => `${SYL[Math.floor(i / 10)]}z${SYL[i % 10]}`).join(' ');

describe('near-duplicates', () => {
  test('settings', () => {
    expect(MINHASH).toEqual({ shingle: 5, permutations: 128, bands: 32, rows: 4, threshold: 0.8 });
    expect(MINHASH.bands * MINHASH.rows).toBe(MINHASH.permutations);
  });

  test('FNV-1a 32 reference values', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  test('one word changed in 100: exact Jaccard 91/101, the estimate close to it', () => {
    // 96 shingles each; the changed word (index 50) sits in the 5 shingles starting at 46–50,
    // so 91 are shared and the union is 96 + 96 − 91 = 101.
    const a = tokenize(TEXT);
    const b = tokenize(CHANGED);
    expect(exactJaccard(a, b)).toBe(91 / 101);
    const est = estimateJaccard(minhash(a), minhash(b));
    // Standard error √(0.9·0.1/128) ≈ 0.027: three of them.
    expect(Math.abs(est - 91 / 101)).toBeLessThan(0.08);
    expect(estimateJaccard(minhash(a), minhash(b))).toBe(est);
  });

  test('identical texts have signature similarity 1; case does not matter', () => {
    expect(estimateJaccard(minhash(tokenize(TEXT)), minhash(tokenize(TEXT.toUpperCase())))).toBe(1);
  });

  test('groups: identical and one-word-changed together, unrelated apart', () => {
    const nd = new NearDuplicates();
    nd.add('orig', tokenize(TEXT));
    nd.add('other', tokenize(OTHER));
    nd.add('copy', tokenize(TEXT));
    nd.add('edit', tokenize(CHANGED));
    nd.add('empty', []);
    const groups = nd.groups();
    expect(groups).toHaveLength(1);
    expect(groups[0]?.ids).toEqual(['orig', 'copy', 'edit']);
    expect(groups[0]?.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['orig-copy', 'orig-edit', 'copy-edit']);
    expect(groups[0]?.pairs[0]?.jaccard).toBe(1);
    expect(Math.abs((groups[0]?.similarity ?? 0) - 91 / 101)).toBeLessThan(0.08);
    expect(estimateJaccard(minhash(tokenize(TEXT)), minhash(tokenize(OTHER)))).toBeLessThan(0.05);
  });

  test('with content hashes, an exact duplicate is left to the exact groups', () => {
    const nd = new NearDuplicates();
    nd.add('orig', tokenize(TEXT), 'h1');
    nd.add('copy', tokenize(TEXT), 'h1');
    nd.add('edit', tokenize(CHANGED), 'h2');
    expect(nd.groups().map((g) => g.ids)).toEqual([['orig', 'edit']]);
    expect(
      exactDuplicateGroups([
        { id: 'orig', hash: 'h1' },
        { id: 'x', hash: 'h3' },
        { id: 'copy', hash: 'h1' },
      ]),
    ).toEqual([['orig', 'copy']]);
  });

  test('short texts (fewer words than a shingle) still compare', () => {
    expect(exactJaccard(tokenize('un deux'), tokenize('Un deux'))).toBe(1);
    expect(exactJaccard(tokenize('un deux'), tokenize('un trois'))).toBe(0);
    expect(exactJaccard([], [])).toBe(0);
  });
});
