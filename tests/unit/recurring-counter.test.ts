// The count of lines recurring across a corpus, kept in flat arrays (issue 6: kept as strings in
// a map it filled the heap with garbage on 100,000 documents), against the plain map it replaced.
import { describe, expect, test } from 'vitest';
import {
  lineDigest,
  RecurringLineCounter,
  RECURRING_MIN_DOCUMENTS,
  RECURRING_MIN_SHARE,
} from '../../src/core/analyse/recurring-lines.js';

/** The counter as it was: a map from digest to documents, lines seen once forgotten past the cap. */
function reference(documents: string[][], cap: number): Set<string> {
  const counts = new Map<string, number>();
  for (const keys of documents) {
    for (const key of new Set(keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
    if (counts.size > cap) for (const [k, n] of counts) if (n < 2) counts.delete(k);
  }
  const min = Math.max(RECURRING_MIN_DOCUMENTS, Math.ceil(documents.length * RECURRING_MIN_SHARE));
  return new Set([...counts].filter(([, n]) => n >= min).map(([k]) => k));
}

describe('RecurringLineCounter', () => {
  test('a line in 3 documents and 0.5 % of them recurs; one held twice by a document counts once', () => {
    const counter = new RecurringLineCounter();
    const footer = lineDigest('Tous droits réservés');
    const twice = lineDigest('Loading...');
    counter.add([footer, twice, twice]);
    counter.add([footer, twice]);
    counter.add([footer, lineDigest('a line of its own')]);
    expect(counter.result()).toEqual(new Set([footer]));
  });

  test('the same lines as the map, past the point where lines seen once are forgotten', () => {
    // 16,000 documents of 20 edge lines, most of them unique (320,000 lines: over the cap of
    // 250,000), some shared by a few documents, some by many.
    let seed = 6;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const documents: string[][] = [];
    for (let d = 0; d < 16000; d++) {
      const keys: string[] = [];
      for (let i = 0; i < 20; i++) {
        const r = next();
        keys.push(
          lineDigest(
            r < 0.8
              ? `unique ${d} ${i}`
              : r < 0.97
                ? `rare ${Math.floor(next() * 3000)}`
                : `common ${Math.floor(next() * 40)}`,
          ),
        );
      }
      documents.push(keys);
    }
    const counter = new RecurringLineCounter();
    for (const keys of documents) counter.add(keys);
    const expected = reference(documents, 250_000);
    expect(expected.size).toBeGreaterThan(30);
    expect(counter.result()).toEqual(expected);
  });
});
