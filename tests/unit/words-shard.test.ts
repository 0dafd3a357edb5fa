// Counting terms and n-grams on inline texts: what a term is, where an n-gram stops, and the DP
// and per-group counts computed from the postings, the same with the documents in one shard or
// shared among three.
import { describe, expect, test } from 'vitest';
import type { AnalysedDocument } from '../../src/core/analyse/analyse-document.js';
import { countTerms } from '../../src/core/words/count-terms.js';
import { griesDP } from '../../src/core/words/measures.js';
import { wordFrequencies, type WordsOptions } from '../../src/core/words/words.js';
import { WordsShard, type CountOptions } from '../../src/core/words/words-shard.js';

const COUNT: CountOptions = { n: 1, fold: true, numbers: false, noStopwords: false };

function doc(id: string, text: string, date: string | null = null, lang = 'fra', source: string | null = null) {
  return {
    record: { id, lang, date, source, boilerplate: [] },
    lines: text.split('\n'),
    paragraphs: text.split('\n'),
    text: '',
  } as unknown as AnalysedDocument;
}

async function* docsOf(list: AnalysedDocument[]): AsyncGenerator<AnalysedDocument> {
  yield* list;
}

/** The counts of one shard fed these texts, as term → count. */
function counts(texts: string[], options: Partial<CountOptions> = {}): Record<string, number> {
  const shard = new WordsShard({ ...COUNT, ...options });
  texts.forEach((text, i) =>
    shard.add({ record: { id: `d${i}`, lang: 'fra', boilerplate: [], source: null, date: null }, paragraphs: [text] }),
  );
  const t = shard.totals();
  return Object.fromEntries(t.keys.map((k, i) => [k, t.counts[i] as number]));
}

describe('what a term is', () => {
  test('words folded by default, numbers and elided heads left out', () => {
    expect(counts(["La guerre, l'Europe et la Guerre en 2024."])).toEqual({
      la: 2,
      guerre: 2,
      europe: 1,
      et: 1,
      en: 1,
    });
  });

  test('--no-fold keeps the case; --numbers counts numbers; --no-stopwords leaves out stop words', () => {
    expect(counts(['La guerre et la Guerre'], { fold: false })).toEqual({ La: 1, guerre: 1, et: 1, la: 1, Guerre: 1 });
    expect(counts(['En 2024, 3 fois'], { numbers: true })).toEqual({ en: 1, '2024': 1, '3': 1, fois: 1 });
    expect(counts(['La guerre et la paix'], { noStopwords: true })).toEqual({ guerre: 1, paix: 1 });
  });

  test('Chinese words come from the segmenter', () => {
    const c = counts(['我们喜欢北京。北京很大。']);
    expect(c['北京']).toBe(2);
  });
});

describe('n-grams', () => {
  test('bigrams do not cross a sentence boundary, nor a left-out token; they cross a comma', () => {
    expect(counts(['la guerre, la paix. La guerre 2024 finit'], { n: 2 })).toEqual({
      'la guerre': 2,
      'guerre la': 1,
      'la paix': 1,
    });
  });

  test('trigrams; with --no-stopwords those that begin or end with a stop word are left out', () => {
    expect(counts(['la guerre de la paix'], { n: 3 })).toEqual({
      'la guerre de': 1,
      'guerre de la': 1,
      'de la paix': 1,
    });
    expect(counts(['la guerre de la paix froide'], { n: 4, noStopwords: true })).toEqual({ 'guerre de la paix': 1 });
  });
});

describe('DP and groups from the postings', () => {
  // Three documents of 2, 3 and 5 words; `guerre` occurs 1, 0 and 3 times: DP .3 (see
  // words-measures.test.ts for the hand computation).
  const texts = ['guerre paix', 'un deux trois', 'guerre guerre guerre cinq six'];
  const dates = ['2023-01-02', '2023-02-10', '2023-02-11'];
  const options: WordsOptions = { ...COUNT, minFreq: 1, top: 3, by: 'month' };

  test('DP, per million, documents, and the counts per month, as computed by hand', async () => {
    const docs = docsOf(texts.map((t, i) => doc(`d${i}`, t, dates[i])));
    const r = await wordFrequencies(docs, options);
    expect(r.words).toBe(10);
    expect(r.rows[0]).toEqual({
      term: 'guerre',
      freq: 4,
      perMillion: 400_000,
      docs: 2,
      dp: expect.any(Number),
      error: 0,
    });
    expect(r.rows[0]?.dp).toBeCloseTo(0.3, 12);
    // 7 distinct words, 3 listed.
    expect(r.more).toBe(4);
    expect(r.groups).toEqual([
      { group: '2023-01', words: 2, documents: 1 },
      { group: '2023-02', words: 8, documents: 2 },
    ]);
    expect(r.trends?.filter((t) => t.term === 'guerre')).toEqual([
      { group: '2023-01', term: 'guerre', freq: 1, perMillion: 500_000 },
      { group: '2023-02', term: 'guerre', freq: 3, perMillion: 375_000 },
    ]);
  });

  test('shared among shards, a corpus of 600 documents gives the counts and DP of one shard', async () => {
    const words = ['alpha', 'beta', 'gamma', 'delta'];
    const list = Array.from({ length: 600 }, (_, i) =>
      doc(`d${i}`, Array.from({ length: 1 + (i % 7) }, (_, k) => words[(i * k) % (1 + (i % 4))]).join(' ')),
    );
    const one = await countTerms(docsOf(list), COUNT, { jobs: 1 }, () => words);
    const three = await countTerms(docsOf(list), COUNT, { jobs: 3, localShards: true }, () => words);
    expect(three.merged.words).toBe(one.merged.words);
    expect([...three.merged.terms]).toEqual(expect.arrayContaining([...one.merged.terms]));
    three.detail.dp.forEach((sum, i) => expect(sum).toBeCloseTo(one.detail.dp[i] as number, 9));
    // And DP agrees with the formula over every document.
    const parts = list.map((d) => {
      const tokens = (d.paragraphs[0] as string).split(' ');
      return [tokens.filter((t) => t === 'alpha').length, tokens.length] as const;
    });
    expect((1 + (one.detail.dp[0] as number)) / 2).toBeCloseTo(griesDP(parts), 9);
  });
});

describe('a full table', () => {
  test('past its capacity, words are counted as Space-Saving estimates, each within its error', () => {
    // Capacity 2: `a` and `b` take the slots; `c` takes the least counted slot (b's, 1) and
    // inherits its count as error; the second `c` adds to it.
    const shard = new WordsShard({ ...COUNT, capacity: 2 });
    const record = { id: 'd', lang: 'fra', boilerplate: [], source: null, date: null };
    for (const text of ['a a a b', 'c', 'c a']) shard.add({ record, paragraphs: [text] });
    const t = shard.totals();
    expect(t.evicted).toBe(true);
    expect(t.keys).toEqual(['a', 'c']);
    expect([...t.counts]).toEqual([4, 3]);
    expect([...t.errors]).toEqual([0, 1]);
    // c's DP is over the postings since it took the slot: its 2 occurrences, in documents of 1 and 2 words.
    const d = shard.detail({ keys: ['c'], own: [2], words: 7 });
    // |1/2 − 1/7| − 1/7 + |1/2 − 2/7| − 2/7 = (5 − 2 + 3 − 4)/14 = 2/14.
    expect(d.dp[0]).toBeCloseTo(2 / 14, 12);
  });
});

describe('the postings', () => {
  test('slots and counts of several bytes read back as written (DP and groups agree with the formula)', () => {
    // 300 distinct words (slots past 128 and 16,384 / 128), then `zz` 20,000 times in one document
    // (a count of three bytes) and twice in another.
    const shard = new WordsShard({ ...COUNT, by: 'month' });
    const record = (date: string) => ({ id: date, lang: 'fra', boilerplate: [], source: null, date });
    const many = Array.from({ length: 300 }, (_, i) => `w${i}x`).join(' ');
    shard.add({ record: record('2024-01-01'), paragraphs: [many] });
    shard.add({ record: record('2024-02-01'), paragraphs: [`${many} ${'zz '.repeat(20_000)}`] });
    shard.add({ record: record('2024-03-01'), paragraphs: ['zz zz pp'] });
    const d = shard.detail({ keys: ['zz', 'w299x'], own: [20_002, 2], words: 300 + 20_300 + 3 });
    const parts = [
      [0, 300],
      [20_000, 20_300],
      [2, 3],
    ] as const;
    expect((1 + (d.dp[0] as number)) / 2).toBeCloseTo(griesDP(parts), 12);
    expect(d.groups).toEqual([
      { '2024-02': 20_000, '2024-03': 2 },
      { '2024-01': 1, '2024-02': 1 },
    ]);
  });
});
