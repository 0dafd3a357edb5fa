// A document's lines as the boilerplate section counts them: white space folded, the short lines
// and the boilerplate lines apart. Done where the document is analysed (in a worker, say).

import { isBoilerplateProper } from '../analyse/metadata/boilerplate-kinds.js';
import type { DocumentRecord } from '../types.js';

/** Lines longer than this are body text, never counted as shared lines. */
const SHARED_LINE_MAX = 160;

/** A document's lines as the boilerplate section counts them: white space folded, in order. */
export interface PreparedLines {
  /** The non-empty lines of at most {@link SHARED_LINE_MAX} characters. */
  short: string[];
  /** The non-empty lines of boilerplate proper: not the headline, not metadata lines (docs/spec.md §3). */
  boiler: string[];
}

// White space a line folds: at either end, in runs, or other than a plain space.
const UNFOLDED_SPACE = /^\s|\s$|\s\s|[^\S ]/;

/**
 * A line trimmed, its runs of white space made one space. Most lines have nothing to fold, and
 * are kept as they are: the replace would build a copy of each.
 */
export function foldSpaces(line: string): string {
  return UNFOLDED_SPACE.test(line) ? line.trim().replace(/\s+/g, ' ') : line;
}

/** The lines of a document that the boilerplate section counts. */
export function prepareLines(
  record: Pick<DocumentRecord, 'boilerplate' | 'boilerplateKinds'>,
  lines: string[],
): PreparedLines {
  const short: string[] = [];
  for (const raw of lines) {
    // A long line folds to a short one only through runs of white space: most are left unfolded.
    if (raw.length > SHARED_LINE_MAX) {
      const trimmed = raw.trim();
      if (trimmed.length > SHARED_LINE_MAX && !/\s\s/.test(trimmed)) continue;
    }
    const line = foldSpaces(raw);
    if (line === '' || line.length > SHARED_LINE_MAX) continue;
    short.push(line);
  }
  const boiler: string[] = [];
  record.boilerplate.forEach((n, i) => {
    // Boilerplate proper only: a headline or a dateline is the article's own (docs/spec.md §3).
    if (!isBoilerplateProper(record.boilerplateKinds[i])) return;
    const line = foldSpaces(lines[n - 1] ?? '');
    if (line !== '') boiler.push(line);
  });
  return { short, boiler };
}
