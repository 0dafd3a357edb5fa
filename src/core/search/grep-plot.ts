// The arithmetic of `grep --plot`, AntConc's Plot: where in a document's body each hit falls (its
// character offset over the body's length, 0 to 1), the strip of cells a drawing shows, Juilland's D
// over equal parts of one document, and Gries' DP over the documents of the corpus
// (docs/spec.md §5, grep, "Dispersion plot"). Pure: the pass over the corpus is grep-plot-pass.ts.

import type { Matcher } from './matcher-types.js';

/** Equal parts of a document that Juilland's D compares. */
export const D_PARTS = 10;

/**
 * The offsets of a term's matches in a body (its paragraphs joined by line breaks, as the record's
 * `chars` counts it), each over the body's length: 0 at its first character, under 1 at its last.
 */
export function hitPositions(paragraphs: readonly string[], term: Matcher): number[] {
  const length = paragraphs.reduce((sum, p) => sum + p.length, 0) + Math.max(0, paragraphs.length - 1);
  const positions: number[] = [];
  if (length === 0) return positions;
  let offset = 0;
  for (const paragraph of paragraphs) {
    for (const match of term.findAll(paragraph)) positions.push((offset + match.start) / length);
    offset += paragraph.length + 1;
  }
  return positions;
}

/**
 * Which of `width` equal cells each position falls in, as a count a cell: a drawing of the strip.
 * A position of exactly 1 (never given by {@link hitPositions}) goes to the last cell.
 */
export function stripCells(positions: readonly number[], width: number): number[] {
  const cells = new Array<number>(width).fill(0);
  if (width <= 0) return cells;
  for (const p of positions) {
    const i = Math.min(width - 1, Math.max(0, Math.floor(p * width)));
    cells[i] = (cells[i] ?? 0) + 1;
  }
  return cells;
}

/**
 * Juilland's D of one document: its body cut into `parts` equal parts by characters, the hits
 * counted in each; with their mean μ and (population) standard deviation σ, the variation
 * coefficient V = σ / μ, and D = 1 − V / √(parts − 1). 1 when the hits are spread evenly over the
 * parts, 0 when they all fall in one. Rounded to 3 places; null without hits.
 */
export function juillandD(positions: readonly number[], parts = D_PARTS): number | null {
  if (positions.length === 0 || parts < 2) return null;
  const counts = stripCells(positions, parts);
  const mean = positions.length / parts;
  const variance = counts.reduce((sum, f) => sum + (f - mean) ** 2, 0) / parts;
  const d = 1 - Math.sqrt(variance) / mean / Math.sqrt(parts - 1);
  return round3(Math.max(0, d));
}

/** One document's share of a term, for {@link griesDP}. */
export interface DocumentShare {
  /** The term's hits in it. */
  hits: number;
  /** Its words (record `words`). */
  words: number;
}

/**
 * Gries' DP (deviation of proportions, Gries 2008) of a term over the documents of the corpus:
 * each document's share of the hits v = hits / all hits against its share of the words
 * s = words / all words, DP = ½ Σ |v − s| over every document. The documents without a hit add
 * their s; they are given as `wordsWithout`, the words of the documents not in `hits`. 0 when the
 * term is spread as the documents' sizes predict, towards 1 when it sits in one small document.
 * Rounded to 3 places; null when there is no hit or no word.
 */
export function griesDP(withHits: readonly DocumentShare[], totalWords: number): number | null {
  const hits = withHits.reduce((sum, d) => sum + d.hits, 0);
  if (hits === 0 || totalWords <= 0) return null;
  let words = 0;
  let sum = 0;
  for (const d of withHits) {
    words += d.words;
    sum += Math.abs(d.hits / hits - d.words / totalWords);
  }
  // The documents without a hit: v = 0, so each adds its s.
  sum += Math.max(0, (totalWords - words) / totalWords);
  return round3(sum / 2);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
