// ripgrep's Unicode `\w`, for -w: a regex class to put around a pattern, and a test of the
// character at an offset for the literal set.

/** ripgrep's `\w` in Unicode mode, so -w agrees with `rg -w`. */
export const WORD_CHAR = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]';

const WORD_CHAR_RE = new RegExp(`^${WORD_CHAR}$`, 'u');
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (/[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0));

/** Whether the code point at `at` is a word character for -w (see WORD_CHAR). */
export function isWordAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return ASCII_WORD[c] === 1;
  return WORD_CHAR_RE.test(String.fromCodePoint(text.codePointAt(at) ?? c));
}
