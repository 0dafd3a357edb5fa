// The grep of many text files at once, in a worker or in the main thread alike: a batch of files
// named by the main thread, or a folder walked and searched whole (for `-c` and `-l`).

import { holdsRecords } from '../input/formats/index.js';
import { DistinctIds } from '../input/ids.js';
import { formatOf, isCompressed } from '../input/file-kinds.js';
import type { DocFormat } from '../types.js';
import type { SkippedFiles } from '../input/skipped-files.js';
import { walkFolder, type FoundFolder, type WalkOptions } from '../input/walk.js';
import type { FileReader } from './file-reader.js';
import { Outcome, searchFile, type FileResult, type GrepSpec, type SearchFileOptions } from './grep-task.js';
import type { Matcher } from './matcher.js';

/** A batch of text files: each list joined with NUL (which no path holds), to cross cheaply. */
export interface BatchRequest {
  absPaths: string;
  displayPaths: string;
  /** One character a file: `t` text, `m` Markdown, `h` HTML; upper case when compressed. */
  kinds: string;
}

/** What became of a batch: an outcome a file, and the results that say more, by index. */
export interface BatchResult {
  outcomes: Uint8Array;
  details: [number, FileResult][];
}

/** The format of each kind of file a batch names (lower case). */
const KIND_FORMATS: Record<number, DocFormat> = { 0x6d: 'markdown', 0x68: 'html' };

/** The kind letter of a file of a format in a batch (see {@link BatchRequest}), upper case when compressed. */
export function batchKind(format: DocFormat, compressed: boolean): string {
  const kind = format === 'markdown' ? 'm' : format === 'html' ? 'h' : 't';
  return compressed ? kind.toUpperCase() : kind;
}

/** Searches a batch of text files (`kinds` as in {@link BatchRequest}), in a worker or in the main thread alike. */
export function searchBatch(
  files: readonly { absPath: string; displayPath: string }[],
  kinds: string,
  matcher: Matcher,
  spec: GrepSpec,
  reader: FileReader,
  options: SearchFileOptions = {},
): BatchResult {
  const outcomes = new Uint8Array(files.length);
  const details: [number, FileResult][] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as { absPath: string; displayPath: string };
    const kind = kinds.charCodeAt(i);
    const format: DocFormat = KIND_FORMATS[kind | 0x20] ?? 'text';
    const result = searchFile(
      { absPath: file.absPath, displayPath: file.displayPath, format, compressed: kind < 0x60 },
      matcher,
      spec,
      reader,
      options,
    );
    outcomes[i] = result.outcome;
    if (result.match || result.warnings || result.error) details.push([i, result]);
  }
  return { outcomes, details };
}

/** What became of the files under a folder, in walk order. */
export interface FolderResult extends BatchResult {
  /** Each file's path relative to the corpus root, joined with NUL. */
  relPaths: string;
  /** Problems walking the folder, each as [file index it comes before, where, why]. */
  walkWarnings: [number, string, string][];
  /**
   * True when the folder's files have distinct ids (told cheaply, see {@link DistinctIds}) and
   * none is a JSON Lines file (whose records claim ids in their place): they can be claimed whole.
   */
  distinctIds: boolean;
  /** The files walked that have no reader, by kind (see {@link WalkOptions.skipped}), when there are any. */
  skipped?: SkippedFiles;
}

/** How a folder is walked: the corpus options that choose its files. */
export type FolderWalk = Pick<WalkOptions, 'hidden' | 'globs' | 'formats'>;

/**
 * Walks a folder and searches its text files (JSON Lines files are only named), in a worker or
 * in the main thread alike. Everything found is kept until the end, so this is only for the
 * modes whose results are a number a file (`count`, `files`).
 */
export function searchFolder(
  folder: FoundFolder,
  walk: FolderWalk,
  matcher: Matcher,
  spec: GrepSpec,
  reader: FileReader,
): FolderResult {
  const relPaths: string[] = [];
  const outcomes: number[] = [];
  const details: [number, FileResult][] = [];
  const walkWarnings: [number, string, string][] = [];
  const onWarning = (where: string, why: string): void => void walkWarnings.push([relPaths.length, where, why]);
  const ids = new DistinctIds();
  const skipped: SkippedFiles = new Map();
  for (const file of walkFolder(folder, { cwd: '', ...walk, onWarning, skipped })) {
    const i = relPaths.length;
    relPaths.push(file.relPath);
    ids.add(file.relPath);
    const format = formatOf(file.relPath);
    if (holdsRecords(format)) {
      ids.distinct = false;
      outcomes.push(Outcome.Jsonl);
      continue;
    }
    const result = searchFile(
      { absPath: file.absPath, displayPath: file.displayPath, format, compressed: isCompressed(file.relPath) },
      matcher,
      spec,
      reader,
    );
    outcomes.push(result.outcome);
    if (result.match || result.warnings || result.error) details.push([i, result]);
  }
  return {
    relPaths: relPaths.join('\0'),
    outcomes: Uint8Array.from(outcomes),
    details,
    walkWarnings,
    distinctIds: ids.distinct,
    ...(skipped.size > 0 ? { skipped } : {}),
  };
}
