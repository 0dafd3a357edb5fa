// The sources section of a summary: documents per named source (outlet, agency), most first.

import type { SummarySection } from './section.js';
import { Tally } from './tally.js';

/** The `top` sources by documents, and the documents whose source is not named. */
export interface SourcesSection {
  sources: { source: string; documents: number }[];
  unknown: number;
}

/** Counts documents per source. */
export const sourcesSection: SummarySection<SourcesSection> = ({ top }) => {
  const sources = new Tally();
  let unknown = 0;
  return {
    addRecord(record) {
      if (record.source === null) unknown++;
      else sources.add(record.source);
    },
    result: () => ({
      sources: sources
        .entries()
        .slice(0, top)
        .map(([source, documents]) => ({ source, documents })),
      unknown,
    }),
  };
};
