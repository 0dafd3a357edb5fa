// A long alternation of literals is searched as a literal set, with the regex's results exactly.
import { describe, expect, test } from 'vitest';
import { LiteralSet, literalAlternatives } from '../../src/core/search/literal-set.js';
import { buildMatcher, type MatcherOptions } from '../../src/core/search/matcher.js';
import { countLiteralLines } from '../../src/core/search/count-literal-lines.js';
import { tokenize } from '../../src/core/search/pattern-syntax.js';

const WORDS = [
  'the',
  'then',
  'he',
  'her',
  'hers',
  'them',
  'a',
  'an',
  'and',
  'and then',
  'Élan',
  'élan',
  'café',
  'straße',
  'sun',
  'Sunday',
  'ask',
  'kelvin',
  'x-y',
  'moscou',
  'Moscou',
  'russie',
  'ru',
];
const TEXTS = [
  '',
  'then the hero and her hers; them, Sunday sun',
  'an ant and then anand: a aa aaa',
  'Élan élan ÉLAN Café café CAFÉ straße STRASSE',
  'ſun ſunday K kelvin Kelvin ASK aſk',
  'x-y xx-yy x-yz Moscou moscou MOSCOU russie Russie ru rus',
  '𝒳the𝒳 the𝒳 𝒳the théâtre the1 _the the_ 1the',
];

/** Every match of the regex a matcher would have compiled, as [start, end] pairs. */
function regexMatches(options: MatcherOptions, text: string): [number, number][] {
  const W = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]';
  const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  let source = options.patterns.map((p) => (options.fixedStrings ? escape(p) : p)).join('|');
  if (options.wordRegexp) source = `(?<!${W})(?:${source})(?!${W})`;
  const re = new RegExp(source, options.ignoreCase ? 'giu' : 'gu');
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

const cases: [string, MatcherOptions][] = [
  ['-F', { patterns: WORDS, fixedStrings: true }],
  ['-F -w', { patterns: WORDS, fixedStrings: true, wordRegexp: true }],
  ['-F -i, ASCII words', { patterns: WORDS.filter((w) => /^[ -~]*$/.test(w)), fixedStrings: true, ignoreCase: true }],
  ['a regex alternation', { patterns: [WORDS.join('|')] }],
  ['a regex alternation in a group, -w', { patterns: [`(?:${WORDS.join('|')})`], wordRegexp: true }],
];

describe('a long alternation of literals', () => {
  for (const [name, options] of cases) {
    test(`matches as the regex does: ${name}`, () => {
      const matcher = buildMatcher(options);
      for (const text of TEXTS) {
        const got = matcher.findAll(text).map((m) => [m.start, m.end]);
        expect(got, text).toEqual(regexMatches(options, text));
        expect(matcher.isMatch(text), text).toBe(got.length > 0);
      }
    });
  }

  test('the leftmost match wins, and there the first literal listed, not the longest', () => {
    const set = new LiteralSet(['then', 'the', 'hen'], false);
    expect([set.find('a then', 0), set.end]).toEqual([2, 6]);
    const first = new LiteralSet(['the', 'then'], false);
    expect([first.find('a then', 0), first.end]).toEqual([2, 5]);
  });

  test('is recognised only in a pattern of literals and top-level alternatives', () => {
    expect(literalAlternatives([tokenize('ab|c'), tokenize('(?:d|e)')])).toEqual(['ab', 'c', 'd', 'e']);
    expect(literalAlternatives([tokenize('(a|b)c')])).toBeNull();
    expect(literalAlternatives([tokenize('a||b')])).toBeNull();
    expect(literalAlternatives([tokenize('a|b.')])).toBeNull();
    expect(literalAlternatives([tokenize('(?=a)|b')])).toBeNull();
  });

  test('counts lines on raw bytes in one pass, deferring to the text after a byte ≥ 0x80', () => {
    const literals = WORDS.filter((w) => /^[ -~]*$/.test(w)).map((w) => Buffer.from(w, 'latin1'));
    const bytes = Buffer.from('then\nnothing\nsun and moscou\nSun\nkelvin\n');
    expect(countLiteralLines(bytes, literals, Infinity)).toBe(3);
    expect(countLiteralLines(bytes, literals, 2)).toBe(2);
    expect(countLiteralLines(Buffer.from('x\nthe\u0301\n'), literals, Infinity)).toBeNull();
  });

  // Through V8's regex engines this took minutes; the test's time limit is the guard.
  test('a 15,000-word alternation is searched on a long line within the test time limit', () => {
    const words = Array.from({ length: 15000 }, (_, i) => `w${i.toString(36)}q`);
    const matcher = buildMatcher({ patterns: [words.join('|')] });
    const line = `${'lorem ipsum '.repeat(20000)}w2s0q`;
    expect(matcher.findAll(line).map((m) => m.start)).toEqual([line.length - 5]);
  });
});
