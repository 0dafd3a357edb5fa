// The grep of a piece of a big JSON Lines file, in a worker or in the main thread alike: each
// record searched and counted, the ids left for the main thread to claim in order.

import { linesOf } from '../input/byte-lines.js';
import { parseJsonlLine, recordIdOf, UTF8_BOM } from '../input/formats/jsonl.js';
import type { SourceDocument } from '../types.js';
import { DocumentSearcher } from './grep.js';
import { lineWarnings, maxLines, type GrepSpec } from './grep-task.js';
import type { Matcher } from './matcher.js';

/** A piece of a JSON Lines file, cut after a `\n` (or at its end), to search on its own. */
export interface JsonlChunkRequest {
  bytes: Uint8Array;
  /** True for the file's first piece, whose first line may start with a BOM. */
  first: boolean;
  /** The file's display path, for the warnings of the search (a line too hard to search). */
  displayPath: string;
}

/**
 * A line of a piece that claims an id or has a warning: its index in the piece; the id it asks
 * for (null: its line's id), with its matching-line count when it matched and the search's
 * warnings; or the warning that it holds no document.
 */
export type JsonlEntry =
  | { at: number; id: string | null; count?: number; bytes?: number; warnings?: [string, string][] }
  | { at: number; warning: string };

/** What became of a piece: its number of lines (blank ones too), and the entries, in order. */
export interface JsonlChunkResult {
  lines: number;
  entries: JsonlEntry[];
}

/**
 * Searches the records of a piece of a JSON Lines file, for the modes that print a number a
 * document (`count`, `files`): what `readJsonl` and the search do to each line, but the ids
 * left for the caller to claim in order, as the line numbers are known only there. A record
 * whose bytes cannot match is not decoded (see {@link Matcher.mayMatchJson}).
 */
export function searchJsonlChunk(request: JsonlChunkRequest, matcher: Matcher, spec: GrepSpec): JsonlChunkResult {
  const bytes = Buffer.isBuffer(request.bytes)
    ? request.bytes
    : Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  const lines = linesOf(bytes);
  const entries: JsonlEntry[] = [];
  const max = maxLines(spec);
  for (let at = 0; at < lines.length; at++) {
    let line = lines[at] as Buffer;
    if (at === 0 && request.first && line.subarray(0, 3).equals(UTF8_BOM)) line = line.subarray(3);
    const may = matcher.mayMatchJson(line);
    if (!may) {
      const id = recordIdOf(line);
      if (id !== undefined) {
        entries.push({ at, id });
        continue;
      }
    }
    const record = parseJsonlLine(line);
    if (record === null) continue;
    if (typeof record === 'string') {
      entries.push({ at, warning: record });
      continue;
    }
    if (!may) {
      entries.push({ at, id: record.fields.id ?? null });
      continue;
    }
    const warnings: [string, string][] = [];
    const doc: SourceDocument = {
      id: '',
      path: request.displayPath,
      absPath: '',
      format: 'jsonl',
      bytes: line.length,
      encoding: 'utf-8',
      text: record.text,
    };
    const searcher = new DocumentSearcher(doc, matcher, {
      maxCount: max,
      withLines: false,
      onLineError: lineWarnings(request.displayPath, warnings),
    });
    // Counted, not kept: a record may hold millions of matching lines.
    searcher.next(Infinity, Infinity, false);
    const entry: JsonlEntry = { at, id: record.fields.id ?? null };
    if (searcher.found > 0) {
      entry.count = searcher.found;
      entry.bytes = line.length;
    }
    if (warnings.length > 0) entry.warnings = warnings;
    entries.push(entry);
  }
  return { lines: lines.length, entries };
}
