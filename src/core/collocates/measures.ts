// The association measures of a collocate (docs/spec.md, collocates): from the co-occurrence
// count O11, the frequencies of the node and of the collocate, the corpus size and the span,
// the expected count E11 and logDice, MI, MI3, t-score and log-likelihood G².

/** What a collocate's measures are computed from. */
export interface CollocateCounts {
  /** O11: occurrences of the collocate within the node's windows (one per window it falls in). */
  o11: number;
  /** f(c): occurrences of the collocate in the corpus. */
  fc: number;
  /** f(n): occurrences of the node in the corpus. */
  fn: number;
  /** N: tokens (words and numbers) in the corpus. */
  n: number;
  /** S: the span, the number of tokens a window holds at most (left + right). */
  span: number;
}

/** The measures of one collocate. */
export interface CollocateScores {
  /** E11 = f(n)·f(c)·S / N. */
  expected: number;
  /** Rychlý (2008): 14 + log2(2·O11 / (f(n) + f(c))). */
  logDice: number;
  /** Church & Hanks (1990): log2(O11 / E11). */
  mi: number;
  /** Daille (1994): log2(O11³ / E11). */
  mi3: number;
  /** Church et al. (1991): (O11 − E11) / √O11. */
  t: number;
  /** Dunning (1993): G² of the 2×2 table, negative when O11 < E11. */
  ll: number;
}

/** O·ln(O/E), 0 for an empty cell (its limit). */
const cell = (o: number, e: number): number => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);

/**
 * Log-likelihood G² = 2·Σ Oij·ln(Oij/Eij) over the four cells of the contingency table (Evert
 * 2005, §4.1): the R1 = f(n)·S tokens of the node's windows against the N − R1 others, the f(c)
 * tokens of the collocate against the others. Eij = Ri·Cj/N. A token in two overlapping windows
 * is counted in each, so O11 may exceed f(c); cells are then taken as 0, not negative.
 * Negative when O11 < E11 (the pair is rarer than chance), as keyness tools sign it. Not
 * stats/distinctive.ts's `logLikelihood`: that one sums two cells (Rayson's keyness form).
 */
export function logLikelihood2x2(o11: number, r1: number, c1: number, n: number): number {
  const o12 = Math.max(0, r1 - o11);
  const o21 = Math.max(0, c1 - o11);
  const o22 = Math.max(0, n - r1 - c1 + o11);
  const r2 = n - r1;
  const c2 = n - c1;
  const g2 =
    2 * (cell(o11, (r1 * c1) / n) + cell(o12, (r1 * c2) / n) + cell(o21, (r2 * c1) / n) + cell(o22, (r2 * c2) / n));
  return o11 < (r1 * c1) / n ? -g2 : g2;
}

/** The measures of a collocate from its counts. */
export function scoreCollocate({ o11, fc, fn, n, span }: CollocateCounts): CollocateScores {
  const expected = (fn * fc * span) / n;
  return {
    expected,
    logDice: 14 + Math.log2((2 * o11) / (fn + fc)),
    mi: Math.log2(o11 / expected),
    mi3: Math.log2((o11 * o11 * o11) / expected),
    t: (o11 - expected) / Math.sqrt(o11),
    ll: logLikelihood2x2(o11, fn * span, fc, n),
  };
}
