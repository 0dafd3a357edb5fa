// The calendar part of a date line: the forms languages write a day in (ISO, numeric, CJK, a
// month name before or after the day, year first or last, Thai, Persian and Japanese-era years),
// matched at the start of a text. The line around it (labels, weekdays, times) is date.ts's.

import { eraYear, persianToGregorian, thaiYear } from './date-calendars.js';
import { foldWord, monthNames, PERSIAN_MONTHS } from './date-words.js';

/** The fields of a date, as read. */
export interface Parts {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  offset?: number;
}

/** A date matched at the start of a text, and where it ends. */
export interface Match {
  parts: Parts;
  end: number;
  /** The parts are the day-first reading of a numeric date whose order is open. */
  open?: boolean;
}

const ISO = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?![\d-])/u;
const ISO_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/u;
/** Year first with dots, as Korean, Chinese and Hungarian pages write it: `2024.05.26`, `2024. 5. 26.`. */
const ISO_DOT = /^(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})(?!\d)\.?/u;
const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)/u;
const DAY_MONTH_YEAR =
  /^(\d{1,2})(?:er|re|st|nd|rd|th|º|ª|°|ydd|fed|eg|af|-?(?:го|е|ти|ci|cı|si|sı|inci|ıncı))?\.?\s*(?:de\s+|of\s+|d['’])?([\p{L}\p{M}]+(?:\s+ال[\p{L}\p{M}]+)?)\.?[,،]?\s+(?:de\s+|del\s+|พ\.ศ\.\s*|ค\.ศ\.\s*)?(\d{4})(?!\d)/u;
const MONTH_DAY_YEAR = /^([\p{L}\p{M}]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?[,،]?\s+(\d{4})(?!\d)/u;
const MONTH_YEAR = /^([\p{L}\p{M}]+(?:\s+ال[\p{L}\p{M}]+)?)\.?[,،]?\s+(?:de\s+|del\s+)?(\d{4})(?!\d)/u;
/** Year, month name, day: Hungarian `2024. május 26.`, Lithuanian `2024 m. gegužės 26 d.`, Basque. */
const YEAR_MONTH_DAY =
  /^(\d{4})\.?\s*(?:m\.|\(e\)ko|e?ko)?\s*([\p{L}\p{M}]+)\s+(\d{1,2})(?:\.|\s*d\.|\(a\)|a)?(?![\p{L}\d])/u;
/** Year, day, month name: Kazakh `2024 ж. 26 мамыр`, Latvian `2024. gada 26. maijs`. */
const YEAR_DAY_MONTH = /^(\d{4})\.?\s*(?:ж\.|gada)\s*(\d{1,2})\.?\s+([\p{L}\p{M}]+)/u;
/** Chinese, Japanese and Korean: `2024年5月26日`, `2024년 5월 26일`, `2024年5月`. */
const CJK = /^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일号號])?/u;
/** A Japanese era year: `令和6年5月26日`, `平成31年`. */
const ERA = /^(令和|平成|昭和)\s*(\d{1,2}|元)\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/u;
/** Vietnamese: `26 tháng 5, 2024`, `ngày 26 tháng 5 năm 2024`. */
const VIETNAMESE = /^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,\s*|\s+năm\s+)(\d{4})(?!\d)/iu;
/** Thai abbreviated months, dots inside (CLDR's short names): `26 พ.ค. 2567`. */
const THAI_SHORT_MONTHS = 'ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.'.split(' ');
const THAI_SHORT = /^(\d{1,2})\s*([\u0e00-\u0e7f]{1,2}\.[\u0e00-\u0e7f]{1,2}\.)\s*(?:พ\.ศ\.\s*)?(\d{4})(?!\d)/u;
/** The weekday written after a CJK date: `（日）`, `(일)`, `星期日`, `日曜日`, `일요일`. */
const CJK_WEEKDAY =
  /^\s*(?:[（(]\s*[日月火水木金土一二三四五六天일월화수목금토]\s*[)）]|(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]|[日月火水木金土]曜日?|[일월화수목금토]요일)/u;
/** Words after a year that say "year": `2024 г.`, `2024 року`, `2024 r.`, `2024. godine`. */
const YEAR_WORD =
  /^\.?\s*(?:г|гг|года|году|р|року|рік|r|roku|god|godine|godina|m|թ|წ|yil|yılı|ел|оны)\.?(?![\p{L}\p{M}])/iu;
const YEAR = /^(\d{4})(?!\d)/u;

/**
 * The calendar part: ISO, numeric, CJK, written day-month-year, month-day-year, year-month-day,
 * month-year; then a word that says "year" (`г.`, `року`) or a CJK weekday, when one follows.
 */
export function matchDay(s: string, yearAlone: boolean): Match | null {
  // Each form opens with a year, a day or a word: only those that can match are tried.
  const digits = leadingDigits(s);
  let m: Match | null;
  if (digits >= 4) m = matchYearFirst(s) ?? (yearAlone ? matchYear(s) : null);
  else if (digits > 0) m = matchDayFirst(s);
  else m = matchWordFirst(s);
  if (m === null) return null;
  const rest = s.slice(m.end);
  const after = YEAR_WORD.exec(rest) ?? CJK_WEEKDAY.exec(rest);
  return after === null ? m : { ...m, end: m.end + after[0].length };
}

/** The forms that open with the year: ISO, CJK, year-month-day and year-day-month in words. */
function matchYearFirst(s: string): Match | null {
  let m = ISO.exec(s) ?? ISO_SLASH.exec(s) ?? ISO_DOT.exec(s) ?? CJK.exec(s);
  if (m) return calendar(m, num(m[1]), num(m[2]), m[3] === undefined ? undefined : num(m[3]));
  m = YEAR_MONTH_DAY.exec(s);
  let month = m?.[2] === undefined ? undefined : monthOf(m[2]);
  if (m && month !== undefined && !month.persian) return calendar(m, num(m[1]), month.month, num(m[3]));
  m = YEAR_DAY_MONTH.exec(s);
  month = m?.[3] === undefined ? undefined : monthOf(m[3]);
  if (m && month !== undefined && !month.persian) return calendar(m, num(m[1]), month.month, num(m[2]));
  return null;
}

/** The forms that open with the day: numeric, Vietnamese, day-month-year in words. */
function matchDayFirst(s: string): Match | null {
  let m = NUMERIC.exec(s);
  if (m) {
    const a = num(m[1]);
    const b = num(m[3]);
    // Dots are day-first everywhere; slashes and dashes only when one side cannot be a month.
    if (m[2] === '.' || a > 12 || a === b) return calendar(m, num(m[4]), b, a);
    if (b > 12) return calendar(m, num(m[4]), a, b);
    // Either side may be the month: the day-first reading, left open for date-order.ts.
    const open = calendar(m, num(m[4]), b, a);
    return open === null ? null : { ...open, open: true };
  }
  m = VIETNAMESE.exec(s);
  if (m) return calendar(m, num(m[3]), num(m[2]), num(m[1]));
  m = THAI_SHORT.exec(s);
  if (m) {
    const short = THAI_SHORT_MONTHS.indexOf(m[2] ?? '');
    return short < 0 ? null : calendar(m, thaiYear(num(m[3]), m[2] ?? ''), short + 1, num(m[1]));
  }
  m = DAY_MONTH_YEAR.exec(s);
  const month = m?.[2] === undefined ? undefined : monthOf(m[2]);
  if (!m || month === undefined) return null;
  const year = thaiYear(num(m[3]), m[2] ?? '');
  return month.persian ? persian(m, year, month.month, num(m[1])) : calendar(m, year, month.month, num(m[1]));
}

/** The forms that open with a word: a Japanese era, month-day-year, month-year. */
function matchWordFirst(s: string): Match | null {
  let m = ERA.exec(s);
  if (m) {
    const year = eraYear(m[1] ?? '', m[2] ?? '');
    if (year === undefined) return null;
    return calendar(m, year, m[3] === undefined ? undefined : num(m[3]), m[4] === undefined ? undefined : num(m[4]));
  }
  m = VIETNAMESE.exec(s);
  if (m) return calendar(m, num(m[3]), num(m[2]), num(m[1]));
  m = MONTH_DAY_YEAR.exec(s);
  let month = m?.[1] === undefined ? undefined : monthOf(m[1]);
  if (m && month !== undefined && !month.persian) return calendar(m, num(m[3]), month.month, num(m[2]));
  m = MONTH_YEAR.exec(s);
  month = m?.[1] === undefined ? undefined : monthOf(m[1]);
  // A Persian month straddles two Gregorian ones: without its day it gives no Gregorian month.
  if (m && month !== undefined && !month.persian) {
    return calendar(m, thaiYear(num(m[2]), m[1] ?? ''), month.month, undefined);
  }
  return null;
}

/** How many ASCII digits open the text (up to 5). */
function leadingDigits(s: string): number {
  let n = 0;
  while (n < 5 && s.charCodeAt(n) >= 0x30 && s.charCodeAt(n) <= 0x39) n += 1;
  return n;
}

function matchYear(s: string): Match | null {
  const m = YEAR.exec(s);
  return m ? calendar(m, num(m[1]), undefined, undefined) : null;
}

/**
 * The month a word names: a Gregorian month in any language, else a Persian one; a Hebrew
 * month keeps its preposition in a date (`26 במאי`).
 */
function monthOf(word: string): { month: number; persian: boolean } | undefined {
  const folded = foldWord(word);
  const months = monthNames();
  const month = months.get(folded) ?? (folded.startsWith('ב') ? months.get(folded.slice(1)) : undefined);
  if (month !== undefined) return { month, persian: false };
  const persian = PERSIAN_MONTHS.get(folded);
  return persian === undefined ? undefined : { month: persian, persian: true };
}

/** A Persian (Solar Hijri) date, as its Gregorian day. */
function persian(m: RegExpExecArray, year: number, month: number, day: number): Match | null {
  const date = persianToGregorian(year, month, day);
  return date === null ? null : calendar(m, date.year, date.month, date.day);
}

function calendar(m: RegExpExecArray, year: number, month: number | undefined, day: number | undefined): Match | null {
  if (year < 1800 || year > 2200) return null;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (day < 1 || day > daysIn(year, month ?? 1))) return null;
  return { parts: { year, month, day }, end: m[0].length };
}
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The number a run of ASCII digits writes. */
export function num(text: string | undefined): number {
  return Number.parseInt(text ?? '0', 10);
}
