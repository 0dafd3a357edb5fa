// The document filters shared by list, grep and summarise: language, date range, source, flag.

import { toIso6393 } from './analyse/language/lang-codes.js';
import type { DocumentRecord } from './types.js';

/** The filters as the user gave them. */
export interface FilterSpec {
  /** ISO 639-1 or 639-3 codes, comma-separated. */
  lang?: string;
  /** An ISO date (`2023`, `2023-01`, `2023-01-31`, or with a time): documents on or after. */
  since?: string;
  /** An ISO date: documents on or before (a month or year includes all of it). */
  until?: string;
  /** Text the source must contain, case-insensitively. */
  source?: string;
  /** Flag names, comma-separated: a document must carry one of them. */
  flag?: string;
}

/** A filter value that cannot be understood. */
export class FilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterError';
  }
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)?)?$/;

function checkDate(option: string, value: string): string {
  const v = value.trim();
  if (!ISO_DATE.test(v))
    throw new FilterError(`${option} takes an ISO date such as 2023, 2023-01 or 2023-01-31, not '${value}'`);
  return v.replace(' ', 'T');
}

/**
 * Builds a predicate over records from the filter options, or null when none is set.
 * Dates compare at the coarser of the two precisions: `--since 2023-01-15` keeps a document
 * dated `2023-01`, since it may be from after the 15th. Undated documents fail a date filter.
 */
export async function buildFilter(spec: FilterSpec): Promise<((record: DocumentRecord) => boolean) | null> {
  const tests: ((r: DocumentRecord) => boolean)[] = [];
  if (spec.lang !== undefined) {
    const codes = new Set<string>();
    for (const part of spec.lang.split(',')) {
      if (part.trim() === '') continue;
      const code = await toIso6393(part);
      if (code === null)
        throw new FilterError(`--lang takes ISO 639-1 or 639-3 codes such as fr or fra, not '${part.trim()}'`);
      codes.add(code);
    }
    tests.push((r) => codes.has(r.lang));
  }
  if (spec.since !== undefined) {
    const since = checkDate('--since', spec.since);
    tests.push((r) => r.date !== null && cut(r.date, since) >= cut(since, r.date));
  }
  if (spec.until !== undefined) {
    const until = checkDate('--until', spec.until);
    tests.push((r) => r.date !== null && cut(r.date, until) <= cut(until, r.date));
  }
  if (spec.source !== undefined) {
    const needle = spec.source.toLowerCase();
    tests.push((r) => r.source !== null && r.source.toLowerCase().includes(needle));
  }
  if (spec.flag !== undefined) {
    const flags = spec.flag
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '');
    tests.push((r) => flags.some((f) => r.flags.includes(f)));
  }
  if (tests.length === 0) return null;
  return (r) => tests.every((t) => t(r));
}

/** `a` cut to the precision of `b` (dates without their UTC offset). */
function cut(a: string, b: string): string {
  const strip = (d: string) => d.replace(/(Z|[+-]\d{2}:?\d{2})$/, '');
  return strip(a).slice(0, strip(b).length);
}
