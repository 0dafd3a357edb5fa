// Seeded pseudo-random numbers for the bench corpus generator: the same seed gives the same
// sequence on every machine and Node version (cyrb128 to seed, sfc32 to draw).

/**
 * Hashes a string to four 32-bit seeds (cyrb128).
 * @param {string} text
 * @returns {[number, number, number, number]}
 */
function cyrb128(text) {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/**
 * A small seeded random source.
 * @typedef {object} Random
 * @property {() => number} next - a float in [0, 1)
 * @property {(n: number) => number} int - an integer in [0, n)
 * @property {(lo: number, hi: number) => number} range - an integer in [lo, hi]
 * @property {<T>(items: readonly T[]) => T} pick - one item
 * @property {(p: number) => boolean} chance - true with probability p
 * @property {() => string} hex - 8 hex digits
 */

/**
 * Creates a random source from a text seed (sfc32).
 * @param {string} seed
 * @returns {Random}
 */
export function createRandom(seed) {
  let [a, b, c, d] = cyrb128(seed);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first draws: sfc32 mixes poorly right after seeding.
  for (let i = 0; i < 12; i++) next();
  /** @param {number} n */
  const int = (n) => Math.floor(next() * n);
  /**
   * @template T
   * @param {readonly T[]} items - never empty, so the index is always in range
   * @returns {T}
   */
  const pick = (items) => /** @type {T} */ (items[int(items.length)]);
  return {
    next,
    int,
    range: (lo, hi) => lo + int(hi - lo + 1),
    pick,
    chance: (p) => next() < p,
    hex: () => (int(0x100000000) >>> 0).toString(16).padStart(8, '0'),
  };
}
