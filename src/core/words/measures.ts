// The figures of `words` and `keywords`: relative frequency, Gries' DP (dispersion), and the
// keyness of a term between a target and a reference (G², Hardie's log ratio, %DIFF), as
// docs/spec.md §5 (words, keywords) gives their formulas.

import { logLikelihood } from '../stats/distinctive.js';

export { logLikelihood };

/** Occurrences per million words. */
export function perMillion(freq: number, words: number): number {
  return words > 0 ? (freq * 1_000_000) / words : 0;
}

/**
 * Gries' DP ("deviation of proportions", Gries 2008) over parts: half the sum, over every part,
 * of |v/f − s|, with v the term's occurrences in the part, f its occurrences in all, s the part's
 * share of the corpus (its size over the whole size). 0: spread as the parts' sizes are; near 1:
 * all in one small part. `parts` are [v, size] for every part (those without the term too).
 */
export function griesDP(parts: readonly (readonly [v: number, size: number])[]): number {
  let f = 0;
  let total = 0;
  for (const [v, size] of parts) {
    f += v;
    total += size;
  }
  if (f === 0 || total === 0) return 0;
  let sum = 0;
  for (const [v, size] of parts) sum += Math.abs(v / f - size / total);
  return sum / 2;
}

/**
 * One part's share of {@link griesDP}'s sum beyond what a part without the term adds: the parts
 * without the term add their share s each, so DP = (1 + Σ over the parts holding the term of
 * (|v/f − s| − s)) / 2, and the parts without the term need not be visited.
 */
export function dpTerm(v: number, f: number, size: number, total: number): number {
  const s = size / total;
  return Math.abs(v / f - s) - s;
}

/** DP from the sum of {@link dpTerm} over the parts holding the term, clamped to [0, 1] against rounding. */
export function dpFromSum(sum: number): number {
  return Math.min(1, Math.max(0, (1 + sum) / 2));
}

/** The critical values of G² (one degree of freedom) and the p they mark, strongest first. */
export const SIGNIFICANCE: readonly (readonly [g2: number, p: number])[] = [
  [15.13, 0.0001],
  [10.83, 0.001],
  [6.63, 0.01],
  [3.84, 0.05],
];

/** The smallest p of {@link SIGNIFICANCE} that a G² passes, or 1 (not significant at 0.05). */
export function significance(g2: number): number {
  for (const [critical, p] of SIGNIFICANCE) if (g2 >= critical) return p;
  return 1;
}

/** Stars for a p of {@link significance}: `****` p < 0.0001 … `*` p < 0.05, empty otherwise. */
export function stars(p: number): string {
  return p <= 0.0001 ? '****' : p <= 0.001 ? '***' : p <= 0.01 ? '**' : p <= 0.05 ? '*' : '';
}

/** The keyness of one term. */
export interface Keyness {
  /** Log-likelihood G² (always ≥ 0). */
  g2: number;
  /** The smallest p of {@link SIGNIFICANCE} the G² passes (1: none). */
  p: number;
  /** Hardie's log ratio: log2 of the ratio of relative frequencies, a zero count taken as 0.5. */
  logRatio: number;
  /** Gabrielatos & Marchi's %DIFF; null when the term is absent from the reference (infinite). */
  pctDiff: number | null;
  /** `+` more frequent in the target than in the reference, `-` less. */
  direction: '+' | '-';
}

/**
 * The keyness of a term seen `a` times in a target of `c` words and `b` times in a reference of
 * `d` words. Log ratio = log2((a'/c) / (b'/d)), where a zero count is taken as 0.5 (Hardie 2014)
 * so that a term absent from one side has a finite ratio; %DIFF = 100 · (a/c − b/d) / (b/d)
 * (Gabrielatos & Marchi 2012), null when b = 0.
 */
export function keyness(a: number, b: number, c: number, d: number): Keyness {
  const g2 = logLikelihood(a, b, c, d);
  const rt = (a === 0 ? 0.5 : a) / c;
  const rr = (b === 0 ? 0.5 : b) / d;
  return {
    g2,
    p: significance(g2),
    logRatio: Math.log2(rt / rr),
    pctDiff: b === 0 ? null : (100 * (a / c - b / d)) / (b / d),
    direction: a / c >= b / d ? '+' : '-',
  };
}
