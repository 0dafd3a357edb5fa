// Stop words: the supplement of thin lists, a list of one's own instead of or added to the
// language's (`--stopwords`), keeping them all (`--keep-stopwords`), and the stop-word file format.
import { afterEach, describe, expect, test } from 'vitest';
import {
  isFunctionWord,
  isStopword,
  parseStopwords,
  stopwordCount,
  stopwordSettings,
  useStopwords,
} from '../../src/core/stats/stopwords.js';

afterEach(() => useStopwords());

describe('thin lists are supplemented from spaCy', () => {
  test('Ukrainian has `на`, `в`, `і`, `у` now, and keeps its own words', () => {
    expect(['на', 'в', 'і', 'у', 'або', 'для'].filter((w) => !isStopword(w, 'ukr'))).toEqual([]);
    expect(isStopword('україна', 'ukr')).toBe(false);
  });

  test('languages stopwords-iso lacks get spaCy’s list: Serbian, Macedonian, Icelandic, Albanian, Tamil', () => {
    expect(isStopword('или', 'srp')).toBe(true);
    expect(isStopword('или', 'mkd')).toBe(true);
    expect(isStopword('eftir', 'isl')).toBe(true);
    expect(isStopword('dhe', 'als')).toBe(true);
    expect(isStopword('மற்றும்', 'tam')).toBe(true);
  });

  test('the lists supplemented have 50 words or more', () => {
    const thin = ['ukr', 'hye', 'lat', 'afr', 'eus', 'srp', 'mkd', 'isl', 'als', 'tam', 'amh', 'azj', 'kan']
      .map((lang) => [lang, stopwordCount(lang)] as const)
      .filter(([, n]) => n < 50);
    expect(thin).toEqual([]);
  });

  test('Welsh still has no list (no well-kept source has one): its words are kept', () => {
    expect(stopwordCount('cym')).toBe(0);
    expect(isStopword('yr', 'cym')).toBe(false);
  });
});

describe('useStopwords', () => {
  test('replace: the given words stand for every language’s list', () => {
    useStopwords({ replace: ['guerre', 'Paix'] });
    expect(isStopword('guerre', 'fra')).toBe(true);
    expect(isStopword('paix', 'deu')).toBe(true);
    expect(isStopword('le', 'fra')).toBe(false);
  });

  test('add: the given words join each language’s list', () => {
    useStopwords({ add: ['guerre'] });
    expect(isStopword('guerre', 'fra')).toBe(true);
    expect(isStopword('le', 'fra')).toBe(true);
    expect(isStopword('paix', 'fra')).toBe(false);
  });

  test('keep: no word is a stop word, but numbers and elided clitics are still no terms', () => {
    useStopwords({ keep: true });
    expect(['le', 'the', 'a', 'y'].filter((w) => isStopword(w, w === 'the' || w === 'a' ? 'eng' : 'fra'))).toEqual([]);
    expect(['2024', 'l’', "d'"].filter((w) => !isStopword(w, 'fra'))).toEqual([]);
  });

  test('names read the language’s own list whatever the settings', () => {
    useStopwords({ keep: true });
    expect(isFunctionWord('selon', 'fra')).toBe(true);
    useStopwords({ replace: ['x'] });
    expect(isFunctionWord('selon', 'fra')).toBe(true);
  });

  test('no argument restores each language’s list; the settings are what a worker is sent', () => {
    useStopwords({ add: ['guerre'] });
    expect(stopwordSettings()).toEqual({ add: ['guerre'] });
    useStopwords();
    expect(stopwordSettings()).toEqual({});
    expect(isStopword('guerre', 'fra')).toBe(false);
  });
});

describe('parseStopwords', () => {
  test('one word a line, lower-cased, apostrophes straight; # comments and blank lines skipped', () => {
    const text = '# my list\nGuerre\n\n  paix  \naujourd’hui # a comment\n#not a word\r\nfin\n';
    expect(parseStopwords(text)).toEqual(['guerre', 'paix', "aujourd'hui", 'fin']);
  });
});
