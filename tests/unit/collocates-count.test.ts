import { describe, expect, test } from 'vitest';
import type { AnalysedDocument } from '../../src/core/analyse/analyse-document.js';
import { collocates, type CollocatesSpec, type Collocate } from '../../src/core/collocates/index.js';

/** Documents as the corpus reader gives them: a body of paragraphs (one a line of `text`). */
async function* docsOf(texts: readonly (string | { text: string; lang: string })[]): AsyncGenerator<AnalysedDocument> {
  for (const t of texts) {
    const { text, lang } = typeof t === 'string' ? { text: t, lang: 'eng' } : t;
    const paragraphs = text.split('\n');
    yield {
      record: { path: 'doc.txt', lang, boilerplate: [] },
      lines: paragraphs,
      paragraphs,
      text,
    } as unknown as AnalysedDocument;
  }
}

async function run(
  texts: readonly (string | { text: string; lang: string })[],
  node: string,
  spec: Partial<CollocatesSpec> = {},
) {
  return collocates(docsOf(texts), {
    spec: {
      matcher: { patterns: [node] },
      wholeTokens: true,
      left: 1,
      right: 1,
      fold: false,
      stopwords: true,
      sentence: false,
      ...spec,
    },
    minFreq: 1,
    measure: 'logdice',
    top: 0,
  });
}

/** collocate → [O11, left, right, f(c)]. */
const counts = (rows: Collocate[]) =>
  Object.fromEntries(rows.map((c) => [c.collocate, [c.freqSpan, c.freqLeft, c.freqRight, c.freqCorpus]]));

describe('collocates: counting', () => {
  test('windows stop at the start and the end of a document, and each measure is as hand-computed', async () => {
    // "x a b x c" and "a x", node x, window 1,1 (S = 2). N = 7 tokens, f(x) = 3.
    // x@0 (start of document): right a. x@3: left b, right c. x@1 of the second (its end): left a.
    // a: O11 = 2 (1 left, 1 right), f(a) = 2.
    //   E11 = 3·2·2/7 = 1.714286; logDice = 14 + log2(4/5) = 13.678072; MI = log2(2/1.714286) = 0.222392;
    //   MI3 = log2(8/1.714286) = 2.222392; t = (2 − 1.714286)/√2 = 0.202031;
    //   G²: R1 = 6, C1 = 2, O12 = 4, O21 = 0, O22 = 7 − 6 − 2 + 2 = 1; E12 = 30/7, E22 = 5/7;
    //   G² = 2·(2·ln(2/(12/7)) + 4·ln(4/(30/7)) + 1·ln(1/(5/7))) = 0.737604
    // b, c: O11 = 1, f = 1: E11 = 3·1·2/7 = 0.857143; logDice = 14 + log2(2/4) = 13; MI = MI3 = 0.222392;
    //   t = (1 − 0.857143)/1 = 0.142857; G² = 0.334894
    const r = await run(['x a b x c', 'a x'], 'x');
    expect(r.tokens).toBe(7);
    expect(r.node).toEqual({ frequency: 3, documents: 2 });
    expect(counts(r.collocates)).toEqual({ a: [2, 1, 1, 2], b: [1, 1, 0, 1], c: [1, 0, 1, 1] });
    const a = r.collocates.find((c) => c.collocate === 'a') as Collocate;
    expect(a.freqNode).toBe(3);
    expect(a.expected).toBeCloseTo(1.714286, 5);
    expect(a.logDice).toBeCloseTo(13.678072, 5);
    expect(a.mi).toBeCloseTo(0.222392, 5);
    expect(a.mi3).toBeCloseTo(2.222392, 5);
    expect(a.t).toBeCloseTo(0.202031, 5);
    expect(a.ll).toBeCloseTo(0.737604, 5);
    const b = r.collocates.find((c) => c.collocate === 'b') as Collocate;
    expect([b.expected, b.logDice, b.mi, b.mi3, b.t, b.ll].map((x) => Number(x.toFixed(6)))).toEqual([
      0.857143, 13, 0.222392, 0.222392, 0.142857, 0.334894,
    ]);
    // logDice sorts a first; b and c tie on every measure and on O11, and go by their text.
    expect(r.collocates.map((c) => c.collocate)).toEqual(['a', 'b', 'c']);
  });

  test('a window of 2,0 looks only left, as far as two tokens', async () => {
    const r = await run(['x a b x c', 'a x'], 'x', { left: 2, right: 0 });
    expect(counts(r.collocates)).toEqual({ a: [2, 2, 0, 2], b: [1, 1, 0, 1] });
    // E11 uses S = 2 + 0: for a, 3·2·2/7.
    expect(r.collocates[0]?.expected).toBeCloseTo(12 / 7, 10);
  });

  test('a window of 0,3 crosses sentences unless --within-sentence, and never documents', async () => {
    // A period before a lower-case word ends no sentence (`etc. et`): Q is upper case.
    const texts = ['y x p. Q r', 's t'];
    expect(counts((await run(texts, 'x', { left: 0, right: 3 })).collocates)).toEqual({
      p: [1, 0, 1, 1],
      Q: [1, 0, 1, 1],
      r: [1, 0, 1, 1],
    });
    expect(counts((await run(texts, 'x', { left: 0, right: 3, sentence: true })).collocates)).toEqual({
      p: [1, 0, 1, 1],
    });
  });

  test('a node of two words is one occurrence; a match inside a word is none unless partial', async () => {
    const r = await run(['he saw New York today and New Yorkers', 'New York'], 'New York');
    expect(r.node.frequency).toBe(2);
    expect(counts(r.collocates)).toEqual({ saw: [1, 1, 0, 1], today: [1, 0, 1, 1] });
    const partial = await run(['he saw New York today and New Yorkers'], 'New York', { wholeTokens: false });
    expect(partial.node.frequency).toBe(2);
    expect(counts(partial.collocates)).toEqual({ saw: [1, 1, 0, 1], today: [1, 0, 1, 1], and: [1, 1, 0, 1] });
  });

  test('an elided clitic is no token: it takes no place in a window and is not counted in N', async () => {
    const r = await run([{ text: "l'armée de l'air", lang: 'fra' }], 'de');
    expect(r.tokens).toBe(3);
    expect(counts(r.collocates)).toEqual({ armée: [1, 1, 0, 1], air: [1, 0, 1, 1] });
  });

  test('collocates are counted as written unless folded', async () => {
    const texts = ['The x the', 'THE x'];
    expect(counts((await run(texts, 'x')).collocates)).toEqual({
      The: [1, 1, 0, 1],
      the: [1, 0, 1, 1],
      THE: [1, 1, 0, 1],
    });
    expect(counts((await run(texts, 'x', { fold: true })).collocates)).toEqual({ the: [3, 2, 1, 3] });
  });

  test('stop words left out still take their place in the window', async () => {
    // `and` and `the` are English stop words: peace and treaty are within 2 of x, war is not.
    const r = await run(['war and peace x the treaty'], 'x', { left: 2, right: 2, stopwords: false });
    expect(counts(r.collocates)).toEqual({ peace: [1, 1, 0, 1], treaty: [1, 0, 1, 1] });
  });

  test('Chinese and Thai, written without spaces, are cut into words by the segmenter', async () => {
    // 我 喜欢 北京 。北京 很大 ，人 很多 。: node 北京, window 1,1.
    const zh = await run([{ text: '我喜欢北京。北京很大，人很多。', lang: 'cmn' }], '北京');
    expect(zh.tokens).toBe(7);
    expect(zh.node.frequency).toBe(2);
    expect(counts(zh.collocates)).toEqual({ 喜欢: [1, 1, 0, 1], 北京: [2, 1, 1, 2], 很大: [1, 0, 1, 1] });
    // ผม ชอบ กรุงเทพ กรุงเทพ ใหญ่ มาก: each กรุงเทพ is the other's neighbour.
    const th = await run([{ text: 'ผมชอบกรุงเทพ กรุงเทพใหญ่มาก', lang: 'tha' }], 'กรุงเทพ');
    expect(counts(th.collocates)).toEqual({ ชอบ: [1, 1, 0, 1], กรุงเทพ: [2, 1, 1, 2], ใหญ่: [1, 0, 1, 1] });
    // Inside a longer word the node is no node: 北京 in 北京市.
    expect((await run([{ text: '我在北京市工作。', lang: 'cmn' }], '北京')).node.frequency).toBe(0);
  });

  test('--min-freq and --top cut the list, and say how many were left out', async () => {
    const r = await collocates(docsOf(['a x b', 'a x c', 'a x d']), {
      spec: {
        matcher: { patterns: ['x'] },
        wholeTokens: true,
        left: 1,
        right: 1,
        fold: false,
        stopwords: true,
        sentence: false,
      },
      minFreq: 1,
      measure: 'freq',
      top: 2,
    });
    expect(r.collocates.map((c) => [c.collocate, c.freqSpan])).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
    expect(r.more).toBe(2);
  });

  test('a long document of many distinct words: tables and token arrays grow, counts stay exact', async () => {
    // 6,000 distinct words (w0 … w5999), x after w2999 and at the very end, w7 thrice more.
    const words = Array.from({ length: 6000 }, (_, i) => `w${i}`);
    const text = [...words.slice(0, 3000), 'x', ...words.slice(3000), 'w7 w7 w7 x'].join(' ');
    const r = await run([text], 'x', { left: 2, right: 1 });
    expect(r.tokens).toBe(6005);
    expect(r.node.frequency).toBe(2);
    expect(counts(r.collocates)).toEqual({
      w2998: [1, 1, 0, 1],
      w2999: [1, 1, 0, 1],
      w3000: [1, 0, 1, 1],
      w7: [2, 2, 0, 4],
    });
  });

  test('a node that never occurs gives no collocate', async () => {
    const r = await run(['a b c'], 'zzz');
    expect(r).toMatchObject({ collocates: [], more: 0, node: { frequency: 0, documents: 0 }, tokens: 3, documents: 1 });
  });
});
