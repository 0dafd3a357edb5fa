// Tokens folded through a TermCache (issue 6): `scan` tokenizes and folds in one pass, looking
// each written form up by its offsets in the text. Checked against tokenize + foldTerm +
// isStopword on seeded random texts, with a cache warm from earlier texts and languages.
import { describe, expect, test } from 'vitest';
import { DistinctiveTerms } from '../../src/core/stats/distinctive.js';
import { foldTerm, foldTokens, TermCache, tokensOf, type FoldedTokens } from '../../src/core/stats/folded.js';
import { Names } from '../../src/core/stats/names.js';
import { minhash } from '../../src/core/stats/near-duplicates.js';
import { isStopword } from '../../src/core/stats/stopwords.js';
import { tokenize } from '../../src/core/stats/tokenize.js';
import { Vocabulary } from '../../src/core/stats/vocabulary.js';
import { random } from '../helpers/random.js';

// Words with casings and apostrophes, stop words, numbers, elisions, scripts without spaces.
const PIECES = [
  'Le',
  'le',
  'LE',
  'Poutine',
  'poutine',
  'aujourd’hui',
  "aujourd'hui",
  'l’',
  'd’',
  'Russia’s',
  'the',
  'The',
  'and',
  'Straße',
  'STRASSE',
  'İstanbul',
  'ΣΟΦΙΑ',
  'σοφία',
  '19e',
  '3,5',
  '12.03.2023',
  '2023',
  'porte-parole',
  '漢字',
  'ひらがな',
  '𠀋',
  'x',
  'Ab',
  'abcdefghijklmnopqrstuvwxyz',
  'Abcdefghijklmnopqrstuvwxyz',
  ' ',
  ' ',
  ' ',
  ', ',
  '. ',
  '\n',
  ' — ',
  '!',
];

function randomText(next: () => number): string {
  const length = 1 + Math.floor(next() * 60);
  let text = '';
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

/** What the cache must give: tokenize's tokens, each folded and tested against the stop words. */
function expectFolded(got: FoldedTokens, text: string, lang: string): void {
  const tokens = tokenize(text);
  expect(got.lang).toBe(lang);
  expect(tokensOf(got), JSON.stringify(text)).toEqual(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const f = got.folds[i];
    const term = foldTerm((tokens[i] as { text: string }).text);
    expect(f?.term).toBe(term);
    expect(f?.stop).toBe(isStopword(term, lang));
  }
}

describe('TermCache.scan', () => {
  test('gives tokenize’s tokens, folded, in any language, the cache cold or warm', () => {
    const next = random(11);
    const cache = new TermCache();
    const langs = ['fra', 'eng', 'deu', 'xyz'];
    // Enough distinct forms that the cache's tables grow several times.
    for (let n = 0; n < 3000; n++) {
      const text = randomText(next);
      const lang = langs[n % langs.length] as string;
      expectFolded(cache.scan(text, lang), text, lang);
    }
  });

  test('equal words share one folding, per language', () => {
    const cache = new TermCache();
    const a = cache.scan('Poutine poutine POUTINE Poutine', 'fra');
    const [f0, f1, f2, f3] = a.folds;
    expect(f0).toBe(f3);
    expect(f0).not.toBe(f1);
    expect(f0?.term).toBe(f2?.term);
    expect(cache.scan('Poutine', 'eng').folds[0]).not.toBe(f0);
    expect(cache.scan('x Poutine', 'fra').folds[1]).toBe(f0);
  });

  test('foldTokens folds tokens made elsewhere as scan does', () => {
    const next = random(12);
    const cache = new TermCache();
    for (let n = 0; n < 500; n++) {
      const text = randomText(next);
      expectFolded(cache.foldTokens(tokenize(text), 'fra'), text, 'fra');
    }
  });
});

describe('accumulators fed through one cache, their memos warm', () => {
  test('count what they count from tokens folded afresh for each document', () => {
    const next = random(13);
    const cache = new TermCache();
    const make = () => ({
      v: new Vocabulary({ maxBigrams: 40 }),
      n: new Names(),
      d: new DistinctiveTerms({ minCount: 1 }),
    });
    const warm = make();
    const fresh = make();
    const langs = ['fra', 'eng'];
    for (let i = 0; i < 600; i++) {
      const text = randomText(next);
      const lang = langs[i % 2] as string;
      const scanned = cache.scan(text, lang);
      expect(minhash(scanned)).toEqual(minhash(tokenize(text)));
      for (const acc of [warm, fresh]) {
        const tokens = acc === warm ? scanned : foldTokens(tokenize(text), lang);
        acc.v.add(`d${i}`, lang, tokens);
        acc.n.add(`d${i}`, lang, tokens);
        acc.d.add(`d${i}`, lang, tokens);
      }
    }
    for (const lang of langs) {
      expect(warm.v.stats(lang)).toEqual(fresh.v.stats(lang));
      expect(warm.v.top(lang, 100)).toEqual(fresh.v.top(lang, 100));
      expect(warm.v.topBigrams(lang, 100)).toEqual(fresh.v.topBigrams(lang, 100));
    }
    expect(warm.n.top(200, 1)).toEqual(fresh.n.top(200, 1));
    expect(warm.n.top(200, 1).length).toBeGreaterThan(5);
    expect(warm.d.finalise(10)).toEqual(fresh.d.finalise(10));
  });
});

describe('the top terms and bigrams, kept as they come', () => {
  test('are the first of the whole list, for every length of list', () => {
    const next = random(14);
    const v = new Vocabulary();
    for (let i = 0; i < 400; i++) v.add(`d${i}`, 'fra', tokenize(randomText(next)));
    // With room for every term, the kept list is the whole list, in order.
    const terms = v.top('fra', 1e9);
    const bigrams = v.topBigrams('fra', 1e9);
    expect(terms.length).toBeGreaterThan(30);
    expect(bigrams.length).toBeGreaterThan(30);
    const order = (a: { count: number; docs: number; term: string }, b: typeof a) =>
      b.count - a.count || b.docs - a.docs || (a.term < b.term ? -1 : 1);
    expect([...terms].sort(order)).toEqual(terms);
    expect([...bigrams].sort(order)).toEqual(bigrams);
    for (let n = 1; n <= 40; n++) {
      expect(v.top('fra', n)).toEqual(terms.slice(0, n));
      expect(v.topBigrams('fra', n)).toEqual(bigrams.slice(0, n));
    }
  });
});
