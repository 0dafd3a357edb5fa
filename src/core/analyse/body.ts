// A document's body as the record describes it: its lines, and its paragraphs without the
// boilerplate lines. Light: no analysis here.

import { splitLines } from '../input/lines.js';
import type { DocumentRecord } from '../types.js';

/**
 * Groups lines into paragraphs: maximal runs of non-blank lines, joined with a space. A text
 * with no blank line at all puts one paragraph a line where a line ends a sentence (scraped
 * news often does), rather than making the whole text one paragraph.
 */
export function paragraphsOf(lines: string[], skip: ReadonlySet<number>): string[] {
  const kept = lines.map((line, i) => (skip.has(i + 1) ? null : line.trim()));
  const lineBreaks = !kept.some((line) => line === '');
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const line of kept) {
    if (line === null) continue;
    if (line === '') {
      flush();
      continue;
    }
    current.push(line);
    if (lineBreaks && SENTENCE_END.test(line)) flush();
  }
  flush();
  return paragraphs;
}

const SENTENCE_END = /[.!?…:»"”)\]]$/u;

/** The lines and body paragraphs of a text whose record is known (a cached analysis). */
export function documentViews(
  text: string,
  record: Pick<DocumentRecord, 'boilerplate'>,
): { lines: string[]; paragraphs: string[] } {
  const lines = splitLines(text.normalize('NFC'));
  return { lines, paragraphs: paragraphsOf(lines, new Set(record.boilerplate)) };
}
