// Cuts a document body into the stretches whose language is judged one at a time: each
// paragraph, and windows of whole sentences inside a long one, so that a body with no blank
// lines still shows where it switches language.

/** A stretch of one paragraph: `paragraphs[paragraph].slice(start, end)`. */
export interface Segment {
  paragraph: number;
  start: number;
  end: number;
}

/** Paragraphs up to this many characters are judged whole. */
export const WINDOW_MAX = 700;
/** A window of sentences closes once it reaches this many characters. */
const WINDOW_TARGET = 200;

// A sentence ends at . ! ? … (or their CJK forms), after any closing quotes or brackets.
const SENTENCE_END = /[.!?…。！？]+["'”’»)\]]*\s+|[。！？]/g;

/**
 * Split paragraphs into segments: a short paragraph is one segment; a long one is cut into
 * windows of about {@link WINDOW_TARGET} characters at sentence ends (at spaces if a
 * sentence is itself too long), so a switch of language at a sentence boundary is seen.
 *
 * @param paragraphs - The body's paragraphs.
 * @returns Segments in document order; empty paragraphs give none.
 */
export function segmentParagraphs(paragraphs: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  paragraphs.forEach((text, paragraph) => {
    if (text.trim().length === 0) return;
    if (text.length <= WINDOW_MAX) {
      segments.push({ paragraph, start: 0, end: text.length });
      return;
    }
    let start = 0;
    const close = (end: number): void => {
      if (end > start) segments.push({ paragraph, start, end });
      start = end;
    };
    SENTENCE_END.lastIndex = 0;
    for (let match = SENTENCE_END.exec(text); match; match = SENTENCE_END.exec(text)) {
      const end = match.index + match[0].length;
      while (end - start > WINDOW_MAX) close(cutAtSpace(text, start));
      if (end - start >= WINDOW_TARGET) close(end);
    }
    while (text.length - start > WINDOW_MAX) close(cutAtSpace(text, start));
    // A short tail joins the window before it rather than being judged alone.
    const last = segments[segments.length - 1];
    if (text.length - start < WINDOW_TARGET / 2 && last && last.paragraph === paragraph) {
      last.end = text.length;
    } else close(text.length);
  });
  return segments;
}

/** Where to cut a run with no sentence end: the last space before the target length. */
function cutAtSpace(text: string, start: number): number {
  const space = text.lastIndexOf(' ', start + WINDOW_TARGET);
  return space > start + WINDOW_TARGET / 2 ? space + 1 : start + WINDOW_TARGET;
}
