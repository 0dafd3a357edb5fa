// How long a line of visible text reads, for the main-text thresholds: a Chinese, Japanese or
// Korean character carries about a word, so it counts as two Latin letters (a 40-character
// Chinese sentence is a long line, as an 80-letter English one is); combining marks (Thai vowels
// and tones, Arabic harakat, Devanagari matras) add nothing to the length a reader sees.

// Han, kana, Hangul, CJK punctuation and full-width forms.
const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/g;
const MARK = /\p{M}/gu;
// Everything up to the spacing modifier letters: Latin, where a character is a character.
const BEYOND_LATIN = /[^\u0000-\u02ff]/;

/** The reading length of `text`: its characters, wide ones twice, combining marks not at all. */
export function textSize(text: string): number {
  if (!BEYOND_LATIN.test(text)) return text.length;
  const wide = text.match(WIDE)?.length ?? 0;
  const marks = text.match(MARK)?.length ?? 0;
  return text.length + wide - marks;
}
