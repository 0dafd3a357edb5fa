// The languages section of a summary: documents and words per language, and how many documents
// mix languages or could not be told.

import type { SummarySection } from './section.js';
import { Tally } from './tally.js';

/** Documents and words per language, most documents first. */
export interface LanguagesSection {
  languages: { lang: string; name: string | null; documents: number; words: number }[];
  /** Documents flagged `mixed-language`. */
  mixed: number;
  /** Documents whose language is undetermined. */
  und: number;
}

/** Counts documents and words per language. */
export const languagesSection: SummarySection<LanguagesSection> = ({ languageName }) => {
  const documents = new Tally();
  const words = new Tally();
  let mixed = 0;
  return {
    addRecord(record) {
      documents.add(record.lang);
      words.add(record.lang, record.words);
      if (record.flags.includes('mixed-language')) mixed++;
    },
    result: () => ({
      languages: documents.entries().map(([lang, count]) => ({
        lang,
        name: languageName?.(lang) ?? null,
        documents: count,
        words: words.get(lang),
      })),
      mixed,
      und: documents.get('und'),
    }),
  };
};
