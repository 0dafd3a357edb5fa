// What the matcher reads from a tokenized pattern: whether it has an uppercase letter (-S), its
// source with literal characters folded (--fold) and backreferences renumbered (several -e), and
// a literal substring every match must contain (the byte prefilter).

import { classItemSource, escapeChar, type ClassItem, type Token } from './pattern-syntax.js';
import { foldString } from './line-map.js';

const UPPER = /[\p{Lu}\p{Lt}]/u;

/** True when a literal character of the pattern is an uppercase letter (`\S`, `\p{Lu}` are not). */
export function hasUppercase(tokens: readonly Token[]): boolean {
  const chars = (items: readonly ClassItem[]): string[] =>
    items.flatMap((item) => (item.kind === 'char' ? [item.value] : item.kind === 'range' ? [item.from, item.to] : []));
  return tokens.some((t) =>
    t.kind === 'char' ? UPPER.test(t.value) : t.kind === 'class' ? chars(t.items).some((c) => UPPER.test(c)) : false,
  );
}

/** Number of capturing groups, to renumber the backreferences of the patterns that follow. */
export function countCaptures(tokens: readonly Token[]): number {
  return tokens.filter((t) => t.kind === 'open' && t.capture).length;
}

function foldClassItem(item: ClassItem): ClassItem {
  if (item.kind !== 'char') return item;
  const folded = foldString(item.value);
  // A class holds single code points: a letter folding into two (œ → oe) cannot be put in one,
  // so it stays as written and can never match folded text.
  return [...folded].length === 1 ? { kind: 'char', value: folded } : item;
}

/**
 * Rebuilds the pattern source. With `fold`, every literal character outside a class is replaced
 * by its fold (wrapped in a group when it folds to several, so a quantifier still applies to all
 * of it), and single characters inside a class likewise; ranges, escapes and `.` are unchanged.
 * `captureOffset` is added to numbered backreferences.
 */
export function emitSource(tokens: readonly Token[], fold: boolean, captureOffset: number): string {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'char' && fold) {
      const folded = foldString(t.value);
      const source = [...folded].map((ch) => escapeChar(ch)).join('');
      out += [...folded].length === 1 ? source : `(?:${source})`;
    } else if (t.kind === 'class' && fold) {
      out += `[${t.negated ? '^' : ''}${t.items.map((item) => classItemSource(foldClassItem(item))).join('')}]`;
    } else if (t.kind === 'backref' && t.index !== null) {
      out += `\\${t.index + captureOffset}`;
    } else {
      out += t.src;
    }
  }
  return out;
}

/**
 * Characters a literal for the raw-byte prefilter may hold. An NFC line containing one of these
 * ASCII characters must hold the same character in its raw form: no other code point normalises
 * to it (U+212A KELVIN SIGN → K, U+037E → `;` and U+1FEF → `` ` `` do, so those three are out).
 * Under -i, `k` and `s` also go (K and ſ U+017F fold to them).
 */
const PREFILTER_SAFE = /^[\t !-:<-JL-_a-~]$/;
const PREFILTER_SAFE_CASELESS = /^[\t !-:<-JL-RT-_a-jl-rt-~]$/;

/**
 * The longest literal substring every match of the pattern must contain, restricted to
 * characters safe for a raw-byte search ({@link PREFILTER_SAFE}); '' when none can be derived
 * (top-level alternation, or no literal run). Groups are skipped, not analysed.
 */
export function requiredLiteral(tokens: readonly Token[], ignoreCase: boolean): string {
  const safe = ignoreCase ? PREFILTER_SAFE_CASELESS : PREFILTER_SAFE;
  let depth = 0;
  let best = '';
  let run = '';
  const flush = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t === undefined) break;
    if (t.kind === 'open') depth += 1;
    if (t.kind === 'close') depth -= 1;
    if (depth === 0 && t.kind === 'alt') return '';
    if (depth !== 0 || t.kind !== 'char') {
      // Zero-width anchors at the top level do not separate the characters on either side.
      if (!(depth === 0 && t.kind === 'assertion')) flush();
      continue;
    }
    const next = tokens[i + 1];
    const quantified = next?.kind === 'quant';
    if (quantified && next.min === 0) {
      flush();
      continue;
    }
    if (safe.test(t.value)) run += t.value;
    else flush();
    if (quantified) flush();
  }
  flush();
  return best;
}
