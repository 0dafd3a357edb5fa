// The lengths section of a summary: a histogram of the documents' lengths in words.

import type { DocumentRecord } from '../types.js';
import type { SummarySection } from './section.js';

/** Lower bounds of the length bins, in words: roughly logarithmic, as news lengths spread. */
export const LENGTH_BINS = [0, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

/** A bin of the lengths histogram; `to` is exclusive, null for the last bin. */
export interface LengthBin {
  from: number;
  to: number | null;
  documents: number;
}

/** Counts documents per length bin. */
export class LengthsAccumulator {
  private readonly counts = new Array<number>(LENGTH_BINS.length).fill(0);

  add(record: DocumentRecord): void {
    let bin = LENGTH_BINS.length - 1;
    while (bin > 0 && record.words < (LENGTH_BINS[bin] as number)) bin--;
    this.counts[bin] = (this.counts[bin] ?? 0) + 1;
  }

  /** The bins from the first to the last one holding a document. */
  result(): LengthBin[] {
    const firstUsed = this.counts.findIndex((c) => c > 0);
    if (firstUsed < 0) return [];
    let lastUsed = this.counts.length - 1;
    while (this.counts[lastUsed] === 0) lastUsed--;
    const bins: LengthBin[] = [];
    for (let i = firstUsed; i <= lastUsed; i++) {
      bins.push({ from: LENGTH_BINS[i] as number, to: LENGTH_BINS[i + 1] ?? null, documents: this.counts[i] ?? 0 });
    }
    return bins;
  }
}

/** The lengths histogram. */
export interface LengthsSection {
  bins: LengthBin[];
}

/** Counts documents per length bin. */
export const lengthsSection: SummarySection<LengthsSection> = () => {
  const lengths = new LengthsAccumulator();
  return { addRecord: (record) => lengths.add(record), result: () => ({ bins: lengths.result() }) };
};
