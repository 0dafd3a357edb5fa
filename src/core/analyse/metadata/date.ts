// Reads the document's own date from a metadata line ("Mis à jour le mardi 31 janvier 2023 –
// 18:14", "2024-08-13 12:49", "26 Mai 2024 11:53 (UTC+01:00)", "26 мая 2024 г.", "2024年5月26日",
// "٢٦ مايو ٢٠٢٤") or a "date …" prefix, and writes it as ISO 8601 with the precision found. A small
// grammar over whole lines, not a free-text parser.

import { yearDigits } from './date-calendars.js';
import { matchDay, num, type Match, type Parts } from './date-forms.js';
import { foldWord, LABEL_LINKS, LABEL_WORDS, weekdayNames, ZONES } from './date-words.js';

/** A date read from a line. */
export interface FoundDate {
  /** ISO 8601 with the precision found: `2023`, `2023-01`, `2023-01-31T18:14`, `…+01:00`. */
  iso: string;
  /** The original words the date was read from (labels such as "Publié le" left out). */
  text: string;
  /**
   * Set on a numeric date either side of which could be the month (`05/04/2019`): `iso` is the
   * day-first reading, this the month-first one (date-order.ts chooses). Only read when asked.
   */
  monthFirst?: string;
}

/** A time in CJK words: `午後3時30分`, `下午3点`, `오후 3:30`, `15時`. */
const CJK_TIME =
  /^[\s,，、]*(午前|午後|上午|下午|오전|오후)?\s*(\d{1,2})(?:\s*[:：]\s*(\d{2})|\s*[時时点點시](?:\s*(\d{1,2})\s*[分분])?)/u;
const TIME =
  /^[\s,;–—|/·•-]*(?:T(?=\d))?(?:(?:à|a|at|um|om|alle|ore|às|as|a\s+las|a\s+la|godz\.?|kl\.?|klo|klockan|o|am|в|во|о|об|u|saat|στις|الساعة|ساعت)\s+)?(\d{1,2})(?:\s*([:h.])\s*(\d{2})(?::(\d{2}))?(?:\.\d+)?|(?=\s*(?:h|uhr|[ap]\.?\s?m\.?)(?!\p{L})))\s*(?:([ap])\.?\s?m\.?(?!\p{L}))?(?:\s*(?:uhr|h)(?!\p{L}))?/iu;
const ZONE =
  /^[\s,]*\(?\s*(?:(?:utc|gmt)\s*(?:([+−-])\s*(\d{1,2})(?::?(\d{2}))?)?|([+−-])(\d{2}):?(\d{2})|([a-z]{1,4}))(?!\p{L})\s*\)?/iu;
const WORD = /^\s*([\p{L}\p{M}]+)\.?\s*/u;
const LABEL_END = /^\s*[:：–—-]?\s*/u;
const DATELINE_CITY = /^\p{Lu}[\p{L}'’.-]*(?:[\s-]\p{Lu}[\p{L}'’.-]*){0,2}\s*,\s*/u;
const IGNORABLE_TAIL = /^[\s.,،;:()[\]|–—-]*$/u;
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
export function readDateLine(line: string, openOrder = false): FoundDate | null {
  const ascii = yearDigits(line);
  if (ascii === null) return null;
  // Digits are read in ASCII; the words are taken from the line as written (same offsets).
  const trimmed = ascii.trimEnd();
  const begin = trimmed.length - trimmed.trimStart().length;
  const afterLabel = skipLabel(trimmed, begin);
  const labelled = afterLabel > begin;
  let found = findDate(trimmed, afterLabel, labelled);
  if (!found && !labelled) {
    const city = DATELINE_CITY.exec(trimmed.slice(begin));
    if (city) found = findDate(trimmed, skipLinks(trimmed, begin + city[0].length), false);
  }
  if (!found || (found.match.open === true && !openOrder)) return null;
  const tail = trimmed.slice(found.match.end);
  if (!IGNORABLE_TAIL.test(tail) && !isWeekdayTail(tail) && !isSecondDate(tail)) return null;
  return toFound(line, found.start, found.match);
}

/**
 * Read a `date …` prefix glued to the first sentence of the body (` date 2023-01 Un train…`).
 *
 * @param line One line of the document.
 * @returns The date, or `null` when the line does not open with `date` and a date.
 */
export function readDatePrefix(line: string): FoundDate | null {
  const ascii = yearDigits(line);
  if (ascii === null) return null;
  const prefix = /^\s*(?:date|datum|fecha|data|dato|dyddiad)\s*:?\s+/iu.exec(ascii);
  if (!prefix) return null;
  const found = findDate(ascii, prefix[0].length, true);
  if (!found || found.match.open === true || /^[\p{L}\d]/u.test(ascii.slice(found.match.end))) return null;
  return toFound(line, found.start, found.match);
}

/** A weekday written after the date (`26 Mayıs 2024 Pazar`), and nothing else. */
function isWeekdayTail(tail: string): boolean {
  const word = WORD.exec(tail.replace(/^[\s,،–—-]+/u, ''));
  return (
    word?.[1] !== undefined &&
    weekdayNames().has(foldWord(word[1])) &&
    IGNORABLE_TAIL.test(tail.slice(tail.indexOf(word[1]) + word[1].length))
  );
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
    return { parts: time?.parts ?? date.parts, end: end + (time?.end ?? 0), open: date.open };
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
  return { parts: { ...time.parts, year, month, day }, end: at + after.end, open: after.open };
}

/** Past one weekday word and its comma, or `at` itself when there is none. */
function skipWeekday(text: string, at: number): number {
  const word = WORD.exec(text.slice(at));
  if (!word?.[1] || !weekdayNames().has(foldWord(word[1]))) return at;
  const end = at + word[0].length;
  return end + (/^[,،\s]*/u.exec(text.slice(end))?.[0].length ?? 0);
}

/** A time of day and the UTC offset after it, when the calendar part has a day. */
function matchTime(s: string, parts: Parts): Match | null {
  if (parts.year !== 0 && parts.day === undefined) return null;
  const m = TIME.exec(s);
  // CJK time words only after a date: the time-first path stays as cheap as it was.
  if (!m) return parts.year === 0 ? null : matchCjkTime(s, parts);
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

/** A time in CJK words after a date: `午後3時30分`, `오후 3:30`. */
function matchCjkTime(s: string, parts: Parts): Match | null {
  const m = CJK_TIME.exec(s);
  if (!m) return null;
  let hour = num(m[2]);
  if (m[1] !== undefined && /[後后후]/u.test(m[1]) && hour < 12) hour += 12;
  const minute = num(m[3] ?? m[4]);
  if (hour > 23 || minute > 59) return null;
  return { parts: { ...parts, hour, minute }, end: m[0].length };
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
  const found: FoundDate = { iso: toIso(match.parts), text: text.slice(start, match.end).trim() };
  if (match.open === true) found.monthFirst = toIso({ ...match.parts, month: match.parts.day, day: match.parts.month });
  return found;
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

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
