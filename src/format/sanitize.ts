// Makes text from documents and arguments safe for a terminal: control characters, bidi
// controls, zero-width and tag characters become visible (fd's set), so no escape sequence or
// reordering from data reaches the terminal. Pipes get the text as decoded.

// What never reaches a terminal raw, as fd's sanitiser has it: C0 controls, DEL and C1 controls
// (0x9B alone is a CSI on some terminals), the soft hyphen, U+180E, zero-width characters and
// LRM/RLM (U+200B–U+200F), bidi embeddings and overrides (U+202A–U+202E), word joiner, invisible
// operators, bidi isolates and deprecated format characters (U+2060–U+206F), the BOM (U+FEFF),
// interlinear annotation (U+FFF9–U+FFFB) and tag characters (U+E0000–U+E007F, written as the
// surrogate pair \uDB40\uDC00–\uDC7F so the expression needs no `u` flag).
const FORMAT = '\\u00ad\\u180e\\u202a-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb';
const RANGES = `${FORMAT}\\u200b-\\u200f`;
const TAGS = '\\udb40[\\udc00-\\udc7f]';
/** One line: every control character but tab. */
const LINE = `[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f${RANGES}]|${TAGS}`;
// Document text keeps its line breaks, a carriage return that ends a line (CRLF), and the
// joiners U+200C/U+200D that Persian, Indic scripts and emoji sequences need to be read right;
// a lone carriage return would let a line overwrite what the terminal shows, so it is shown.
const TEXT = `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${FORMAT}\\u200b\\u200e\\u200f]|\\r(?!\\n)|${TAGS}`;

// A test first, without the `g` flag: plain text costs one scan and no copy.
const LINE_TEST = new RegExp(LINE);
const LINE_ALL = new RegExp(LINE, 'g');
const TEXT_TEST = new RegExp(TEXT);
const TEXT_ALL = new RegExp(TEXT, 'g');
// For JSON: C0 controls are already escaped by JSON.stringify; the others only occur raw inside
// strings, never right after an escaping backslash, so a `\uXXXX` in their place is the same JSON.
const JSON_TEST = new RegExp(`[\\u007f-\\u009f${RANGES}]|${TAGS}`);
const JSON_ALL = new RegExp(`[\\u007f-\\u009f${RANGES}]|${TAGS}`, 'g');

function picture(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␟, ␛ for ESC
  if (code === 0x7f) return '\u2421'; // ␡
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

function jsonEscape(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * One line of text as a terminal should show it: every control character but tab, and every
 * bidi, zero-width and tag character, becomes a visible stand-in (ESC `␛`, NUL `␀`, newline `␊`,
 * U+202E `<U+202E>`). Text without any comes back as it is.
 */
export function visible(text: string): string {
  return LINE_TEST.test(text) ? text.replace(LINE_ALL, picture) : text;
}

/** Like {@link visible}, and tabs become spaces: for one table cell. */
export function visibleCell(text: string): string {
  const shown = visible(text);
  return shown.includes('\t') ? shown.replace(/\t/g, ' ') : shown;
}

/**
 * Document text of many lines as a terminal should show it: like {@link visible}, but line
 * breaks, tabs, CRLF and the joiners U+200C/U+200D are kept.
 */
export function visibleText(text: string): string {
  return TEXT_TEST.test(text) ? text.replace(TEXT_ALL, picture) : text;
}

/**
 * JSON for a terminal: the characters {@link visible} shows that JSON.stringify leaves raw (DEL,
 * C1, bidi, zero-width, tag) written as `\uXXXX` escapes, so the JSON keeps its value.
 */
export function visibleJson(json: string): string {
  return JSON_TEST.test(json) ? json.replace(JSON_ALL, jsonEscape) : json;
}
