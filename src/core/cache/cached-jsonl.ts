// A file of records' entries in the cache (JSON Lines, CSV, TSV, JSON): one per record, in the
// file's order, then the file's own entry (how many records, which lines hold none and why),
// served without reading the file. A record's place is its line (its first, for a CSV row), or
// its index in a JSON array.

import type { JsonlFileEntry } from './file-format.js';
import type { RecurringKeys } from './recurring-keys.js';
import { StoredEntry } from './stored-entry.js';
import type { Line } from './window-lines.js';

/** A JSON Lines file's entries in the cache (see {@link CorpusCache.jsonl}). */
export class CachedJsonl {
  constructor(
    /** The line at a place in the cache file. */
    private readonly lineAt: (at: number) => Line | null,
    private readonly first: number,
    /** Where the file's own entry's line starts: {@link CorpusCache.putStored} carries it over. */
    readonly line: number,
    readonly file: JsonlFileEntry['j'],
    /** The file's stamp (`stampOf` in json-bytes.ts), which its entries were checked to have. */
    private readonly stamp: string,
  ) {}

  /** Each record's entry, with its line number in the file, in order. */
  *records(): Generator<[number, StoredEntry]> {
    const skip = this.file.skip;
    let lineNo = 0;
    let k = 0;
    for (let at = this.first; at < this.line;) {
      const line = this.lineAt(at) as Line;
      lineNo++;
      while (k < skip.length && skip[k] === lineNo) {
        k++;
        lineNo++;
        // A run of lines after it (a CSV row's later lines, blank lines): see JsonlFileEntry.
        if (k < skip.length && (skip[k] as number) < 0) lineNo -= skip[k++] as number;
      }
      yield [lineNo, StoredEntry.read(line, this.stamp) as StoredEntry];
      at = line.next;
    }
  }

  /** True when every record's analysis holds for a corpus where `recurring` recur (see {@link StoredEntry.hitsAre}). */
  hitsAre(recurring: RecurringKeys): boolean {
    for (const [, stored] of this.records()) if (!stored.hitsAre(recurring)) return false;
    return true;
  }
}
