// Language codes as people write them (`fr`, `fra`, `fre`, `en-US`, `pt_BR`), read into the ISO
// 639-3 code a record uses, or null for what names no language (`xx-invalid`, `zzz`, `french`).
// Synchronous, on compact tables (iso-639-codes.ts), so that a worker can check a record's field.

import { ISO_639_1, ISO_639_2B, ISO_639_3 } from './iso-639-codes.js';

/**
 * Where `key` stands in `table`, a sorted run of entries `width` characters long each starting
 * with a key of `key.length` characters; -1 when it is not there.
 */
function find(table: string, width: number, key: string): number {
  let low = 0;
  let high = table.length / width - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = table.slice(mid * width, mid * width + key.length);
    if (at === key) return mid * width;
    if (at < key) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** The ISO 639-3 code a 639-1 (`fr`), 639-2/B (`fre`) or 639-3 (`fra`) code names, any case; else null. */
export function languageCode(code: string): string | null {
  const c = code.toLowerCase();
  if (!/^[a-z]{2,3}$/.test(c)) return null;
  if (c.length === 2) {
    const at = find(ISO_639_1, 5, c);
    return at < 0 ? null : ISO_639_1.slice(at + 2, at + 5);
  }
  if (find(ISO_639_3, 3, c) >= 0) return c;
  const at = find(ISO_639_2B, 6, c);
  return at < 0 ? null : ISO_639_2B.slice(at + 3, at + 6);
}

/** A BCP 47 language tag's shape: a language and subtags (`en-US`, `zh-Hant-TW`; `_` too, `pt_BR`). */
const TAG = /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$/;

/** The tags seen, and their codes; forgotten past this many, so that a hostile corpus cannot grow it. */
const tags = new Map<string, string | null>();
const MAX_TAGS = 1024;

/**
 * The ISO 639-3 code of a language tag as data declares it (`fr`, `fra`, `en-US`, `pt_BR`): its
 * language subtag's; null when the tag is malformed or its language is no ISO 639 code.
 */
export function languageOfTag(tag: string): string | null {
  // A corpus declares few languages, once a record each: they are looked up once.
  const known = tags.get(tag);
  if (known !== undefined) return known;
  const m = TAG.exec(tag.trim());
  const code = m ? languageCode(m[1] as string) : null;
  if (tags.size >= MAX_TAGS) tags.clear();
  tags.set(tag, code);
  return code;
}
