import { describe, expect, test } from 'vitest';
import { griesDP, hitPositions, juillandD, stripCells } from '../../src/core/search/grep-plot.js';
import { buildMatcher } from '../../src/core/search/index.js';
import { strip, termLine } from '../../src/format/grep-plot.js';

describe('hit positions', () => {
  test('each offset over the body, its paragraphs joined by line breaks', () => {
    // 'abc x' + '\n' + 'x': 7 characters, hits at 4 and 6.
    expect(hitPositions(['abc x', 'x'], buildMatcher({ patterns: ['x'] }))).toEqual([4 / 7, 6 / 7]);
  });

  test('an empty body has no hit', () => {
    expect(hitPositions([], buildMatcher({ patterns: ['x'] }))).toEqual([]);
  });
});

describe('the strip', () => {
  test('each position falls in its cell; 1 in the last', () => {
    expect(stripCells([0, 0.05, 0.5, 0.99, 1], 10)).toEqual([2, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
  });

  test('one hit a bar, several a heavy bar, none a dot', () => {
    expect(strip([0, 0.05, 0.5], 4)).toBe('▕┃·│·▏');
  });
});

describe("Juilland's D over ten parts", () => {
  test('all hits in one part: 0', () => {
    expect(juillandD([0.01, 0.02, 0.03])).toBe(0);
  });

  test('one hit in each part: 1', () => {
    expect(juillandD([0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95])).toBe(1);
  });

  test('two hits in two parts: mean 0.2, σ 0.4, V 2, D = 1 − 2/3', () => {
    expect(juillandD([0.05, 0.15])).toBe(0.333);
  });

  test('no hit: none', () => {
    expect(juillandD([])).toBeNull();
  });
});

describe("Gries' DP over the documents", () => {
  test('hits 3, 1, 0 in documents of 100, 100, 200 words: ½ (0.5 + 0 + 0.5) = 0.5', () => {
    expect(
      griesDP(
        [
          { hits: 3, words: 100 },
          { hits: 1, words: 100 },
        ],
        400,
      ),
    ).toBe(0.5);
  });

  test('hits in proportion to the sizes: 0', () => {
    expect(
      griesDP(
        [
          { hits: 1, words: 100 },
          { hits: 1, words: 100 },
          { hits: 2, words: 200 },
        ],
        400,
      ),
    ).toBe(0);
  });

  test('every hit in one document of 10 words out of 1000: ½ (0.99 + 0.99) = 0.99', () => {
    expect(griesDP([{ hits: 7, words: 10 }], 1000)).toBe(0.99);
  });

  test('no hit: none', () => {
    expect(griesDP([], 1000)).toBeNull();
  });

  test("a term's line says its hits, documents and DP", () => {
    expect(termLine({ term: 'x', hits: 4, docs: 2, documents: 5, dp: 0.5 })).toBe(
      '4 hits in 2 of 5 documents, DP 0.500',
    );
  });
});
