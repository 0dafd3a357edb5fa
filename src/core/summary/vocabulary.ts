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
    /**
     * How many terms and bigrams `--top` left out (docs/spec.md §5, summarise); past 500,000
     * distinct bigrams in a language the rarest are forgotten, and `bigrams` is then a lower bound.
     */
    more: { terms: number; bigrams: number };
  }[];
}

/** The languages' vocabularies, as their shards counted them. */
export const vocabularySection: SummarySection<VocabularySection> = () => ({
  result: ({ languages }) => ({
    stopWords: 'stopwords-iso',
    languages: languages.map(({ stats: { lang, tokens, types, typeTokenRatio }, terms, bigrams, ...counts }) => ({
      lang,
      tokens,
      types,
      typeTokenRatio: Math.round(typeTokenRatio * 1000) / 1000,
      terms,
      bigrams,
      more: {
        terms: Math.max(0, counts.termCount - terms.length),
        bigrams: Math.max(0, counts.bigramCount - bigrams.length),
      },
    })),
  }),
});
