// The small non-cryptographic hashes shared across the tool: 32-bit FNV-1a (of a string's UTF-16
// code units, or of bytes: the same value for an ASCII text and its bytes) and murmur3's 32-bit
// finaliser. The cache's look-ups and the near-duplicate signatures depend on their exact values.

/** FNV-1a's 32-bit offset basis: the hash of nothing. */
export const FNV_OFFSET = 0x811c9dc5;
/** FNV-1a's 32-bit prime. */
export const FNV_PRIME = 0x01000193;

// A loop that inlines the step `Math.imul(h ^ c, FNV_PRIME)` copies both constants to locals
// first, as 32-bit integers (`FNV_PRIME | 0`): V8 reads an imported or exported constant through
// its module cell at every use, and keeps `h` in a register only while every value it takes is a
// 32-bit integer. Measured: used directly, they made these loops up to twice as slow.

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function fnv1a32(text: string): number {
  const prime = FNV_PRIME | 0;
  let h = FNV_OFFSET | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), prime);
  return h >>> 0;
}

/** 32-bit FNV-1a of `bytes[start…end)`: for ASCII, {@link fnv1a32} of the text they encode. */
export function fnv1a32Bytes(bytes: Uint8Array, start: number, end: number): number {
  const prime = FNV_PRIME | 0;
  let h = FNV_OFFSET | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), prime);
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: every bit of the input reaches every bit of the output. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
