import { describe, expect, test } from 'vitest';
import { tokenize } from '../../src/core/stats/tokenize.js';
import { Vocabulary } from '../../src/core/stats/vocabulary.js';

describe('Vocabulary', () => {
  const voc = new Vocabulary();
  voc.add('a', 'fra', tokenize('Le Président arrive. Le président russe arrive à Minsk.'));
  voc.add('b', 'fra', tokenize('Le président russe, selon l’agence, arrive en 2023.'));
  voc.add('c', 'eng', tokenize('The army arrives.'));

  test('terms: counts folded, document frequency, most frequent casing; stop words, numbers, elisions out', () => {
    expect(voc.top('fra', 10)).toEqual([
      // ties: more documents first, then alphabetical
      { term: 'arrive', form: 'arrive', count: 3, docs: 2 },
      { term: 'président', form: 'président', count: 3, docs: 2 },
      { term: 'russe', form: 'russe', count: 2, docs: 2 },
      { term: 'agence', form: 'agence', count: 1, docs: 1 },
      { term: 'minsk', form: 'Minsk', count: 1, docs: 1 },
    ]);
  });

  test('bigrams: adjacent non-stop words, not across punctuation or sentences', () => {
    // `Président arrive`, `président russe` ×2, `russe arrive`; `russe, selon` and `arrive. Le` are not pairs.
    expect(voc.topBigrams('fra', 10)).toEqual([
      { term: 'président russe', form: 'président russe', count: 2, docs: 2 },
      { term: 'président arrive', form: 'Président arrive', count: 1, docs: 1 },
      { term: 'russe arrive', form: 'russe arrive', count: 1, docs: 1 },
    ]);
  });

  test('stats: word tokens, distinct words, type/token ratio, hapaxes', () => {
    // a: Le Président arrive Le président russe arrive à Minsk (9); b: Le président russe selon agence arrive en (7)
    // distinct: le président arrive russe à minsk selon agence en = 9; once: à minsk selon agence en = 5
    expect(voc.stats('fra')).toEqual({
      lang: 'fra',
      documents: 2,
      tokens: 16,
      types: 9,
      typeTokenRatio: 9 / 16,
      hapaxes: 5,
    });
  });

  test('languages are kept apart', () => {
    expect(voc.languages()).toEqual(['fra', 'eng']);
    expect(voc.top('eng', 5).map((t) => t.term)).toEqual(['army', 'arrives']);
    expect(voc.get('eng', 'président')).toBeUndefined();
    expect(voc.get('fra', 'PRÉSIDENT')).toEqual({ term: 'président', form: 'président', count: 3, docs: 2 });
  });

  test('an unknown language is empty', () => {
    expect(voc.top('deu', 5)).toEqual([]);
    expect(voc.stats('deu').tokens).toBe(0);
  });

  test('past the bigram cap the rarest bigrams are dropped, the frequent kept', () => {
    const small = new Vocabulary({ maxBigrams: 4 });
    small.add('x', 'fra', tokenize('chat noir. chat noir. chien blanc. loup gris. ours brun. lynx roux.'));
    expect(small.topBigrams('fra', 10).map((b) => `${b.term}:${b.count}`)).toEqual(['chat noir:2']);
  });

  test('the casing shown is the most frequent one, also after the lead changed hands twice', () => {
    // "Kyiv" 5 times with one "KYIV" among them, then "KYIV" 5 times (6 in all: it leads), then
    // "Kyiv" twice more: 7 against 6. The leader's occurrences used to be counted apart from the
    // other casings' and lost when the lead changed, so "KYIV" stayed shown.
    const v = new Vocabulary();
    const sequence = ['Kyiv Oblast', 'Kyiv Oblast', 'Kyiv Oblast', 'KYIV OBLAST', 'Kyiv Oblast', 'Kyiv Oblast'];
    sequence.push(...new Array<string>(5).fill('KYIV OBLAST'), 'Kyiv Oblast', 'Kyiv Oblast');
    sequence.forEach((text, i) => v.add(`d${i}`, 'eng', tokenize(text)));
    expect(v.top('eng', 1)).toEqual([{ term: 'kyiv', form: 'Kyiv', count: 13, docs: 13 }]);
    expect(v.topBigrams('eng', 1)).toEqual([{ term: 'kyiv oblast', form: 'Kyiv Oblast', count: 13, docs: 13 }]);
  });
});
