import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DistinctiveTerms, keyTermLines, logLikelihood } from '../../src/core/stats/distinctive.js';
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

describe('distinctive terms spooled (issue 21: bounded memory)', () => {
  test("finaliseTo spools what finalise gives, with each document's place; keyness read back exactly", () => {
    const d = new DistinctiveTerms();
    for (const [id, text] of DOCS) d.add(id, 'fra', tokenize(text), 10 + DOCS.findIndex(([x]) => x === id));
    const whole = d.finalise(10, 0);
    const lines = [...keyTermLines(d.finaliseTo(10, 0))];
    expect(lines.map((l) => l.seq)).toEqual([10, 11, 12]);
    expect(lines.map((l) => l.doc)).toEqual(whole);
    expect(lines[0]?.doc.terms[0]?.keyness).toBe(whole[0]?.terms[0]?.keyness);
  });

  test('candidates past the bound go to a file in the scratch folder, read back in order, removed after', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-test-'));
    try {
      const small = new DistinctiveTerms({ folder: () => folder, bound: 64 });
      const plain = new DistinctiveTerms();
      for (let i = 0; i < 30; i++)
        for (const d of [small, plain]) d.add(`d${i}`, 'fra', tokenize((DOCS[i % 3] as [string, string])[1]));
      expect(fs.readdirSync(folder).length).toBe(1);
      expect(small.finalise(10, 0)).toEqual(plain.finalise(10, 0));
      const ref = small.finaliseTo(10, 0, () => folder);
      expect([...keyTermLines(ref)].map((l) => l.doc)).toEqual(plain.finalise(10, 0));
      // The candidates' file is gone; the results' is there until the run's scratch folder goes.
      expect(fs.readdirSync(folder)).toEqual([path.basename(ref.file ?? '')]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  test("without kept candidates (a partial summary), only the last document's are there", () => {
    const d = new DistinctiveTerms({ keepCandidates: false });
    for (const [id, text] of DOCS) d.add(id, 'fra', tokenize(text));
    expect(d.lastCandidates()).toEqual({ words: 8, terms: ['fleur'], counts: [4] });
    expect(d.finalise(10)).toEqual([]);
    expect(d.documents).toBe(3);
  });
});
