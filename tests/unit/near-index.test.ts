// The run's near-duplicate flag (issue 24, point 12): each document's signature computed in the
// analysis's one scan, kept in the cache, and compared with the documents before it.
import { describe, expect, test } from 'vitest';
import { bodyFigures, decodeSignature, encodeSignature } from '../../src/core/stats/body-signature.js';
import { NearIndex } from '../../src/core/stats/near-index.js';
import { estimateJaccard, MINHASH, minhash, NearDuplicates } from '../../src/core/stats/near-duplicates.js';
import { countWordsAndSentences, tokenize } from '../../src/core/stats/tokenize.js';
import { foldTokens } from '../../src/core/stats/folded.js';
import { RunFlags } from '../../src/core/analyse/run-flags.js';

// Made-up words, so that every 5-word shingle of a text is distinct.
const SYL = ['ba', 'ko', 'ri', 'mu', 'te', 'sa', 'lo', 'ni', 'vu', 'pe'];
const word = (i: number) => {
  let w = '';
  for (let k = i; k > 0 || w === ''; k = Math.floor(k / 10)) w += SYL[k % 10];
  return w;
};
/** A text of `n` words from `from`, with the words at `changed` replaced. */
const text = (from: number, n = 100, changed: number[] = []) =>
  Array.from({ length: n }, (_, i) => (changed.includes(i) ? `autre${i}` : word(from + i))).join(' ');

describe('bodyFigures', () => {
  const samples = [
    'L’armée a déclaré: « 3,5 % des troupes » sont parties. Aujourd’hui, rien!',
    'Le Bélarus et la Russie. Second sentence here… And a third one?',
    '北京时间5月26日，俄罗斯与白俄罗斯举行联合军演。这是第二句。',
    'กองทัพรัสเซียและเบลารุสซ้อมรบร่วมกัน',
    '',
    '— … !!! ',
    text(0, 300),
  ];

  test.each(samples.map((s) => [s.slice(0, 24), s]))('counts and signs as the tokenizer and minhash do: %s', (_, s) => {
    const figures = bodyFigures(s);
    expect({ words: figures.words, sentences: figures.sentences }).toEqual(countWordsAndSentences(s));
    const tokens = tokenize(s);
    if (tokens.length === 0) expect(figures.signature).toBeNull();
    else {
      expect(figures.signature).toEqual(minhash(tokens));
      // As summarise's shards compute it, from the folded tokens.
      expect(figures.signature).toEqual(minhash(foldTokens(tokens, 'fra')));
    }
  });

  test('the cached form gives the signature back; anything else gives none', () => {
    const sig = bodyFigures(text(0)).signature as Uint32Array;
    const stored = encodeSignature(sig);
    expect(stored).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(decodeSignature(stored)).toEqual(sig);
    expect(encodeSignature(null)).toBe('');
    expect(decodeSignature('')).toBeNull();
    expect(decodeSignature('AAAA')).toBeNull();
  });
});

describe('NearIndex', () => {
  const sig = (s: string) => minhash(tokenize(s));

  test('flags the later of two texts one word apart, not the first, not an unrelated one', () => {
    const index = new NearIndex();
    expect(index.seen(sig(text(0)))).toBe(false);
    expect(index.seen(sig(text(500)))).toBe(false);
    expect(index.seen(sig(text(0, 100, [50])))).toBe(true);
    expect(index.seen(sig(text(1000)))).toBe(false);
    expect(index.size).toBe(4);
  });

  test('agrees with a comparison of every pair, across the growth of its table', () => {
    // 3,000 texts in families of near copies (0 to 3 words of 100 changed) and loners: the
    // index must flag exactly the texts with an earlier one at or above the threshold. At 0.8
    // no pair can be missed by the bands: 25 differing values spoil at most 25 of the 32 bands.
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const sigs: Uint32Array[] = [];
    for (let d = 0; d < 3000; d++) {
      const family = random(3) === 0 ? random(200) * 100 : 100_000 + d * 100;
      const changed = Array.from({ length: random(4) }, () => random(100));
      sigs.push(sig(text(family, 100, changed)));
    }
    const index = new NearIndex();
    let flagged = 0;
    for (let d = 0; d < sigs.length; d++) {
      const expected = sigs.slice(0, d).some((s) => estimateJaccard(s, sigs[d] as Uint32Array) >= MINHASH.threshold);
      expect(index.seen(sigs[d] as Uint32Array)).toBe(expected);
      if (expected) flagged++;
    }
    expect(flagged).toBeGreaterThan(200);
    // Every text flagged belongs to one of summarise's groups.
    const groups = new NearDuplicates();
    sigs.forEach((s, d) => groups.addSignature(String(d), s));
    const grouped = new Set(groups.groups().flatMap((g) => g.ids));
    const index2 = new NearIndex();
    sigs.forEach((s, d) => {
      if (index2.seen(s)) expect(grouped.has(String(d))).toBe(true);
    });
  });
});

describe('NearIndex across its blocks of 4,096 documents', () => {
  test('finds the near copy of a document of an earlier block', () => {
    const index = new NearIndex();
    const sigs = Array.from({ length: 9000 }, (_, d) => minhash(tokenize(text(d * 1000))));
    for (const s of sigs) index.seen(s);
    const copy = (d: number) => minhash(tokenize(text(d * 1000, 100, [50])));
    expect(estimateJaccard(copy(10), sigs[10] as Uint32Array)).toBeGreaterThanOrEqual(MINHASH.threshold);
    expect(index.seen(copy(10))).toBe(true);
    expect(index.seen(copy(5000))).toBe(true);
    expect(index.seen(minhash(tokenize(text(99_999_000))))).toBe(false);
    expect(index.size).toBe(9003);
  });
});

describe('RunFlags', () => {
  const doc = (id: string, hash: string, body: string, paragraphs = 1) => ({
    id,
    paragraphs,
    hash,
    signature: () => bodyFigures(body).signature,
  });

  test('duplicate for the same body, near-duplicate for a close one, nothing for the first or an empty body', () => {
    const run = new RunFlags();
    expect(run.flagOf(doc('a', 'h1', text(0)))).toBeNull();
    expect(run.flagOf(doc('b', 'h1', text(0)))).toBe('duplicate');
    expect(run.flagOf(doc('c', 'h2', text(0, 100, [10])))).toBe('near-duplicate');
    expect(run.flagOf(doc('d', 'h3', text(700)))).toBeNull();
    expect(run.flagOf(doc('e', 'h4', '', 0))).toBeNull();
  });

  test('an exact duplicate is not read for its signature', () => {
    const run = new RunFlags();
    run.flagOf(doc('a', 'h1', text(0)));
    const signature = () => {
      throw new Error('read');
    };
    expect(run.flagOf({ id: 'b', paragraphs: 1, hash: 'h1', signature })).toBe('duplicate');
  });
});

describe('bodyFigures folds as foldTerm does', () => {
  test.each([
    ['Greek final sigma', 'ΟΔΥΣΣΕΥΣ ΚΑΙ ΣΟΦΙΑ ΟΔΥΣΣΕΥΣ ΚΑΙ ΣΟΦΙΑ'],
    ['dotted capital I', 'İSTANBUL İzmir Ankara İSTANBUL İzmir Ankara'],
    ['curly apostrophes and capitals', 'L’ARMÉE D’AUJOURD’HUI Straße ǅemal Ǆ ﬁn'],
    ['astral letters', '𐐀𐐁 𐐨𐐩 𝐀𝐁𝐂 words 𐐀𐐁 𐐨𐐩'],
    ['Cyrillic and Armenian', 'МОСКВА Москва ԱՐԱՄ Արամ МОСКВА Москва'],
  ])('%s', (_, s) => {
    expect(bodyFigures(s).signature).toEqual(minhash(tokenize(s)));
  });
});

describe('the near duplicates kept beside the cache', () => {
  test('are read back for the same cache and corpus only, and not when damaged', async () => {
    const { readNearFile, writeNearFile, nearFileFor } = await import('../../src/core/cache/near-file.js');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-near-file-'));
    try {
      const cache = path.join(dir, 'corpus-0123456789abcdef.jsonl');
      writeNearFile(cache, 'sha', 'fp', [5, 7, 100, 36 ** 4]);
      expect(readNearFile(cache, 'sha', 'fp')).toEqual(new Set([5, 7, 100, 36 ** 4]));
      expect(readNearFile(cache, 'other', 'fp')).toBeNull();
      expect(readNearFile(cache, 'sha', 'other')).toBeNull();
      writeNearFile(cache, 'sha', 'fp', []);
      expect(readNearFile(cache, 'sha', 'fp')).toEqual(new Set());
      fs.writeFileSync(nearFileFor(cache), '{"kind":"corpus-near","cache":"sha","fingerprint":"fp","near":"1,-2"}');
      expect(readNearFile(cache, 'sha', 'fp')).toBeNull();
      fs.writeFileSync(nearFileFor(cache), 'not json');
      expect(readNearFile(cache, 'sha', 'fp')).toBeNull();
      expect(fs.readdirSync(dir)).toEqual([path.basename(nearFileFor(cache))]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
