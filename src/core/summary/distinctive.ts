// The distinctive section of a summary: each document's key terms against the rest of the corpus
// in its language, found in the language's shard and put back in corpus order here.

import type { SpoolRef } from '../cache/line-spool.js';
import { keyTermLines, type DocumentKeyTerms } from '../stats/distinctive.js';
import { LazyList } from './lazy-list.js';
import type { SummarySection } from './section.js';

/** Every document's distinctive terms, in corpus order, and how they were measured. */
export interface DistinctiveSection {
  measure: string;
  /** Read from the shards' spools at each walk, never all in memory (see lazy-list.ts). */
  documents: LazyList<DocumentKeyTerms | undefined>;
}

/** The documents' distinctive terms, from their shards. */
export const distinctiveSection: SummarySection<DistinctiveSection> = () => ({
  result: ({ finals, documents }) => {
    const spools = finals.map((f) => f.distinctive);
    return {
      measure: 'log-likelihood G² against the rest of the corpus in the same language',
      documents: new LazyList(documents, () => inCorpusOrder(spools, documents)),
    };
  },
});

/**
 * The shards' spooled terms merged by the documents' places in the corpus (each shard's are in
 * order): `documents` entries, undefined for a place no shard has.
 */
function* inCorpusOrder(spools: readonly SpoolRef[], documents: number): Generator<DocumentKeyTerms | undefined> {
  const readers = spools.map((ref) => keyTermLines(ref));
  try {
    const heads = readers.map((r) => r.next());
    for (let seq = 0; seq < documents; seq++) {
      const k = heads.findIndex((h) => !h.done && h.value.seq === seq);
      if (k < 0) {
        yield undefined;
        continue;
      }
      const head = heads[k] as IteratorYieldResult<{ seq: number; doc: DocumentKeyTerms }>;
      yield head.value.doc;
      heads[k] = (readers[k] as Generator<{ seq: number; doc: DocumentKeyTerms }>).next();
    }
  } finally {
    // Stopped early (a view's first rows, a closed pipe): the spool files are closed.
    for (const r of readers) r.return(undefined);
  }
}
