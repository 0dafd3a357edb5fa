import { afterAll, describe, expect, test } from 'vitest';
import { removeTempFiles } from '../../src/core/cache/temp-files.js';
import { DistinctiveTerms, keyTermLines } from '../../src/core/stats/distinctive.js';
import { NearDuplicates, minhash } from '../../src/core/stats/near-duplicates.js';
import { tokenize } from '../../src/core/stats/tokenize.js';

// The run's scratch folder (signatures past 4,096 documents, spooled candidates) goes with the file's tests.
afterAll(removeTempFiles);

// Made-up words from a fixed stream: every document its own text, unless made a copy below.
function words(seed: number, n: number): string[] {
  const out: string[] = [];
  let x = seed * 2654435761;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(`w${(x >>> 8) % 5000}`);
  }
  return out;
}

describe('near duplicates kept in blocks of documents', () => {
  test('a pair whose documents lie in different blocks of signatures is found, and only it', () => {
    const nd = new NearDuplicates();
    const base = words(1, 60);
    // 4,096 documents a block: the copy lands in the third block, its original in the first.
    for (let i = 0; i < 9000; i++) {
      const text = i === 9 ? base : i === 8500 ? [...base.slice(0, 59), 'autre'] : words(i + 7, 60);
      nd.addSignature(`d${i}`, minhash(text));
    }
    const groups = nd.groups();
    expect(groups.map((g) => g.ids)).toEqual([['d9', 'd8500']]);
    // groups() may be asked again: the same answer.
    expect(nd.groups()).toEqual(groups);
  });

  test('clear forgets the documents added', () => {
    const nd = new NearDuplicates();
    const text = words(3, 40);
    nd.add('a', text, 'h1');
    nd.add('b', text, 'h2');
    expect(nd.groups().map((g) => g.ids)).toEqual([['a', 'b']]);
    nd.clear();
    expect(nd.groups()).toEqual([]);
    // The hashes are forgotten too: a document with an old hash is added again.
    nd.add('c', text, 'h1');
    nd.add('d', text, 'h3');
    expect(nd.groups().map((g) => g.ids)).toEqual([['c', 'd']]);
  });
});

describe('distinctive terms spooled as they are scored', () => {
  const build = () => {
    const d = new DistinctiveTerms();
    for (let i = 0; i < 300; i++) d.add(`d${i}`, i % 3 === 0 ? 'fra' : 'eng', tokenize(words(i, 80).join(' ')));
    return d;
  };

  test('finaliseTo spools what finalise gives, in order', () => {
    const d = build();
    const spooled = [...keyTermLines(d.finaliseTo(5))].map((l) => l.doc);
    expect(spooled).toEqual(build().finalise(5));
    expect(spooled.some((doc) => doc.terms.length > 0)).toBe(true);
  });

  test('a document added from a partial keeps its candidates, in order', () => {
    const d = build();
    const c = d.lastCandidates();
    expect(c.terms.length).toBeGreaterThan(0);
    const copy = new DistinctiveTerms();
    for (const t of d.exportTotals()) copy.addTotals(t);
    copy.addCandidates('x', 'eng', c.words, c.terms, c.counts);
    expect(copy.lastCandidates()).toEqual(c);
  });
});
