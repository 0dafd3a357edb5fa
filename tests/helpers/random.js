// The seeded generator of the tests and of the fixture generators: the same seed, the same numbers,
// on every machine. Plain JavaScript, so that a fixture script run by Node imports it too.

/**
 * Numbers in [0, 1) from a seed (mulberry32).
 * @param {number} seed
 * @returns {() => number}
 */
export function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 32-bit words from a seed (xorshift32): the same "random" signatures and hashes on every run.
 * @param {number} seed
 * @returns {() => number}
 */
export function xorshift32(seed) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}
