// How `words` shares documents among its worker threads: a language stays in one shard while
// the loads stay even, and spreads when it alone would leave the other shards idle.
import { describe, expect, test } from 'vitest';
import { LanguageShares } from '../../src/core/workers/words-pool.js';

describe('LanguageShares', () => {
  test('two languages of like size: each keeps to its own shard', () => {
    const shares = new LanguageShares(2);
    const picked = new Map<string, Set<number>>();
    for (let i = 0; i < 1000; i++) {
      const lang = i % 2 === 0 ? 'fra' : 'rus';
      const shard = shares.pick(lang, 400);
      if (!picked.has(lang)) picked.set(lang, new Set());
      picked.get(lang)?.add(shard);
    }
    expect([...(picked.get('fra') ?? [])]).toEqual([0]);
    expect([...(picked.get('rus') ?? [])]).toEqual([1]);
  });

  test('one language: spread over every shard, the loads within the slack', () => {
    const shares = new LanguageShares(3);
    const load = [0, 0, 0];
    for (let i = 0; i < 3000; i++) {
      const shard = shares.pick('fra', 400);
      load[shard] = (load[shard] as number) + 450;
    }
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(200_000 + 450);
    expect(Math.min(...load)).toBeGreaterThan(0);
  });
});
