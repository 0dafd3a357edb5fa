import { expressions } from 'franc-all/expressions.js';
import { describe, expect, test } from 'vitest';
import { tallyScripts, type ScriptTally } from '../../src/core/analyse/language/scripts.js';
import { random } from '../helpers/random.js';

// tallyScripts caches each character's scripts; the oracle tests every one of franc-all's
// expressions on every character, as franc does, with no cache.
function oracle(text: string): ScriptTally {
  const names = Object.keys(expressions);
  const testers = names.map((name) => new RegExp((expressions[name] as RegExp).source, ''));
  const counts = names.map(() => 0);
  let letters = 0;
  for (const char of text) {
    let any = false;
    testers.forEach((tester, index) => {
      if (tester.test(char)) {
        counts[index] = (counts[index] as number) + 1;
        any = true;
      }
    });
    if (any) letters++;
  }
  let top: string | undefined;
  let topCount = 0;
  counts.forEach((count, index) => {
    if (count > topCount) {
      topCount = count;
      top = names[index];
    }
  });
  return { top, topCount, letters };
}

describe('tallyScripts', () => {
  test('Han counts for Chinese and Japanese alike; kana tips the text to Japanese', () => {
    expect(tallyScripts('政府周二宣布')).toEqual({ top: 'cmn', topCount: 6, letters: 6 });
    expect(tallyScripts('政府は発表した')).toEqual({ top: 'jpn', topCount: 7, letters: 7 });
    expect(tallyScripts('Ελλάδα και Hello')).toEqual({ top: 'ell', topCount: 9, letters: 14 });
    expect(tallyScripts('Hello мир!', 6)).toEqual({ top: 'Cyrillic', topCount: 3, letters: 3 });
  });

  test('on random texts of many scripts: the counts of testing every expression on every character', () => {
    const next = random(424242);
    const pieces = [
      'a',
      'Z',
      'é',
      'ß',
      'д',
      'Ж',
      'ع',
      'ह',
      'ক',
      'ਪ',
      'ઘ',
      'த',
      'ತ',
      'മ',
      'ท',
      'ሀ',
      'Ա',
      'ა',
      'α',
      'ה',
      '中',
      '国',
      'の',
      'カ',
      '한',
      '𠀀',
      '😀',
      '7',
      ' ',
      '.',
      '—',
      '\ud800',
      '\udc00',
    ];
    for (let run = 0; run < 500; run++) {
      let text = '';
      const length = Math.floor(next() * 30);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      expect(tallyScripts(text)).toEqual(oracle(text));
      const start = Math.floor(next() * text.length);
      const end = start + Math.floor(next() * (text.length - start + 1));
      expect(tallyScripts(text, start, end)).toEqual(oracle(text.slice(start, end)));
    }
  });
});
