// Reads the document's own date from a metadata line ("Mis à jour le mardi 31 janvier 2023 –
// 18:14", "2024-08-13 12:49", "26 Mai 2024 11:53 (UTC+01:00)") or a "date …" prefix, and writes
// it as ISO 8601 with the precision found. A small grammar over whole lines, not a free-text parser.

import { foldWord, LABEL_LINKS, LABEL_WORDS, MONTHS, WEEKDAYS, ZONES } from './date-words.js';

/** A date read from a line. */
export interface FoundDate {
  /** ISO 8601 with the precision found: `2023`, `2023-01`, `2023-01-31T18:14`, `…+01:00`. */
  iso: string;
  /** The original words the date was read from (labels such as "Publié le" left out). */
  text: string;
}

interface Parts {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  offset?: number;
}

interface Match {
  parts: Parts;
  end: number;
}

const ISO = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?![\d-])/u;
const ISO_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/u;
const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)/u;
const DAY_MONTH_YEAR =
  /^(\d{1,2})(?:er|re|st|nd|rd|th|º|ª|°|ydd|fed|eg|af)?\.?\s*(?:de\s+|of\s+)?(\p{L}+)\.?,?\s+(?:de\s+|del\s+)?(\d{4})(?!\d)/u;
const MONTH_DAY_YEAR = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/u;
const MONTH_YEAR = /^(\p{L}+)\.?,?\s+(?:de\s+|del\s+)?(\d{4})(?!\d)/u;
const YEAR = /^(\d{4})(?!\d)/u;
const TIME =
  /^[\s,;–—|/·•-]*(?:T(?=\d))?(?:(?:à|a|at|um|om|alle|ore|às|as|a\s+las|a\s+la|godz\.?|kl\.?|klo|klockan|o|am)\s+)?(\d{1,2})(?:\s*([:h.])\s*(\d{2})(?::(\d{2}))?(?:\.\d+)?|(?=\s*(?:h|uhr|[ap]\.?\s?m\.?)(?!\p{L})))\s*(?:([ap])\.?\s?m\.?(?!\p{L}))?(?:\s*(?:uhr|h)(?!\p{L}))?/iu;
const ZONE =
  /^[\s,]*\(?\s*(?:(?:utc|gmt)\s*(?:([+−-])\s*(\d{1,2})(?::?(\d{2}))?)?|([+−-])(\d{2}):?(\d{2})|([a-z]{1,4}))(?!\p{L})\s*\)?/iu;
const WORD = /^\s*(\p{L}+)\.?\s*/u;
const LABEL_END = /^\s*[:–—-]?\s*/u;
const DATELINE_CITY = /^\p{Lu}[\p{L}'’.-]*(?:[\s-]\p{Lu}[\p{L}'’.-]*){0,2}\s*,\s*/u;
const IGNORABLE_TAIL = /^[\s.,;:()[\]|–—-]*$/u;
/** Zone words printed after a time that fix no offset ("11:53 AM ET"): skipped. */
const VAGUE_ZONES = new Set(['et', 'pt', 'ct', 'mt', 'local']);

/**
 * Read a line that is a date and nothing else, apart from a label ("Publié le", "Updated:"),
 * a weekday, a city ("Paris, 3 mars 2021"), a time and a UTC offset.
 *
 * @param line One line of the document.
 * @returns The date, or `null` when the line is not a date line (a body sentence that mentions a
 *   date, a relative word such as "mardi", an ambiguous `03/04/2021`).
 */
export function readDateLine(line: string): FoundDate | null {
  if (!hasYearDigits(line)) return null;
  const trimmed = line.trimEnd();
  const begin = trimmed.length - trimmed.trimStart().length;
  const afterLabel = skipLabel(trimmed, begin);
  const labelled = afterLabel > begin;
  let found = findDate(trimmed, afterLabel, labelled);
  if (!found && !labelled) {
    const city = DATELINE_CITY.exec(trimmed.slice(begin));
    if (city) found = findDate(trimmed, skipLinks(trimmed, begin + city[0].length), false);
  }
  if (!found) return null;
  const tail = trimmed.slice(found.match.end);
  if (!IGNORABLE_TAIL.test(tail) && !isSecondDate(tail)) return null;
  return toFound(trimmed, found.start, found.match);
}

/**
 * Read a `date …` prefix glued to the first sentence of the body (` date 2023-01 Un train…`).
 *
 * @param line One line of the document.
 * @returns The date, or `null` when the line does not open with `date` and a date.
 */
export function readDatePrefix(line: string): FoundDate | null {
  if (!hasYearDigits(line)) return null;
  const prefix = /^\s*(?:date|datum|fecha|data|dato|dyddiad)\s*:?\s+/iu.exec(line);
  if (!prefix) return null;
  const found = findDate(line, prefix[0].length, true);
  if (!found || /^[\p{L}\d]/u.test(line.slice(found.match.end))) return null;
  return toFound(line, found.start, found.match);
}

/**
 * Whether the text holds four ASCII digits in a row. Every calendar form above has a four-digit
 * year, so a line without one is no date: most lines (headlines, paragraphs) are turned away
 * here without running the grammar's expressions.
 */
function hasYearDigits(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (++run === 4) return true;
    } else run = 0;
  }
  return false;
}

/** Find a date at `from`, first as written, then past a weekday. */
function findDate(text: string, from: number, yearAlone: boolean): { start: number; match: Match } | null {
  const direct = matchDate(text, from, yearAlone);
  if (direct) return { start: from, match: direct };
  let at = from;
  // Up to two weekday words: "dydd Mawrth", "mardi", "Tue.,".
  for (let i = 0; i < 2; i += 1) {
    const next = skipWeekday(text, at);
    if (next === at) break;
    at = next;
    const past = matchDate(text, at, false);
    if (past) return { start: from, match: past };
  }
  return null;
}

/** A date, then an optional time and offset, anchored at `from`. A time may also come first. */
function matchDate(text: string, from: number, yearAlone: boolean): Match | null {
  const date = matchDay(text.slice(from), yearAlone);
  if (date) {
    const end = from + date.end;
    const time = matchTime(text.slice(end), date.parts);
    return { parts: time?.parts ?? date.parts, end: end + (time?.end ?? 0) };
  }
  const time = matchTime(text.slice(from), { year: 0 });
  if (!time) return null;
  const rest = from + time.end;
  let at = rest + (/^[\s,;–—|·•-]*/u.exec(text.slice(rest))?.[0].length ?? 0);
  let after = matchDay(text.slice(at), false);
  if (!after) {
    at = skipWeekday(text, at);
    after = matchDay(text.slice(at), false);
  }
  if (!after) return null;
  const { year, month, day } = after.parts;
  return { parts: { ...time.parts, year, month, day }, end: at + after.end };
}

/** Past one weekday word and its comma, or `at` itself when there is none. */
function skipWeekday(text: string, at: number): number {
  const word = WORD.exec(text.slice(at));
  if (!word?.[1] || !WEEKDAYS.has(foldWord(word[1]))) return at;
  const end = at + word[0].length;
  return end + (/^[,\s]*/u.exec(text.slice(end))?.[0].length ?? 0);
}

/** The calendar part: ISO, numeric, written day-month-year, month-day-year, month-year. */
function matchDay(s: string, yearAlone: boolean): Match | null {
  let m = ISO.exec(s) ?? ISO_SLASH.exec(s);
  if (m) return calendar(m, num(m[1]), num(m[2]), m[3] === undefined ? undefined : num(m[3]));
  m = NUMERIC.exec(s);
  if (m) {
    const a = num(m[1]);
    const b = num(m[3]);
    // Dots are day-first everywhere; slashes and dashes only when one side cannot be a month.
    if (m[2] === '.' || a > 12 || a === b) return calendar(m, num(m[4]), b, a);
    if (b > 12) return calendar(m, num(m[4]), a, b);
    return null;
  }
  m = DAY_MONTH_YEAR.exec(s);
  if (m && MONTHS.has(foldWord(m[2] ?? ''))) {
    return calendar(m, num(m[3]), MONTHS.get(foldWord(m[2] ?? '')), num(m[1]));
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m && MONTHS.has(foldWord(m[1] ?? ''))) {
    return calendar(m, num(m[3]), MONTHS.get(foldWord(m[1] ?? '')), num(m[2]));
  }
  m = MONTH_YEAR.exec(s);
  if (m && MONTHS.has(foldWord(m[1] ?? ''))) {
    return calendar(m, num(m[2]), MONTHS.get(foldWord(m[1] ?? '')), undefined);
  }
  m = yearAlone ? YEAR.exec(s) : null;
  return m ? calendar(m, num(m[1]), undefined, undefined) : null;
}

function calendar(m: RegExpExecArray, year: number, month: number | undefined, day: number | undefined): Match | null {
  if (year < 1800 || year > 2200) return null;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (day < 1 || day > daysIn(year, month ?? 1))) return null;
  return { parts: { year, month, day }, end: m[0].length };
}

/** A time of day and the UTC offset after it, when the calendar part has a day. */
function matchTime(s: string, parts: Parts): Match | null {
  if (parts.year !== 0 && parts.day === undefined) return null;
  const m = TIME.exec(s);
  if (!m) return null;
  let hour = num(m[1]);
  const minute = m[3] === undefined ? 0 : num(m[3]);
  const meridiem = m[5]?.toLowerCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  // "2021. 14" and "mai 2023.12" are not times: a bare dot needs two digits on each side.
  if (m[2] === '.' && (m[1]?.length ?? 0) < 2 && meridiem === undefined) return null;
  const second = m[4] === undefined ? undefined : num(m[4]);
  // A leap second (:60) is left out too: no date library downstream can hold it.
  if (hour > 23 || minute > 59 || (second ?? 0) > 59) return null;
  const time: Parts = { ...parts, hour, minute };
  if (second !== undefined) time.second = second;
  // Trailing blanks stay outside the match: after a `date …` prefix they divide date from body.
  const used = m[0].trimEnd().length;
  const zone = matchZone(s.slice(used));
  if (zone?.offset !== undefined) time.offset = zone.offset;
  return { parts: time, end: used + (zone?.end ?? 0) };
}

function matchZone(s: string): { offset: number | undefined; end: number } | null {
  const m = ZONE.exec(s);
  if (!m) return null;
  const end = m[0].trimEnd().length;
  if (m[7] !== undefined) {
    const word = m[7].toLowerCase();
    if (VAGUE_ZONES.has(word)) return { offset: undefined, end };
    const offset = ZONES.get(word);
    return offset === undefined ? null : { offset, end };
  }
  const sign = m[1] ?? m[4];
  const hours = m[2] ?? m[5];
  const minutes = m[3] ?? m[6];
  if (sign === undefined || hours === undefined) return { offset: 0, end };
  const offset = (num(hours) * 60 + (minutes === undefined ? 0 : num(minutes))) * (sign === '+' ? 1 : -1);
  return Math.abs(offset) > 14 * 60 ? null : { offset, end };
}

/** Skip a label made of label words, at least one of them a strong one. */
function skipLabel(text: string, from: number): number {
  let at = from;
  let strong = false;
  let end = from;
  for (;;) {
    const word = WORD.exec(text.slice(at));
    if (!word?.[1]) break;
    const folded = foldWord(word[1]);
    if (LABEL_WORDS.has(folded)) strong = true;
    else if (!LABEL_LINKS.has(folded)) break;
    at += word[0].length;
    at += /^[:–—-]?\s*/u.exec(text.slice(at))?.[0].length ?? 0;
    if (strong) end = at;
  }
  if (!strong) return from;
  return skipLinks(text, end);
}

/** Skip the small words after a label or a city: "le", "am", "den", "el". */
function skipLinks(text: string, from: number): number {
  let at = from + (LABEL_END.exec(text.slice(from))?.[0].length ?? 0);
  for (;;) {
    const word = WORD.exec(text.slice(at));
    if (!word?.[1] || !LABEL_LINKS.has(foldWord(word[1]))) return at;
    at += word[0].length;
  }
}

/** "…, mis à jour le 4 mars 2021 à 09h00": a second, later date may follow the first. */
function isSecondDate(tail: string): boolean {
  const rest = tail.replace(/^[\s.,;:()[\]|–—-]+/u, '');
  const label = skipLabel(rest, 0);
  return label > 0 && readDateLine(rest) !== null;
}

function toFound(text: string, start: number, match: Match): FoundDate {
  return { iso: toIso(match.parts), text: text.slice(start, match.end).trim() };
}

/** ISO 8601 with exactly the precision found. */
export function toIso(parts: Parts): string {
  let iso = String(parts.year).padStart(4, '0');
  if (parts.month === undefined) return iso;
  iso += `-${pad(parts.month)}`;
  if (parts.day === undefined) return iso;
  iso += `-${pad(parts.day)}`;
  if (parts.hour === undefined) return iso;
  iso += `T${pad(parts.hour)}:${pad(parts.minute ?? 0)}`;
  if (parts.second !== undefined) iso += `:${pad(parts.second)}`;
  if (parts.offset === undefined) return iso;
  const sign = parts.offset < 0 ? '-' : '+';
  const abs = Math.abs(parts.offset);
  return `${iso}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function num(text: string | undefined): number {
  return Number.parseInt(text ?? '0', 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
