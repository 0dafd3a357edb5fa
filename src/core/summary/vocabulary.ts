// The vocabulary section of a summary: per language, its words and distinct words, and its most
// frequent terms and bigrams once stop words are removed (counted in the language's shard).

import type { TermCount } from '../stats/vocabulary.js';
import type { SummarySection } from './section.js';

/** Each language's vocabulary, most documents first. */
export interface VocabularySection {
  /** The stop-word lists used. */
  stopWords: string;
  languages: {
    lang: string;
    tokens: number;
    types: number;
    typeTokenRatio: number;
    terms: TermCount[];
    bigrams: TermCount[];
  }[];
}

/** The languages' vocabularies, as their shards counted them. */
export const vocabularySection: SummarySection<VocabularySection> = () => ({
  result: ({ languages }) => ({
    stopWords: 'stopwords-iso',
    languages: languages.map(({ stats: { lang, tokens, types, typeTokenRatio }, terms, bigrams }) => ({
      lang,
      tokens,
      types,
      typeTokenRatio: Math.round(typeTokenRatio * 1000) / 1000,
      terms,
      bigrams,
    })),
  }),
});
