// A body's word and sentence counts and its MinHash signature, in one scan of its text: the
// analysis of every document gives the signature that `list` flags near duplicates by
// (docs/spec.md §3, `near-duplicate`), the same one summarise's duplicates section computes from
// the same body (near-duplicates.ts: folded words, 5-word shingles, 128 hash functions).

import { fnv1a32, FNV_OFFSET, FNV_PRIME } from '../hash.js';
import { foldTerm } from './folded.js';
import { MINHASH, shinglesOf, signatureOf } from './near-duplicates.js';
import { scanTokens } from './tokenize.js';

/** A body's counts, as countWordsAndSentences gives them, and its signature. */
export interface BodyFigures {
  words: number;
  sentences: number;
  /** The MinHash signature of its tokens; null when it has none. */
  signature: Uint32Array | null;
}

let hashes = new Uint32Array(4096);

// The folded form's hash is computed from the text's UTF-16 units as they are read, with no
// string made: `foldTerm` lower-cases and straightens the curly apostrophe, and for almost every
// character that is a character of its own, looked up in a table filled a block of 256 at a
// time as characters are met. A form holding a character that lower-cases otherwise (to two, as
// U+0130 does, or by its context, as Σ does) or a surrogate is folded by foldTerm itself.
const SLOW = -1;
/** Per UTF-16 unit, what it folds to; valid where its block's {@link FILLED} is set. */
const LOWER = new Int32Array(0x10000);
const FILLED = new Uint8Array(0x100);

function fillBlock(block: number): void {
  for (let c = block * 256; c < block * 256 + 256; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    LOWER[c] =
      (c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 || lower.length !== 1
        ? SLOW
        : c === 0x2019
          ? 0x27
          : lower.charCodeAt(0);
  }
  FILLED[block] = 1;
}

/** {@link fnv1a32} of `foldTerm(text.slice(start, end))`, as `minhash` takes a word. */
function formHash(text: string, start: number, end: number): number {
  const prime = FNV_PRIME | 0;
  let h = FNV_OFFSET | 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (FILLED[c >> 8] === 0) fillBlock(c >> 8);
    const lower = LOWER[c] as number;
    if (lower === SLOW) return fnv1a32(foldTerm(text.slice(start, end)));
    h = Math.imul(h ^ lower, prime);
  }
  return h >>> 0;
}

/**
 * Counts a body's words (an elided clitic counted with its word) and sentences, as
 * `countWordsAndSentences` does, and gives the MinHash signature of all its tokens, as `minhash`
 * gives it for the same text tokenized and folded: one scan for both.
 */
export function bodyFigures(body: string): BodyFigures {
  let words = 0;
  let sentences = 0;
  let n = 0;
  scanTokens(body, (start, end, kind, gap) => {
    if (kind !== 'elision') words++;
    if (gap === 'sentence') sentences++;
    if (n === hashes.length) {
      const grown = new Uint32Array(n * 2);
      grown.set(hashes);
      hashes = grown;
    }
    hashes[n++] = formHash(body, start, end);
  });
  let signature: Uint32Array | null = null;
  if (n > 0) {
    signature = new Uint32Array(MINHASH.permutations).fill(0xffffffff);
    signatureOf(shinglesOf(hashes, n), signature);
  }
  // A long document's array is not kept for the next ones.
  if (hashes.length > 65_536) hashes = new Uint32Array(4096);
  return { words, sentences, signature };
}

/** A signature as the cache keeps it: its 512 bytes (little-endian words) in base64; '' for none. */
export function encodeSignature(signature: Uint32Array | null): string {
  if (signature === null) return '';
  const bytes = Buffer.alloc(signature.length * 4);
  for (let i = 0; i < signature.length; i++) bytes.writeUInt32LE(signature[i] as number, i * 4);
  return bytes.toString('base64');
}

/** A signature from its cached form; null for '' or anything that is not one. */
export function decodeSignature(base64: string): Uint32Array | null {
  if (base64 === '') return null;
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== MINHASH.permutations * 4) return null;
  const signature = new Uint32Array(MINHASH.permutations);
  for (let i = 0; i < signature.length; i++) signature[i] = bytes.readUInt32LE(i * 4);
  return signature;
}
