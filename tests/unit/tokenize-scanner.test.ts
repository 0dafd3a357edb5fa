// The hand-written scanner against the regular expression it replaced (issue 6: the expression
// cost a quarter of the analysis): the same tokens, at the same offsets, on every kind of text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanSpans, type SpanKind } from '../../src/core/stats/tokenize.js';
import { random } from '../helpers/random.js';

// The expression, as it was: scripts without spaces, then numbers, then words.
const NO_SPACE = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}ー々〆ゝゞヽヾ\u3099-\u309C`;
const WORD_CHAR = String.raw`[[\p{L}\p{M}\p{N}\u200C\u200D]--[${NO_SPACE}]]`;
const JOINER = String.raw`[\-\u2010\u2011'\u2019]`;
const TOKEN_RE = new RegExp(
  // eslint-disable-next-line no-misleading-character-class -- ヾ, then the kana sound marks U+3099–U+309C: each a character of its own, as the tokenizer's expression had them
  [
    `([${NO_SPACE}]+)`,
    String.raw`(\p{Nd}+(?:[.,:\u00A0\u202F]\p{Nd}+)+(?!${WORD_CHAR}))`,
    String.raw`(${WORD_CHAR}+(?:${JOINER}${WORD_CHAR}+)*)`,
  ].join('|'),
  'gv',
);

function expected(text: string): [number, number, SpanKind][] {
  const out: [number, number, SpanKind][] = [];
  for (const m of text.matchAll(TOKEN_RE))
    out.push([m.index, m.index + m[0].length, m[1] !== undefined ? 'run' : m[2] !== undefined ? 'number' : 'word']);
  return out;
}

function actual(text: string): [number, number, SpanKind][] {
  const out: [number, number, SpanKind][] = [];
  scanSpans(text, (start, end, kind) => out.push([start, end, kind]));
  return out;
}

// Characters at the edges of every rule: digits of several scripts (Thai digits are of a script
// without spaces), separators, joiners, marks, joiners of zero width, astral letters and digits,
// lone surrogates, kana marks, spaces of several kinds.
const ALPHABET = [
  'a',
  'Z',
  'é',
  'ß',
  'ж',
  'ع',
  'क',
  '्',
  'ि',
  '0',
  '7',
  '٣',
  '๓',
  '໕',
  '၃',
  '𝟘',
  '𝐀',
  '😀',
  '\ud800',
  '\udc00',
  '.',
  ',',
  ':',
  '\u00a0',
  '\u202f',
  '-',
  '\u2010',
  '\u2011',
  "'",
  '\u2019',
  '\u200c',
  '\u200d',
  ' ',
  '\n',
  '\t',
  '漢',
  'ひ',
  'カ',
  'ー',
  '々',
  '\u3099',
  '\u309b',
  'ก',
  'ั',
  'ລ',
  'ក',
  'မ',
  '!',
  '?',
  '…',
  '/',
  '(',
  '’s',
  'l’',
  '3,5',
  '1 000',
  '12.03.2023',
];

describe('the scanner finds the tokens the regular expression found', () => {
  test('on random strings of tricky characters', () => {
    const next = random(6);
    for (let n = 0; n < 20000; n++) {
      const length = 1 + Math.floor(next() * 12);
      let text = '';
      for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
      expect(actual(text), JSON.stringify(text)).toEqual(expected(text));
    }
  });

  test('on numbers that end in letters and on digits of other scripts', () => {
    for (const text of [
      '3,5a',
      '1.000.000x',
      '1.000.00๓x',
      '2023年',
      '12:30h',
      '1,2,3',
      '3.',
      '.5',
      'a-b-',
      "l'été",
      'x\u200d-y',
      '𝟘.𝟙a',
      '١٢٫٣',
    ]) {
      expect(actual(text), text).toEqual(expected(text));
    }
  });

  test('on the seeds and the fixtures, every file', () => {
    const roots = [path.resolve(__dirname, '../../seeds'), path.resolve(__dirname, '../fixtures')];
    let files = 0;
    for (const root of roots) {
      for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(txt|md|jsonl)$/.test(entry.name)) continue;
        const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
        expect(actual(text), entry.name).toEqual(expected(text));
        files++;
      }
    }
    expect(files).toBeGreaterThan(60);
  });
});

describe('the first apostrophe of each word, noted while scanning', () => {
  test('is where a search of the word finds it (-1 for none, and for runs and numbers)', () => {
    const next = random(9);
    for (let n = 0; n < 20000; n++) {
      const length = 1 + Math.floor(next() * 12);
      let text = '';
      for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
      scanSpans(text, (start, end, kind, apostrophe) => {
        const found = kind === 'word' ? text.slice(start, end).search(/['\u2019]/u) : -1;
        expect(apostrophe, JSON.stringify(text)).toBe(found < 0 ? -1 : start + found);
      });
    }
  });
});
