// A cache entry line read from its UTF-8 bytes, as JSON.stringify wrote it, without decoding or
// parsing it: where its parts are, and its strings compared as bytes. Every byte-level look at
// an entry is here; stored-entry.ts and corpus-cache.ts read entries through these functions.

import type { FileKey } from './file-format.js';
import type { Line } from './window-lines.js';

// Module-local constants, not exported: V8 folds these into the loops below, an imported one it
// reads through its module cell at every use.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/**
 * The keys of an entry line (a `CacheEntry`, see file-format.ts),
 * `{"f":…,"s":…,"m":…,"c":…,"i":…,"e":[…],"h":[…],"n":"…","l":"…","r":{"id":…,"path":…,…}}`,
 * or of a `JsonlFileEntry`, `{"f":…,"s":…,"m":…,"c":…,"i":…,"j":{…}}`.
 */
const KEY_START = '{"f":"';
const E_KEY = ',"e":';
const J_KEY = ',"j":';
const H_KEY = ',"h":';
const N_KEY = ',"n":"';
const L_KEY = ',"l":"';
const R_KEY = ',"r":';
const ID_KEY = '{"id":"';
const PATH_KEY = ',"path":"';
// Looked for as bytes: a string needle would be encoded at every search.
const PARAGRAPHS_KEY = Buffer.from(',"paragraphs":');
const HASH_KEY = Buffer.from(',"hash":"');

/** True when `bytes` hold the ASCII `text` at `at`. */
export function holdsAt(bytes: Buffer, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Past the JSON string whose opening quote is at `at`, escapes included; -1 when it does not end before `end`. */
function afterString(bytes: Buffer, at: number, end: number): number {
  for (let i = at + 1; i < end; i++) {
    const c = bytes[i];
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return -1;
}

/** The JSON string at `open`…`end` (its quotes), decoded; one without escapes is its own text. Throws when it is not valid. */
export function stringAt(bytes: Buffer, open: number, end: number): string {
  for (let i = open + 1; i < end - 1; i++)
    if (bytes[i] === BACKSLASH) return JSON.parse(bytes.toString('utf8', open, end)) as string;
  return bytes.toString('utf8', open + 1, end - 1);
}

/**
 * Past the JSON array of strings whose `[` is at `at`, as JSON.stringify writes it (no spaces);
 * -1 when there is none there that ends before `end`.
 */
function afterArray(bytes: Buffer, at: number, end: number): number {
  if (bytes[at] !== OPEN_BRACKET) return -1;
  if (bytes[at + 1] === CLOSE_BRACKET) return at + 2;
  for (let i = at + 1; i < end; i++) {
    if (bytes[i] !== QUOTE) return -1;
    i = afterString(bytes, i, end);
    if (i < 0) return -1;
    if (bytes[i] === CLOSE_BRACKET) return i + 1;
    if (bytes[i] !== COMMA) return -1;
  }
  return -1;
}

/** The quote of the string that comes next in an array of strings, from `at` (its `[`, or past a string); -1 at the array's end. */
function nextString(bytes: Buffer, at: number): number {
  return bytes[at] === CLOSE_BRACKET || bytes[at + 1] === CLOSE_BRACKET ? -1 : at + 1;
}

/** True when `bytes` hold, from `start` to `end`, only what a JSON string holds as it is (no escapes, no control characters). */
export function plainText(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] === BACKSLASH || (bytes[i] as number) < 0x20) return false;
  return true;
}

/** True when `bytes[start…end)` are all ASCII. */
export function isAscii(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}

/** The path a line starts with; null when it does not start as an entry does. */
export function pathOf(line: Line): string | null {
  const { bytes, start, end } = line;
  if (!holdsAt(bytes, start, KEY_START)) return null;
  const open = start + KEY_START.length - 1;
  const close = afterString(bytes, open, end);
  try {
    return close < 0 ? null : stringAt(bytes, open, close);
  } catch {
    return null;
  }
}

/** True when the line is the entry of `absPath` (a plain ASCII path is compared as it is stored). */
export function isPathOf(line: Line, absPath: string): boolean {
  const { bytes, start, end } = line;
  const open = start + KEY_START.length;
  if (!holdsAt(bytes, start, KEY_START) || open + absPath.length >= end || bytes[open + absPath.length] !== QUOTE)
    return pathOf(line) === absPath;
  for (let i = 0; i < absPath.length; i++) {
    const c = absPath.charCodeAt(i);
    // Anything JSON escapes, or UTF-8 encodes as more than one byte, is compared decoded.
    if (c < 0x20 || c >= 0x80 || c === QUOTE || c === BACKSLASH) return pathOf(line) === absPath;
    if (c !== bytes[open + i]) return false;
  }
  return true;
}

/**
 * What follows the path in an entry line for a file of this key: its size, times and inode, as
 * JSON.stringify writes them (keyFields in file-format.ts). Made once per file looked up: an entry
 * is then matched by comparing bytes.
 */
export function stampOf(key: FileKey): string {
  return `,"s":${key.size},"m":${key.mtimeMs},"c":${key.ctimeMs},"i":${key.ino}`;
}

/** Past `stamp`, when the line starts as an entry does and its path is followed by it; -1 otherwise. */
export function afterStamp(bytes: Buffer, start: number, end: number, stamp: string): number {
  const pathEnd = holdsAt(bytes, start, KEY_START) ? afterString(bytes, start + KEY_START.length - 1, end) : -1;
  return pathEnd >= 0 && holdsAt(bytes, pathEnd, stamp) ? pathEnd + stamp.length : -1;
}

/** True when the line is a `JsonlFileEntry` (the file's own entry) with this stamp. */
export function isFileEntry(line: Line, stamp: string): boolean {
  const at = afterStamp(line.bytes, line.start, line.end, stamp);
  return at >= 0 && holdsAt(line.bytes, at, J_KEY);
}

/**
 * Makes what a `CacheEntry` line is read as, from where its parts are: the line's `bytes`, where
 * it starts in the file (`at`), its edge lines' and hits' arrays (their `[`), the signature's,
 * the lede's and the record's keys (`,"n":"`, `,"l":"` and `,"r":`), its end, and its record's
 * `paragraphs` and `hash`.
 */
export type EntryMaker<T> = (
  bytes: Buffer,
  at: number,
  edges: number,
  hits: number,
  signatureKey: number,
  ledeKey: number,
  recordKey: number,
  end: number,
  paragraphs: number,
  hash: string,
) => T;

/**
 * Finds the parts of a `CacheEntry` line for a file of this stamp ({@link stampOf}), and gives
 * them to `make`; null when the line is of another stamp, or not laid out so. The record's
 * `paragraphs` and `hash` are the last such keys in the line: only `flags` and `provenance` come
 * after them (and the bytes before the line may be another line's).
 */
export function scanEntry<T>(line: Line, stamp: string, make: EntryMaker<T>): T | null {
  const { bytes, start, end } = line;
  const eKey = afterStamp(bytes, start, end, stamp);
  const edges = eKey >= 0 && holdsAt(bytes, eKey, E_KEY) ? eKey + E_KEY.length : -1;
  const hKey = edges < 0 ? -1 : afterArray(bytes, edges, end);
  const nKey = hKey >= 0 && holdsAt(bytes, hKey, H_KEY) ? afterArray(bytes, hKey + H_KEY.length, end) : -1;
  const lKey = nKey >= 0 && holdsAt(bytes, nKey, N_KEY) ? afterString(bytes, nKey + N_KEY.length - 1, end) : -1;
  const rKey = lKey >= 0 && holdsAt(bytes, lKey, L_KEY) ? afterString(bytes, lKey + L_KEY.length - 1, end) : -1;
  if (
    rKey < 0 ||
    !holdsAt(bytes, rKey, R_KEY) ||
    !holdsAt(bytes, rKey + R_KEY.length, ID_KEY) ||
    !holdsAt(bytes, end - 2, '}}')
  )
    return null;
  const paragraphsAt = bytes.lastIndexOf(PARAGRAPHS_KEY, end) + PARAGRAPHS_KEY.length;
  const hashAt = bytes.lastIndexOf(HASH_KEY, end) + HASH_KEY.length - 1;
  const hashEnd = hashAt < rKey ? -1 : afterString(bytes, hashAt, end);
  if (paragraphsAt < rKey || hashEnd < 0) return null;
  let paragraphs = 0;
  let digit = paragraphsAt;
  for (let c = bytes[digit]; c !== undefined && c >= 0x30 && c <= 0x39; c = bytes[++digit])
    paragraphs = paragraphs * 10 + c - 0x30;
  if (digit === paragraphsAt) return null;
  let hash: string;
  try {
    hash = stringAt(bytes, hashAt, hashEnd);
  } catch {
    return null;
  }
  return make(bytes, line.at, edges, hKey + H_KEY.length, nKey, lKey, rKey, end, paragraphs, hash);
}

/** `{"e":[…],"h":[…]}`: the edge lines and hits of the entry, as JSON. */
export function headJson(bytes: Buffer, edges: number, signatureKey: number): string {
  return `{${bytes.toString('utf8', edges - '"e":'.length, signatureKey)}}`;
}

/** The signature of the entry, as stored (base64, without escapes; '' for none). */
export function signatureText(bytes: Buffer, signatureKey: number, ledeKey: number): string {
  return bytes.toString('latin1', signatureKey + N_KEY.length, ledeKey - 1);
}

/** The lede of the entry, as a JSON string. */
export function ledeJson(bytes: Buffer, ledeKey: number, recordKey: number): string {
  return bytes.toString('utf8', ledeKey + L_KEY.length - 1, recordKey);
}

/** The record of the entry, as JSON. */
export function recordJson(bytes: Buffer, recordKey: number, end: number): string {
  return bytes.toString('utf8', recordKey + R_KEY.length, end - 1);
}

/** The record's `id` (for a JSON Lines record, the id it asks for); null when it is not laid out so. */
export function recordId(bytes: Buffer, recordKey: number, end: number): string | null {
  const open = recordKey + R_KEY.length + ID_KEY.length - 1;
  const close = afterString(bytes, open, end);
  try {
    return close < 0 ? null : stringAt(bytes, open, close);
  } catch {
    return null;
  }
}

/** Past the record's `path` string, which follows its `id`; -1 when it is not laid out so. */
export function afterRecordPath(bytes: Buffer, recordKey: number, end: number): number {
  const idEnd = afterString(bytes, recordKey + R_KEY.length + ID_KEY.length - 1, end);
  if (idEnd < 0 || !holdsAt(bytes, idEnd, PATH_KEY)) return -1;
  return afterString(bytes, idEnd + PATH_KEY.length - 1, end);
}

/** A set of strings that can say whether it holds a JSON string from its bytes. */
export interface StringsByBytes {
  /** True when the JSON string at `open`…`close` (its quotes) is in the set. */
  hasAt(bytes: Buffer, open: number, close: number): boolean;
}

/**
 * True when the array of strings at `kept` holds exactly the strings of the array at `all` that
 * `keep` holds, in order (both arrays as JSON.stringify writes them, their strings without escapes).
 */
export function keptStringsAre(bytes: Buffer, all: number, kept: number, end: number, keep: StringsByBytes): boolean {
  let k = kept;
  for (let a = all, open = nextString(bytes, a); open >= 0; open = nextString(bytes, a)) {
    a = afterString(bytes, open, end);
    if (!keep.hasAt(bytes, open, a)) continue;
    const hit = nextString(bytes, k);
    if (hit < 0) return false;
    k = afterString(bytes, hit, end);
    if (bytes.compare(bytes, hit, k, open, a) !== 0) return false;
  }
  return nextString(bytes, k) < 0;
}
