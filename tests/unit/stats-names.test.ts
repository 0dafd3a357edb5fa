import { describe, expect, test } from 'vitest';
import { Names } from '../../src/core/stats/names.js';
import { tokenize } from '../../src/core/stats/tokenize.js';

function namesOf(texts: string[], lang = 'fra', minCount = 1) {
  const names = new Names();
  texts.forEach((t, i) => names.add(`d${i}`, lang, tokenize(t)));
  return names.top(20, minCount);
}

describe('Names', () => {
  test('a small French text: names kept, sentence-initial common words and shouted headlines dropped', () => {
    const text = [
      'POUTINE ET LOUKACHENKO À MINSK',
      'Le président russe Vladimir Poutine est arrivé à Minsk mardi. Selon le Kremlin, Vladimir Poutine restera deux jours à Minsk.',
      'Le dirigeant biélorusse Alexandre Loukachenko l’a accueilli. Minsk a confirmé la visite, selon les médias.',
      'Les deux présidents parlent de défense.',
    ].join('\n');
    expect(namesOf([text])).toEqual([
      { name: 'Minsk', count: 3 },
      { name: 'Vladimir Poutine', count: 2 },
      { name: 'Alexandre Loukachenko', count: 1 },
      { name: 'Kremlin', count: 1 },
    ]);
  });

  test('a sentence-initial word never seen in lower case stays a name', () => {
    expect(namesOf(['Moscou dément. Puis Moscou confirme.'])).toEqual([{ name: 'Moscou', count: 2 }]);
  });

  test('the lower-case evidence may come from another document', () => {
    // `Selon` opens the sentence; only the second document shows `selon` is a common word.
    expect(namesOf(['Selon Interfax, rien.', 'on part, selon lui.'], 'xyz')).toEqual([{ name: 'Interfax', count: 1 }]);
  });

  test('particles inside names; French `de` splits, `d’` joins', () => {
    const text =
      'On joue Ludwig van Beethoven. Il parle de Bachar al-Assad et de la Côte d’Ivoire. La Russie de Vladimir Poutine avance.';
    expect(namesOf([text]).map((n) => n.name)).toEqual([
      'Bachar al-Assad',
      'Côte d’Ivoire',
      'Ludwig van Beethoven',
      'Russie',
      'Vladimir Poutine',
    ]);
  });

  test('acronyms in ordinary sentences count; minCount filters rare names', () => {
    expect(namesOf(['Il cite l’OTAN et l’OTAN répond.', 'Paris signe.'], 'fra', 2)).toEqual([
      { name: 'OTAN', count: 2 },
    ]);
  });

  test('the word after a sentence-opening elision is not taken as sentence-initial', () => {
    expect(namesOf(['L’Ukraine résiste.'])).toEqual([{ name: 'Ukraine', count: 1 }]);
  });
});
