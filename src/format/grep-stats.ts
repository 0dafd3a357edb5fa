// `grep --stats`: what a search found and read, written after the results as ripgrep writes its
// statistics (one figure a line, after a blank line), documents where ripgrep says files.

import type { ScanTally } from '../core/search/scan-corpus.js';
import type { OutputStream } from './output-stream.js';

/** The figures of one search: the scan's tally, and what the run adds to it. */
export interface GrepStats {
  tally: ScanTally;
  bytesPrinted: number;
  /** Seconds from the start of the search to the last result. */
  searchSeconds: number;
  /** Seconds of the whole run. */
  seconds: number;
}

/** A fresh set of figures, all zero. */
export function emptyStats(): GrepStats {
  return {
    tally: { documents: 0, bytes: 0, matchedDocuments: 0, matchedLines: 0, matches: 0 },
    bytesPrinted: 0,
    searchSeconds: 0,
    seconds: 0,
  };
}

/** The statistics as ripgrep prints them: a blank line, then one figure a line. */
export function statsText(stats: GrepStats): string {
  const { tally } = stats;
  return [
    '',
    `${tally.matches} matches`,
    `${tally.matchedLines} matched lines`,
    `${tally.matchedDocuments} documents contained matches`,
    `${tally.documents} documents searched`,
    `${stats.bytesPrinted} bytes printed`,
    `${tally.bytes} bytes searched`,
    `${stats.searchSeconds.toFixed(6)} seconds spent searching`,
    `${stats.seconds.toFixed(6)} seconds`,
    '',
  ].join('\n');
}

/** The stream, counting the bytes written through it into `stats.bytesPrinted`. */
export function countingStream(out: OutputStream, stats: GrepStats): OutputStream {
  const counted = Object.create(out) as OutputStream;
  counted.write = (text) => {
    stats.bytesPrinted += typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength;
    return out.write(text);
  };
  return counted;
}
