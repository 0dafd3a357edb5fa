// Fuzzing the grep matcher: random patterns and flags build a matcher or fail with a PatternError,
// never anything else; searching random lines gives ordered matches on whole characters, agrees
// with isMatch and the prefilters, ends in bounded time, and equals a plain reference where one
// exists (-F against indexOf, simple ASCII regexes against JavaScript's RegExp).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MatchTimeoutError } from '../../src/core/search/backtracking-guard.js';
import { buildMatcher, type Matcher, type MatcherOptions } from '../../src/core/search/matcher.js';
import { PatternError } from '../../src/core/search/pattern-error.js';
import { fuzzParameters, since, testTimeout } from './settings.js';

/** The guard's time limit per line in these runs, and what a call may take at most: the limit and a margin. */
const TIMEOUT_MS = 25;
const CALL_MS = 2000;

// Characters that test NFC, case folding (ß, ẞ, the Kelvin sign, long s, final sigma, dotted I),
// ligatures, surrogate pairs, word edges and JSON escapes.
const LINE_CHARS = [
  ...'aabbAB -_1.\t"\\/',
  'é',
  'e\u0301',
  'ß',
  'ẞ',
  'ﬁ',
  '\u212a',
  'ſ',
  'İ',
  'σ',
  'ς',
  'Σ',
  'œ',
  '日',
  '😀',
  '\u200d',
  '’',
  "'",
  '\u0000',
  '\u001b',
];
const PATTERN_TOKENS = [
  ...'aabAé.*+?|()[]{}^$\\-,1 ',
  ...['*?', '+?', '{2}', '{1,3}', '{,2}', '{2,}', '(?:', '(?=', '(?!', '(?<=', '(?<!', '(?<n>', '\\k<n>', '[^'],
  ...['\\b', '\\B', '\\w', '\\W', '\\d', '\\s', '\\S', '\\p{L}', '\\p{Lu}', '\\P{L}', '\\pL', '\\1', '\\2'],
  ...['\\u0061', '\\x61', '\\u{1F600}', '\\n', '\\0', '\\c', '\\Q', '(?i)', '[[:alpha:]]', '&&', '--', '[a-z]'],
  ...['(a+)+', '.*', '(a|aa)*', '(?:a*)*', 'ß', 'ﬁ', 'ẞ', '\u212a', 'e\u0301', '😀', 'Σ', '日', '"', '/'],
];

const line = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...LINE_CHARS), { maxLength: 40 }).map((cs) => cs.join('')) },
  // Long runs, where backtracking patterns blow up and the guard takes over.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'ab', 'é'), fc.nat(300)).map(([s, n]) => s.repeat(n) + '!') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);
const pattern = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...PATTERN_TOKENS), { maxLength: 10 }).map((ts) => ts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const flags = fc.record(
  {
    fixedStrings: fc.boolean(),
    ignoreCase: fc.boolean(),
    smartCase: fc.boolean(),
    wordRegexp: fc.boolean(),
    fold: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Builds a matcher, timed: null when the pattern is rejected, as it must be, with a PatternError. */
function build(options: MatcherOptions): Matcher | null {
  const start = performance.now();
  try {
    return buildMatcher({ timeoutMs: TIMEOUT_MS, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(PatternError);
    expect((error as Error).message).not.toContain('\n');
    return null;
  } finally {
    expect(since(start)).toBeLessThan(CALL_MS);
  }
}

/** Runs a search, timed; undefined when the guard gave the line up, as it may, with a MatchTimeoutError. */
function timed<T>(search: () => T): T | undefined {
  const start = performance.now();
  try {
    return search();
  } catch (error) {
    expect(error).toBeInstanceOf(MatchTimeoutError);
    return undefined;
  } finally {
    expect(since(start)).toBeLessThan(CALL_MS);
  }
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
const splitsPair = (text: string, at: number): boolean =>
  at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at)) && !isLowSurrogate(text.charCodeAt(at - 1));

/** Checks the matcher's answers on one line against each other (none when the guard gave the line up). */
function checkLine(matcher: Matcher, text: string): void {
  const matches = timed(() => matcher.findAll(text));
  const matched = timed(() => matcher.isMatch(text));
  if (matches === undefined || matched === undefined) return;
  let end = 0;
  for (const m of matches) {
    expect(m.start).toBeGreaterThanOrEqual(end);
    expect(m.end).toBeGreaterThanOrEqual(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect([splitsPair(text, m.start), splitsPair(text, m.end)]).toEqual([false, false]);
    end = m.end;
  }
  expect(matched).toBe(matches.length > 0);
  if (!matched) return;
  // The prefilters may only turn away lines that cannot match.
  expect(matcher.mayMatchBytes(Buffer.from(text, 'utf8'))).toBe(true);
  expect(matcher.mayMatchJson(Buffer.from(JSON.stringify({ text }), 'utf8'))).toBe(true);
  if (matcher.requiredLiterals !== null) {
    expect(matcher.requiredLiterals.some((literal) => text.includes(literal))).toBe(true);
  }
}

/** When the matcher finds candidates in a whole text, the first one comes no later than the first matching line. */
function checkWholeText(matcher: Matcher, lines: string[]): void {
  const matching = lines.findIndex((text) => timed(() => matcher.isMatch(text)) === true);
  const whole = timed(() => matcher.wholeText(lines.join('\n')));
  if (!whole || matching === -1) return;
  const endOfMatching = lines
    .slice(0, matching + 1)
    .map((text) => text.normalize('NFC').length + 1)
    .reduce((a, b) => a + b, 0);
  const next = timed(() => whole.next(0));
  if (next === undefined) return;
  expect(next).toBeGreaterThanOrEqual(0);
  expect(next).toBeLessThan(endOfMatching);
}

/** Non-overlapping occurrences, leftmost first, the first pattern listed winning at a place (as an alternation does). */
function naiveFind(patterns: string[], text: string, accept: (at: number, p: string) => boolean): number[][] {
  const found: number[][] = [];
  for (let at = 0; at <= text.length;) {
    const p = patterns.find((candidate) => text.startsWith(candidate, at) && accept(at, candidate));
    if (p === undefined) at++;
    else {
      found.push([at, at + p.length]);
      at += p.length;
    }
  }
  return found;
}

const WORD = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]/u;
/** True when no word character touches `text[at…end)` (the -w rule), by code point. */
function wordEdges(text: string, at: number, end: number): boolean {
  const before = String.fromCodePoint(text.codePointAt(at - 1) ?? 0x20);
  const beforePair = at >= 2 ? String.fromCodePoint(text.codePointAt(at - 2) ?? 0x20) : '';
  const prev = isLowSurrogate(text.charCodeAt(at - 1)) ? beforePair : before;
  const next = String.fromCodePoint(text.codePointAt(end) ?? 0x20);
  return !WORD.test(prev) && !WORD.test(next);
}

describe('fuzzing the matcher', { timeout: testTimeout }, () => {
  test('any patterns and flags give a matcher or a PatternError, and its answers on any line agree', () => {
    fc.assert(
      fc.property(
        fc.array(pattern, { minLength: 1, maxLength: 3 }),
        flags,
        fc.array(line, { maxLength: 4 }),
        (ps, f, lines) => {
          const matcher = build({ patterns: ps, ...f });
          if (matcher === null) return;
          for (const text of lines) checkLine(matcher, text);
          checkWholeText(matcher, lines);
        },
      ),
      fuzzParameters(1350),
    );
  });

  test('a pattern JavaScript accepts as a `u` regex is never rejected', () => {
    fc.assert(
      fc.property(pattern, (p) => {
        let valid = true;
        try {
          new RegExp(p.normalize('NFC'), 'u');
        } catch {
          valid = false;
        }
        fc.pre(valid);
        expect(() => buildMatcher({ patterns: [p], timeoutMs: TIMEOUT_MS })).not.toThrow();
      }),
      fuzzParameters(400),
    );
  });

  // Characters NFC leaves alone and joins to nothing, so that offsets are those of indexOf.
  const plain = fc.constantFrom(...'abAB .*(\\-', 'é', '日', '😀');
  const plainText = (max: number) => fc.array(plain, { maxLength: max }).map((cs) => cs.join(''));

  test('-F finds what a scan with startsWith finds, with -i and -w and several patterns', () => {
    const literal = fc.array(plain, { minLength: 1, maxLength: 3 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.array(literal, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        plainText(30),
        (ps, ignoreCase, wordRegexp, text) => {
          const lower = (s: string) => (ignoreCase ? s.toLowerCase() : s);
          const expected = naiveFind(
            ps.map(lower),
            lower(text),
            (at, p) => !wordRegexp || wordEdges(text, at, at + p.length),
          );
          const matcher = buildMatcher({ patterns: ps, fixedStrings: true, ignoreCase, wordRegexp });
          expect(matcher.findAll(text).map((m) => [m.start, m.end])).toEqual(expected);
          if (matcher.lineLiterals !== null) {
            const holds = matcher.lineLiterals.some((l) => Buffer.from(text, 'utf8').includes(l));
            expect(holds).toBe(expected.length > 0);
          }
        },
      ),
      fuzzParameters(600),
    );
  });

  test('a simple ASCII regex finds what JavaScript finds', () => {
    const ascii = fc.constantFrom(
      ...'abc',
      '.',
      '[ab]',
      '[^a]',
      '(',
      ')',
      '|',
      '*',
      '+',
      '?',
      '{1,2}',
      '\\d',
      '\\w',
      '^',
      '$',
    );
    const source = fc.array(ascii, { minLength: 1, maxLength: 8 }).map((ts) => ts.join(''));
    const text = fc.array(fc.constantFrom(...'abc1 -'), { maxLength: 20 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(source, text, (p, t) => {
        let reference: RegExp;
        try {
          reference = new RegExp(p, 'gu');
        } catch {
          expect(() => buildMatcher({ patterns: [p] })).toThrow(PatternError);
          return;
        }
        const expected = [...t.matchAll(reference)].map((m) => [m.index, m.index + m[0].length]);
        expect(
          buildMatcher({ patterns: [p] })
            .findAll(t)
            .map((m) => [m.start, m.end]),
        ).toEqual(expected);
      }),
      fuzzParameters(600),
    );
  });
});

describe('matcher inputs found by fuzzing', () => {
  const fixture = fileURLToPath(
    new URL('../fixtures/fuzz/matcher-word-empty-match-in-surrogate-pair.json', import.meta.url),
  );

  test('an empty -w match never falls between the two halves of a surrogate pair', () => {
    const { patterns, wordRegexp, lines } = JSON.parse(fs.readFileSync(fixture, 'utf8')) as {
      patterns: string[];
      wordRegexp: boolean;
      lines: string[];
    };
    const matcher = buildMatcher({ patterns, wordRegexp });
    // U+12F90 is a letter: no place in or around it is free of word characters on both sides.
    expect(matcher.findAll('\u{12F90}')).toEqual([]);
    expect(matcher.isMatch('\u{12F90}')).toBe(false);
    // After "a", the emoji (no word character) ends the line: only its end is free.
    expect(matcher.findAll('a\u{1F600}')).toEqual([{ start: 3, end: 3 }]);
    expect(lines).toEqual(['\u{12F90}', 'a\u{1F600}']);
  });
});
