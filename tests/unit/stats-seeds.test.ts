import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DistinctiveTerms } from '../../src/core/stats/distinctive.js';
import { Names } from '../../src/core/stats/names.js';
import { NearDuplicates } from '../../src/core/stats/near-duplicates.js';
import { countWords, tokenize } from '../../src/core/stats/tokenize.js';
import { Vocabulary } from '../../src/core/stats/vocabulary.js';

// The five bundled seeds: French news on Russia and Belarus, read in one pass as summarise does.
const dir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const vocabulary = new Vocabulary();
const names = new Names();
const distinctive = new DistinctiveTerms();
const near = new NearDuplicates();
for (const f of files) {
  const id = f.replace(/\.txt$/, '');
  const tokens = tokenize(readFileSync(dir + f, 'utf8').normalize('NFC'));
  vocabulary.add(id, 'fra', tokens);
  names.add(id, 'fra', tokens);
  distinctive.add(id, 'fra', tokens);
  near.add(id, tokens);
}

describe('statistics over the seed corpus', () => {
  test('top terms lead with the subject, shown in their usual casing', () => {
    expect(vocabulary.top('fra', 5).map((t) => `${t.form} ${t.count}`)).toEqual([
      'Russie 25',
      'exercices 20',
      'Biélorussie 20',
      'Défense 18',
      'militaires 18',
    ]);
    const top = vocabulary.top('fra', 20).map((t) => t.term);
    expect(top).toEqual(expect.arrayContaining(['poutine', 'loukachenko', 'minsk', 'moscou', 'ukraine']));
    expect(top.filter((t) => ['le', 'la', 'de', 'selon', 'plus', 'dont'].includes(t))).toEqual([]);
  });

  test('top bigrams', () => {
    expect(vocabulary.topBigrams('fra', 3).map((b) => `${b.form} ${b.count}`)).toEqual([
      'exercices militaires 9',
      'militaires conjoints 8',
      'Vladimir Poutine 4',
    ]);
  });

  test('names: people and places, no sentence-initial common word', () => {
    const top = names.top(20);
    const found = new Map(top.map((n) => [n.name, n.count]));
    expect(found.get('Vladimir Poutine')).toBe(4);
    expect(found.get('Alexandre Loukachenko')).toBe(3);
    expect(found.get('Minsk')).toBe(6); // mixed case only: the three all-caps headlines are skipped
    expect(found.get('Biélorussie')).toBe(20);
    expect(top.filter((n) => ['Le', 'La', 'Les', 'Selon', 'Mais', 'Lundi'].includes(n.name))).toEqual([]);
  });

  test('distinctive terms: Koursk for the document on the Kursk incursion, Belarus for the one using that name', () => {
    const byId = new Map(distinctive.finalise(5).map((d) => [d.id, d.terms.map((t) => t.term)]));
    expect(byId.get('003_d5acbb01e160b551')?.slice(0, 2)).toEqual(['région', 'koursk']);
    expect(byId.get('004_4beb03af83448623')?.[0]).toBe('belarus');
  });

  test('no near-duplicates among the seeds', () => {
    expect(near.groups()).toEqual([]);
  });

  test('word counts', () => {
    expect(files.map((f) => countWords(readFileSync(dir + f, 'utf8')))).toEqual([391, 344, 382, 544, 491]);
  });
});
