// The duplicates section of a summary: documents with the same body, and near duplicates found
// by MinHash over word shingles.

import { LineSpool, removeSpool } from '../cache/line-spool.js';
import { runScratchFolder } from '../cache/temp-files.js';
import { MINHASH } from '../stats/near-duplicates.js';
import { ContentHashes } from '../stats/signature-spill.js';
import type { SummarySection } from './section.js';

/** Groups of exact and of near duplicates, and the near-duplicate method's settings. */
export interface DuplicatesSection {
  exact: { ids: string[] }[];
  near: { ids: string[]; similarity: number }[];
  method: { shingleWords: number; permutations: number; bands: number; rows: number; threshold: number };
}

/** Groups the documents by body hash; the near duplicates come from the pass (see index.ts). */
export const duplicatesSection: SummarySection<DuplicatesSection> = () => {
  // The documents with a token (an empty body is no one's duplicate), as [hash, id] lines,
  // spooled: kept in memory they cost some 110 bytes a document for the whole pass.
  const documents = new LineSpool(runScratchFolder, 'hashes');
  return {
    addResult(record, result) {
      if (result.hasTokens) documents.push(JSON.stringify([record.hash, record.id]));
    },
    result: ({ nearGroups }) => ({
      exact: spooledExactGroups(documents).map((ids) => ({ ids })),
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

/**
 * Groups of two or more ids sharing a hash, in order of first appearance (as stats/near-duplicates'
 * exactDuplicateGroups gives them), from spooled `[hash, id]` lines, read twice: once for the
 * hashes met again (16 bytes a document, in a table of 64-bit values), once for their ids.
 * The spool is closed and its file removed.
 */
export function spooledExactGroups(spool: LineSpool): string[][] {
  const seen = new ContentHashes();
  const repeated = new Set<string>();
  for (const line of spool.read()) {
    const [hash] = JSON.parse(line) as [string, string];
    if (seen.seen(hash)) repeated.add(hash);
  }
  const groups = new Map<string, string[]>();
  if (repeated.size > 0)
    for (const line of spool.read()) {
      const [hash, id] = JSON.parse(line) as [string, string];
      if (!repeated.has(hash)) continue;
      const group = groups.get(hash);
      if (group === undefined) groups.set(hash, [id]);
      else group.push(id);
    }
  removeSpool(spool.close());
  return [...groups.values()];
}
