import { describe, expect, test } from 'vitest';
import { DistinctiveTerms, logLikelihood, packKeyTerms, unpackKeyTerms } from '../../src/core/stats/distinctive.js';
import { tokenize } from '../../src/core/stats/tokenize.js';

// Three documents of 8 words each, none a French stop word. Totals (24 words):
// chat 5, chien 4, maison 4, jardin 4, arbre 3, fleur 4.
const DOCS: Array<[string, string]> = [
  ['A', 'chat chat chat chat chien chien maison jardin'],
  ['B', 'chien chien maison maison jardin jardin arbre arbre'],
  ['C', 'chat maison jardin arbre fleur fleur fleur fleur'],
];

// G² = 2·(a·ln(a/E1) + b·ln(b/E2)), E1 = c·(a+b)/(c+d), E2 = d·(a+b)/(c+d); c = 8 words, d = 16 (the other two).
// A chat:  a=4 b=1  E1=8·5/24=5/3  E2=16·5/24=10/3  G² = 2·(4·ln 2.4 + 1·ln 0.3)
//                                                    = 2·(4·0.875469 − 1.203973) = 4.595806
// A chien: a=2 b=2  E1=4/3 E2=8/3  G² = 2·(2·ln 1.5 + 2·ln 0.75) = 4·(0.405465 − 0.287682) = 0.471132
// B arbre: a=2 b=1  E1=1   E2=2    G² = 2·(2·ln 2 + 1·ln 0.5) = 2·0.693147 = 1.386294
// B chien, maison, jardin: a=2 b=2, as A chien: 0.471132
// C fleur: a=4 b=0  E1=4/3         G² = 2·4·ln 3 = 8·1.098612 = 8.788898
// Candidates need 2 occurrences: A maison/jardin, C chat/maison/jardin/arbre (1 each) are none.
function build(): DistinctiveTerms {
  const d = new DistinctiveTerms();
  for (const [id, text] of DOCS) d.add(id, 'fra', tokenize(text));
  return d;
}

const summary = (r: ReturnType<DistinctiveTerms['finalise']>) =>
  r.map(
    (doc) => `${doc.id}: ${doc.terms.map((t) => `${t.term} ${t.count}/${t.rest} ${t.keyness.toFixed(4)}`).join(', ')}`,
  );

describe('distinctive terms (log-likelihood keyness)', () => {
  test('the formula, against the hand-computed values', () => {
    expect(logLikelihood(4, 1, 8, 16)).toBeCloseTo(4.595806, 5);
    expect(logLikelihood(2, 2, 8, 16)).toBeCloseTo(0.471132, 5);
    expect(logLikelihood(2, 1, 8, 16)).toBeCloseTo(1.386294, 5);
    expect(logLikelihood(4, 0, 8, 16)).toBeCloseTo(8.788898, 5);
  });

  test('every over-used candidate, scored and ordered (ties alphabetical)', () => {
    expect(summary(build().finalise(10, 0))).toEqual([
      'A: chat 4/1 4.5958, chien 2/2 0.4711',
      'B: arbre 2/1 1.3863, chien 2/2 0.4711, jardin 2/2 0.4711, maison 2/2 0.4711',
      'C: fleur 4/0 8.7889',
    ]);
  });

  test('by default only terms significant at p < 0.05 (G² ≥ 3.84), and at most k', () => {
    expect(summary(build().finalise(10))).toEqual(['A: chat 4/1 4.5958', 'B: ', 'C: fleur 4/0 8.7889']);
    expect(summary(build().finalise(1, 0))).toEqual([
      'A: chat 4/1 4.5958',
      'B: arbre 2/1 1.3863',
      'C: fleur 4/0 8.7889',
    ]);
  });

  test('a document alone in its language has no reference, so no distinctive term', () => {
    const d = build();
    d.add('E', 'eng', tokenize('cat cat cat dog'));
    expect(d.finalise(5).at(-1)).toEqual({ id: 'E', lang: 'eng', terms: [] });
  });

  test('only the top candidates per document are kept until the end', () => {
    const d = new DistinctiveTerms({ candidates: 1 });
    for (const [id, text] of DOCS) d.add(id, 'fra', tokenize(text));
    // B keeps one of its four 2-count terms: the one rarest in the corpus so far (arbre: 2, others 4).
    expect(summary(d.finalise(10, 0))).toEqual(['A: chat 4/1 4.5958', 'B: arbre 2/1 1.3863', 'C: fleur 4/0 8.7889']);
  });
});

describe('packKeyTerms', () => {
  test('unpacks to the documents it packed, documents without terms included', () => {
    const docs = [
      {
        id: 'a',
        lang: 'fra',
        terms: [
          { term: 'poutine', count: 3, rest: 1, keyness: 12.345678901234 },
          { term: 'minsk', count: 2, rest: 0, keyness: 7.5 },
        ],
      },
      { id: 'b', lang: 'eng', terms: [] },
      { id: 'c', lang: 'fra', terms: [{ term: 'varsovie', count: 4, rest: 4_000_000_000, keyness: 3.840000001 }] },
    ];
    expect(unpackKeyTerms(packKeyTerms(docs))).toEqual(docs);
    expect(unpackKeyTerms(packKeyTerms([]))).toEqual([]);
  });
});
