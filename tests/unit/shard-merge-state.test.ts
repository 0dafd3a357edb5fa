// Issue 21: the pieces under `--shard` and `corpus merge`. A document's shard is a stable hash of
// its id that anyone can compute; the counts a shard keeps merge, in any order, into the counts
// of one pass over all the documents, casing ties included.
import { describe, expect, test } from 'vitest';
import { inShard, parseShard, shardOf, ShardError } from '../../src/core/input/shard.js';
import { tokenize } from '../../src/core/stats/tokenize.js';
import { Vocabulary } from '../../src/core/stats/vocabulary.js';
import { DistinctiveTerms } from '../../src/core/stats/distinctive.js';
import { LinesAccumulator } from '../../src/core/summary/boilerplate.js';
import type { DocumentRecord } from '../../src/core/types.js';

describe('issue 21: --shard i/n', () => {
  test('parses i/n, 1-based', () => {
    expect(parseShard('2/4')).toEqual({ index: 1, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 0, count: 1 });
    for (const bad of ['0/4', '5/4', '1/0', 'half', '1/2/3', '-1/2', '1.5/2'])
      expect(() => parseShard(bad)).toThrow(ShardError);
  });

  test('the first four bytes of the SHA-256 of the id, big-endian, modulo n (values from Python hashlib)', () => {
    expect(shardOf('003_d5acbb01e160b551', 2 ** 32)).toBe(1810891617);
    expect(shardOf('wire-0', 2 ** 32)).toBe(3804978745);
    expect(shardOf('seeds/000', 7)).toBe(445609396 % 7);
    expect(shardOf('anything', 1)).toBe(0);
  });

  test('shards are disjoint, cover every id, and are about even', () => {
    const n = 8;
    const sizes = new Array<number>(n).fill(0);
    for (let i = 0; i < 16_000; i++) {
      const id = `doc-${i}`;
      const owners = [...Array(n).keys()].filter((s) => inShard(id, { index: s, count: n }));
      expect(owners.length).toBe(1);
      sizes[owners[0]!]!++;
    }
    for (const size of sizes) expect(Math.abs(size - 2000)).toBeLessThan(200);
  });
});

const DOCS: [string, string][] = [
  ['a', 'Le Président arrive. Le président russe arrive à Minsk.'],
  ['b', 'Le président russe, selon l’agence, arrive en 2023. Président Loukachenko.'],
  ['c', 'Poutine et Loukachenko. POUTINE arrive, poutine part, Poutine revient.'],
  ['d', 'président russe président russe. Président Russe.'],
  ['e', 'Minsk, minsk, MINSK: la Biélorussie et la biélorussie.'],
];

function vocabularyOf(docs: [string, string][]): Vocabulary {
  const v = new Vocabulary();
  for (const [id, text] of docs) v.add(id, 'fra', tokenize(text));
  return v;
}

const view = (v: Vocabulary) => ({
  terms: v.top('fra', 50),
  bigrams: v.topBigrams('fra', 50),
  stats: v.stats('fra'),
  termCount: v.termCount('fra'),
  bigramCount: v.bigramCount('fra'),
});

describe('issue 21: counts that merge', () => {
  test('a vocabulary split any way and merged is the vocabulary of all, casings included', () => {
    const whole = view(vocabularyOf(DOCS));
    for (const split of [[0, 2, 4], [1, 3], [4, 0], [2]]) {
      const a = vocabularyOf(DOCS.filter((_, i) => split.includes(i)));
      const b = vocabularyOf(DOCS.filter((_, i) => !split.includes(i)));
      for (const order of [
        [a, b],
        [b, a],
      ]) {
        const merged = new Vocabulary();
        for (const part of order) merged.merge(part.exportLanguage('fra'));
        expect(view(merged)).toEqual(whole);
      }
    }
  });

  test('a casing tie goes to the first in code-point order, whatever the order of the documents', () => {
    const one = vocabularyOf([
      ['x', 'minsk Minsk'],
      ['y', 'Poutine poutine'],
    ]);
    const other = vocabularyOf([
      ['y', 'poutine Poutine'],
      ['x', 'Minsk minsk'],
    ]);
    expect(one.get('fra', 'minsk')?.form).toBe('Minsk');
    expect(other.get('fra', 'minsk')?.form).toBe('Minsk');
    expect(one.get('fra', 'poutine')?.form).toBe('Poutine');
    expect(other.get('fra', 'poutine')?.form).toBe('Poutine');
  });

  test('distinctive terms from merged totals and candidates are those of one pass', () => {
    const whole = new DistinctiveTerms({ candidates: 3 });
    for (const [id, text] of DOCS) whole.add(id, 'fra', tokenize(text));
    const parts = [new DistinctiveTerms({ candidates: 3 }), new DistinctiveTerms({ candidates: 3 })];
    const merged = new DistinctiveTerms({ candidates: 3 });
    const candidates: [string, ReturnType<DistinctiveTerms['lastCandidates']>][] = [];
    DOCS.forEach(([id, text], i) => {
      const part = parts[i % 2]!;
      part.add(id, 'fra', tokenize(text));
      candidates.push([id, part.lastCandidates()]);
    });
    for (const part of parts) for (const t of part.exportTotals()) merged.addTotals(t);
    for (const [id, c] of candidates) merged.addCandidates(id, 'fra', c.words, c.terms, c.counts);
    expect(merged.finalise(5, 0)).toEqual(whole.finalise(5, 0));
  });

  test('shared and boilerplate lines add up', () => {
    const record = { boilerplate: [1], boilerplateKinds: ['interface'] } as unknown as DocumentRecord;
    const docs = [
      ['Voir Plus', 'un'],
      ['Voir Plus', 'deux'],
      ['Voir Plus', 'un'],
    ];
    const whole = new LinesAccumulator();
    for (const lines of docs) whole.add(record, lines);
    const a = new LinesAccumulator();
    const b = new LinesAccumulator();
    a.add(record, docs[0]!);
    b.add(record, docs[1]!);
    b.add(record, docs[2]!);
    const merged = new LinesAccumulator();
    merged.addState(b.state());
    merged.addState(a.state());
    expect(merged.result(10)).toEqual(whole.result(10));
    expect(merged.result(10).top[0]).toEqual({ text: 'Voir Plus', documents: 3, occurrences: 3 });
  });
});
