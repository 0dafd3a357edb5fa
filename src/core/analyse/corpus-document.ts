// A document of the corpus as `analyseCorpus` hands it out: analysed, and, when it comes from the
// cache unchanged, able to give its record as the cache stores it.

import type { AnalysedDocument } from './analyse-document.js';

/** A document of the corpus as the reader hands it out. */
export interface CorpusDocument extends AnalysedDocument {
  /**
   * The record as `JSON.stringify` writes it, when it can be had without writing it (a record
   * from the cache that the run did not change): as text and then UTF-8 bytes, to write one after
   * the other; null or absent otherwise.
   */
  recordJsonParts?: () => readonly [string, Uint8Array] | null;
  /**
   * The document's place in the whole corpus, the same in every shard's run (`--shard`): its
   * file's place in the walk, and its line in a file of records (0 for a file that is one
   * document). What `corpus merge` puts the shards' documents back in order by.
   */
  order?: readonly [number, number];
}
