// The matcher behind `corpus grep` (docs/spec.md §5): turns the grep options into a function that
// finds matches in one line, in the manner of ripgrep's matcher crate. Pure: no I/O, no printing.

import { foldLine, foldText, nfcLine, type MappedLine } from './line-map.js';
import { hasUppercase } from './pattern-rewrite.js';
import { literalTokens, tokenize, type Token } from './pattern-syntax.js';
import { LITERAL_SET_FROM, LiteralSet, literalAlternatives } from './literal-set.js';
import { compileSearch } from './compiled-search.js';
import { regexEngine, setEngine, type Engine } from './match-engines.js';
import { compile, PatternError } from './pattern-error.js';
import { bytePrefilter, literalsOf, type Literals } from './required-literals.js';
import { isWordAt } from './word-chars.js';
import { invertMatcher } from './invert-matcher.js';

/** What to search for: the grep flags that shape matching. */
export interface MatcherOptions {
  /** One or more patterns (`-e` may repeat); a line matches when any of them does. */
  patterns: string[];
  /** -F: the patterns are literal strings, not regular expressions. */
  fixedStrings?: boolean;
  /** -i: Unicode simple case folding (`É` matches `é`). Wins over `smartCase`. */
  ignoreCase?: boolean;
  /** -S: ignore case unless a pattern has an uppercase letter written literally. */
  smartCase?: boolean;
  /** -w: a match must not touch a word character (ripgrep's Unicode `\w`) on either side. */
  wordRegexp?: boolean;
  /** --fold: diacritic-, ligature-, case- and apostrophe-insensitive (see `foldChar`). */
  fold?: boolean;
  /** Time limit for one line on a pattern that could backtrack catastrophically. Default 250. */
  timeoutMs?: number;
  /** -v: the lines that do not match (see invert-matcher.ts). */
  invertMatch?: boolean;
}

export type { Match, Matcher, WholeText } from './matcher-types.js';
import type { Match, Matcher } from './matcher-types.js';

/** The start of a JSON escape of a character below U+0100. */
const ESCAPE_U00 = Buffer.from('\\u00', 'latin1');

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const DEFAULT_TIMEOUT_MS = 250;

/**
 * Compiles the grep options into a {@link Matcher}. Patterns and lines are compared in Unicode
 * NFC (or folded, with `fold`), and offsets are mapped back to the original line.
 * @throws PatternError when there is no pattern or a pattern is not a valid `u`-mode regex.
 */
export function buildMatcher(options: MatcherOptions): Matcher {
  const { patterns, fixedStrings = false, fold = false, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  if (patterns.length === 0) throw new PatternError('no pattern given', '');
  const tokenLists = parsePatterns(patterns, fixedStrings);
  const caseless =
    fold || options.ignoreCase === true || (options.smartCase === true && !tokenLists.some(hasUppercase));
  const wordRegexp = options.wordRegexp === true;
  const set = literalSetOf(tokenLists, fold, caseless, wordRegexp);
  const engine = set
    ? setEngine(set)
    : regexEngine(compileSearch(patterns, tokenLists, fold, caseless, wordRegexp), timeoutMs);
  const literals = literalsOf(tokenLists, fold, caseless, fixedStrings && !wordRegexp);
  const matcher = assemble(engine, literals, fold, wholeTextSearchable(tokenLists, fold));
  return options.invertMatch ? invertMatcher(matcher) : matcher;
}

/**
 * A long alternation of literals (`a|b|c|…`, or many -F patterns) as a {@link LiteralSet}: a
 * regex of 15,000 words took V8 seconds and gigabytes to compile and run. Null for anything
 * else, and under --fold or caseless matching of non-ASCII letters, which the set does not do.
 */
function literalSetOf(
  tokenLists: readonly Token[][],
  fold: boolean,
  caseless: boolean,
  wordRegexp: boolean,
): LiteralSet | null {
  const alternatives = fold ? null : literalAlternatives(tokenLists);
  if (alternatives === null || alternatives.length < LITERAL_SET_FROM) return null;
  if (caseless && !alternatives.every((literal) => /^[\0-\x7f]*$/.test(literal))) return null;
  return new LiteralSet(alternatives, caseless, wordRegexp ? isWordAt : null);
}

/** Each pattern's tokens, in NFC; a regex is checked first, to fail on what JavaScript rejects. */
function parsePatterns(patterns: readonly string[], fixedStrings: boolean): Token[][] {
  return patterns.map((pattern) => {
    const nfc = pattern.normalize('NFC');
    if (fixedStrings) return literalTokens(nfc);
    compile(nfc, 'u', pattern);
    return tokenize(nfc);
  });
}

/**
 * A line that matches on its own also matches inside the whole text (at the same place) unless
 * the pattern looks at where its input starts or ends; the -w edges only look for word
 * characters, which line terminators are not.
 */
function wholeTextSearchable(tokenLists: readonly Token[][], fold: boolean): boolean {
  return (
    !fold &&
    tokenLists.every((list) =>
      list.every(
        (t) => !(t.kind === 'assertion' && (t.src === '^' || t.src === '$')) && !(t.kind === 'open' && t.lookaround),
      ),
    )
  );
}

/** The matcher of an engine and its literals: what runs on each line. */
function assemble(engine: Engine, literals: Literals, fold: boolean, wholeOk: boolean): Matcher {
  const { exact, jsonSafe } = literals;
  const { scan } = engine;
  const bytesMayMatch = bytePrefilter(literals);
  // Required literals are made of characters NFC never creates, so the raw line must hold one
  // (looked for only when few: many are the literal set's job, in one pass).
  const check = exact !== null && exact.length < LITERAL_SET_FROM ? exact : null;
  const cannotMatch = (line: string): boolean => check !== null && !check.some((literal) => line.includes(literal));
  const prepare = (line: string): MappedLine | null =>
    cannotMatch(line) ? null : fold ? foldLine(line) : nfcLine(line);

  return {
    requiredLiterals: exact,
    lineLiterals: literals.lineLiterals,
    isMatch(line) {
      if (cannotMatch(line)) return false;
      return engine.test(fold ? foldText(line) : line.normalize('NFC'));
    },
    findAll(line) {
      const mapped = prepare(line);
      if (mapped === null) return [];
      const offsets = scan(mapped.text, true);
      const matches: Match[] = [];
      for (let i = 0; i + 1 < offsets.length; i += 2) {
        const start = mapped.toStart(offsets[i] ?? 0);
        const end = Math.max(start, mapped.toEnd(offsets[i + 1] ?? 0));
        const last = matches[matches.length - 1];
        // Two matches inside one original character (the two s of ß) become one.
        if (last !== undefined && start < last.end) last.end = Math.max(last.end, end);
        else matches.push({ start, end });
      }
      return matches;
    },
    wholeText(text) {
      if (!wholeOk) return null;
      const nfc = text.normalize('NFC');
      const next = engine.whole(nfc);
      return next === null ? null : { text: nfc, next };
    },
    mayMatchJson(bytes) {
      if (!jsonSafe) return true;
      const buf = asBuffer(bytes);
      for (let at = buf.indexOf(ESCAPE_U00); at !== -1; at = buf.indexOf(ESCAPE_U00, at + 1)) {
        const digit = buf[at + 4] ?? 0;
        if (digit >= 0x30 && digit <= 0x37) return true;
      }
      return bytesMayMatch(buf);
    },
    mayMatchBytes: (bytes) => bytesMayMatch(asBuffer(bytes)),
  };
}
