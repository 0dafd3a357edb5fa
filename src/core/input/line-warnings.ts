// The warnings of the lines of one file of records that hold none: the first few are given, the
// rest counted and told in one closing warning, so a file of a million bad lines gives a dozen
// warnings, not a million pending writes, and hides nothing in silence.

import type { RecordTrack } from './formats/format-reader.js';
import type { WarningHandler } from '../types.js';

/** Warnings given at most for the bad lines of one file, before the closing one. */
export const LINE_WARNINGS_SHOWN = 10;

/** Counts the bad lines of one file and gives the warnings of the first {@link LINE_WARNINGS_SHOWN}. */
export class LineWarnings {
  private shown = 0;
  private hidden = 0;

  constructor(
    private readonly warn: WarningHandler,
    private readonly displayPath: string,
  ) {}

  /** A line that holds no record: warned of, unless enough were; true when it was. */
  line(lineNo: number, why: string): boolean {
    if (this.shown >= LINE_WARNINGS_SHOWN) {
      this.hidden++;
      return false;
    }
    this.shown++;
    this.warn(`${this.displayPath}:${lineNo}`, why);
    return true;
  }

  /**
   * At the end of the file, at its line `lastLine`: the closing warning, given, when lines were
   * left unwarned; null otherwise.
   */
  end(lastLine: number): string | null {
    if (this.hidden === 0) return null;
    const why = `and ${this.hidden} more ${this.hidden === 1 ? 'line' : 'lines'} holding no record, not warned of one by one`;
    this.warn(`${this.displayPath}:${lastLine}`, why);
    return why;
  }

  /**
   * The end of a file of records, at its line (or element) `last`: the closing warning, told to
   * `track` too so that the cache gives it again; then, when the file could not be read to its
   * end, `failure` as the file's warning.
   */
  finish(last: number, failure: string | null, track?: RecordTrack): void {
    const closing = this.end(last);
    if (closing !== null) track?.warned?.(last, closing);
    if (failure === null) return;
    track?.failed();
    this.warn(this.displayPath, failure);
  }
}
