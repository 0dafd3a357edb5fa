// Matching lines of a UTF-8 or Windows-1252 file counted on its raw bytes, for a matcher whose
// lines match exactly when they hold one of its literals (`grep -c -F word`): nothing decoded.

import { isUtf8 } from 'node:buffer';
import { byteLiteralSet, LITERAL_SET_FROM, type LiteralSet } from './literal-set.js';

const CR = 13;
const LF = 10;

/**
 * Where the line holding a position ends, for positions that only grow: the next CR and LF are
 * kept between calls, so a file without CR is scanned for one once.
 */
class LineEnds {
  private cr = -2;
  private lf = -2;

  constructor(private readonly bytes: Buffer) {}

  /** The index of the CR or LF that ends the line holding `at`; -1 on the last line. */
  after(at: number): number {
    if (this.cr !== -1 && this.cr < at) this.cr = this.bytes.indexOf(CR, at);
    if (this.lf !== -1 && this.lf < at) this.lf = this.bytes.indexOf(LF, at);
    return this.cr === -1 ? this.lf : this.lf === -1 ? this.cr : Math.min(this.cr, this.lf);
  }
}

/**
 * Matching lines of a UTF-8 or Windows-1252 file counted on its bytes with the matcher's
 * {@link Matcher.lineLiterals}, up to `max`; null when a literal is followed by a byte ≥ 0x80
 * or, in a file that is not valid UTF-8, preceded by one (the decoded text must then decide).
 * 0 holds whatever the encoding: every ASCII-compatible one writes ASCII characters as ASCII bytes.
 */
export function countLiteralLines(bytes: Buffer, literals: readonly Buffer[], max: number): number | null {
  if (literals.length === 1) return countLiteralLinesOf(bytes, literals[0] as Buffer, max);
  if (literals.length >= LITERAL_SET_FROM) return countSetLines(bytes, byteLiteralSet(literals), max);
  const n = bytes.length;
  const next = literals.map((l) => bytes.indexOf(l));
  const ends = new LineEnds(bytes);
  let utf8: boolean | undefined;
  let count = 0;
  let from = 0;
  while (count < max) {
    // The first occurrence of any literal at or after `from`.
    let at = -1;
    let length = 0;
    for (let k = 0; k < literals.length; k++) {
      let i = next[k] as number;
      const literal = literals[k] as Buffer;
      if (i !== -1 && i < from) next[k] = i = bytes.indexOf(literal, from);
      if (i !== -1 && (at === -1 || i < at)) {
        at = i;
        length = literal.length;
      }
    }
    if (at === -1) break;
    const after = at + length;
    if (after < n && (bytes[after] as number) >= 0x80) return null;
    if (at > 0 && (bytes[at - 1] as number) >= 0x80 && !(utf8 ??= isUtf8(bytes))) return null;
    const end = ends.after(after);
    count++;
    if (end === -1) break;
    from = end + 1;
  }
  return count;
}

/**
 * {@link countLiteralLines} for one literal, the common case (`grep -F word`): the same answer
 * with less code, which V8 optimizes sooner and more cheaply in every thread.
 */
function countLiteralLinesOf(bytes: Buffer, literal: Buffer, max: number): number | null {
  const n = bytes.length;
  const ends = new LineEnds(bytes);
  // Looked at only when a literal follows a byte ≥ 0x80: in Shift_JIS, GBK or Big5 that may be
  // its lead byte, the literal's first byte the character's second.
  let utf8: boolean | undefined;
  let count = 0;
  let from = 0;
  while (count < max) {
    const at = bytes.indexOf(literal, from);
    if (at === -1) break;
    const after = at + literal.length;
    if (after < n && (bytes[after] as number) >= 0x80) return null;
    if (at > 0 && (bytes[at - 1] as number) >= 0x80 && !(utf8 ??= isUtf8(bytes))) return null;
    const end = ends.after(after);
    count++;
    if (end === -1) break;
    from = end + 1;
  }
  return count;
}

/**
 * {@link countLiteralLines} for many literals, looked for in one pass: one `indexOf` a literal
 * scanned a file once for each of them.
 */
function countSetLines(bytes: Buffer, set: LiteralSet, max: number): number | null {
  const ends = new LineEnds(bytes);
  let utf8: boolean | undefined;
  let count = 0;
  for (let from = 0; count < max;) {
    const at = set.findBytes(bytes, from);
    if (at === -1) break;
    if (set.highAfter) return null;
    if (at > 0 && (bytes[at - 1] as number) >= 0x80 && !(utf8 ??= isUtf8(bytes))) return null;
    const end = ends.after(at + 1);
    count++;
    if (end === -1) break;
    from = end + 1;
  }
  return count;
}
