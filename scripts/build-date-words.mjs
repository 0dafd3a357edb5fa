#!/usr/bin/env node
// Writes src/core/analyse/metadata/date-names.ts from the CLDR data Node's ICU carries: the month
// names of every locale Intl.DateTimeFormat knows (long and short, the form used inside a date —
// the genitive "мая", "Μαΐου", "במאי" — and the form standing alone), the Persian calendar's
// months, weekday words, and the languages that write numeric dates month first (en-US). Names
// are folded as date-words.ts folds a word. A name two locales give to different months is left
// out. Run it after a Node upgrade changes CLDR; `--check` writes nothing and exits 1 when the
// module is out of date (it says so and passes when this Node carries another CLDR version).
//
//   node scripts/build-date-words.mjs [--check]

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iso6393 } from 'iso-639-3';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../src/core/analyse/metadata/date-names.ts');
const CLDR = process.versions.cldr ?? 'unknown';

/** Regional and script variants whose month names differ from their language's default. */
const VARIANTS = [
  'ar-SY',
  'ar-LB',
  'ar-IQ',
  'ar-JO',
  'ar-PS',
  'ar-MA',
  'ar-DZ',
  'ar-TN',
  'ar-LY',
  'ar-MR',
  'sr-Latn',
  'bs-Cyrl',
  'uz-Cyrl',
  'uz-Arab',
  'az-Cyrl',
  'pa-Arab',
  'ms-Arab',
  'sd-Deva',
  'ks-Deva',
  'ff-Adlm',
  'pt-PT',
  'shi-Latn',
  'vai-Latn',
  'fa-AF',
];

/** @type {Record<string, string>} */
const UNDECOMPOSED = { ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i' };

/**
 * Lower case, marks removed, the letters without a decomposition mapped, trailing dot removed.
 * @param {string} word
 */
const fold = (word) =>
  word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øłæœßı]/gu, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/\.$/, '');

/**
 * A month or weekday word the grammar can match: letters (and marks) only, no Han or Hangul.
 * @param {string} word
 * @param {number} min
 */
const usable = (word, min) =>
  word.length >= min &&
  // One word, or a Levantine Arabic month of two ("كانون الثاني": the second opens with ال).
  /^[\p{L}\p{M}]+(?: ال[\p{L}\p{M}]+)?$/u.test(word) &&
  !/[\p{sc=Han}\p{sc=Hangul}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(word);

/**
 * Every locale Intl knows by an ISO 639-1 or 639-3 code, then the variants.
 * @returns {{ tag: string, iso6393: string | null }[]}
 */
function locales() {
  const found = [];
  for (const language of iso6393) {
    for (const code of [language.iso6391, language.iso6393]) {
      if (code && Intl.DateTimeFormat.supportedLocalesOf(code).length > 0) {
        found.push({ tag: code, iso6393: language.iso6393 });
        break;
      }
    }
  }
  return [...found, ...VARIANTS.map((tag) => ({ tag, iso6393: null }))];
}

/**
 * @param {string} tag
 * @param {Intl.DateTimeFormatOptions} options
 * @param {Date} date
 * @param {string} type
 */
function part(tag, options, date, type) {
  const format = new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' });
  return format.formatToParts(date).find((p) => p.type === type)?.value ?? '';
}

/**
 * The month's names in a locale and calendar: long and short, in a date and alone.
 * @param {string} tag
 * @param {number} month
 * @param {string} calendar
 */
function monthNames(tag, month, calendar) {
  const names = [];
  // Mid-month at noon: within the same month of every calendar's year but the Persian one,
  // whose months are found by formatting and reading back (below).
  const date = new Date(Date.UTC(2024, month - 1, 15, 12));
  const locale = `${tag}-u-ca-${calendar}`;
  /** @type {['long' | 'short', number][]} */
  const lengths = [
    ['long', 2],
    ['short', 3],
  ];
  for (const [length, min] of lengths) {
    /** @type {Intl.DateTimeFormatOptions[]} */
    const forms = [{ day: 'numeric', month: length }, { month: length }];
    for (const options of forms) {
      const raw = part(locale, options, date, 'month')
        .trim()
        .replace(/^(?:de |d['’])/u, '');
      const word = fold(raw);
      // The length is the name's as written: marks folded away may leave one letter (মে → ম).
      if (raw.length >= min && usable(word, 1)) names.push(word);
    }
  }
  return names;
}

/**
 * Folded name → month, left out where two locales disagree; the names of each month, sorted.
 * @param {string[]} tags
 * @param {string} calendar
 * @param {Date[]} dates
 */
function monthTable(tags, calendar, dates) {
  const months = new Map();
  const clashes = new Set();
  for (const tag of tags) {
    for (const [month, date] of dates.entries()) {
      for (const name of monthNamesAt(tag, calendar, date, month + 1)) {
        const known = months.get(name);
        if (known !== undefined && known !== month + 1) clashes.add(name);
        else months.set(name, month + 1);
      }
    }
  }
  for (const name of clashes) months.delete(name);
  /** @type {string[][]} */
  const rows = Array.from({ length: 12 }, () => []);
  // A name of two words keeps them joined by `_` in its space-separated row.
  for (const [name, month] of months) rows[month - 1]?.push(name.replace(' ', '_'));
  return { rows: rows.map((row) => row.sort().join(' ')), clashes: [...clashes].sort() };
}

/**
 * @param {string} tag
 * @param {string} calendar
 * @param {Date} date
 * @param {number} month
 * @returns {string[]}
 */
function monthNamesAt(tag, calendar, date, month) {
  if (calendar === 'gregory') return monthNames(tag, month, calendar);
  const names = [];
  const locale = `${tag}-u-ca-${calendar}`;
  /** @type {Intl.DateTimeFormatOptions[]} */
  const forms = [{ day: 'numeric', month: 'long' }, { month: 'long' }];
  for (const options of forms) {
    const word = fold(part(locale, options, date, 'month').trim());
    if (usable(word, 2)) names.push(word);
  }
  return names;
}

/**
 * A date inside each month of the Persian year 1403 (from 1 Farvardin = 2024-03-20).
 * @returns {Date[]}
 */
function persianMonthDates() {
  const dates = [];
  const format = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { month: 'numeric', timeZone: 'UTC' });
  for (let month = 1; month <= 12; month++) {
    for (let day = 0; day < 366; day++) {
      const date = new Date(Date.UTC(2024, 2, 20 + day, 12));
      if (Number(format.format(date)) === month) {
        dates.push(new Date(date.getTime() + 10 * 86400000));
        break;
      }
    }
  }
  return dates;
}

/** @param {string[]} tags */
function weekdayWords(tags) {
  const words = new Set();
  for (const tag of tags) {
    for (let day = 0; day < 7; day++) {
      const date = new Date(Date.UTC(2024, 4, 19 + day, 12));
      /** @type {Intl.DateTimeFormatOptions[]} */
      const forms = [{ weekday: 'long' }, { weekday: 'short' }, { weekday: 'long', day: 'numeric' }];
      for (const options of forms) {
        // Short names of two letters are too often small words of another language ("to", "de").
        const min = options.weekday === 'short' ? 3 : 2;
        for (const word of part(`${tag}-u-ca-gregory`, options, date, 'weekday').split(/[\s,]+/u)) {
          const folded = fold(word);
          if (word.length >= min && usable(folded, 1)) words.add(folded);
        }
      }
    }
  }
  return [...words].sort().join(' ');
}

/**
 * The 639-3 codes of the languages whose default numeric date puts the month before the day.
 * @param {{ tag: string, iso6393: string | null }[]} found
 */
function monthFirstLanguages(found) {
  const date = new Date(Date.UTC(2024, 4, 26, 12));
  const codes = new Set();
  for (const { tag, iso6393: code } of found) {
    if (code === null) continue;
    const order = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' })
      .formatToParts(date)
      .map((p) => p.type)
      .filter((type) => type !== 'literal');
    if (order[0] === 'month') codes.add(code);
  }
  return [...codes].sort().join(' ');
}

const found = locales();
const tags = found.map((l) => l.tag);
const monthDates = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2024, m, 15, 12)));
const gregorian = monthTable(tags, 'gregory', monthDates);
const persian = monthTable(['fa', 'fa-AF', 'ps', 'ckb'], 'persian', persianMonthDates());
/** @param {string[]} rows */
const quote = (rows) => rows.map((row) => `  '${row}',`).join('\n');

const text = `// Generated by scripts/build-date-words.mjs from CLDR ${CLDR} (Node's Intl): do not edit.
// Folded as date-words.ts folds a word; a name two locales give to different months is left out.

/** CLDR version the names were read from. */
export const DATE_NAMES_CLDR = '${CLDR}';

/** Gregorian month names of ${found.length} locales, long and short, in a date and alone: one row per month (\`_\` joins a name's two words). */
// prettier-ignore
export const MONTH_NAMES: readonly string[] = [
${quote(gregorian.rows)}
];

/** Persian (Solar Hijri) month names, one row per month (Farvardin first). */
// prettier-ignore
export const PERSIAN_MONTH_NAMES: readonly string[] = [
${quote(persian.rows)}
];

/** Weekday words (long and short names, each word of a name of several words). */
export const WEEKDAY_NAMES =
  '${weekdayWords(tags)}';

/** ISO 639-3 codes of the languages whose numeric dates put the month first (\`5/26/2024\`). */
export const MONTH_FIRST_LANGUAGES = '${monthFirstLanguages(found)}';
`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUT, 'utf8');
  } catch {
    /* missing: out of date */
  }
  const written = /from CLDR (\S+) /u.exec(current)?.[1];
  if (written !== undefined && written !== CLDR) {
    console.error(`${OUT} was generated from CLDR ${written}; this Node carries CLDR ${CLDR}: not checked`);
  } else if (current !== text) {
    console.error(`${OUT} is out of date: run node scripts/build-date-words.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(OUT, text);
  if (process.argv.includes('--verbose')) {
    console.error(`gregorian names left out as clashes (${gregorian.clashes.length}): ${gregorian.clashes.join(' ')}`);
    console.error(`persian names left out as clashes: ${persian.clashes.join(' ')}`);
  }
}
