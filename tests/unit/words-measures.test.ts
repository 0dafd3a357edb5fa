// The figures of `words` and `keywords` against values computed by hand: Gries' DP, G² with its
// significance, Hardie's log ratio, %DIFF, and the groups of `--by`.
import { describe, expect, test } from 'vitest';
import { dpFromSum, dpTerm, griesDP, keyness, perMillion, significance, stars } from '../../src/core/words/measures.js';
import { isoWeek, periodKey } from '../../src/core/words/periods.js';

describe("Gries' DP", () => {
  // Three parts of 2, 3 and 5 words (shares .2, .3, .5); the term occurs 1, 0 and 3 times (f = 4,
  // proportions .25, 0, .75). |.25 − .2| + |0 − .3| + |.75 − .5| = .05 + .3 + .25 = .6; DP = .6 / 2 = .3.
  test('on three parts of unequal size, as computed by hand', () => {
    expect(
      griesDP([
        [1, 2],
        [0, 3],
        [3, 5],
      ]),
    ).toBeCloseTo(0.3, 12);
  });

  test('a term spread exactly as the parts are sized has DP 0; all in one tiny part, near 1', () => {
    expect(
      griesDP([
        [2, 20],
        [3, 30],
        [5, 50],
      ]),
    ).toBeCloseTo(0, 12);
    // All 4 occurrences in a part of 1 word out of 100: (|1 − .01| + .99) / 2 = .99.
    expect(
      griesDP([
        [4, 1],
        [0, 99],
      ]),
    ).toBeCloseTo(0.99, 12);
  });

  test('summed over the parts holding the term only, it is the same figure', () => {
    // The part of 3 words lacks the term: it is never visited.
    const sum = dpTerm(1, 4, 2, 10) + dpTerm(3, 4, 5, 10);
    expect(dpFromSum(sum)).toBeCloseTo(0.3, 12);
  });

  test('per million words', () => {
    expect(perMillion(3, 1500)).toBe(2000);
    expect(perMillion(3, 0)).toBe(0);
  });
});

describe('keyness', () => {
  // a = 10 in c = 1,000 words; b = 5 in d = 2,000. E1 = 1000·15/3000 = 5, E2 = 10.
  // G² = 2·(10·ln(10/5) + 5·ln(5/10)) = 2·5·ln 2 = 6.931…; p < 0.01 (6.63 ≤ G² < 10.83).
  // Log ratio = log2((10/1000) / (5/2000)) = log2(4) = 2. %DIFF = 100·(.01 − .0025)/.0025 = 300.
  test('G², p, log ratio and %DIFF of a term over-used in the target', () => {
    const k = keyness(10, 5, 1000, 2000);
    expect(k.g2).toBeCloseTo(10 * Math.LN2, 10);
    expect(k.p).toBe(0.01);
    expect(k.logRatio).toBeCloseTo(2, 12);
    expect(k.pctDiff).toBeCloseTo(300, 10);
    expect(k.direction).toBe('+');
  });

  // a = 4 in 100, b = 0 in 100: E1 = 2, G² = 2·4·ln 2 = 5.545 (p < 0.05); the zero taken as 0.5:
  // log2((4/100) / (0.5/100)) = log2(8) = 3; %DIFF infinite (null).
  test('a term absent from the reference: log ratio with the 0.5 correction, %DIFF null', () => {
    const k = keyness(4, 0, 100, 100);
    expect(k.g2).toBeCloseTo(8 * Math.LN2, 10);
    expect(k.p).toBe(0.05);
    expect(k.logRatio).toBeCloseTo(3, 12);
    expect(k.pctDiff).toBeNull();
  });

  test('a term under-used in the target is negative, its log ratio and %DIFF below 0', () => {
    const k = keyness(0, 8, 100, 100);
    expect(k.direction).toBe('-');
    expect(k.logRatio).toBeCloseTo(Math.log2(0.5 / 8), 12);
    expect(k.pctDiff).toBe(-100);
  });

  test('significance thresholds: 3.84, 6.63, 10.83, 15.13', () => {
    expect([3.83, 3.84, 6.63, 10.83, 15.13, 100].map(significance)).toEqual([1, 0.05, 0.01, 0.001, 0.0001, 0.0001]);
    expect([1, 0.05, 0.01, 0.001, 0.0001].map(stars)).toEqual(['', '*', '**', '***', '****']);
  });
});

describe('the groups of --by', () => {
  const record = (date: string | null, source: string | null = null) => ({ lang: 'fra', source, date });

  test('month, year, source and language', () => {
    expect(periodKey('month', record('2024-03-05T10:00'))).toBe('2024-03');
    expect(periodKey('year', record('2024-03'))).toBe('2024');
    expect(periodKey('month', record('2024'))).toBe('(undated)');
    expect(periodKey('year', record(null))).toBe('(undated)');
    expect(periodKey('source', record(null, 'AFP'))).toBe('AFP');
    expect(periodKey('source', record(null))).toBe('(no source)');
    expect(periodKey('lang', record(null))).toBe('fra');
  });

  test('ISO weeks, across the turn of the year', () => {
    // 2021-01-03 is a Sunday of 2020's week 53; 2024-12-30 a Monday of 2025's week 1.
    expect(isoWeek(2021, 1, 3)).toBe('2020-W53');
    expect(isoWeek(2021, 1, 4)).toBe('2021-W01');
    expect(isoWeek(2024, 12, 30)).toBe('2025-W01');
    expect(periodKey('week', record('2024-03-05'))).toBe('2024-W10');
    expect(periodKey('week', record('2024-03'))).toBe('(undated)');
  });
});
