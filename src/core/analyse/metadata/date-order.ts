// Settles the order of a numeric date either side of which could be the month (`05/04/2019`):
// first from the document's own unambiguous dates written the same way (`25/04/2019` proves day
// first), then from its language (month first where CLDR says its numeric dates are, as en-US).

import { yearDigits } from './date-calendars.js';
import type { FoundDate } from './date.js';
import { MONTH_FIRST_LANGUAGES } from './date-names.js';

const MONTH_FIRST = new Set(MONTH_FIRST_LANGUAGES.split(' '));
const SLASHED = /(?<!\d)(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?!\d)/gu;

/**
 * The date with its order settled by the document's other numeric dates, when they settle it:
 * dates with the same separator where one side is over 12, all the same way. A date still open
 * keeps its `monthFirst` reading for {@link dayOrderDate}.
 *
 * @param found The document's date as read from its line.
 * @param lines The document's lines.
 */
export function settleDayOrder(found: FoundDate, lines: readonly string[]): FoundDate {
  if (found.monthFirst === undefined) return found;
  const separator = /\d([/-])\d/u.exec(yearDigits(found.text) ?? '')?.[1];
  let dayFirst = 0;
  let monthFirst = 0;
  for (const line of lines) {
    if (separator === undefined || !line.includes(separator)) continue;
    const ascii = yearDigits(line);
    if (ascii === null) continue;
    for (const m of ascii.matchAll(SLASHED)) {
      if (m[2] !== separator) continue;
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (a > 12 && b <= 12) dayFirst += 1;
      else if (b > 12 && a <= 12) monthFirst += 1;
    }
  }
  if (dayFirst > 0 && monthFirst === 0) return { iso: found.iso, text: found.text };
  if (monthFirst > 0 && dayFirst === 0) return { iso: found.monthFirst, text: found.text };
  return found;
}

/** A document date whose order its own text leaves open: both readings, and the words read. */
export interface OpenDate {
  dayFirst: string;
  monthFirst: string;
  text: string;
}

/** What {@link settleDayOrder} found open, for the metadata; undefined for a date it settled. */
export function openDate(found: FoundDate | null): OpenDate | undefined {
  if (found?.monthFirst === undefined) return undefined;
  return { dayFirst: found.iso, monthFirst: found.monthFirst, text: found.text };
}

/**
 * The date of a document once its language is known: when the date is still the day-first
 * reading of an open numeric date (not replaced by a record's own field), the month-first
 * reading in a language that writes dates month first (CLDR's default locale: `eng` as en-US,
 * `fil`, …), the day-first one elsewhere and in `und`.
 *
 * @param meta The document's date and words, and its open date if any.
 * @param lang The document's ISO 639-3 language.
 */
export function dayOrderDate(
  meta: { date: string | null; dateText: string | null; dateOrderOpen?: OpenDate },
  lang: string,
): string | null {
  const open = meta.dateOrderOpen;
  if (open === undefined || meta.date !== open.dayFirst || meta.dateText !== open.text) return meta.date;
  return MONTH_FIRST.has(lang) ? open.monthFirst : meta.date;
}
