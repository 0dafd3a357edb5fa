// The duplicates section of a summary: documents with the same body, and near duplicates found
// by MinHash over word shingles.

import { exactDuplicateGroups, MINHASH } from '../stats/near-duplicates.js';
import type { SummarySection } from './section.js';

/** Groups of exact and of near duplicates, and the near-duplicate method's settings. */
export interface DuplicatesSection {
  exact: { ids: string[] }[];
  near: { ids: string[]; similarity: number }[];
  method: { shingleWords: number; permutations: number; bands: number; rows: number; threshold: number };
}

/** Groups the documents by body hash; the near duplicates come from the pass (see index.ts). */
export const duplicatesSection: SummarySection<DuplicatesSection> = () => {
  // The documents with a token: an empty body is no one's duplicate.
  const hashes: { id: string; hash: string }[] = [];
  return {
    addResult(record, result) {
      if (result.hasTokens) hashes.push({ id: record.id, hash: record.hash });
    },
    result: ({ nearGroups }) => ({
      exact: exactDuplicateGroups(hashes).map((ids) => ({ ids })),
      near: nearGroups.map((g) => ({ ids: g.ids, similarity: Math.round(g.similarity * 1000) / 1000 })),
      method: {
        shingleWords: MINHASH.shingle,
        permutations: MINHASH.permutations,
        bands: MINHASH.bands,
        rows: MINHASH.rows,
        threshold: MINHASH.threshold,
      },
    }),
  };
};
