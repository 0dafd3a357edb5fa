// The literals every matching line must hold, and the raw-byte prefilter they allow: a file none
// of whose bytes could match is skipped before it is decoded.

import { byteLiteralSet, LITERAL_SET_FROM } from './literal-set.js';
import { requiredLiteral } from './pattern-rewrite.js';
import type { Token } from './pattern-syntax.js';

/** Characters JSON writes as escapes other than `\u00XX`: `\"`, `\\`, `\/`, `\t` and the other controls. */
const JSON_ESCAPED = /["\\/\u0000-\u001f]/;

/** The literals a matching line must hold, and the prefilters and byte counts they allow. */
export interface Literals {
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
export function literalsOf(
  tokenLists: readonly Token[][],
  fold: boolean,
  caseless: boolean,
  fixedWhole: boolean,
): Literals {
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

/** The raw-byte prefilter (see {@link Matcher.mayMatchBytes}). */
export function bytePrefilter(literals: Literals): (buf: Buffer) => boolean {
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
