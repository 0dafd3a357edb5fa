// The names section of a summary: the most frequent names (runs of capitalised words), counted
// in the shards and merged here.

import { Names, type NameCount } from '../stats/names.js';
import type { SummarySection } from './section.js';

/** The `top` names of the corpus (seen at least twice), and how many more there are. */
export interface NamesSection {
  names: NameCount[];
  /** How many names `--top` left out of `names` (docs/spec.md §5, summarise). */
  more: { names: number };
}

/** The `top` names of the corpus. */
export const namesSection: SummarySection<NamesSection> = ({ top }) => ({
  result: ({ finals }) => {
    const names = new Names();
    for (const f of finals) names.merge(f.names);
    // Names.top sorts every candidate anyway: asking for all of them costs no more than the count.
    const all = names.top(Number.POSITIVE_INFINITY);
    return { names: all.slice(0, top), more: { names: Math.max(0, all.length - top) } };
  },
});
