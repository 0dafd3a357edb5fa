// The bounded table of n-gram counts: exact under its capacity; past it, a Space-Saving summary
// whose every count is within its error of the true count, no error above N / capacity.
import { describe, expect, test } from 'vitest';
import { TermTable } from '../../src/core/words/term-table.js';

describe('TermTable', () => {
  test('under its capacity every count is exact, with no error', () => {
    const t = new TermTable(10);
    t.add('a', 2, 0);
    t.add('b', 1, 1);
    t.add('a', 3, 2);
    expect(t.entries()).toEqual([
      { key: 'a', count: 5, error: 0, docs: 2 },
      { key: 'b', count: 1, error: 0, docs: 1 },
    ]);
    expect(t.evicted).toBe(false);
    expect(t.floor()).toBe(0);
  });

  test('a stream with a known answer: the top terms are kept, each count within its error and N / capacity', () => {
    // 20 frequent terms, term i occurring 1,000 − 40·i times, in a stream with 5,000 terms seen
    // once each, interleaved; capacity 100. N = Σ(1000 − 40i) + 5000 = 12,400 + 5,000 = 17,400.
    const truth = new Map<string, number>();
    const stream: string[] = [];
    for (let i = 0; i < 20; i++) {
      truth.set(`top${i}`, 1000 - 40 * i);
      for (let k = 0; k < 1000 - 40 * i; k++) stream.push(`top${i}`);
    }
    for (let k = 0; k < 5000; k++) stream.push(`rare${k}`);
    // A fixed shuffle (a linear congruential generator), so the rare terms come between.
    let seed = 7;
    for (let i = stream.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [stream[i], stream[j]] = [stream[j] as string, stream[i] as string];
    }
    const capacity = 100;
    const t = new TermTable(capacity);
    stream.forEach((key, i) => t.add(key, 1, i));
    const bound = stream.length / capacity;
    expect(t.evicted).toBe(true);
    const kept = new Map(t.entries().map((e) => [e.key, e]));
    for (const [key, count] of truth) {
      const e = kept.get(key);
      expect(e, key).toBeDefined();
      expect(e?.count).toBeGreaterThanOrEqual(count);
      expect((e?.count ?? 0) - count).toBeLessThanOrEqual(e?.error ?? 0);
      expect(e?.error).toBeLessThanOrEqual(bound);
    }
    // Every count overestimates by at most its error, the rare terms' too.
    for (const e of t.entries()) {
      const real = truth.get(e.key) ?? 1;
      expect(e.count - e.error).toBeLessThanOrEqual(real);
      expect(e.count).toBeGreaterThanOrEqual(real);
    }
  });

  test('a slot taken over says from which posting it holds its new term', () => {
    const t = new TermTable(2);
    t.add('a', 5, 0);
    t.add('b', 1, 1);
    const slot = t.add('c', 1, 2);
    expect(slot).toBe(1);
    expect(t.since[slot]).toBe(2);
    expect(t.entries()[1]).toEqual({ key: 'c', count: 2, error: 1, docs: 1 });
  });
});
