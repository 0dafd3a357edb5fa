import { describe, expect, test } from 'vitest';
import {
  groupOf,
  isoWeek,
  nextPeriod,
  perMillion,
  periodKey,
  periodRange,
  TrendTally,
} from '../../src/core/search/grep-trends.js';
import { termCounts, termMatchers } from '../../src/core/search/grep-trends-pass.js';
import type { Trend } from '../../src/core/search/grep-trends.js';
import { bar, sparklines } from '../../src/format/grep-trends.js';
import { paint } from '../../src/format/color.js';

describe('ISO weeks', () => {
  test.each([
    [2024, 1, 1, '2024-W01'], // a Monday
    [2024, 2, 1, '2024-W05'],
    [2024, 12, 30, '2025-W01'], // Monday of the week holding 2025's first Thursday
    [2021, 1, 3, '2020-W53'], // a Sunday: still 2020's last week
    [2020, 12, 31, '2020-W53'],
    [2026, 1, 1, '2026-W01'], // a Thursday
    [2027, 1, 1, '2026-W53'], // a Friday
    [2010, 1, 3, '2009-W53'],
    [2018, 12, 31, '2019-W01'],
  ])('%i-%i-%i is in %s', (y, m, d, week) => {
    expect(isoWeek(y, m, d)).toBe(week);
  });

  test('the week after the last of a year is the first of the next', () => {
    expect(nextPeriod('2020-W53', 'week')).toBe('2021-W01');
    expect(nextPeriod('2024-W52', 'week')).toBe('2025-W01');
    expect(nextPeriod('2024-W05', 'week')).toBe('2024-W06');
  });
});

describe('periods of a date', () => {
  test('a date is bucketed as written, its time zone kept', () => {
    expect(periodKey('2024-05-26T11:53+01:00', 'month')).toBe('2024-05');
    expect(periodKey('2024-01-31T23:30+05:00', 'month')).toBe('2024-01');
    expect(periodKey('2024-05-26', 'year')).toBe('2024');
    expect(periodKey('2024-05-26', 'week')).toBe('2024-W21');
  });

  test('no date, or one less precise than the period, has no period', () => {
    expect(periodKey(null, 'month')).toBeNull();
    expect(periodKey('2023', 'month')).toBeNull();
    expect(periodKey('2023', 'year')).toBe('2023');
    expect(periodKey('2023-01', 'week')).toBeNull();
    expect(periodKey('2023-01', 'month')).toBe('2023-01');
  });

  test('sources and languages are groups as the record names them', () => {
    const record = { date: null, source: 'La Gazette', lang: 'fra' };
    expect(groupOf(record, 'source')).toBe('La Gazette');
    expect(groupOf({ ...record, source: null }, 'source')).toBe('(no source)');
    expect(groupOf(record, 'lang')).toBe('fra');
  });

  test('a range holds every period between its ends', () => {
    expect(periodRange('2023-11', '2024-02', 'month')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(periodRange('2020-W52', '2021-W02', 'week')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect(periodRange('2022', '2024', 'year')).toEqual(['2022', '2023', '2024']);
    expect(periodRange('2024-03', '2024-03', 'month')).toEqual(['2024-03']);
  });
});

describe('per million words', () => {
  test('matches over the words of the group, times a million, 2 places', () => {
    expect(perMillion(3, 1500)).toBe(2000);
    expect(perMillion(1, 3)).toBe(333333.33);
    expect(perMillion(0, 500)).toBe(0);
  });

  test('a group of no words has no frequency', () => {
    expect(perMillion(0, 0)).toBeNull();
  });
});

/** Four documents: two in January 2024, one in March, one undated; two terms. */
function january(): TrendTally {
  const tally = new TrendTally('month', ['a', 'b']);
  // Matches may come before their record: grep and the analysis run side by side.
  tally.matches('doc1', [2, 0]);
  tally.record({ id: 'doc1', words: 1000, date: '2024-01-10', source: 'X', lang: 'fra' });
  tally.record({ id: 'doc2', words: 1000, date: '2024-01', source: null, lang: 'eng' });
  tally.record({ id: 'doc3', words: 3000, date: '2024-03-02T10:00', source: 'Y', lang: 'fra' });
  tally.matches('doc3', [1, 1]);
  tally.record({ id: 'doc4', words: 500, date: null, source: 'X', lang: 'fra' });
  tally.matches('doc4', [0, 4]);
  // A document the filter left out: its record never comes, its matches are dropped.
  tally.matches('gone', [5, 5]);
  return tally;
}

describe('a trend', () => {
  test('per month: every month from the first to the last, the undated row last', () => {
    const trend = january().result();
    expect(trend.groups).toEqual([
      { group: '2024-01', documents: 2, words: 2000 },
      { group: '2024-02', documents: 0, words: 0 },
      { group: '2024-03', documents: 1, words: 3000 },
      { group: '(undated)', documents: 1, words: 500 },
    ]);
    expect(trend.rows).toEqual([
      { group: '2024-01', term: 'a', matches: 2, docs: 1, words: 2000, perMillion: 1000 },
      { group: '2024-01', term: 'b', matches: 0, docs: 0, words: 2000, perMillion: 0 },
      { group: '2024-02', term: 'a', matches: 0, docs: 0, words: 0, perMillion: null },
      { group: '2024-02', term: 'b', matches: 0, docs: 0, words: 0, perMillion: null },
      { group: '2024-03', term: 'a', matches: 1, docs: 1, words: 3000, perMillion: 333.33 },
      { group: '2024-03', term: 'b', matches: 1, docs: 1, words: 3000, perMillion: 333.33 },
      { group: '(undated)', term: 'a', matches: 0, docs: 0, words: 500, perMillion: 0 },
      { group: '(undated)', term: 'b', matches: 4, docs: 1, words: 500, perMillion: 8000 },
    ]);
  });

  test('per source: the most words first, the documents naming none last', () => {
    const tally = new TrendTally('source', ['a']);
    tally.record({ id: '1', words: 10, date: null, source: null, lang: 'fra' });
    tally.record({ id: '2', words: 10, date: null, source: 'B', lang: 'fra' });
    tally.record({ id: '3', words: 10, date: null, source: 'A', lang: 'fra' });
    tally.record({ id: '4', words: 50, date: null, source: 'C', lang: 'fra' });
    tally.matches('2', [1]);
    expect(tally.result().groups.map((g) => g.group)).toEqual(['C', 'A', 'B', '(no source)']);
    expect(tally.result().rows[2]).toEqual({
      group: 'B',
      term: 'a',
      matches: 1,
      docs: 1,
      words: 10,
      perMillion: 100000,
    });
  });

  test('with no dated document there is only the undated row', () => {
    const tally = new TrendTally('week', ['a']);
    tally.record({ id: '1', words: 10, date: '2024', source: null, lang: 'fra' });
    expect(tally.result().groups).toEqual([{ group: '(undated)', documents: 1, words: 10 }]);
  });
});

describe('terms side by side', () => {
  test('each term counts its own matches on the lines the search found', () => {
    const terms = termMatchers({ patterns: ['Minsk', 'Kiev'], fixedStrings: true });
    const counts = [0, 0];
    const hits = [
      { line: 1, text: 'Minsk, Kiev, Minsk', matches: [] },
      { line: 4, text: 'Kiev', matches: [] },
    ];
    termCounts(hits, terms, counts, () => {});
    expect(counts).toEqual([2, 2]);
  });

  test('one term takes the matches the search found', () => {
    const counts = [0];
    const hits = [
      {
        line: 1,
        text: 'x',
        matches: [
          { start: 0, end: 1 },
          { start: 2, end: 3 },
        ],
      },
    ];
    termCounts(hits, termMatchers({ patterns: ['x'] }), counts, () => {});
    expect(counts).toEqual([2]);
  });

  test('-S decides the case once for all the terms, as ripgrep does', () => {
    const [, kiev] = termMatchers({ patterns: ['Minsk', 'kiev'], smartCase: true });
    expect(kiev?.findAll('Kiev kiev')).toHaveLength(1);
    const [, lower] = termMatchers({ patterns: ['minsk', 'kiev'], smartCase: true });
    expect(lower?.findAll('Kiev kiev')).toHaveLength(2);
  });
});

describe('drawing a trend', () => {
  test('a bar: whole blocks and an eighth, scaled to the highest; a hint of one at least', () => {
    expect(bar(10, 10, 4)).toBe('████');
    expect(bar(5, 10, 4)).toBe('██');
    expect(bar(3, 10, 4)).toBe('█▎'); // 0.3 × 32 eighths = 9.6 → 10 eighths
    expect(bar(0.001, 10, 4)).toBe('▏');
    expect(bar(0, 10, 4)).toBe('');
    expect(bar(null, 10, 4)).toBe('');
  });

  test('more periods than cells: neighbours share a cell, their matches over their words', () => {
    const trend: Trend = {
      by: 'month',
      terms: ['a'],
      groups: [
        { group: '2024-01', documents: 1, words: 100 },
        { group: '2024-02', documents: 1, words: 100 },
        { group: '2024-03', documents: 1, words: 100 },
        { group: '2024-04', documents: 0, words: 0 },
      ],
      rows: [
        { group: '2024-01', term: 'a', matches: 0, docs: 0, words: 100, perMillion: 0 },
        { group: '2024-02', term: 'a', matches: 4, docs: 1, words: 100, perMillion: 40000 },
        { group: '2024-03', term: 'a', matches: 2, docs: 1, words: 100, perMillion: 20000 },
        { group: '2024-04', term: 'a', matches: 0, docs: 0, words: 0, perMillion: null },
      ],
    };
    // 1 + 2 cells of label and gap: 4 columns leave 1 cell, 5 leave 2, 7 leave all 4.
    expect(sparklines(trend, paint(false), 7)).toBe('\na  ▁█▅ \n   2024-01 … 2024-04, per million words\n');
    // 2 cells: (0 + 4) / 200 and (2 + 0) / 100 words: 0.02 and 0.02.
    expect(sparklines(trend, paint(false), 5)).toBe('\na  ██\n   2024-01 … 2024-04, per million words\n');
  });
});
