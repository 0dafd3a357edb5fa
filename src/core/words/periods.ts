// The groups of `words --by`: a document's period (month, ISO week, year), source or language,
// as a key that sorts in time order for the periods; the same groups as `grep --by`'s.

import type { DocumentRecord } from '../types.js';
import { groupOf, isoWeek, NO_SOURCE, TREND_GROUPS, UNDATED, type TrendGroupBy } from '../search/grep-trends.js';

/** What `--by` groups documents by. */
export type PeriodBy = TrendGroupBy;

/** The `--by` values, in the order help lists them. */
export const PERIOD_BYS: readonly PeriodBy[] = TREND_GROUPS;

export { isoWeek, NO_SOURCE, UNDATED };

/** Whether `by` groups by time (its keys sort in time order; gaps between them mean no document). */
export function isTimePeriod(by: PeriodBy): boolean {
  return by === 'month' || by === 'week' || by === 'year';
}

/**
 * The group of a document for `--by`, as `grep --by` groups it (search/grep-trends.ts): `2024-03`
 * (month), `2024-W09` (ISO 8601 week, whose year may differ from the date's near New Year),
 * `2024` (year), the source, or the language. A date given to the year only has no month or
 * week, nor a date given to the month a week: those go to {@link UNDATED}, as undated documents do.
 */
export function periodKey(by: PeriodBy, record: Pick<DocumentRecord, 'lang' | 'source' | 'date'>): string {
  return groupOf(record, by) ?? UNDATED;
}
