// Fuzzing the date parser on lines built from its own vocabulary (numbers, month and weekday
// names, labels, times, zones, separators) and noise: it never throws or stalls, and what it
// gives is always a real moment in ISO 8601; well-formed dates come back as written.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readDateLine, readDatePrefix, type FoundDate } from '../../src/core/analyse/metadata/date.js';
import { fuzzParameters, since, testTimeout } from './settings.js';

/** One call on a line of at most a few hundred characters: far more than a grammar of whole lines needs. */
const CALL_MS = 200;

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number): string => String(n).padStart(2, '0');

const ISO_SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:([+-])(\d{2}):(\d{2}))?)?)?)?$/;

/** Why an ISO string is no real moment, or null when it is one. */
function isoProblem(iso: string): string | null {
  const m = ISO_SHAPE.exec(iso);
  if (!m) return 'not ISO 8601';
  const [year, month, day, hour, minute, second, , offH, offM] = m.slice(1).map((v) => (v === undefined ? -1 : +v));
  if ((year as number) < 1800 || (year as number) > 2200) return 'year out of range';
  if (month !== -1 && ((month as number) < 1 || (month as number) > 12)) return 'no such month';
  if (day !== -1 && ((day as number) < 1 || (day as number) > daysIn(year as number, month as number))) {
    return 'no such day';
  }
  if (hour !== -1 && (hour as number) > 23) return 'no such hour';
  if (minute !== -1 && (minute as number) > 59) return 'no such minute';
  if (second !== -1 && (second as number) > 59) return 'no such second';
  if (offH !== -1 && (offH as number) * 60 + (offM as number) > 14 * 60) return 'no such offset';
  return null;
}

const word = fc.constantFrom(
  'janvier',
  'Février',
  'mars',
  'May',
  'Sept.',
  'décembre',
  'Mai',
  'lipca',
  'mardi',
  'Tuesday',
  'dydd',
  'Mawrth',
  'Publié',
  'le',
  'Updated',
  'on',
  'Veröffentlicht',
  'am',
  'Stand:',
  'à',
  'at',
  'um',
  'Uhr',
  'h',
  'AM',
  'p.m.',
  'UTC',
  'GMT',
  'CEST',
  'ET',
  'Z',
  'T',
  'er',
  'de',
  'Paris',
  'date',
);
const numberText = fc.oneof(
  fc.integer({ min: 0, max: 99 }).map(String),
  fc.integer({ min: 0, max: 99 }).map(pad),
  fc.integer({ min: 1700, max: 2300 }).map(String),
  fc.integer({ min: 0, max: 99999 }).map(String),
);
const separator = fc.constantFrom(
  ' ',
  ' ',
  '  ',
  '-',
  '/',
  '.',
  ':',
  ',',
  ', ',
  '(',
  ')',
  '+',
  '−',
  '–',
  '|',
  '\t',
  '',
);
const noise = fc.string({ unit: 'binary', maxLength: 3 });
/** Whole dates and times with each part a little past its range. */
const calendarText = fc
  .tuple(fc.integer({ min: 1790, max: 2210 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);
const timeText = fc
  .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.option(fc.integer({ min: 0, max: 99 })))
  .map(([h, m, s]) => `${pad(h)}:${pad(m)}${s === null ? '' : `:${pad(s)}`}`);
const opt = (a: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.option(a, { nil: '' });
/** Lines shaped as the grammar reads them (label, weekday, date, time, zone), parts a little off. */
const dateLine = fc
  .tuple(
    opt(fc.constantFrom('Publié le ', 'Updated: ', 'Veröffentlicht am ', 'Paris, ', 'date ')),
    opt(fc.constantFrom('mardi ', 'Tue., ', 'dydd Mawrth ')),
    fc.oneof(
      calendarText,
      fc
        .tuple(fc.integer({ min: 0, max: 32 }), word, fc.integer({ min: 1790, max: 2210 }))
        .map(([d, w, y]) => `${d} ${w} ${y}`),
      fc
        .tuple(fc.integer({ min: 0, max: 32 }), fc.constantFrom('.', '/', '-'), fc.integer({ min: 0, max: 32 }))
        .chain(([a, sep, b]) => fc.integer({ min: 1790, max: 2210 }).map((y) => `${a}${sep}${b}${sep}${y}`)),
    ),
    opt(fc.tuple(fc.constantFrom(' ', 'T', ' à ', ', ', ' – '), timeText).map(([sep, t]) => sep + t)),
    opt(fc.constantFrom(' UTC', ' (UTC+01:00)', ' +0200', ' GMT-14:30', ' CEST', ' am', ' pm', ' Uhr')),
    opt(separator),
  )
  .map((parts) => parts.join(''));
/** Lines that look like dates often enough to reach every part of the grammar. */
const dateish = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: numberText },
      { weight: 3, arbitrary: word },
      { weight: 3, arbitrary: separator },
      { weight: 1, arbitrary: calendarText },
      { weight: 1, arbitrary: timeText },
      { weight: 1, arbitrary: noise },
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''));

/** Runs `read` on `line`, timed, and checks what it gives. */
function check(read: (line: string) => FoundDate | null, line: string): void {
  const start = performance.now();
  const found = read(line);
  expect(since(start)).toBeLessThan(CALL_MS);
  if (found === null) return;
  expect({ iso: found.iso, problem: isoProblem(found.iso) }).toEqual({ iso: found.iso, problem: null });
  expect(line).toContain(found.text);
}

describe('fuzzing the date parser', { timeout: testTimeout }, () => {
  test('any line gives null or a real moment read from words the line holds, without stalling', () => {
    fc.assert(
      fc.property(fc.oneof(dateLine, dateish, fc.string({ unit: 'binary', maxLength: 120 })), (line) => {
        check(readDateLine, line);
        check(readDatePrefix, line);
        check(readDatePrefix, `date ${line}`);
      }),
      fuzzParameters(1000),
    );
  });

  test('a well-formed date, with or without a time, comes back as written', () => {
    const moment = fc
      .record({
        year: fc.integer({ min: 1800, max: 2200 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        withTime: fc.boolean(),
        label: fc.constantFrom('', 'Published: ', 'Mis à jour le ', 'Stand: '),
      })
      .filter(({ year, month, day }) => day <= daysIn(year, month));
    fc.assert(
      fc.property(moment, ({ year, month, day, hour, minute, withTime, label }) => {
        const date = `${year}-${pad(month)}-${pad(day)}`;
        const time = `${pad(hour)}:${pad(minute)}`;
        const found = readDateLine(`${label}${date}${withTime ? ` ${time}` : ''}`);
        expect(found?.iso).toBe(withTime ? `${date}T${time}` : date);
      }),
      fuzzParameters(250),
    );
  });

  test('a day that is not in its month is no date', () => {
    const impossible = fc
      .record({
        year: fc.integer({ min: 1800, max: 2200 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 29, max: 39 }),
        form: fc.constantFrom('iso', 'dotted'),
      })
      .filter(({ year, month, day }) => day > daysIn(year, month));
    fc.assert(
      fc.property(impossible, ({ year, month, day, form }) => {
        const line = form === 'iso' ? `${year}-${pad(month)}-${day}` : `${day}.${pad(month)}.${year}`;
        expect(readDateLine(line)).toBeNull();
      }),
      fuzzParameters(250),
    );
  });
});

describe('date parser inputs found by fuzzing', () => {
  const fixture = fileURLToPath(new URL('../fixtures/fuzz/date-second-past-59.txt', import.meta.url));

  test('a time whose seconds are past 59 makes no date', () => {
    const lines = fs.readFileSync(fixture, 'utf8').split('\n').filter(Boolean);
    expect(lines).toEqual(['1800-01-01 00:00:60', '2023-01-31 18:14:99']);
    expect(lines.map((line) => readDateLine(line))).toEqual([null, null]);
  });
});
