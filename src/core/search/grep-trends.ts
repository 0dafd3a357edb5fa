// The arithmetic of `grep --by`: which group a document falls in (a month, an ISO week, a year,
// its source or its language), the groups in order with the empty periods between, and for each
// group and term the matches, the documents matching, the group's words and the relative
// frequency per million words (docs/spec.md §5, grep, "Trends"). Pure: the pass over the corpus
// is grep-trends-pass.ts.

import type { DocumentRecord } from '../types.js';

/** What `--by` groups by. */
export type TrendGroupBy = 'month' | 'week' | 'year' | 'source' | 'lang';

/** The values `--by` takes, in the order `--help` names them. */
export const TREND_GROUPS: readonly TrendGroupBy[] = ['month', 'week', 'year', 'source', 'lang'];

/** The row of documents with no date, or one less precise than the period (a year alone under `--by month`). */
export const UNDATED = '(undated)';
/** The row of documents that name no source. */
export const NO_SOURCE = '(no source)';

const DAY_MS = 86_400_000;
const DATE_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/**
 * The ISO 8601 week of a calendar day, `2024-W05`: weeks start on Monday, and week 1 is the week
 * holding the year's first Thursday, so 2024-12-30 is in `2025-W01` and 2021-01-03 in `2020-W53`.
 */
export function isoWeek(year: number, month: number, day: number): string {
  const time = Date.UTC(year, month - 1, day);
  const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  // The Thursday of the same week decides the week's year.
  const thursday = new Date(time + (3 - weekday) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS / 7) + 1;
  return `${String(weekYear).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/**
 * The period of a record's date (docs/spec.md §3: ISO 8601 with the precision found), read as
 * written, without moving it to another time zone: `2024-01-31T23:30+05:00` is in January. Null
 * when there is no date or it is less precise than the period: a week needs a day, a month a month.
 */
export function periodKey(date: string | null, by: 'month' | 'week' | 'year'): string | null {
  if (date === null) return null;
  const m = DATE_PREFIX.exec(date);
  if (!m) return null;
  const [, year, month, day] = m as unknown as [string, string, string | undefined, string | undefined];
  if (by === 'year') return year;
  if (month === undefined) return null;
  if (by === 'month') return `${year}-${month}`;
  if (day === undefined) return null;
  return isoWeek(Number(year), Number(month), Number(day));
}

/** The group of a record under `by`; null for the undated row of a period. */
export function groupOf(record: Pick<DocumentRecord, 'date' | 'source' | 'lang'>, by: TrendGroupBy): string | null {
  if (by === 'source') return record.source ?? NO_SOURCE;
  if (by === 'lang') return record.lang;
  return periodKey(record.date, by);
}

/** The period after `key` (a key {@link periodKey} gives). */
export function nextPeriod(key: string, by: 'month' | 'week' | 'year'): string {
  if (by === 'year') return String(Number(key) + 1).padStart(4, '0');
  if (by === 'month') {
    const year = Number(key.slice(0, 4));
    const month = Number(key.slice(5, 7));
    return month === 12
      ? `${String(year + 1).padStart(4, '0')}-01`
      : `${key.slice(0, 4)}-${String(month + 1).padStart(2, '0')}`;
  }
  // The Monday of the week, a week on: ISO week 1 holds January 4th.
  const year = Number(key.slice(0, 4));
  const week = Number(key.slice(6));
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (week - 1) * 7 * DAY_MS;
  const next = new Date(monday + 7 * DAY_MS);
  return isoWeek(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** Every period from `first` to `last`, both included, in order (keys of the same kind, `first` ≤ `last`). */
export function periodRange(first: string, last: string, by: 'month' | 'week' | 'year'): string[] {
  const keys = [first];
  for (let key = first; key < last;) {
    key = nextPeriod(key, by);
    keys.push(key);
  }
  return keys;
}

/** Matches per million words, rounded to 2 places; null for a group of no words. */
export function perMillion(matches: number, words: number): number | null {
  if (words <= 0) return null;
  return Math.round((matches / words) * 1e8) / 100;
}

/** One row of a trend: a group and a term (docs/spec.md §5, grep, "Trends"). */
export interface TrendRow {
  group: string;
  term: string;
  /** Matches of the term in the group's documents. */
  matches: number;
  /** The group's documents with at least one match of the term. */
  docs: number;
  /** Words of all the group's documents (record `words`), matching or not. */
  words: number;
  /** `matches / words × 1,000,000`, 2 places; null when the group has no words. */
  perMillion: number | null;
}

/** A group's totals as the pass adds them up. */
interface GroupTally {
  documents: number;
  words: number;
  matches: number[];
  docs: number[];
}

/** A trend: its terms, its groups in order (each with its documents), and a row a group and term. */
export interface Trend {
  by: TrendGroupBy;
  terms: string[];
  groups: { group: string; documents: number; words: number }[];
  rows: TrendRow[];
}

/**
 * Adds up a trend: every record of the (filtered) corpus for the words of its group, and the
 * matches of each term in the documents that match. The two come separately and in any order
 * (the records from the analysis, the matches from grep), joined by document id.
 */
export class TrendTally {
  private readonly groups = new Map<string | null, GroupTally>();
  /** The group of each document id kept, for the matches that come later. */
  private readonly groupById = new Map<string, string | null>();
  /** Matches that came before their document's record: per id, per term. */
  private readonly early = new Map<string, number[]>();

  constructor(
    readonly by: TrendGroupBy,
    readonly terms: readonly string[],
  ) {}

  /** A document of the corpus that the filter kept. */
  record(record: Pick<DocumentRecord, 'id' | 'words' | 'date' | 'source' | 'lang'>): void {
    const key = groupOf(record, this.by);
    const group = this.group(key);
    group.documents++;
    group.words += record.words;
    this.groupById.set(record.id, key);
    const early = this.early.get(record.id);
    if (early) {
      this.early.delete(record.id);
      this.addTo(group, early);
    }
  }

  /** The matches of each term (by index) in one document (all of its parts at once). */
  matches(id: string, counts: readonly number[]): void {
    if (this.groupById.has(id)) this.addTo(this.group(this.groupById.get(id) as string | null), counts);
    else this.early.set(id, [...counts]);
  }

  private addTo(group: GroupTally, counts: readonly number[]): void {
    counts.forEach((n, t) => {
      group.matches[t] = (group.matches[t] ?? 0) + n;
      if (n > 0) group.docs[t] = (group.docs[t] ?? 0) + 1;
    });
  }

  private group(key: string | null): GroupTally {
    let group = this.groups.get(key);
    if (!group) {
      const zeros = this.terms.map(() => 0);
      group = { documents: 0, words: 0, matches: [...zeros], docs: [...zeros] };
      this.groups.set(key, group);
    }
    return group;
  }

  /**
   * The trend. Matches of documents the filter left out (no record came for them) are dropped.
   * Periods run in order from the first to the last, the empty ones between as zero rows, the
   * undated row last when there are undated documents; sources and languages by words, most
   * first, ties by name, `(no source)` last.
   */
  result(): Trend {
    const zero: GroupTally = {
      documents: 0,
      words: 0,
      matches: this.terms.map(() => 0),
      docs: this.terms.map(() => 0),
    };
    const keys = this.orderedKeys();
    const groups = keys.map((key) => ({ key, tally: this.groups.get(key) ?? zero }));
    const rows: TrendRow[] = [];
    for (const { key, tally } of groups)
      this.terms.forEach((term, t) => {
        const matches = tally.matches[t] ?? 0;
        rows.push({
          group: key ?? UNDATED,
          term,
          matches,
          docs: tally.docs[t] ?? 0,
          words: tally.words,
          perMillion: perMillion(matches, tally.words),
        });
      });
    return {
      by: this.by,
      terms: [...this.terms],
      groups: groups.map(({ key, tally }) => ({
        group: key ?? UNDATED,
        documents: tally.documents,
        words: tally.words,
      })),
      rows,
    };
  }

  private orderedKeys(): (string | null)[] {
    const { by } = this;
    const named = [...this.groups.keys()].filter((k): k is string => k !== null);
    if (by === 'source' || by === 'lang') {
      const words = (k: string): number => this.groups.get(k)?.words ?? 0;
      const sorted = named
        .filter((k) => k !== NO_SOURCE || by !== 'source')
        .sort((a, b) => words(b) - words(a) || (a < b ? -1 : a > b ? 1 : 0));
      return by === 'source' && this.groups.has(NO_SOURCE) ? [...sorted, NO_SOURCE] : sorted;
    }
    named.sort();
    const keys: (string | null)[] =
      named.length === 0 ? [] : periodRange(named[0] as string, named[named.length - 1] as string, by);
    if (this.groups.has(null)) keys.push(null);
    return keys;
  }
}
