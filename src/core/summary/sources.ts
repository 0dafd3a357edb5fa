// The sources section of a summary: documents per named source (outlet, agency), most first.

import type { SummarySection } from './section.js';
import { Tally } from './tally.js';

/** The `top` sources by documents, the documents whose source is not named, and the sources left out. */
export interface SourcesSection {
  sources: { source: string; documents: number }[];
  unknown: number;
  /** How many sources `--top` left out of `sources` (docs/spec.md §5, summarise). */
  more: { sources: number };
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
    result: () => {
      const all = sources.entries();
      return {
        sources: all.slice(0, top).map(([source, documents]) => ({ source, documents })),
        unknown,
        more: { sources: Math.max(0, all.length - top) },
      };
    },
  };
};
