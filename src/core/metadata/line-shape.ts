// The shape of a line, cheaply: is it prose (a paragraph of the body), could it be a headline,
// and a folded form for comparing lines. Every extractor decides from these.

const SENTENCE_END = /[.!?…;:,»"”’)\]]$/u;
const TITLE_BAD_END = /[.,;:\-–—/]$/u;
const TITLE_START = /^[\p{Lu}\p{N}"“«‘'¿¡(]/u;

/** Number of whitespace-separated words. */
export function wordCount(line: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i += 1) {
    const space = line.charCodeAt(i) <= 32 || line.charCodeAt(i) === 0xa0;
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}

/**
 * A paragraph of the body: a sentence (four words or more ending like one), or a line too long to
 * be a headline or a label.
 *
 * @param line A trimmed, non-empty line.
 */
export function isProse(line: string): boolean {
  if (line.length > 160) return true;
  const words = wordCount(line);
  if (words > 22) return true;
  // A short question or exclamation is as often a headline as a sentence: not prose by shape.
  if (/[?!]$/u.test(line)) return words > 12;
  return words >= 4 && SENTENCE_END.test(line) && !line.endsWith('...');
}

/**
 * Could be a headline: short, opens like a heading, does not end like a clause. Question and
 * exclamation marks are fine ("Will Minsk join the war?").
 *
 * @param line A trimmed, non-empty line.
 */
export function isHeadlineShape(line: string): boolean {
  if (line.length > 160 || !TITLE_START.test(line) || TITLE_BAD_END.test(line)) return false;
  const words = wordCount(line);
  if (words > 22) return false;
  return !(/[.;:,]$/u.test(line) || (words >= 4 && /[…]$/u.test(line)));
}

/** Lower case, no diacritics, letters and digits only, single spaces: for comparing lines. */
export function foldLine(line: string): string {
  let folded = line.toLowerCase();
  // Decomposing is the costly step, and most metadata lines are plain ASCII.
  if (NON_ASCII.test(folded)) folded = folded.normalize('NFD').replace(/\p{M}/gu, '');
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const NON_ASCII = /[^\u0000-\u007f]/u;

/** Letters and digits only, lower case, no diacritics: "La Gazette" and "Lagazette" meet here. */
export function compactKey(text: string): string {
  return foldLine(text).replace(/ /g, '');
}

/** Each word capitalised (or a digit, or a small particle such as "de", "la", "of"). */
export function isNameLike(text: string, maxWords: number): boolean {
  const words = text.trim().split(/\s+/u);
  if (words.length === 0 || words.length > maxWords || words[0] === '') return false;
  // A particle may open a name ("de Volkskrant") as long as a capitalised word follows it.
  if (!words.some((word) => /^[\p{Lu}\p{N}]/u.test(word))) return false;
  return words.every(
    (word) => /^[\p{Lu}\p{N}'’"«“(]/u.test(word) || PARTICLES.has(word.toLowerCase()) || /^[a-z]+\.[a-z]{2,}$/u.test(word),
  );
}

const PARTICLES = new Set(
  'de la le les du des of the and & y e i und der die das el los las il lo di del della dei da do dos das van het den voor für för dla o a an og och'.split(' '),
);
