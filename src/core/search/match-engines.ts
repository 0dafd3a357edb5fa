// How a matcher searches a (rewritten) text: the compiled regexes, guarded against runaway
// backtracking, or a literal set; both behind one small interface.

import { execGuarded, GuardBudget } from './backtracking-guard.js';
import type { CompiledSearch } from './compiled-search.js';
import type { LiteralSet } from './literal-set.js';

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
export interface Engine {
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
export function regexEngine(compiled: CompiledSearch, timeoutMs: number): Engine {
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
export function setEngine(set: LiteralSet): Engine {
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
