// A record's own metadata fields (a JSON Lines record's `date` and `lang`), checked before the
// record takes them: data is not trusted to be right. A date must be a real calendar date, a
// language an ISO 639 code; a field that is not is dropped, and the record flagged for it.

import { languageOfTag } from '../language/language-code.js';
import type { RecordFields } from '../../types.js';
import { readDateLine } from './date.js';

/** A record's fields as checked: those to take, and the flags of those dropped. */
export interface DeclaredFields {
  /**
   * The fields kept: `date` as ISO 8601, `lang` as an ISO 639-3 code (a macrolanguage, `zho`, stays
   * one here: the record takes the member its text is detected in, language-code.ts `resolveDeclared`).
   */
  fields: RecordFields;
  /** The declared date as written, when it was kept. */
  dateText?: string;
  /** `invalid-date`, `invalid-lang`: the flags of the fields dropped. */
  invalid: readonly string[];
}

/** The flags a record gets for a declared field that was dropped. */
export const INVALID_FIELD_FLAGS = ['invalid-date', 'invalid-lang'] as const;

const NO_FLAGS: readonly string[] = [];
const NONE: DeclaredFields = { fields: {}, invalid: NO_FLAGS };

/**
 * The years a declared date may have: from 1000 (four digits, as ISO 8601 writes years without an
 * agreement; a historical corpus may go back that far) to 2100 (nothing written today is dated
 * later: `9999` is a placeholder for "no date", not a date).
 */
const FIRST_YEAR = 1000;
const LAST_YEAR = 2100;

/** ISO 8601 as data writes it: `2023`, `2023-01`, `2023-01-31`, then `T` or a space and a time, seconds and a fraction, `Z` or an offset. */
const ISO_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(Z|[+-](\d{2})(?::?(\d{2}))?)?)?)?)?$/;

/**
 * Whether `value` is an ISO 8601 date ({@link ISO_DATE}) that exists (no `2023-02-30`, no `25:00`,
 * no offset beyond ±14:00), in the years `first` to `last`.
 */
export function isIsoDate(value: string, first = FIRST_YEAR, last = LAST_YEAR): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < first || year > last) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  if (day < 1 || day > daysIn(year, month)) return false;
  if (m[4] === undefined) return true;
  // 60 seconds: a leap second.
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 60)) return false;
  return m[8] === undefined || Number(m[8]) * 60 + Number(m[9] ?? 0) <= 14 * 60;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year`, in the Gregorian calendar. */
function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS[month - 1] as number);
}

/**
 * A declared date as the record's `date` (ISO 8601): an ISO date that is a real one, kept as
 * written (a space before the time becomes `T`); else a date the date grammar of the text reads
 * (`31 janvier 2023`, `Tue, 31 Jan 2023 18:14:00 +0000`); else null.
 */
export function declaredDate(value: string): string | null {
  if (ISO_DATE.test(value)) return isIsoDate(value) ? value.replace(' ', 'T') : null;
  const read = readDateLine(value);
  if (read === null) return null;
  const year = Number(read.iso.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR ? read.iso : null;
}

/**
 * A record's declared fields, checked: an invalid `date` or `lang` is dropped (the record's value
 * then comes from its text, as for a record without the field) and named in `invalid`.
 */
export function declaredFields(fields: RecordFields | undefined): DeclaredFields {
  if (fields === undefined) return NONE;
  const { date, lang } = fields;
  if (date === undefined && lang === undefined) return { fields, invalid: NO_FLAGS };
  const iso = date === undefined ? undefined : declaredDate(date);
  const code = lang === undefined ? undefined : languageOfTag(lang);
  // Most records declare what is valid as written: then nothing is copied.
  let kept = fields;
  let invalid = NO_FLAGS;
  if (iso !== date || code !== lang) {
    kept = { ...fields };
    const dropped: string[] = [];
    if (iso === null) {
      delete kept.date;
      dropped.push('invalid-date');
    } else if (iso !== undefined) kept.date = iso;
    if (code === null) {
      delete kept.lang;
      dropped.push('invalid-lang');
    } else if (code !== undefined) kept.lang = code;
    invalid = dropped;
  }
  return iso === null || iso === undefined ? { fields: kept, invalid } : { fields: kept, dateText: date, invalid };
}
