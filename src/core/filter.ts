// The document filters shared by list, grep and summarise: language, date range, source, flag.
// Every value is checked when the filter is built: a bad one is a FilterError naming what is valid.

import { codesMatching, languageCode } from './analyse/language/language-code.js';
import { isIsoDate } from './analyse/metadata/declared-fields.js';
import type { DocumentRecord } from './types.js';

/** The filters as the user gave them. */
export interface FilterSpec {
  /** ISO 639-1, 639-2/B or 639-3 codes (a macrolanguage stands for its members), comma-separated. */
  lang?: string;
  /** An ISO date (`2023`, `2023-01`, `2023-01-31`, or with a time): documents on or after; not after `until`. */
  since?: string;
  /** An ISO date: documents on or before (a month or year includes all of it). */
  until?: string;
  /** Text the source must contain, case-insensitively. */
  source?: string;
  /** Flag names, comma-separated: a document must carry one of them. */
  flag?: string;
}

/** The flags a record may carry (docs/spec.md §3), the names `--flag` takes. */
export const RECORD_FLAGS = [
  'mixed-language',
  'no-date',
  'no-title',
  'short',
  'und',
  'encoding-fallback',
  'invalid-date',
  'invalid-lang',
  'lang-disagrees',
  'duplicate',
  'near-duplicate',
] as const;

/** A filter value that cannot be understood. */
export class FilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterError';
  }
}

function checkDate(option: string, value: string): string {
  const v = value.trim();
  if (!isIsoDate(v, 0, 9999))
    throw new FilterError(`${option} takes an ISO date such as 2023, 2023-01 or 2023-01-31, not '${value}'`);
  return v.replace(' ', 'T');
}

/** The items of a comma-separated option value, trimmed; a FilterError when there is none. */
function listOf(option: string, value: string, what: string): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new FilterError(`${option} takes ${what}, not '${value}'`);
  return items;
}

/**
 * The ISO 639-3 codes `--lang` names: each code (`fr`, `fre`, `fra`; a tag such as `fr-FR` is no
 * code), and for a macrolanguage its members too, which is what detection names (`zh`: `zho`,
 * `cmn`, `yue`…; `ar`: `ara`, `arb`…; `no`: `nor`, `nob`, `nno`).
 */
function langCodes(value: string): Set<string> {
  const what = 'ISO 639-1 or 639-3 codes such as fr or fra';
  const codes = new Set<string>();
  for (const part of listOf('--lang', value, what)) {
    const code = languageCode(part);
    if (code === null) throw new FilterError(`--lang takes ${what}, not '${part}'`);
    for (const c of codesMatching(code)) codes.add(c);
  }
  return codes;
}

/** The flags `--flag` names. */
function flagNames(value: string): string[] {
  const what = `flags among ${RECORD_FLAGS.join(', ')}`;
  const flags = listOf('--flag', value, what);
  for (const flag of flags)
    if (!(RECORD_FLAGS as readonly string[]).includes(flag))
      throw new FilterError(`--flag takes ${what}, not '${flag}'`);
  return flags;
}

/**
 * Builds a predicate over records from the filter options, or null when none is set.
 * Dates compare at the coarser of the two precisions: `--since 2023-01-15` keeps a document
 * dated `2023-01`, since it may be from after the 15th. Undated documents fail a date filter.
 */
export async function buildFilter(spec: FilterSpec): Promise<((record: DocumentRecord) => boolean) | null> {
  const tests: ((r: DocumentRecord) => boolean)[] = [];
  if (spec.lang !== undefined) {
    const codes = langCodes(spec.lang);
    tests.push((r) => codes.has(r.lang));
  }
  const since = spec.since === undefined ? undefined : checkDate('--since', spec.since);
  const until = spec.until === undefined ? undefined : checkDate('--until', spec.until);
  // A range that ends before it starts keeps nothing: said, rather than an empty result.
  if (since !== undefined && until !== undefined && cut(since, until) > cut(until, since))
    throw new FilterError(
      `--since ${spec.since?.trim()} is after --until ${spec.until?.trim()}: no date is in between`,
    );
  if (since !== undefined) tests.push((r) => r.date !== null && cut(r.date, since) >= cut(since, r.date));
  if (until !== undefined) tests.push((r) => r.date !== null && cut(r.date, until) <= cut(until, r.date));
  if (spec.source !== undefined) {
    if (spec.source.trim() === '')
      throw new FilterError(`--source takes some text of a source's name, not '${spec.source}'`);
    const needle = spec.source.toLowerCase();
    tests.push((r) => r.source !== null && r.source.toLowerCase().includes(needle));
  }
  if (spec.flag !== undefined) {
    const flags = flagNames(spec.flag);
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
