// The distinctive section of a summary: each document's key terms against the rest of the corpus
// in its language, found in the language's shard and put back in corpus order here.

import { packKeyTerms, unpackKeyTerms, type DocumentKeyTerms } from '../stats/distinctive.js';
import type { SummarySection } from './section.js';

/** Every document's distinctive terms, in corpus order, and how they were measured. */
export interface DistinctiveSection {
  measure: string;
  documents: DocumentKeyTerms[];
}

/** The documents' distinctive terms, from their shards. */
export const distinctiveSection: SummarySection<DistinctiveSection> = () => ({
  result: ({ finals, documents }) => {
    const terms: DocumentKeyTerms[] = new Array(documents);
    for (const f of finals) {
      const { seqs } = f.distinctive;
      unpackKeyTerms(f.distinctive.terms).forEach((t, i) => (terms[seqs[i] as number] = t));
      // A shard's packed terms are read once: freed before the next shard's are unpacked.
      f.distinctive = { seqs: [], terms: packKeyTerms([]) };
    }
    return { measure: 'log-likelihood G² against the rest of the corpus in the same language', documents: terms };
  },
});
