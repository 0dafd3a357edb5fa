// What a corpus run is asked for: the options of `analyseCorpus`, from which files to read to
// what to do with each document (see analyse-corpus.ts).

import type { CorpusInputs } from '../input/corpus-files.js';
import type { ReadOptions } from '../input/read-documents.js';
import type { DocumentRecord } from '../types.js';
import type { FoundFile } from '../input/walk.js';

/** What `onPlan` is told of the corpus: its files in walk order, and their sizes. */
export interface PlannedCorpus {
  files: readonly FoundFile[];
  stats: ReadonlyMap<FoundFile, { size: number } | undefined>;
}

export interface CorpusOptions extends CorpusInputs, ReadOptions {
  /** Keeps a document when true. */
  filter?: ((record: DocumentRecord) => boolean) | null;
  /** The cache folder; without it, nothing is cached. */
  cacheDir?: string | null;
  /** Worker threads for the analysis (1: all in this thread, the default). */
  jobs?: number;
  /** Load each document's text, lines and paragraphs (default true); `list` needs none. */
  withText?: boolean;
  /**
   * Without `withText`, still give each record of a JSON Lines file its text (default true): it
   * has no file of its own to be read again from (see `AnalysedDocument.file`). False lets a
   * JSON Lines file held in the cache go unread.
   */
  withRecordText?: boolean;
  /**
   * Give records the run's `near-duplicate` flag (default true). Finding near duplicates reads
   * every document's signature and looks it up among those before it: a run that shows no flag
   * and filters by none (`list`'s default columns) is spared that.
   */
  nearDuplicates?: boolean;
  /**
   * The corpus's recurring lines, counted by the shards of a run and merged (`--lines`,
   * docs/partial-format.md): the first pass is then not made.
   */
  recurring?: { documents: number; recurring: ReadonlySet<string> } | null;
  /** Called once the corpus is planned (its files walked), before any document is read. */
  onPlan?: (plan: PlannedCorpus) => void;
  /** Called as documents are done, with the number of documents in the corpus. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called before each document is handed out; a promise it returns is awaited first. The CLI
   * gives one while stderr has warnings it could not write yet (see `Io`'s `drained`).
   */
  backpressure?: () => Promise<void> | null;
}
