// The matcher behind `corpus grep` (docs/spec.md §5): turns the grep options into a function that
// finds matches in one line, in the manner of ripgrep's matcher crate. Pure: no I/O, no printing.

import {
  analyseRisk,
  compileLinear,
  execGuarded,
  GuardBudget,
  linearSource,
  STEP_BUDGET,
  worstCaseSteps,
  type BacktrackingRisk,
} from './backtracking-guard.js';
import { foldLine, foldText, nfcLine, type MappedLine } from './line-map.js';
import { countCaptures, emitSource, hasUppercase, requiredLiteral } from './pattern-rewrite.js';
import { literalTokens, tokenize, type Token } from './pattern-syntax.js';
import { byteLiteralSet, LITERAL_SET_FROM, LiteralSet, literalAlternatives } from './literal-set.js';

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
}

/** One match: UTF-16 offsets into the original line, `end` exclusive. */
export interface Match {
  start: number;
  end: number;
}

/** A compiled search, to run line by line. */
export interface Matcher {
  /**
   * All non-overlapping matches in one line (no line terminator), left to right; leftmost-first
   * across several patterns, like ripgrep. Empty matches are included, so the result is non-empty
   * exactly when {@link Matcher.isMatch} is true. Offsets cover whole original characters.
   * @throws MatchTimeoutError when the line could not be searched in time.
   */
  findAll(line: string): Match[];
  /**
   * Whether the line matches; cheaper than findAll.
   * @throws MatchTimeoutError when the line could not be searched in time.
   */
  isMatch(line: string): boolean;
  /**
   * Literals one of which every matching line must contain, byte for byte, in its raw (not yet
   * normalised) text: ASCII only, case as given. Null when none can be derived, and always under
   * case-insensitive matching (-i, -S without uppercase) and --fold.
   */
  readonly requiredLiterals: string[] | null;
  /**
   * False only when no line of the document held in `bytes` can match: a raw-byte prefilter to
   * skip a file before decoding. Sound for bytes decoded as UTF-8 or Windows-1252 whose text is the
   * document itself (.txt, .md, decompressed .gz); never use it on UTF-16 or on JSON Lines, where
   * escapes (`\u0041`) hide literals ({@link Matcher.mayMatchJson} is for those). Under -i it
   * searches ASCII case-insensitively; under --fold it always says true.
   */
  mayMatchBytes(bytes: Uint8Array): boolean;
  /**
   * {@link Matcher.mayMatchBytes} for the raw bytes of a JSON Lines record (UTF-8): false only
   * when no line of any string the record holds can match, so its text need not be decoded or
   * searched. True whenever JSON's escapes could hide a literal: when a literal holds a character
   * JSON may escape (`"`, `\`, `/`, a control character), or the record escapes an ASCII character
   * as `\u00XX` (escapes of other characters cannot make an ASCII literal).
   */
  mayMatchJson(bytes: Uint8Array): boolean;
  /**
   * Prepares a whole text (lines with their terminators) for a search that finds candidate lines
   * without searching every line: `text` is the text in NFC (its lines are the NFC forms of the
   * original lines, in the same order), and `next(from)` is the offset in it of the first match
   * starting at or after `from`, or -1. Whenever a line starting at or after `from` matches on its
   * own, `next(from)` lands in that line or in an earlier one, so lines before the one it lands
   * in cannot match; a line it lands in must still be searched on its own. Null when the
   * pattern depends on where the input starts or ends (`^`, `$`, lookarounds of its own), under
   * --fold, or when the text is too long to search safely in one go: then search every line.
   */
  wholeText(text: string): WholeText | null;
  /**
   * Set when a line matches exactly when it holds one of these literals (-F, case as given, no
   * -w, made of the ASCII characters the byte prefilter trusts): lines can then be counted on a
   * UTF-8 or Windows-1252 file's raw bytes. Exact only where no occurrence is followed by a byte
   * ≥ 0x80, which might be a combining mark that NFC joins to the literal's last letter: there,
   * search the decoded text instead. Null otherwise.
   */
  readonly lineLiterals: readonly Buffer[] | null;
}

/** A text prepared by {@link Matcher.wholeText}. */
export interface WholeText {
  readonly text: string;
  next(from: number): number;
}

/** An invalid pattern; the message is one line, fit to print after `corpus: `. */
export class PatternError extends Error {
  override readonly name = 'PatternError';
  constructor(
    message: string,
    readonly pattern: string,
  ) {
    super(message);
  }
}

/** Characters JSON writes as escapes other than `\u00XX`: `\"`, `\\`, `\/`, `\t` and the other controls. */
const JSON_ESCAPED = /["\\/\u0000-\u001f]/;
/** The start of a JSON escape of a character below U+0100. */
const ESCAPE_U00 = Buffer.from('\\u00', 'latin1');

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** ripgrep's `\w` in Unicode mode, so -w agrees with `rg -w`. */
const WORD_CHAR = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]';
const DEFAULT_TIMEOUT_MS = 250;

function compile(source: string, flags: string, pattern: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    throw new PatternError(
      `invalid regular expression ${JSON.stringify(pattern)}: ${reason.toLowerCase()} (use -F to search for it literally)`,
      pattern,
    );
  }
}

/**
 * Largest line length (rewritten) on which the ordinary engine takes at most `steps` steps
 * (1 << 20 when it never takes more).
 */
function maxLength(risk: BacktrackingRisk, steps: number): number {
  let length = 0;
  while (length < 1 << 20 && worstCaseSteps(risk, length + 1) <= steps) length = length < 64 ? length + 1 : length * 2;
  return length;
}

/** Steps the ordinary engine takes in about a millisecond: lines that may cost more are timed. */
const SLOW_STEPS = 1e6;

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
  return assemble(engine, literals, fold, wholeTextSearchable(tokenLists, fold));
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

const WORD_CHAR_RE = new RegExp(`^${WORD_CHAR}$`, 'u');
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (/[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0));

/** Whether the code point at `at` is a word character for -w (see WORD_CHAR). */
function isWordAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return ASCII_WORD[c] === 1;
  return WORD_CHAR_RE.test(String.fromCodePoint(text.codePointAt(at) ?? c));
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

/** The regexes a matcher runs: the patterns as one, with what keeps it from backtracking for too long. */
interface CompiledSearch {
  /** The combined pattern, global (for every match), and not (to test a line). */
  search: RegExp;
  tester: RegExp;
  /** Longest line (rewritten) `search` may run on without protection. */
  directLength: number;
  /** Longest line on which `search` surely takes under a millisecond: longer runs are timed. */
  quickLength: number;
  /** `search` on V8's linear-time engine, for longer lines; null when it cannot take it. */
  linear: RegExp | null;
  /** The patterns, for the messages of a line given up on. */
  label: string;
}

/** Compiles the patterns' tokens into one search (any pattern matches), -w edges around it. */
function compileSearch(
  patterns: readonly string[],
  tokenLists: readonly Token[][],
  fold: boolean,
  caseless: boolean,
  wordRegexp: boolean,
): CompiledSearch {
  let captures = 0;
  const bodies = tokenLists.map((tokens) => {
    const body = emitSource(tokens, fold, captures);
    captures += countCaptures(tokens);
    return body;
  });
  let source = bodies.length === 1 ? (bodies[0] ?? '') : bodies.map((body) => `(?:${body})`).join('|');
  if (wordRegexp) source = `(?<!${WORD_CHAR})(?:${source})(?!${WORD_CHAR})`;
  // Folded text is lower case already; `i` keeps `[A-Z]` and `\p{Lu}` meaningful under --fold.
  const flags = caseless ? 'iu' : 'u';
  const label = patterns.join(' | ');
  const search = compile(source, `${flags}g`, label);
  const tester = compile(source, flags, label);
  const tokens = tokenize(source);
  const risk = analyseRisk(tokens);
  const directLength = maxLength(risk, STEP_BUDGET);
  const quickLength = maxLength(risk, SLOW_STEPS);
  const linearText = caseless ? null : linearSource(tokens);
  const linear = linearText === null ? null : compileLinear(linearText, 'g');
  return { search, tester, directLength, quickLength, linear, label };
}

/** The literals a matching line must hold, and the prefilters and byte counts they allow. */
interface Literals {
  /** One a pattern, case as given (see {@link Matcher.requiredLiterals}). */
  exact: string[] | null;
  exactBytes: Buffer[] | undefined;
  /** Under case-insensitive matching, the literals lower-cased. */
  lowerLiterals: string[] | null;
  /** True when no literal holds a character JSON escapes otherwise than as `\u00XX`. */
  jsonSafe: boolean;
  lineLiterals: readonly Buffer[] | null;
}

/** The required literals of the patterns; `fixedWhole` when they are -F patterns without -w. */
function literalsOf(tokenLists: readonly Token[][], fold: boolean, caseless: boolean, fixedWhole: boolean): Literals {
  const literals = fold ? [] : tokenLists.map((list) => requiredLiteral(list, caseless));
  const usable = literals.length > 0 && literals.every((literal) => literal.length > 0);
  const exact = usable && !caseless ? literals : null;
  const exactBytes = exact?.map((literal) => Buffer.from(literal, 'latin1'));
  const lowerLiterals = usable && caseless ? literals.map((literal) => literal.toLowerCase()) : null;
  // The JSON prefilter trusts literals none of whose characters an escape other than \u00XX
  // makes; without literals, the byte prefilter says true anyway.
  const jsonSafe = (exact ?? lowerLiterals ?? []).every((literal) => !JSON_ESCAPED.test(literal));
  const wholeLiterals =
    fixedWhole &&
    !caseless &&
    exact !== null &&
    exact.every((literal, i) => literal === tokenLists[i]?.map((t) => (t.kind === 'char' ? t.value : '\0')).join(''));
  const lineLiterals = wholeLiterals && exactBytes !== undefined ? exactBytes : null;
  return { exact, exactBytes, lowerLiterals, jsonSafe, lineLiterals };
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

const ASTRAL = /[\ud800-\udbff]/;

/**
 * True when `at` falls between the two halves of a surrogate pair: V8 starts a match there, even
 * in Unicode mode, when the pattern opens with a lookbehind (an empty `-w` match, say).
 */
function betweenHalves(text: string, at: number): boolean {
  if (at === 0) return false;
  const low = text.charCodeAt(at);
  const high = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
}

/** How a (rewritten) text is searched: with the compiled regexes, or with a literal set. */
interface Engine {
  /** Flat [start, end, …] offsets of all matches, or of the first only. */
  scan(text: string, all: boolean): number[];
  /** Whether the text holds a match. */
  test(text: string): boolean;
  /** The `next` of {@link WholeText} on a text in NFC, or null when it cannot be searched whole. */
  whole(text: string): ((from: number) => number) | null;
}

/**
 * The compiled regexes as an engine: guarded on long texts, and within a budget for the run
 * (see {@link GuardBudget}), which also counts the ordinary engine's runs that may be slow.
 */
function regexEngine(compiled: CompiledSearch, timeoutMs: number): Engine {
  const { search, tester, linear, directLength, quickLength, label } = compiled;
  const budget = new GuardBudget(label, timeoutMs);
  const exec = (re: RegExp, text: string, all: boolean): number[] => {
    const out: number[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (betweenHalves(text, m.index)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      out.push(m.index, m.index + m[0].length);
      if (!all) break;
      if (m[0].length === 0) re.lastIndex += (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1;
    }
    return out;
  };
  // A run of the ordinary engine that may take a millisecond or more, timed for the budget.
  const timed = <T>(run: () => T): T => {
    const started = performance.now();
    const result = run();
    budget.spend(performance.now() - started);
    return result;
  };
  const scan = (text: string, all: boolean): number[] => {
    if (text.length <= quickLength) return exec(search, text, all);
    if (text.length <= directLength) return timed(() => exec(search, text, all));
    return linear === null ? execGuarded(search, text, all, budget, label) : exec(linear, text, all);
  };
  // A hit in a text holding astral characters may be V8's between their halves: scanned to be sure.
  const sure = (text: string, hit: boolean): boolean => hit && (!ASTRAL.test(text) || scan(text, false).length > 0);
  return {
    scan,
    test(text) {
      if (text.length <= quickLength) return sure(text, tester.test(text));
      if (text.length <= directLength)
        return sure(
          text,
          timed(() => tester.test(text)),
        );
      return scan(text, false).length > 0;
    },
    whole(text) {
      const re = text.length <= directLength ? search : linear;
      if (re === null) return null;
      const next = (from: number): number => {
        re.lastIndex = from;
        let m = re.exec(text);
        while (m !== null && betweenHalves(text, m.index)) {
          re.lastIndex = m.index + 1;
          m = re.exec(text);
        }
        return m === null ? -1 : m.index;
      };
      return re === search && text.length > quickLength ? (from) => timed(() => next(from)) : next;
    },
  };
}

/** A literal set as an engine: one pass whatever the number of literals, nothing to guard. */
function setEngine(set: LiteralSet): Engine {
  return {
    scan(text, all) {
      const out: number[] = [];
      for (let at = set.find(text, 0); at !== -1; at = set.find(text, set.end)) {
        out.push(at, set.end);
        if (!all) break;
      }
      return out;
    },
    test: (text) => set.find(text, 0) !== -1,
    whole: (text) => (from) => set.find(text, from),
  };
}

/** The raw-byte prefilter (see {@link Matcher.mayMatchBytes}). */
function bytePrefilter(literals: Literals): (buf: Buffer) => boolean {
  const { exactBytes, lowerLiterals } = literals;
  // Many literals are looked for in one pass, not one indexOf each.
  const set = exactBytes !== undefined && exactBytes.length >= LITERAL_SET_FROM ? byteLiteralSet(exactBytes) : null;
  return (buf) => {
    if (set !== null) return set.findBytes(buf, 0) !== -1;
    if (exactBytes !== undefined) return exactBytes.some((literal) => buf.indexOf(literal) !== -1);
    if (lowerLiterals !== null) {
      // Bytes ≥ 0x80 stay ≥ 0x80 once lower-cased as Latin-1, so only ASCII letters change case.
      const lowered = buf.toString('latin1').toLowerCase();
      return lowerLiterals.some((literal) => lowered.includes(literal));
    }
    return true;
  };
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
