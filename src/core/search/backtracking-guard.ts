// Keeps a backtracking regular expression from hanging the search. Each line takes the cheapest
// safe route: the ordinary engine when the pattern's worst case on a line that long is small; else
// V8's linear-time engine (the `l` flag) when the pattern can be written for it; else a run under
// a `vm` timeout, which interrupts the regex and raises MatchTimeoutError.

import v8 from 'node:v8';
import vm from 'node:vm';
import type { ClassItem, Token } from './pattern-syntax.js';

/** Thrown by a matcher when a line could not be searched within the time limit. */
export class MatchTimeoutError extends Error {
  override readonly name = 'MatchTimeoutError';
  constructor(
    readonly pattern: string,
    readonly lineLength: number,
    readonly timeoutMs: number,
  ) {
    super(
      `pattern /${pattern}/ gave up after ${timeoutMs} ms on a line of ${lineLength} characters (catastrophic backtracking)`,
    );
  }
}

/**
 * Thrown by a matcher once its pattern has cost too much over a run (see {@link GuardBudget}):
 * the search must stop, as no time limit per line keeps 10,000 such lines from taking an hour.
 */
export class PatternTooCostlyError extends Error {
  override readonly name = 'PatternTooCostlyError';
  constructor(
    readonly pattern: string,
    readonly linesGivenUp: number,
    readonly slowMs: number,
  ) {
    super(
      `pattern /${pattern}/ is too costly on this corpus (catastrophic backtracking): ` +
        `${linesGivenUp} ${linesGivenUp === 1 ? 'line' : 'lines'} given up on, ` +
        `${(slowMs / 1000).toFixed(1)} s spent on slow lines; search stopped ` +
        `(write it without nested quantifiers or backreferences, or use -F)`,
    );
  }
}

/** A line searched in this long or longer is a slow one, whose time counts against the run. */
const SLOW_LINE_MS = 1;
/** Time on slow lines after which a run stops: a few seconds, whatever the corpus. */
export const RUN_BUDGET_MS = 3000;
/** Lines given up on after which a run stops. */
export const MAX_LINES_GIVEN_UP = 10;
/** The time limit a line once a line has been given up on: the pattern is known to blow up. */
const KNOWN_BAD_LINE_MS = 50;

/**
 * What the protected searches of one matcher have cost so far. Each line has its time limit;
 * the run has a budget too: it stops ({@link PatternTooCostlyError}) after
 * {@link MAX_LINES_GIVEN_UP} lines given up on, or {@link RUN_BUDGET_MS} spent on slow lines.
 */
export class GuardBudget {
  private givenUp = 0;
  private slowMs = 0;

  constructor(
    private readonly pattern: string,
    private readonly timeoutMs: number,
  ) {}

  /** The time limit for the next guarded line: shorter once a line has been given up on. */
  get lineMs(): number {
    return this.givenUp === 0 ? this.timeoutMs : Math.min(this.timeoutMs, KNOWN_BAD_LINE_MS);
  }

  /**
   * Counts a line searched in `ms`, and whether it was given up on.
   * @throws PatternTooCostlyError when that exhausts the run's budget.
   */
  spend(ms: number, gaveUp = false): void {
    if (gaveUp) this.givenUp++;
    if (ms < SLOW_LINE_MS && !gaveUp) return;
    this.slowMs += ms;
    if (this.givenUp >= MAX_LINES_GIVEN_UP || this.slowMs >= RUN_BUDGET_MS)
      throw new PatternTooCostlyError(this.pattern, this.givenUp, this.slowMs);
  }
}

let linearEngine: boolean | undefined;

/**
 * Turns on V8's linear-time regex engine for regexes created with the `l` flag and says whether
 * it is available. Idempotent; {@link buildMatcher} calls it, and the CLI may call it once at
 * start-up. It only makes the `l` flag legal: no other regex in the process changes engine.
 */
export function enableLinearRegExpEngine(): boolean {
  if (linearEngine === undefined) {
    try {
      v8.setFlagsFromString('--enable-experimental-regexp-engine');
      // eslint-disable-next-line no-invalid-regexp -- `l` is V8's experimental linear-engine flag, made legal just above
      linearEngine = new RegExp('a', 'l').test('a');
    } catch {
      linearEngine = false;
    }
  }
  return linearEngine;
}

/** Worst-case shape of a pattern's backtracking, from its tokens. */
export interface BacktrackingRisk {
  /** A quantified group holds a choice (quantifier or alternation), or a backreference: 2^n. */
  exponential: boolean;
  /** Number of unbounded (or wide) quantifiers: the search may cost n^(degree+1). */
  degree: number;
  /** Product of the small choices (alternatives, `?`, `{1,3}`) multiplying that cost. */
  branching: number;
}

const WIDE = 16;

/** Reads the worst-case backtracking shape of a tokenized pattern. Conservative. */
export function analyseRisk(tokens: readonly Token[]): BacktrackingRisk {
  let exponential = false;
  let degree = 0;
  let branching = 1;
  // Per open group: does it contain a choice, and how many alternatives at its own level.
  const stack: { choice: boolean; alternatives: number }[] = [{ choice: false, alternatives: 1 }];
  let closedChoice = false;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    const top = stack[stack.length - 1];
    if (t === undefined || top === undefined) break;
    if (t.kind === 'backref') exponential = true;
    else if (t.kind === 'open') stack.push({ choice: false, alternatives: 1 });
    else if (t.kind === 'alt') {
      top.choice = true;
      top.alternatives += 1;
    } else if (t.kind === 'close' && stack.length > 1) {
      stack.pop();
      branching *= top.alternatives;
      closedChoice = top.choice;
      const parent = stack[stack.length - 1];
      if (parent !== undefined && top.choice) parent.choice = true;
    } else if (t.kind === 'quant') {
      const range = t.max - t.min;
      if (range > 0) top.choice = true;
      if (range > WIDE) degree += 1;
      else branching *= range + 1;
      if (tokens[i - 1]?.kind === 'close' && closedChoice && t.max > 1) exponential = true;
    }
    branching = Math.min(branching, 1e12);
  }
  branching *= stack[0]?.alternatives ?? 1;
  return { exponential, degree, branching };
}

/** Worst-case steps the backtracking engine may take on a line of `length` code units. */
export function worstCaseSteps(risk: BacktrackingRisk, length: number): number {
  if (risk.exponential) return 2 ** Math.min(length, 1024) * (length + 1);
  return risk.branching * (length + 1) ** (risk.degree + 1);
}

/** Steps the ordinary engine may take on one line without protection: tens of milliseconds. */
export const STEP_BUDGET = 1e7;

const ASTRAL = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]';
const hex = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
const isBmp = (ch: string): boolean => ch.length === 1 && (ch < '\uD800' || ch > '\uDFFF');

function linearClassItem(item: ClassItem): string | null {
  if (item.kind === 'escape') return /^\\[dws]$/.test(item.src) ? item.src : null;
  if (item.kind === 'range') return isBmp(item.from) && isBmp(item.to) ? `${hex(item.from)}-${hex(item.to)}` : null;
  return isBmp(item.value) ? hex(item.value) : null;
}

/**
 * The same pattern for the linear engine, which rejects the `u` and `i` flags, lookarounds and
 * backreferences; null when it cannot be written without `u` and match exactly the same.
 * Characters must be in the BMP; `.`, `\D`, `\W`, `\S` and negated classes also take a whole
 * surrogate pair, as they do in `u` mode.
 */
export function linearSource(tokens: readonly Token[]): string | null {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'char') {
      if (!isBmp(t.value)) return null;
      out += hex(t.value);
    } else if (t.kind === 'escape') {
      if (/^\\[dws]$/.test(t.src)) out += t.src;
      else if (/^\\[DWS]$/.test(t.src)) out += `(?:${ASTRAL}|${t.src})`;
      else return null;
    } else if (t.kind === 'dot') out += `(?:${ASTRAL}|.)`;
    else if (t.kind === 'class') {
      const items = t.items.map(linearClassItem);
      if (items.some((item) => item === null)) return null;
      const body = `[${t.negated ? '^' : ''}${items.join('')}]`;
      out += t.negated ? `(?:${ASTRAL}|${body})` : body;
    } else if (t.kind === 'backref' || (t.kind === 'open' && t.lookaround)) return null;
    else out += t.src;
  }
  return out;
}

/** Compiles a regex for the linear engine, or null when V8 refuses it. */
export function compileLinear(source: string, flags: string): RegExp | null {
  if (!enableLinearRegExpEngine()) return null;
  try {
    return new RegExp(source, `${flags}l`);
  } catch {
    return null;
  }
}

/** The context the guarded runs happen in, made at the first: most searches never need one. */
interface Guarded {
  sandbox: { re: RegExp | null; text: string; all: boolean };
  collect: vm.Script;
}
let guarded: Guarded | null = null;

function guardedRun(): Guarded {
  if (guarded) return guarded;
  const sandbox = vm.createContext({ re: null as RegExp | null, text: '', all: false }) as Guarded['sandbox'];
  vm.runInContext(
    `function collect(re, text, all) {
      const out = [];
      re.lastIndex = 0;
      for (let m; (m = re.exec(text)) !== null; ) {
        out.push(m.index, m.index + m[0].length);
        if (!all) break;
        if (m[0].length === 0) re.lastIndex += text.codePointAt(m.index) > 0xffff ? 2 : 1;
      }
      return out;
    }`,
    sandbox,
  );
  guarded = { sandbox, collect: new vm.Script('collect(re, text, all)') };
  return guarded;
}

/**
 * Runs a global regex over `text` under the budget's time limit for a line: flat [start, end,
 * start, end…] offsets of all matches (or of the first, when `all` is false). Costs about 40 µs
 * a call for the watchdog.
 * @throws MatchTimeoutError (naming the user's pattern, `label`) when the limit passes first.
 * @throws PatternTooCostlyError when the run's budget is spent.
 */
export function execGuarded(re: RegExp, text: string, all: boolean, budget: GuardBudget, label: string): number[] {
  const { sandbox, collect } = guardedRun();
  sandbox.re = re;
  sandbox.text = text;
  sandbox.all = all;
  const timeoutMs = budget.lineMs;
  const started = performance.now();
  let offsets: number[];
  try {
    offsets = [...(collect.runInContext(sandbox, { timeout: timeoutMs }) as number[])];
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      budget.spend(performance.now() - started, true);
      throw new MatchTimeoutError(label, text.length, timeoutMs);
    }
    throw error;
  } finally {
    sandbox.re = null;
    sandbox.text = '';
  }
  budget.spend(performance.now() - started);
  return offsets;
}
