import { describe, expect, test } from 'vitest';
import { countSentences, countWords, tokenize } from '../../src/core/stats/tokenize.js';

/** Tokens as `text/kind`, the compact form the expectations are written in. */
const tk = (s: string): string[] => tokenize(s).map((t) => `${t.text}/${t.kind}`);

describe('tokenize', () => {
  test('French elisions split from their word, with either apostrophe', () => {
    expect(tk("l’invasion de l'Ukraine jusqu’à lorsqu’il puisqu’on")).toEqual([
      'l’/elision',
      'invasion/word',
      'de/word',
      "l'/elision",
      'Ukraine/word',
      'jusqu’/elision',
      'à/word',
      'lorsqu’/elision',
      'il/word',
      'puisqu’/elision',
      'on/word',
    ]);
    expect(tk('d’un qu’il j’ai n’est s’entraîner c’est m’a t’es')).toEqual([
      'd’/elision',
      'un/word',
      'qu’/elision',
      'il/word',
      'j’/elision',
      'ai/word',
      'n’/elision',
      'est/word',
      's’/elision',
      'entraîner/word',
      'c’/elision',
      'est/word',
      'm’/elision',
      'a/word',
      't’/elision',
      'es/word',
    ]);
  });

  test('Italian elisions; a word that only contains an apostrophe stays whole', () => {
    expect(tk('dell’arte un’amica aujourd’hui')).toEqual([
      'dell’/elision',
      'arte/word',
      'un’/elision',
      'amica/word',
      'aujourd’hui/word',
    ]);
  });

  test('English: possessive ’s is split off, other contractions stay whole', () => {
    expect(tk("Russia's army don't we’re Putin’s")).toEqual([
      'Russia/word',
      "'s/elision",
      'army/word',
      "don't/word",
      'we’re/word',
      'Putin/word',
      '’s/elision',
    ]);
  });

  test('hyphenated words stay whole; dashes separate', () => {
    expect(tk('peut-être au nord-est, COVID-19 et F-16 – fin')).toEqual([
      'peut-être/word',
      'au/word',
      'nord-est/word',
      'COVID-19/word',
      'et/word',
      'F-16/word',
      'fin/word',
    ]);
  });

  test('numbers: integers, decimals, grouped with a no-break space, ordinals', () => {
    expect(tk('2023 3,5 % 12.03.2023 1\u00a0000 19e 1er 3rd 2022-2023 G7')).toEqual([
      '2023/number',
      '3,5/number',
      '12.03.2023/number',
      '1\u00a0000/number',
      '19e/number',
      '1er/number',
      '3rd/number',
      '2022-2023/number',
      'G7/word',
    ]);
  });

  test('case is kept', () => {
    expect(tk('OTAN Minsk minsk')).toEqual(['OTAN/word', 'Minsk/word', 'minsk/word']);
  });

  test('Cyrillic, Greek and Arabic split on spaces and punctuation', () => {
    expect(tk('Владимир Путин заявил, что Россия')).toEqual([
      'Владимир/word',
      'Путин/word',
      'заявил/word',
      'что/word',
      'Россия/word',
    ]);
    expect(tk('Καλημέρα κόσμε. مرحبا بالعالم')).toEqual(['Καλημέρα/word', 'κόσμε/word', 'مرحبا/word', 'بالعالم/word']);
  });

  test('Chinese and Japanese go through the word segmenter', () => {
    expect(tk('我们在北京学习中文。')).toEqual(['我们/word', '在/word', '北京/word', '学习/word', '中文/word']);
    const ja = tokenize('東京に行きました。');
    expect(ja[0]?.text).toBe('東京');
    expect(ja.map((t) => t.text).join('')).toBe('東京に行きました');
  });

  test('a Latin word glued to Chinese is cut at the script change', () => {
    expect(tk('iPhone手机')).toEqual(['iPhone/word', '手机/word']);
  });

  test('emoji and symbols are dropped', () => {
    expect(tk('I love 😀 emoji🎉ok ★')).toEqual(['I/word', 'love/word', 'emoji/word', 'ok/word']);
  });

  test('empty and blank input give no token', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t… ')).toEqual([]);
  });

  test('offsets and gaps: sentence, punctuation, space', () => {
    expect(tokenize('Oui. Non, peut-être\nFin')).toEqual([
      { text: 'Oui', kind: 'word', index: 0, gap: 'sentence' },
      { text: 'Non', kind: 'word', index: 5, gap: 'sentence' },
      { text: 'peut-être', kind: 'word', index: 10, gap: 'punct' },
      { text: 'Fin', kind: 'word', index: 20, gap: 'sentence' },
    ]);
  });

  test('a period after M. or an initial, or before a lower-case word, does not end a sentence', () => {
    const gaps = (s: string): string[] => tokenize(s).map((t) => t.gap);
    expect(gaps('M. Poutine')).toEqual(['sentence', 'punct']);
    expect(gaps('J. K. Rowling')).toEqual(['sentence', 'punct', 'punct']);
    expect(gaps('etc. et puis')).toEqual(['sentence', 'punct', 'space']);
    expect(gaps('Fin. Début')).toEqual(['sentence', 'sentence']);
    expect(gaps('中文。北京')).toEqual(['sentence', 'sentence']);
  });
});

describe('countWords and countSentences', () => {
  test('an elided word counts as one word, as a word processor counts it', () => {
    expect(countWords('L’invasion de l’Ukraine a commencé en 2022.')).toBe(7); // L’invasion · de · l’Ukraine · a · commencé · en · 2022
  });

  test('sentences end at . ! ? … before a space, and at line breaks (headlines)', () => {
    const text = 'Titre sans point\nPremière phrase. Deuxième ! Troisième ? M. Dupont parle… Fin';
    expect(countSentences(text)).toBe(6);
    expect(countWords(text)).toBe(11); // 3 + 2 + 1 + 1 + 3 (M, Dupont, parle) + 1
  });

  test('empty text', () => {
    expect(countWords('')).toBe(0);
    expect(countSentences('')).toBe(0);
  });
});
