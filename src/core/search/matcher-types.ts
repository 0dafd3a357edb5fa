// What a compiled search is to its callers: the shape of a match and of a matcher, apart from
// how one is built (matcher.ts), so that a wrapper (invert-matcher.ts) needs no import of the builder.

/** One match: UTF-16 offsets into the original line, `end` exclusive. */
export interface Match {
  start: number;
  end: number;
}

/** A compiled search, to run line by line. */
export interface Matcher {
  /**
   * All non-overlapping matches in one line (no line terminator), left to right; leftmost-first
   * across several patterns, like ripgrep. Empty matches are included, so the result is non-empty
   * exactly when {@link Matcher.isMatch} is true. Offsets cover whole original characters.
   * @throws MatchTimeoutError when the line could not be searched in time.
   */
  findAll(line: string): Match[];
  /**
   * Whether the line matches; cheaper than findAll.
   * @throws MatchTimeoutError when the line could not be searched in time.
   */
  isMatch(line: string): boolean;
  /**
   * Literals one of which every matching line must contain, byte for byte, in its raw (not yet
   * normalised) text: ASCII only, case as given. Null when none can be derived, and always under
   * case-insensitive matching (-i, -S without uppercase) and --fold.
   */
  readonly requiredLiterals: string[] | null;
  /**
   * False only when no line of the document held in `bytes` can match: a raw-byte prefilter to
   * skip a file before decoding. Sound for bytes decoded as UTF-8 or Windows-1252 whose text is the
   * document itself (.txt, .md, decompressed .gz); never use it on UTF-16 or on JSON Lines, where
   * escapes (`\u0041`) hide literals ({@link Matcher.mayMatchJson} is for those). Under -i it
   * searches ASCII case-insensitively; under --fold it always says true.
   */
  mayMatchBytes(bytes: Uint8Array): boolean;
  /**
   * {@link Matcher.mayMatchBytes} for the raw bytes of a JSON Lines record (UTF-8): false only
   * when no line of any string the record holds can match, so its text need not be decoded or
   * searched. True whenever JSON's escapes could hide a literal: when a literal holds a character
   * JSON may escape (`"`, `\`, `/`, a control character), or the record escapes an ASCII character
   * as `\u00XX` (escapes of other characters cannot make an ASCII literal).
   */
  mayMatchJson(bytes: Uint8Array): boolean;
  /**
   * Prepares a whole text (lines with their terminators) for a search that finds candidate lines
   * without searching every line: `text` is the text in NFC (its lines are the NFC forms of the
   * original lines, in the same order), and `next(from)` is the offset in it of the first match
   * starting at or after `from`, or -1. Whenever a line starting at or after `from` matches on its
   * own, `next(from)` lands in that line or in an earlier one, so lines before the one it lands
   * in cannot match; a line it lands in must still be searched on its own. Null when the
   * pattern depends on where the input starts or ends (`^`, `$`, lookarounds of its own), under
   * --fold, or when the text is too long to search safely in one go: then search every line.
   */
  wholeText(text: string): WholeText | null;
  /**
   * Set when a line matches exactly when it holds one of these literals (-F, case as given, no
   * -w, made of the ASCII characters the byte prefilter trusts): lines can then be counted on a
   * UTF-8 or Windows-1252 file's raw bytes. Exact only where no occurrence is followed by a byte
   * ≥ 0x80, which might be a combining mark that NFC joins to the literal's last letter: there,
   * search the decoded text instead. Null otherwise.
   */
  readonly lineLiterals: readonly Buffer[] | null;
}

/** A text prepared by {@link Matcher.wholeText}. */
export interface WholeText {
  readonly text: string;
  next(from: number): number;
}
