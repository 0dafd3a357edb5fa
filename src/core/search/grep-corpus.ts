// Greps a corpus in corpus order. `grepDocuments` is the entry: it walks the corpus (handing
// whole subfolders to workers when they can take them) and keeps the documents the filter keeps;
// `grepCorpus` searches what the walk yields in this thread, or with workers when the corpus is
// big enough (grep-workers.ts). Either way this thread claims the ids and reports warnings in
// walk order, so the output never depends on the worker count.

import { corpusWalk, type CorpusInputs, type CorpusRun } from '../input/corpus-files.js';
import { formatOf, isCompressed } from '../input/file-kinds.js';
import type { Matcher, MatcherOptions } from './matcher.js';
import type { DocumentRecord } from '../types.js';
import type { FoundFile, FoundFolder } from '../input/walk.js';
import { grepWorkersAvailable } from '../workers/grep-pool.js';
import { searchFile, type GrepSpec } from './grep-task.js';
import { restParts } from './grep-parts.js';
import { grepContext, type GrepContext, type GrepCorpusOptions } from './grep-context.js';
import { holdsRecords } from '../input/formats/index.js';
import { grepRecordFile } from './grep-records.js';
import type { GrepDocument } from './grep-settle.js';
import { searchesFolders, WorkerSearch } from './grep-workers.js';
import { inShard, type Shard } from '../input/shard.js';

/** The corpus a grep searches: the corpus options a command was given. */
export interface GrepInputs extends CorpusInputs {
  /** Worker threads (1: all in this thread, the default). */
  jobs?: number;
  /** Keeps a matching document when true (its record is then analysed). */
  filter?: ((record: DocumentRecord) => boolean) | null;
  /** Called between batches of files; a promise it returns is awaited first (see CorpusOptions). */
  backpressure?: () => Promise<void> | null;
  /** Only the documents of this shard (docs/spec.md §1, `--shard`). */
  shard?: Shard | null;
}

/** How {@link grepDocuments} searches. */
export interface GrepDocumentsOptions {
  /** The options the matcher was built from: workers build their own. */
  matcherOptions: MatcherOptions;
  spec: GrepSpec;
  /** Give each matching document its record, for the output (a filter analyses them anyway). */
  records: boolean;
  /** Start workers from this many files on (see {@link GrepCorpusOptions.minParallelFiles}). */
  minParallelFiles?: number;
}

/**
 * Yields the corpus's matching documents that the filter keeps, in corpus order, in batches (see
 * {@link grepCorpus}); an input that names nothing on disk goes to `run.missing`.
 */
export function grepDocuments(
  corpus: GrepInputs,
  run: CorpusRun,
  matcher: Matcher,
  options: GrepDocumentsOptions,
): AsyncGenerator<GrepDocument[]> {
  const { filter } = corpus;
  // The analysis runs only when the output or the filter needs a document's metadata.
  const analyse = options.records || filter != null;
  const jobs = corpus.jobs ?? 1;
  // With workers, and results small enough, a worker takes a whole subfolder: walks it too.
  const walked = corpusWalk(corpus, run, jobs > 1 && searchesFolders(options.spec, analyse));
  const found = grepCorpus(walked, matcher, {
    matcherOptions: options.matcherOptions,
    spec: options.spec,
    analyse,
    jobs,
    walk: { hidden: corpus.hidden, globs: corpus.globs, formats: corpus.formats },
    skipped: run.skipped,
    minParallelFiles: options.minParallelFiles,
    onWarning: corpus.onWarning,
    backpressure: corpus.backpressure,
  });
  // A shard's run searches every file, and keeps its own documents' matches: the search is the
  // cheap part, and the ids (which say the shard) are known only once claimed in walk order.
  const { shard } = corpus;
  const ours =
    shard && shard.count > 1
      ? kept(found, (record: Pick<DocumentRecord, 'id'>) => inShard(record.id, shard), true)
      : found;
  return filter ? kept(ours, filter) : ours;
}

/**
 * The documents of each batch whose record the filter keeps (and the later parts of those);
 * `byId`: the filter asks only for the id, which every document has, record or not.
 */
async function* kept(
  found: AsyncGenerator<GrepDocument[]>,
  filter: ((record: DocumentRecord) => boolean) | ((record: Pick<DocumentRecord, 'id'>) => boolean),
  byId = false,
): AsyncGenerator<GrepDocument[]> {
  let keptLast = true;
  const keeps = (d: GrepDocument): boolean =>
    d.search.continued
      ? keptLast
      : (keptLast = byId
          ? (filter as (r: Pick<DocumentRecord, 'id'>) => boolean)(d.search.doc)
          : d.record === null || (filter as (r: DocumentRecord) => boolean)(d.record));
  for await (const batch of found) {
    const keep = batch.filter(keeps);
    if (keep.length > 0) yield keep;
  }
}

/**
 * Yields the matching documents of the files, in order, in batches: those of a folder or a batch
 * of files together, those of a JSON Lines file a few hundred at a time. Folders (from
 * `walkUnits`) are walked here or, whole, in a worker; either way their files come in walk order.
 * A batch, not a document, at a time: on a big corpus thousands of documents match, and each
 * step of an async generator costs promises and a turn of the microtask queue.
 */
export async function* grepCorpus(
  items: Iterable<FoundFile | FoundFolder>,
  matcher: Matcher,
  options: GrepCorpusOptions,
): AsyncGenerator<GrepDocument[]> {
  const context = await grepContext(matcher, options);
  if (options.jobs <= 1 || !grepWorkersAvailable()) yield* grepHere(items, context);
  else yield* new WorkerSearch(context).run(items);
}

/** Files searched here between two yields of their matches (and two waits on backpressure). */
const BATCH = 64;

/** The search in this thread alone: files one by one, their matches going out every {@link BATCH} files. */
async function* grepHere(
  items: Iterable<FoundFile | FoundFolder>,
  context: GrepContext,
): AsyncGenerator<GrepDocument[]> {
  const { matcher, spec, reader, analyse, settler, caughtUp, walkHere } = context;
  const options = { analyse, inParts: true };
  let found: GrepDocument[] = [];
  let files = 0;
  const one = async function* (file: FoundFile): AsyncGenerator<GrepDocument[]> {
    const format = formatOf(file.relPath);
    if (holdsRecords(format)) {
      if (found.length > 0) yield found;
      found = [];
      yield* grepRecordFile(file, format, context);
      return;
    }
    const result = searchFile(
      { absPath: file.absPath, displayPath: file.displayPath, format, compressed: isCompressed(file.relPath) },
      matcher,
      spec,
      reader,
      options,
    );
    const match = settler.file(file, result.outcome, result);
    if (match) found.push(match);
    if (match && result.rest) {
      // A document of many matching lines: its parts go out as they are found.
      yield found;
      found = [];
      yield* restParts(result.rest, match, context);
    }
    if (++files % BATCH === 0) {
      if (found.length > 0) yield found;
      found = [];
      await caughtUp();
    }
  };
  for (const item of items) {
    if ('folder' in item) for (const file of walkHere(item)) yield* one(file);
    else yield* one(item);
  }
  if (found.length > 0) yield found;
}
