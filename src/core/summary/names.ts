// The names section of a summary: the most frequent names (runs of capitalised words), counted
// in the shards and merged here.

import { Names, type NameCount } from '../stats/names.js';
import type { SummarySection } from './section.js';

/** The `top` names of the corpus. */
export const namesSection: SummarySection<NameCount[]> = ({ top }) => ({
  result: ({ finals }) => {
    const names = new Names();
    for (const f of finals) names.merge(f.names);
    return names.top(top);
  },
});
