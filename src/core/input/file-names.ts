// File names that are not valid UTF-8. Node gives them as strings with U+FFFD in place of the bad
// bytes, which name no file. A walk keeps such a name as a string in which each bad byte is a lone
// surrogate (U+DC80–U+DCFF, Python's "surrogateescape"), which no valid name holds: it travels as
// any path does, to workers too, and `fsPath` turns it back into the bytes to open.

/** A byte that is not part of valid UTF-8, kept as a lone surrogate. */
const ESCAPED = /[\udc80-\udcff]/g;

/** True when a string holds no lone surrogate (`String.prototype.isWellFormed`, Node 20; not in lib ES2023). */
const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * A file name's bytes as a string: their UTF-8 where it is valid, each other byte a lone
 * surrogate (U+DC00 + the byte).
 */
export function escapedName(bytes: Buffer): string {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  if (!text.includes('\ufffd')) return text;
  let out = '';
  let from = 0;
  while (from < bytes.length) {
    const valid = validPrefix(bytes, from);
    out += bytes.toString('utf8', from, valid);
    if (valid < bytes.length) out += String.fromCharCode(0xdc00 + (bytes[valid] as number));
    from = valid + 1;
  }
  return out;
}

/** Where the valid UTF-8 that starts at `from` ends (the index of the first bad byte, or the end). */
function validPrefix(bytes: Buffer, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const n = utf8Length(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return i;
}

/**
 * The length of the valid UTF-8 sequence at `i` (1 to 4), or 0 when the byte there starts none:
 * overlong forms, surrogates and code points past U+10FFFF are invalid, as WHATWG decodes.
 */
export function utf8Length(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const c = bytes[i + k];
    return c !== undefined && c >= lo && c <= hi;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** The path to hand to `fs`: the string itself, or the bytes of a name with escaped bytes. */
export function fsPath(p: string): string | Buffer {
  // A per-file check, native and quick: a valid name holds no lone surrogate.
  if (wellFormed(p)) return p;
  const parts: Buffer[] = [];
  let from = 0;
  for (const m of p.matchAll(ESCAPED)) {
    parts.push(Buffer.from(p.slice(from, m.index), 'utf8'), Buffer.of((m[0].charCodeAt(0) - 0xdc00) & 0xff));
    from = (m.index as number) + 1;
  }
  parts.push(Buffer.from(p.slice(from), 'utf8'));
  return Buffer.concat(parts);
}

/** A path to show: each escaped byte as `\xNN`, the rest as it is. */
export function shownPath(p: string): string {
  if (wellFormed(p)) return p;
  return p.replace(ESCAPED, (c) => `\\x${(c.charCodeAt(0) - 0xdc00).toString(16).toUpperCase().padStart(2, '0')}`);
}
