// The lines recurring across the corpus, as a set that a stored entry's edge-line keys are looked
// up in from their bytes: a warm run checks every entry's hits without decoding a key.

import { fnv1a32, fnv1a32Bytes } from '../hash.js';
import { holdsAt, isAscii, stringAt, type StringsByBytes } from './json-bytes.js';

/**
 * The lines recurring across the corpus, looked up by the bytes of a stored key, without making
 * a string of it: keys are digests in ASCII (see recurring-lines.ts), so their bytes are their
 * code units. Any other key is looked up decoded.
 */
export class RecurringKeys implements StringsByBytes {
  private readonly byHash = new Map<number, string[]>();

  constructor(readonly keys: ReadonlySet<string>) {
    for (const key of keys) {
      const h = fnv1a32(key);
      const same = this.byHash.get(h);
      if (same) same.push(key);
      else this.byHash.set(h, [key]);
    }
  }

  /** True when the JSON string at `open`…`close` (its quotes) is one of the keys. */
  hasAt(bytes: Buffer, open: number, close: number): boolean {
    if (!isAscii(bytes, open + 1, close - 1)) return this.keys.has(stringAt(bytes, open, close));
    const same = this.byHash.get(fnv1a32Bytes(bytes, open + 1, close - 1));
    return same !== undefined && same.some((key) => holdsAt(bytes, open + 1, key) && key.length === close - open - 2);
  }
}
