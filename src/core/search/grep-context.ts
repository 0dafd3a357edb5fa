// What every way of grepping a corpus shares for one run: its options, the matcher, the ids
// claimed so far and the warning sink, the file reader, and the analysis when it is asked for.

import { IdRegistry } from '../input/ids.js';
import type { Matcher, MatcherOptions } from './matcher.js';
import type { DocumentRecord, SourceDocument, WarningHandler } from '../types.js';
import type { SkippedFiles } from '../input/skipped-files.js';
import { walkFolder, type FoundFile, type FoundFolder } from '../input/walk.js';
import { FileReader } from './file-reader.js';
import type { FolderWalk } from './grep-batch.js';
import type { GrepSpec } from './grep-task.js';
import { GrepSettler } from './grep-settle.js';

/** How {@link grepCorpus} searches. */
export interface GrepCorpusOptions {
  /** The options the matcher was built from: workers build their own. */
  matcherOptions: MatcherOptions;
  spec: GrepSpec;
  /** Analyse each matching document (its record comes with it). */
  analyse: boolean;
  /** Worker threads (1: all in this thread). */
  jobs: number;
  /** Start workers from this many files on, instead of the default ({@link parallelMinFiles}). */
  minParallelFiles?: number;
  /** How the folders among the items are walked: the corpus's `hidden` and `globs`. */
  walk?: FolderWalk;
  /** Where the files walked with no reader are counted (see `WalkOptions.skipped`). */
  skipped?: SkippedFiles;
  onWarning?: WarningHandler;
  /** Called between batches of files; a promise it returns is awaited first (see CorpusOptions). */
  backpressure?: () => Promise<void> | null;
}

/** One grep run: what its strategies share. */
export interface GrepContext {
  readonly matcher: Matcher;
  readonly spec: GrepSpec;
  readonly options: GrepCorpusOptions;
  readonly warn: WarningHandler;
  readonly walk: FolderWalk;
  /** The ids claimed so far, in walk order. */
  readonly ids: IdRegistry;
  readonly settler: GrepSettler;
  /** This thread's reader, for the files it searches itself. */
  readonly reader: FileReader;
  /** The analysis of a matching document, when the options ask for it. */
  readonly analyse: ((doc: SourceDocument) => DocumentRecord) | undefined;
  /** Awaited between batches: see {@link GrepCorpusOptions.backpressure}. */
  readonly caughtUp: () => Promise<void> | null;
  /** Walks a folder in this thread, its warnings reported. */
  walkHere(folder: FoundFolder): Iterable<FoundFile>;
}

/** Sets up a run; the analysis's modules are loaded only when it is asked for. */
export async function grepContext(matcher: Matcher, options: GrepCorpusOptions): Promise<GrepContext> {
  const warn = options.onWarning ?? (() => {});
  const { spec } = options;
  const walk: FolderWalk = options.walk ?? {};
  const ids = new IdRegistry(true);
  const analyseDocument = options.analyse ? (await import('../analyse/analyse-document.js')).analyseDocument : null;
  return {
    matcher,
    spec,
    options,
    warn,
    walk,
    ids,
    settler: new GrepSettler(ids, warn, spec),
    reader: new FileReader(),
    analyse: analyseDocument ? (doc: SourceDocument) => analyseDocument(doc).record : undefined,
    caughtUp: options.backpressure ?? (() => null),
    walkHere: (folder) => {
      const files = walkFolder(folder, { cwd: '', ...walk, onWarning: warn, skipped: options.skipped });
      return folder.idHead ? withHead(files, folder.idHead) : files;
    },
  };
}

/** A folder's files with the head of its ids in front of their paths, as the walk of the corpus gives them (ids.ts). */
function* withHead(files: Iterable<FoundFile>, head: string): Generator<FoundFile> {
  for (const file of files) {
    file.relPath = head + file.relPath;
    yield file;
  }
}

/** A turn of the event loop, for the workers' replies to come in. */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
