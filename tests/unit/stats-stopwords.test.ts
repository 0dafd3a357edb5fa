import { describe, expect, test } from 'vitest';
import { hasStopwords, isStopword } from '../../src/core/stats/stopwords.js';

describe('isStopword', () => {
  test('French', () => {
    expect(['le', 'la', 'les', 'de', 'selon', 'mais', 'dont', 'été'].filter((w) => !isStopword(w, 'fra'))).toEqual([]);
    expect(['russie', 'biélorussie', 'exercices', 'président'].filter((w) => isStopword(w, 'fra'))).toEqual([]);
  });

  test('English, with contractions under either apostrophe', () => {
    expect(['the', 'and', "don't", 'don’t', 'it’s'].filter((w) => !isStopword(w, 'eng'))).toEqual([]);
    expect(['army', 'russia', 'border'].filter((w) => isStopword(w, 'eng'))).toEqual([]);
  });

  test('German', () => {
    expect(['und', 'der', 'die', 'nicht'].filter((w) => !isStopword(w, 'deu'))).toEqual([]);
    expect(['bundeswehr', 'kanzler'].filter((w) => isStopword(w, 'deu'))).toEqual([]);
  });

  test('a list is chosen by language: "die" is German, not English', () => {
    expect(isStopword('die', 'deu')).toBe(true);
    expect(isStopword('die', 'eng')).toBe(false);
  });

  test('ISO 639-1 codes and macrolanguage members work too', () => {
    expect(isStopword('le', 'fr')).toBe(true);
    expect(isStopword('的', 'cmn')).toBe(true);
  });

  test('elisions, single letters and numbers are never terms, whatever the language', () => {
    for (const lang of ['fra', 'eng', 'xyz']) {
      expect(['l’', "d'", '’s', 'x', 'é', '2023', '3,5', '19e'].filter((w) => !isStopword(w, lang))).toEqual([]);
    }
  });

  test('a single Chinese character may be a word', () => {
    expect(isStopword('猫', 'cmn')).toBe(false);
  });

  test('a language without a list keeps its words', () => {
    expect(hasStopwords('xyz')).toBe(false);
    expect(hasStopwords('fra')).toBe(true);
    expect(isStopword('the', 'xyz')).toBe(false);
  });
});
