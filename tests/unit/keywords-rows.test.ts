// The keyword list from two sides' counts: directions, significance and frequency floors, order.
import { describe, expect, test } from 'vitest';
import type { MergedCounts } from '../../src/core/words/count-terms.js';
import { keywordRows, type KeywordsOptions } from '../../src/core/words/keywords.js';

function side(words: number, counts: Record<string, number>): MergedCounts {
  const terms = new Map(Object.entries(counts).map(([k, c]) => [k, { count: c, error: 0, own: c, docs: 1 }]));
  return { terms, words, documents: 1, estimated: false, groups: new Map() };
}

// Target of 1,000 words, reference of 2,000. `guerre`: 10 vs 5 (G² = 10·ln 2 = 6.93, p < 0.01);
// `paix`: 0 vs 20 (negative); `et`: 20 vs 40 (same rate, G² 0); `rare`: 4 vs 0 (G² = 2·4·ln 3 = 8.79).
const target = side(1000, { guerre: 10, et: 20, rare: 4 });
const reference = side(2000, { guerre: 5, paix: 20, et: 40 });
const options: KeywordsOptions = { minFreq: 3, top: 10, direction: 'positive', maxP: 0.05 };

describe('keywordRows', () => {
  test('positive keywords by G², strongest first, with the hand-computed figures', () => {
    const r = keywordRows(target, reference, options);
    expect(r.rows.map((k) => k.term)).toEqual(['rare', 'guerre']);
    const [rare, guerre] = r.rows;
    // E1 = 1000·4/3000 = 4/3: G² = 2·4·ln(4 / (4/3)) = 8·ln 3.
    expect(rare?.g2).toBeCloseTo(8 * Math.log(3), 10);
    expect(rare?.pctDiff).toBeNull();
    // 4/1000 against 0.5/2000: log2(16) = 4.
    expect(rare?.logRatio).toBeCloseTo(4, 12);
    expect(guerre).toMatchObject({
      freqTarget: 10,
      freqRef: 5,
      pmTarget: 10_000,
      pmRef: 2_500,
      p: 0.01,
      direction: '+',
    });
    expect(guerre?.logRatio).toBeCloseTo(2, 12);
    expect(guerre?.pctDiff).toBeCloseTo(300, 10);
  });

  test('negative keywords, both directions, and the floors', () => {
    expect(keywordRows(target, reference, { ...options, direction: 'negative' }).rows.map((k) => k.term)).toEqual([
      'paix',
    ]);
    const both = keywordRows(target, reference, { ...options, direction: 'both' });
    expect(both.rows.map((k) => [k.term, k.direction])).toEqual([
      ['paix', '-'],
      ['rare', '+'],
      ['guerre', '+'],
    ]);
    // --min-freq 5: `rare` (4 in the target) goes; --max-p 0.001 keeps only G² ≥ 10.83.
    expect(keywordRows(target, reference, { ...options, minFreq: 5 }).rows.map((k) => k.term)).toEqual(['guerre']);
    expect(
      keywordRows(target, reference, { ...options, direction: 'both', maxP: 0.001 }).rows.map((k) => k.term),
    ).toEqual(['paix']);
    // --max-p 1 keeps the term used at the same rate on both sides.
    expect(
      keywordRows(target, reference, { ...options, direction: 'both', maxP: 1 }).rows.map((k) => k.term),
    ).toContain('et');
  });

  test('--top cuts the list and says how many it left out', () => {
    const r = keywordRows(target, reference, { ...options, direction: 'both', top: 1 });
    expect(r.rows).toHaveLength(1);
    expect(r.more).toBe(2);
  });
});
