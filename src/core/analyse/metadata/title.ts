// Chooses the headline among the short lines that stand above the body, and finds the lines that
// repeat it. The first sentence of the body is never a candidate: only lines above it are. The
// choice goes by shape, position and repetition, never by letter case, so it holds in every script.

import { foldLine, isUnspaced, lineWords } from './line-shape.js';

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
 * A line printed twice is the headline (pages repeat it above the article); otherwise the first
 * candidate that is neither a kicker nor an outlet is. A one- or two-word line (as a reader counts
 * words: `NHK`, `新华网`) followed by another candidate is a kicker or an outlet name ("Politique"),
 * and a name made of outlet words followed by another candidate is the outlet; copies of the
 * headline are not candidates of their own.
 *
 * @param candidates Headline-shaped lines above the first paragraph, in order.
 */
export function chooseTitle(candidates: HeadlineCandidate[]): TitleChoice {
  const outlets: HeadlineCandidate[] = [];
  const strays: HeadlineCandidate[] = [];
  let title: HeadlineCandidate | null = null;
  // An outlet's name may be printed twice too ("CNN" above and below the headline): only a line
  // longer than a label counts as a repeated headline.
  const repeated = candidates.find(
    (candidate, position) =>
      !candidate.outletLike &&
      !isShort(candidate.text) &&
      candidates.slice(position + 1).some((other) => isCopy(other.text, candidate.text)),
  );
  candidates.forEach((candidate, position) => {
    const others = candidates.slice(position + 1).filter((other) => !isCopy(other.text, candidate.text));
    const later = others.length > 0;
    if (title !== null) {
      if (!isCopy(candidate.text, title.text)) strays.push(candidate);
    } else if (candidate === repeated) {
      title = candidate;
    } else if (candidate.outletLike && (later || repeated !== undefined)) {
      outlets.push(candidate);
    } else if (repeated !== undefined || (later && isLabel(candidate.text, others))) {
      strays.push(candidate);
    } else {
      title = candidate;
    }
  });
  return { title, outlets, strays };
}

/**
 * A kicker or an outlet's name above another candidate: one or two words as a reader counts them
 * (`Politique`, `NHK`, `人民网`), or a few characters of a script without spaces, which the
 * segmenter may cut into more pieces than a reader sees (`新华网`), shorter than a line under it.
 */
function isLabel(text: string, others: HeadlineCandidate[]): boolean {
  if (lineWords(text) <= 2) return true;
  return isShort(text) && others.some((other) => other.text.length > text.length);
}

/** One or two words, or at most six characters of a script without spaces. */
function isShort(text: string): boolean {
  return lineWords(text) <= 2 || (isUnspaced(text) && text.length <= 6);
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
