// Whether a paragraph is written in a language, not merely shaped like it: running text has the
// language's function words, in lower case; a football line-up, a table of scores or a list of
// proper names (`R de Marigny (Parma); C Stoica (Montpellier)`) has few or none.

import { hasStopwords, isFunctionWord } from '../../stats/stopwords.js';

/** At least this many function words of the language… */
export const MIN_ORDINARY_WORDS = 3;
/** …making at least this share of the paragraph's words. Prose has 30–50 % (Turkish and Polish, 10–20 %). */
export const MIN_ORDINARY_SHARE = 0.08;

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

/**
 * Whether `text` has enough ordinary words of `lang` to count as written in it: function words
 * of `lang` (its stop-word list) that are not function words of `other` (the document's
 * language, so shared `a`, `in`, `de` prove nothing), written in lower case (a capitalised
 * `Del` or `Lo` is part of a name). A language without a stop-word list cannot be checked, and
 * passes.
 *
 * @param text - The paragraph or window.
 * @param lang - ISO 639-3 code of the language it would switch to.
 * @param other - ISO 639-3 code of the document's language.
 */
export function hasOrdinaryWords(text: string, lang: string, other: string): boolean {
  if (!hasStopwords(lang)) return true;
  let words = 0;
  let ordinary = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    words++;
    if (word.length < 2 || word !== word.toLowerCase()) continue;
    if (isFunctionWord(word, lang) && !isFunctionWord(word, other)) ordinary++;
  }
  return ordinary >= MIN_ORDINARY_WORDS && ordinary >= MIN_ORDINARY_SHARE * words;
}
