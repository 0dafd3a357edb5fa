// Days read from the strings a page gives: timestamps as written, days in words and numbers in
// several languages and scripts, and a day in a URL's path.
import { describe, expect, test } from 'vitest';
import { firstDay, isoDateOf, urlDay } from '../../../src/core/input/html/date-text.js';

describe('isoDateOf', () => {
  test('a timestamp keeps its time and zone as written, a fraction of a second is dropped', () => {
    expect(isoDateOf('2021-03-04T10:20:30.123+01:00')).toBe('2021-03-04T10:20:30+01:00');
    expect(isoDateOf('2021-03-04 10:20')).toBe('2021-03-04T10:20');
    expect(isoDateOf('2021-03-04T10:20:30+0100')).toBe('2021-03-04T10:20:30+01:00');
    expect(isoDateOf('2021-03-04T10:20:30z')).toBe('2021-03-04T10:20:30Z');
    expect(isoDateOf('2021-03-04')).toBe('2021-03-04');
  });

  test('other writings give the day; nonsense gives nothing', () => {
    expect(isoDateOf('Thu, 4 March 2021 10:20')).toBe('2021-03-04');
    expect(isoDateOf('2021-13-04')).toBeUndefined();
    expect(isoDateOf('tomorrow')).toBeUndefined();
    expect(isoDateOf('1970-01-01')).toBeUndefined();
  });
});

describe('firstDay', () => {
  test('numbers: ISO, yyyy/mm/dd, yyyy.mm.dd, d.m.yyyy, d/m/yyyy (m/d when the day is over 12)', () => {
    expect(firstDay('posted 2020/6/24 by x')).toBe('2020-06-24');
    expect(firstDay('입력2023.11.02. 오후 8:06')).toBe('2023-11-02');
    expect(firstDay('am 3.11.2023 um 10 Uhr')).toBe('2023-11-03');
    expect(firstDay('17/02/2022')).toBe('2022-02-17');
    expect(firstDay('02/17/2022')).toBe('2022-02-17');
  });

  test('month names in words, before or after the day, in several languages and scripts', () => {
    expect(firstDay('June 3rd, 2020')).toBe('2020-06-03');
    expect(firstDay('3 de junio de 2020')).toBe('2020-06-03');
    expect(firstDay('duminică, 20 septembrie 2020')).toBe('2020-09-20');
    expect(firstDay('15 августа 2016, 13:43')).toBe('2016-08-15');
    expect(firstDay('الجمعة 24 نيسان 2020')).toBe('2020-04-24');
    expect(firstDay('2019年6月24日')).toBe('2019-06-24');
  });

  test('the first day written wins; a month name inside a word is not one', () => {
    expect(firstDay('updated 5 May 2021, first published 1 April 2021')).toBe('2021-05-05');
    expect(firstDay('Marseille 12 2020')).toBeUndefined();
  });
});

describe('urlDay', () => {
  test('a day in the path, not in the host or the query', () => {
    expect(urlDay('https://x.example/2019/11/20/story')).toBe('2019-11-20');
    expect(urlDay('https://x.example/news/story-20191120.html')).toBe('2019-11-20');
    expect(urlDay('https://x.example/a?date=2019/11/20/')).toBeUndefined();
    expect(urlDay('https://x.example/2019/11/story')).toBeUndefined();
  });
});
