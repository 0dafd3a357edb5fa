// Lines of a text, however they end: the one rule every command splits by.

/** Splits text into lines on CRLF, CR or LF; a final line terminator does not start a line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
