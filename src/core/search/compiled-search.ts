// The patterns compiled into one regex search, with how long a line each engine may run on
// before it could backtrack for too long (see backtracking-guard.ts).

import {
  analyseRisk,
  compileLinear,
  linearSource,
  STEP_BUDGET,
  worstCaseSteps,
  type BacktrackingRisk,
} from './backtracking-guard.js';
import { countCaptures, emitSource } from './pattern-rewrite.js';
import { tokenize, type Token } from './pattern-syntax.js';
import { compile } from './pattern-error.js';
import { WORD_CHAR } from './word-chars.js';

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

/** The regexes a matcher runs: the patterns as one, with what keeps it from backtracking for too long. */
export interface CompiledSearch {
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
export function compileSearch(
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
