// A set of literal strings searched in one pass, for a pattern that is a long alternation of
// words (`-e` a thousand times, or `a|b|c|…`): a trie walked from each position, as ripgrep's
// literal searchers do, where V8 would compile and run a regex as big as the list.

import type { Token } from './pattern-syntax.js';

/** Literals from this many on are searched with a {@link LiteralSet} rather than a regex. */
export const LITERAL_SET_FROM = 16;

/** Characters that match another under `iu` besides ASCII case: ſ (U+017F) is `s`, K (U+212A) is `k`. */
const LONG_S = 0x17f;
const KELVIN = 0x212a;

/** What a searched character is keyed by: itself, or under caseless matching its ASCII fold. */
function caseFold(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c === LONG_S) return 115;
  if (c === KELVIN) return 107;
  return c;
}

/**
 * The alternatives of patterns made only of literal characters and top-level `|` (the whole
 * pattern may sit in one group), in order across the patterns; null when a pattern is anything
 * else, or an alternative is empty or holds a surrogate (then the regex decides).
 */
export function literalAlternatives(tokenLists: readonly Token[][]): string[] | null {
  const out: string[] = [];
  for (let tokens of tokenLists) {
    if (tokens[0]?.kind === 'open' && !tokens[0].lookaround && enclosesAll(tokens)) tokens = tokens.slice(1, -1);
    let literal = '';
    for (const t of tokens) {
      if (t.kind === 'alt') {
        if (literal === '') return null;
        out.push(literal);
        literal = '';
      } else if (t.kind === 'char' && t.value.length === 1 && (t.value.charCodeAt(0) & 0xf800) !== 0xd800) {
        literal += t.value;
      } else return null;
    }
    if (literal === '') return null;
    out.push(literal);
  }
  return out;
}

/** True when the group opened by the first token closes with the last. */
function enclosesAll(tokens: readonly Token[]): boolean {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const kind = tokens[i]?.kind;
    if (kind === 'open') depth++;
    else if (kind === 'close' && --depth === 0) return i === tokens.length - 1;
  }
  return false;
}

/**
 * Literals searched the way a regex alternation of them is, leftmost-first: the leftmost
 * position where one occurs, and there the first in the list that does (not the longest).
 * Characters are UTF-16 code units; no literal holds a surrogate, so none can match half a pair.
 */
export class LiteralSet {
  /** The root's children, by character: a table, as every position of a text looks there. */
  private readonly root = new Int32Array(0x10000);
  /** The children of the other nodes (node 0 is the root). */
  private readonly edges: Map<number, number>[] = [new Map()];
  /** Per node, the index of the first literal ending there, or -1. */
  private readonly ending: number[] = [-1];
  private readonly fold: boolean;
  /** The end of the match {@link find} last found. */
  end = 0;

  /**
   * @param literals - non-empty, no surrogates; under `caseless`, ASCII only.
   * @param caseless - match as the `iu` flags do (ASCII letters, with ſ for s and K for k).
   * @param isWordAt - with -w: whether the code point at an offset is a word character (a
   *   match must not touch one); at the ends of the text it is not asked.
   */
  constructor(
    literals: readonly string[],
    caseless: boolean,
    private readonly isWordAt: ((text: string, at: number) => boolean) | null = null,
  ) {
    this.fold = caseless;
    literals.forEach((literal, index) => this.add(literal, index));
  }

  private add(literal: string, index: number): void {
    let node = 0;
    for (let i = 0; i < literal.length; i++) {
      const c = this.fold ? caseFold(literal.charCodeAt(i)) : literal.charCodeAt(i);
      let next = node === 0 ? this.root[c] || undefined : this.edges[node]?.get(c);
      if (next === undefined) {
        next = this.edges.length;
        this.edges.push(new Map());
        this.ending.push(-1);
        if (node === 0) this.root[c] = next;
        else this.edges[node]?.set(c, next);
      }
      node = next;
    }
    if (this.ending[node] === -1) this.ending[node] = index;
  }

  /** The start of the first match at or after `from`, its end in {@link end}; -1 when none. */
  find(text: string, from: number): number {
    const { root, edges, ending, fold, isWordAt } = this;
    const n = text.length;
    for (let p = from; p < n; p++) {
      const c = text.charCodeAt(p);
      let node = root[fold ? caseFold(c) : c] as number;
      if (node === 0) continue;
      // -w: no match starts right after a word character (a lone low surrogate is not one).
      if (isWordAt !== null && p > 0 && isWordAt(text, wordBefore(text, p))) continue;
      let best = -1;
      let bestEnd = 0;
      for (let q = p + 1; ; q++) {
        const index = ending[node] as number;
        if (index !== -1 && (best === -1 || index < best) && (isWordAt === null || q >= n || !isWordAt(text, q))) {
          best = index;
          bestEnd = q;
        }
        if (q >= n) break;
        const d = text.charCodeAt(q);
        const next = (edges[node] as Map<number, number>).get(fold ? caseFold(d) : d);
        if (next === undefined) break;
        node = next;
      }
      if (best !== -1) {
        this.end = bestEnd;
        return p;
      }
    }
    return -1;
  }

  /**
   * The first offset at or after `from` where some literal occurs in raw bytes (read as
   * Latin-1: for ASCII literals, case-sensitive sets only), -1 when none; sets
   * {@link highAfter} when an occurrence there is followed by a byte ≥ 0x80.
   */
  findBytes(bytes: Uint8Array, from: number): number {
    const { root, edges, ending } = this;
    const n = bytes.length;
    for (let p = from; p < n; p++) {
      let node = root[bytes[p] as number] as number;
      if (node === 0) continue;
      let found = false;
      let high = false;
      for (let q = p + 1; ; q++) {
        if (ending[node] !== -1) {
          found = true;
          if (q < n && (bytes[q] as number) >= 0x80) high = true;
        }
        if (q >= n) break;
        const next = (edges[node] as Map<number, number>).get(bytes[q] as number);
        if (next === undefined) break;
        node = next;
      }
      if (found) {
        this.highAfter = high;
        return p;
      }
    }
    return -1;
  }

  /** Set by {@link findBytes}. */
  highAfter = false;
}

/** The offset of the code point that ends just before `at` (a surrogate pair is one). */
function wordBefore(text: string, at: number): number {
  const c = text.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && at >= 2 && (text.charCodeAt(at - 2) & 0xfc00) === 0xd800 ? at - 2 : at - 1;
}

const byteSets = new WeakMap<readonly Uint8Array[], LiteralSet>();

/**
 * A set of ASCII byte strings (a matcher's required literals) for {@link LiteralSet.findBytes},
 * made once per list.
 */
export function byteLiteralSet(literals: readonly Uint8Array[]): LiteralSet {
  let set = byteSets.get(literals);
  if (set === undefined) {
    const strings = literals.map((l) => Buffer.from(l.buffer, l.byteOffset, l.byteLength).toString('latin1'));
    set = new LiteralSet(strings, false);
    byteSets.set(literals, set);
  }
  return set;
}
