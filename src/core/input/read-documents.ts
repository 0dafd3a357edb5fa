// Reads the documents of a corpus one at a time, each file by the reader of its format (see
// formats/): a text or Markdown file is one document, a JSON Lines file one document a line.

import { formatOf } from './file-kinds.js';
import { readerFor } from './formats/index.js';
import type { WantId } from './formats/format-reader.js';
import { claimFor, fileId, IdRegistry } from './ids.js';
import { inShard, type Shard } from './shard.js';
import type { FoundFile } from './walk.js';
import type { SourceDocument, WarningHandler } from '../types.js';

export interface ReadOptions {
  onWarning?: WarningHandler;
  /**
   * Asked before a file that is one document is read, with the id it would get and the file:
   * false skips the file unread. Records are always read (their ids live inside them), then
   * asked too.
   */
  wantId?: WantId;
  /** Only the documents of this shard (docs/spec.md §1, `--shard`); the others' ids are still claimed. */
  shard?: Shard | null;
  /** Asked with the raw (decompressed) bytes of a file that is one document: false skips it before decoding. */
  wantBytes?: (bytes: Buffer) => boolean;
}

/**
 * Yields the documents held by the files, in order. Unreadable, binary and malformed input
 * is reported through `onWarning` and skipped.
 */
export async function* readDocuments(
  files: Iterable<FoundFile>,
  options: ReadOptions = {},
): AsyncGenerator<SourceDocument> {
  const warn = options.onWarning ?? (() => {});
  const ids = new IdRegistry();
  options = { ...options, wantId: wantedIds(options) };
  for (const file of files) {
    const format = formatOf(file.relPath);
    const reader = readerFor(format);
    if (reader.holds === 'records') {
      yield* reader.read(file, ids, warn, options.wantId);
      continue;
    }
    const wantedId = fileId(file.relPath);
    if (options.wantId && !options.wantId(ids.peek(wantedId), file)) {
      ids.claim(wantedId);
      continue;
    }
    // A binary or unreadable file claims no id; a file the byte test skips does, so ids
    // do not depend on the pattern searched for.
    const read = reader.read(
      file,
      warn,
      options.wantBytes &&
        ((bytes) => {
          claimFor(ids, wantedId, file, warn);
          return options.wantBytes!(bytes);
        }),
    );
    if (read === null || read === 'skipped') continue;
    const id = options.wantBytes ? (ids.last as string) : claimFor(ids, wantedId, file, warn);
    yield { id, path: file.displayPath, absPath: file.absPath, format, ...read };
  }
}

/**
 * The documents a run wants, by id: those `wantId` asks for, of the run's shard. Undefined when
 * every document is wanted. A run of a shard is then like one of `show`: the other documents'
 * ids are claimed, unread where they can be, so that every id is the one a whole run gives.
 */
export function wantedIds(options: Pick<ReadOptions, 'wantId' | 'shard'>): WantId | undefined {
  const { wantId, shard } = options;
  if (!shard || shard.count === 1) return wantId;
  if (!wantId) return (id) => inShard(id, shard);
  return (id, file) => inShard(id, shard) && wantId(id, file);
}
