// Fast paths of the tokenizer against what they replaced (issue 6): the segmenter's words are
// kept per piece of text and replayed, so the tokens must be those the segmenter gives on every
// call, cached or not, wherever the piece stands; a token's kind is read from a character table.
import { describe, expect, test, vi } from 'vitest';
import { tokenize, type Token } from '../../src/core/stats/tokenize.js';
import { random } from '../helpers/random.js';

// Letters and digits of scripts written without spaces (one run for the scanner), kana marks.
const RUN_ALPHABET = [
  '漢',
  '字',
  '日',
  '本',
  '語',
  'ひ',
  'ら',
  'が',
  'な',
  'カ',
  'タ',
  'ー',
  '々',
  '〆',
  '\u3099',
  'ก',
  'ั',
  'บ',
  '๓',
  'ລ',
  'ក',
  'မ',
  '〇',
  '𠀋',
];
const MIXED_ALPHABET = [...RUN_ALPHABET, ' ', '。', '，', '！', '\n', 'a', 'Bé', '3', '12.5', 'l’', '-', '.'];

function randomText(next: () => number, alphabet: string[], maxLength: number): string {
  const length = 1 + Math.floor(next() * maxLength);
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

/** A token's kind as the regular expressions decided it: a number may carry a short suffix. */
function kindOf(t: string): Token['kind'] {
  return /^\p{N}/u.test(t) && (!/\p{L}/u.test(t) || /^\p{N}+[\p{Ll}]{0,3}$/u.test(t)) ? 'number' : 'word';
}

/** The tokens of `x ` followed by one run, straight from the segmenter, as tokenize made them. */
function expectedAfterX(run: string): Token[] {
  const out: Token[] = [{ text: 'x', kind: 'word', index: 0, gap: 'sentence' }];
  let gap: Token['gap'] = 'space';
  for (const seg of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(run)) {
    if (seg.isWordLike) {
      out.push({ text: seg.segment, kind: kindOf(seg.segment), index: 2 + seg.index, gap });
      gap = 'space';
    } else if (/[。！？]/u.test(seg.segment)) gap = 'sentence';
    else if (!/^\s*$/u.test(seg.segment)) gap = gap === 'sentence' ? gap : 'punct';
  }
  return out;
}

describe('segmenter words replayed from the cache', () => {
  test('a run gives the segmenter’s words, the first time and again', () => {
    const next = random(7);
    for (let n = 0; n < 3000; n++) {
      const run = randomText(next, RUN_ALPHABET, 10);
      const want = expectedAfterX(run);
      expect(tokenize(`x ${run}`), JSON.stringify(run)).toEqual(want);
      expect(tokenize(`x ${run}`), JSON.stringify(run)).toEqual(want);
    }
  });

  test('on mixed text, a warm cache tokenizes like a fresh module', async () => {
    const next = random(8);
    const texts: string[] = [];
    for (let n = 0; n < 2000; n++) texts.push(randomText(next, MIXED_ALPHABET, 16));
    const warm = texts.map((text) => tokenize(text));
    // The same pieces again, now at other offsets and after other gaps.
    const joined = texts.join(' ');
    const warmJoined = tokenize(joined);
    vi.resetModules();
    const fresh = await import('../../src/core/stats/tokenize.js');
    expect(fresh.tokenize).not.toBe(tokenize);
    expect(fresh.tokenize(joined)).toEqual(warmJoined);
    texts.forEach((text, i) => expect(warm[i], JSON.stringify(text)).toEqual(fresh.tokenize(text)));
  });
});

describe('a token’s kind read from the character table', () => {
  test('numbers and words of every script, as the regular expressions classify them', () => {
    const starts = ['3', '٣', '१', '½', 'Ⅻ', '²', '𝟘', '𐄇', 'a', 'é', 'ж', 'क', '〇', '๓', 'Z'];
    const tails = ['', '7', '٣', 'er', 'e', 'km', 'abcd', 'É', '½', '-x', '’s'];
    for (const start of starts) {
      for (const tail of tails) {
        const tokens = tokenize(`x ${start}${tail}`).slice(1);
        expect(tokens.length, start + tail).toBeGreaterThan(0);
        for (const token of tokens) {
          expect(token.kind, JSON.stringify(token.text)).toBe(
            token.kind === 'elision' ? 'elision' : kindOf(token.text),
          );
        }
      }
    }
  });
});
