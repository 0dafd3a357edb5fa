// Chooses the headline among the short lines that stand above the body, and finds the lines that
// repeat it. The first sentence of the body is never a candidate: only lines above it are.

import { foldLine, wordCount } from './line-shape.js';

/** A short line above the body that could be the headline. */
export interface HeadlineCandidate {
  /** 0-based line index. */
  index: number;
  text: string;
  /** An unknown name made of outlet words ("The Valley Courier"): an outlet unless alone. */
  outletLike: boolean;
}

/** The title and what the other candidates turned out to be. */
export interface TitleChoice {
  title: HeadlineCandidate | null;
  /** Candidates read as outlet names instead. */
  outlets: HeadlineCandidate[];
  /** Candidates that are neither: kickers, teasers of other articles. */
  strays: HeadlineCandidate[];
}

/**
 * Choose the headline among the candidates above the body, in document order.
 *
 * A one- or two-word line followed by another candidate is a kicker ("Politique"), and a name
 * made of outlet words followed by another candidate is the outlet; copies of the headline are
 * not candidates of their own.
 *
 * @param candidates Headline-shaped lines above the first paragraph, in order.
 */
export function chooseTitle(candidates: HeadlineCandidate[]): TitleChoice {
  const outlets: HeadlineCandidate[] = [];
  const strays: HeadlineCandidate[] = [];
  let title: HeadlineCandidate | null = null;
  candidates.forEach((candidate, position) => {
    const later = candidates.slice(position + 1).some((other) => !isCopy(other.text, candidate.text));
    if (title !== null) {
      if (!isCopy(candidate.text, title.text)) strays.push(candidate);
    } else if (candidate.outletLike && later) {
      outlets.push(candidate);
    } else if (wordCount(candidate.text) <= 2 && later) {
      strays.push(candidate);
    } else {
      title = candidate;
    }
  });
  return { title, outlets, strays };
}

/**
 * The same headline printed again: equal once case, accents, spacing and punctuation are folded.
 *
 * @param line Any line.
 * @param title The headline.
 */
export function isCopy(line: string, title: string): boolean {
  if (Math.abs(line.length - title.length) > 8) return false;
  return foldLine(line) === foldLine(title);
}
