import { describe, expect, test } from 'vitest';
import { LinesAccumulator } from '../../src/core/summary/boilerplate.js';
import { LengthsAccumulator } from '../../src/core/summary/lengths.js';
import { OverviewAccumulator } from '../../src/core/summary/overview.js';
import { foldSpaces } from '../../src/core/summary/prepare-lines.js';
import { Tally } from '../../src/core/summary/tally.js';
import { TimelineAccumulator } from '../../src/core/summary/timeline.js';
import { bar, sparkline } from '../../src/format/summary-draw.js';
import { tokenize } from '../../src/core/stats/tokenize.js';
import { rec } from '../helpers/record.js';
import { random } from '../helpers/random.js';

describe('timeline', () => {
  test('per month over the range, gaps as zero, year-only dates counted apart', () => {
    const t = new TimelineAccumulator();
    for (const date of ['2023-11-02', '2024-01', '2024-01-31T18:14', '2023', null]) t.add(rec({ date }));
    expect(t.result()).toEqual({
      unit: 'month',
      periods: [
        { period: '2023-11', documents: 1 },
        { period: '2023-12', documents: 0 },
        { period: '2024-01', documents: 2 },
      ],
      yearOnly: 1,
      undated: 1,
    });
  });

  test('per year when the range spans more than five years', () => {
    const t = new TimelineAccumulator();
    for (const date of ['2015-03-01', '2018', '2021-12-31']) t.add(rec({ date }));
    expect(t.result().unit).toBe('year');
    expect(t.result().periods.map((p) => `${p.period}:${p.documents}`)).toEqual([
      '2015:1',
      '2016:0',
      '2017:0',
      '2018:1',
      '2019:0',
      '2020:0',
      '2021:1',
    ]);
  });

  test('nothing dated', () => {
    const t = new TimelineAccumulator();
    t.add(rec({}));
    expect(t.result()).toEqual({ unit: 'month', periods: [], yearOnly: 0, undated: 1 });
  });
});

describe('lengths', () => {
  test('bins from the first to the last used one', () => {
    const l = new LengthsAccumulator();
    for (const words of [120, 199, 200, 650, 12000]) l.add(rec({ words }));
    expect(l.result()).toEqual([
      { from: 100, to: 200, documents: 2 },
      { from: 200, to: 500, documents: 1 },
      { from: 500, to: 1000, documents: 1 },
      { from: 1000, to: 2000, documents: 0 },
      { from: 2000, to: 5000, documents: 0 },
      { from: 5000, to: 10000, documents: 0 },
      { from: 10000, to: null, documents: 1 },
    ]);
  });
});

describe('lines', () => {
  test('lines shared across documents, counted once a document; boilerplate lines ranked', () => {
    const l = new LinesAccumulator();
    l.add(rec({ id: 'a', boilerplate: [3], boilerplateKinds: ['interface'] }), [
      'Body one is here.',
      '',
      'Read more',
      'Read more',
    ]);
    l.add(rec({ id: 'b', boilerplate: [2], boilerplateKinds: ['interface'] }), ['Body two.', 'Read  more ']);
    l.add(rec({ id: 'c' }), ['Body one is here.']);
    expect(l.result(10)).toEqual({
      documents: 2,
      lines: 2,
      shared: [
        { text: 'Read more', documents: 2, occurrences: 3 },
        { text: 'Body one is here.', documents: 2, occurrences: 2 },
      ],
      top: [{ text: 'Read more', documents: 2, occurrences: 2 }],
      more: { shared: 0, top: 0 },
    });
  });
});

describe('overview', () => {
  test('totals, median of an even count, shortest and longest, date range', () => {
    const o = new OverviewAccumulator();
    o.add(rec({ id: 'a', words: 10, bytes: 100, date: '2023-01', title: 'T' }), tokenize('le chat le chien'));
    o.add(rec({ id: 'b', words: 30, bytes: 300, date: '2024-05-26' }), tokenize('Le chat'));
    expect(o.result()).toEqual({
      documents: 2,
      bytes: 400,
      words: 40,
      distinctWords: 3,
      typeTokenRatio: 0.5,
      meanWords: 20,
      medianWords: 20,
      shortest: { id: 'a', words: 10 },
      longest: { id: 'b', words: 30 },
      dateRange: { from: '2023-01', to: '2024-05-26' },
      undated: 0,
      untitled: 1,
    });
  });
});

describe('tally, bars and sparklines', () => {
  test('tally sorts by count then key', () => {
    const t = new Tally();
    for (const k of ['b', 'a', 'b', 'c', 'a']) t.add(k);
    expect(t.entries()).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 1],
    ]);
  });

  test('bars in eighths, sparklines with dots for zero', () => {
    expect(bar(10, 10, 4)).toBe('████');
    expect(bar(1, 8, 4)).toBe('▌');
    expect(bar(0, 8, 4)).toBe('');
    expect(sparkline([0, 1, 4, 8])).toBe('·▁▄█');
  });
});

describe('foldSpaces', () => {
  test('folds a line as trim and replace did, on random lines of every kind of white space', () => {
    const next = random(21);
    const pieces = [
      'a',
      'Bé',
      '漢',
      ' ',
      ' ',
      '  ',
      '\t',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\r',
      '\u2028',
      'x y',
      '-',
    ];
    for (let n = 0; n < 20000; n++) {
      let line = '';
      for (let i = Math.floor(next() * 8); i >= 0; i--) line += pieces[Math.floor(next() * pieces.length)];
      expect(foldSpaces(line), JSON.stringify(line)).toBe(line.trim().replace(/\s+/g, ' '));
    }
  });
});
