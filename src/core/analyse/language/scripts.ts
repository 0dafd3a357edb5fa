// Which writing system a text is mostly written in, with the same script classes as franc-all,
// but one pass over the text instead of one regular-expression scan per script.

import { expressions } from 'franc-all/expressions.js';

/** How many characters of each script a text holds. */
export interface ScriptTally {
  /** The script (or single-script language, e.g. `cmn`, `kor`) with the most characters. */
  top: string | undefined;
  /** Characters of the top script. */
  topCount: number;
  /** Characters that belong to any known script: the letters the text is judged on. */
  letters: number;
}

const names = Object.keys(expressions);
// franc's expressions are global (they keep a lastIndex); a non-global copy tests one character.
const testers = names.map((name) => {
  const expression = expressions[name] as RegExp;
  return new RegExp(expression.source, expression.flags.replace('g', ''));
});

const UNKNOWN = -1;
// The scripts a code point belongs to, found once by testing every expression, then cached:
// a document uses a few hundred distinct characters, and each first sight costs ~40 regex
// tests. A cache entry is 0 for no script, `1 + index` of the one script a character belongs
// to (nearly all), or, for Han, which counts for both `cmn` and `jpn` as in franc, `-2 - id`
// of its list of scripts in `memberships`.
const memberships: number[][] = [];
const membershipIds = new Map<string, number>();
const bmpCache = new Int16Array(0x10000).fill(UNKNOWN);
const astralCache = new Map<number, number>();

function classify(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  const scripts: number[] = [];
  for (let index = 0; index < testers.length; index++) {
    if ((testers[index] as RegExp).test(char)) scripts.push(index);
  }
  if (scripts.length <= 1) return scripts.length === 0 ? 0 : 1 + (scripts[0] as number);
  const key = scripts.join(',');
  let id = membershipIds.get(key);
  if (id === undefined) {
    id = memberships.length;
    memberships.push(scripts);
    membershipIds.set(key, id);
  }
  return -2 - id;
}

function classOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    let cached = bmpCache[codePoint] as number;
    if (cached === UNKNOWN) {
      cached = classify(codePoint);
      bmpCache[codePoint] = cached;
    }
    return cached;
  }
  let cached = astralCache.get(codePoint);
  if (cached === undefined) {
    cached = classify(codePoint);
    astralCache.set(codePoint, cached);
  }
  return cached;
}

/**
 * Count the characters of each script in `text` and name the most used one, as franc does.
 *
 * Ties go to the script franc lists first; Han characters count for Chinese and Japanese
 * alike, so kana tips a text to Japanese.
 *
 * @param text - Text to look at.
 * @param start - Where to start reading (UTF-16 index).
 * @param end - Where to stop reading (UTF-16 index, exclusive).
 * @returns The tally; `top` is undefined when no character belongs to a known script.
 */
export function tallyScripts(text: string, start = 0, end = text.length): ScriptTally {
  const counts = new Int32Array(names.length);
  // Module-level bindings read into locals: V8 loads them afresh at every use.
  const cache = bmpCache;
  const scriptsOf = memberships;
  let letters = 0;
  for (let index = start; index < end; index++) {
    let codePoint = text.charCodeAt(index);
    // Spaces, digits and ASCII punctuation belong to no script: skip them without a lookup.
    if (codePoint <= 0x40) continue;
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < end) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = (codePoint - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        index++;
      }
    }
    // The cache, read here, answers for nearly every character.
    let kind = codePoint < 0x10000 ? (cache[codePoint] as number) : UNKNOWN;
    if (kind === UNKNOWN) kind = classOf(codePoint);
    if (kind === 0) continue;
    letters++;
    if (kind > 0) {
      counts[kind - 1] = (counts[kind - 1] as number) + 1;
      continue;
    }
    const scripts = scriptsOf[-2 - kind] as number[];
    for (let at = 0; at < scripts.length; at++) {
      const script = scripts[at] as number;
      counts[script] = (counts[script] as number) + 1;
    }
  }
  let top: string | undefined;
  let topCount = 0;
  for (let index = 0; index < counts.length; index++) {
    const count = counts[index] as number;
    if (count > topCount) {
      topCount = count;
      top = names[index];
    }
  }
  return { top, topCount, letters };
}
