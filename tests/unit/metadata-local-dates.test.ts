// Dates in local forms: CJK and era years, month names with case endings in many scripts, other
// scripts' digits, Buddhist-era and Persian years, and slash dates settled by the document.

import { describe, expect, test } from 'vitest';
import { extractMetadata, readDateLine } from '../../src/core/analyse/metadata/index.js';
import { persianToGregorian, yearDigits } from '../../src/core/analyse/metadata/date-calendars.js';
import { dayOrderDate, settleDayOrder } from '../../src/core/analyse/metadata/date-order.js';
import { foldWord, monthNames, weekdayNames } from '../../src/core/analyse/metadata/date-words.js';
import { MONTH_FIRST_LANGUAGES } from '../../src/core/analyse/metadata/date-names.js';

const iso = (line: string): string | null => readDateLine(line)?.iso ?? null;

describe('readDateLine: Chinese, Japanese and Korean', () => {
  test('year, month and day signs, with and without spaces, full-width digits', () => {
    expect(readDateLine('2024年5月26日')).toEqual({ iso: '2024-05-26', text: '2024年5月26日' });
    expect(iso('2024 年 5 月 26 日')).toBe('2024-05-26');
    expect(readDateLine('２０２４年５月２６日')).toEqual({ iso: '2024-05-26', text: '２０２４年５月２６日' });
    expect(iso('2024년 5월 26일')).toBe('2024-05-26');
  });
  test('the precision written: a year and a month stay a month', () => {
    expect(iso('2024年5月')).toBe('2024-05');
    expect(iso('2024년 11월')).toBe('2024-11');
  });
  test('labels, weekdays and times in CJK words', () => {
    expect(iso('发布时间：2024年05月26日 10:30')).toBe('2024-05-26T10:30');
    expect(iso('2020年1月31日 07:32')).toBe('2020-01-31T07:32');
    expect(iso('2024年5月26日（日）15時30分')).toBe('2024-05-26T15:30');
    expect(iso('公開日：2024年5月26日 午後3時')).toBe('2024-05-26T15:00');
    expect(iso('2024년 5월 26일 (일) 오후 3:30')).toBe('2024-05-26T15:30');
    expect(iso('입력 2024.05.26. 오전 9:05')).toBe('2024-05-26T09:05');
    expect(iso('2024. 5. 26.')).toBe('2024-05-26');
  });
  test('Japanese era years', () => {
    expect(iso('令和6年5月26日')).toBe('2024-05-26');
    expect(iso('平成元年1月8日')).toBe('1989-01-08');
    expect(iso('平成31年4月30日')).toBe('2019-04-30');
  });
  test('a sentence that holds a date is no date line', () => {
    expect(iso('2024年5月26日，国务院召开常务会议，研究部署相关工作。')).toBeNull();
    expect(iso('和平与发展是时代主题')).toBeNull();
  });
});

describe('readDateLine: month names with case endings', () => {
  test('Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Croatian', () => {
    expect(iso('26 мая 2024')).toBe('2024-05-26');
    expect(readDateLine('26 мая 2024 г.')).toEqual({ iso: '2024-05-26', text: '26 мая 2024 г.' });
    expect(iso('Опубликовано: 26 мая 2024 года в 10:30')).toBe('2024-05-26T10:30');
    expect(iso('воскресенье, 3 марта 2024')).toBe('2024-03-03');
    expect(iso('26 травня 2024 року')).toBe('2024-05-26');
    expect(iso('1 верасня 2023 г.')).toBe('2023-09-01');
    expect(iso('26 май 2024 г.')).toBe('2024-05-26');
    expect(iso('26. мај 2024.')).toBe('2024-05-26');
    expect(iso('14. listopada 2023.')).toBe('2023-11-14');
    expect(iso('26. svibnja 2024.')).toBe('2024-05-26');
  });
  test('Greek, Turkish, Polish, Czech, Slovak, Finnish, Hungarian, Lithuanian', () => {
    expect(iso('26 Μαΐου 2024')).toBe('2024-05-26');
    expect(iso('Κυριακή, 26 Μαΐου 2024, 10:30')).toBe('2024-05-26T10:30');
    expect(iso('26 Mayıs 2024')).toBe('2024-05-26');
    expect(iso('26 MAYIS 2024 Pazar')).toBe('2024-05-26');
    expect(iso('26 maja 2024 r.')).toBe('2024-05-26');
    expect(iso('26. května 2024')).toBe('2024-05-26');
    expect(iso('26. mája 2024')).toBe('2024-05-26');
    expect(iso('26. toukokuuta 2024')).toBe('2024-05-26');
    expect(iso('2024. május 26.')).toBe('2024-05-26');
    expect(iso('2024 m. gegužės 26 d.')).toBe('2024-05-26');
  });
  test('Arabic (Egyptian and Levantine names), Hebrew, Persian with Gregorian months', () => {
    expect(iso('26 مايو 2024')).toBe('2024-05-26');
    expect(iso('الأحد، 26 أيار 2024')).toBe('2024-05-26');
    expect(iso('3 كانون الثاني 2024')).toBe('2024-01-03');
    expect(iso('تشرين الأول 2023')).toBe('2023-10');
    expect(iso('26 במאי 2024')).toBe('2024-05-26');
    expect(iso('26 מאי 2024')).toBe('2024-05-26');
    expect(iso('26 مه 2024')).toBe('2024-05-26');
  });
  test('Hindi, Indonesian, Vietnamese, Catalan, Armenian', () => {
    expect(iso('26 मई 2024')).toBe('2024-05-26');
    expect(iso('26 Mei 2024')).toBe('2024-05-26');
    expect(iso('26 tháng 5, 2024')).toBe('2024-05-26');
    expect(iso('Chủ nhật, 26/5/2024, 10:30 (GMT+7)')).toBe('2024-05-26T10:30+07:00');
    expect(iso('26 de maig del 2024')).toBe('2024-05-26');
    expect(iso('26 մայիսի, 2024 թ.')).toBe('2024-05-26');
  });
  test('a month and a year alone; names that are no month stay out', () => {
    expect(iso('май 2024')).toBe('2024-05');
    expect(iso('Euro 2024')).toBeNull();
    expect(iso('Vision 2030')).toBeNull();
  });
});

describe('readDateLine: other digits and calendars', () => {
  test('Arabic-Indic, Persian, Bengali digits; dateText keeps them', () => {
    expect(readDateLine('٢٦ مايو ٢٠٢٤')).toEqual({ iso: '2024-05-26', text: '٢٦ مايو ٢٠٢٤' });
    expect(iso('۲۶ مه ۲۰۲۴')).toBe('2024-05-26');
    expect(iso('২৬ মে, ২০২৪')).toBe('2024-05-26');
    expect(yearDigits('٢٠٢٤')).toBe('2024');
    expect(yearDigits('Le 12 mai — rien')).toBeNull();
  });
  test('Thai Buddhist-era years', () => {
    expect(iso('26 พฤษภาคม 2567')).toBe('2024-05-26');
    expect(iso('26 พฤษภาคม พ.ศ. 2567')).toBe('2024-05-26');
    expect(iso('๒๖ พฤษภาคม ๒๕๖๗')).toBe('2024-05-26');
    expect(iso('1 มกราคม 2024')).toBe('2024-01-01');
    expect(iso('26 พ.ค. 2567')).toBe('2024-05-26');
    expect(iso('1 ม.ค. 2567 10:30')).toBe('2024-01-01T10:30');
  });
  test('Persian (Solar Hijri) dates become Gregorian days', () => {
    expect(iso('۶ خرداد ۱۴۰۳')).toBe('2024-05-26');
    expect(iso('1 فروردین 1403')).toBe('2024-03-20');
    expect(iso('خرداد ۱۴۰۳')).toBeNull();
  });
  test('the Persian arithmetic agrees with Intl on every day of 1995-2035', () => {
    const format = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      timeZone: 'UTC',
    });
    let wrong = 0;
    for (let t = Date.UTC(1995, 0, 1); t < Date.UTC(2035, 0, 1); t += 86_400_000) {
      const p = Object.fromEntries(format.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
      const g = persianToGregorian(p.year ?? 0, p.month ?? 0, p.day ?? 0);
      const d = new Date(t);
      if (g?.year !== d.getUTCFullYear() || g.month !== d.getUTCMonth() + 1 || g.day !== d.getUTCDate()) wrong++;
    }
    expect(wrong).toBe(0);
  });
});

describe('slash dates: day first or month first', () => {
  test('an open date is read only when asked, with both readings', () => {
    expect(readDateLine('05/04/2019')).toBeNull();
    expect(readDateLine('05/04/2019', true)).toEqual({
      iso: '2019-04-05',
      text: '05/04/2019',
      monthFirst: '2019-05-04',
    });
    expect(readDateLine('05/04/2019 14:30', true)?.monthFirst).toBe('2019-05-04T14:30');
  });
  test("the document's unambiguous dates settle the order", () => {
    const found = { iso: '2019-04-05', text: '05/04/2019', monthFirst: '2019-05-04' };
    expect(settleDayOrder(found, ['05/04/2019', 'Le rapport du 25/04/2019 le dit.'])).toEqual({
      iso: '2019-04-05',
      text: '05/04/2019',
    });
    expect(settleDayOrder(found, ['05/04/2019', 'The report of 04/25/2019 says so.'])).toEqual({
      iso: '2019-05-04',
      text: '05/04/2019',
    });
    // Evidence both ways, or written with another separator, settles nothing.
    expect(settleDayOrder(found, ['25/04/2019 and 04/25/2019'])).toBe(found);
    expect(settleDayOrder(found, ['25-04-2019'])).toBe(found);
  });
  test('extractMetadata cuts an open date line and settles it from the body', () => {
    const lines = [
      'Baltic Wire',
      'Ports reopen after the storm',
      '05/04/2019',
      '',
      'On 25/04/2019 the ports reopened.',
    ];
    const meta = extractMetadata(lines);
    expect(meta.date).toBe('2019-04-05');
    expect(meta.dateOrderOpen).toBeUndefined();
    expect(meta.boilerplate).toContain(3);
    const open = extractMetadata(lines.slice(0, 4).concat('The ports reopened on Friday after the storm passed.'));
    expect(open.dateOrderOpen).toEqual({ dayFirst: '2019-04-05', monthFirst: '2019-05-04', text: '05/04/2019' });
  });
  test('an open date follows the language: month first in English, day first elsewhere', () => {
    const meta = {
      date: '2019-04-05',
      dateText: '05/04/2019',
      dateOrderOpen: { dayFirst: '2019-04-05', monthFirst: '2019-05-04', text: '05/04/2019' },
    };
    expect(dayOrderDate(meta, 'eng')).toBe('2019-05-04');
    expect(dayOrderDate(meta, 'fil')).toBe('2019-05-04');
    expect(dayOrderDate(meta, 'fra')).toBe('2019-04-05');
    expect(dayOrderDate(meta, 'und')).toBe('2019-04-05');
    // A record's own date field replaced the text's: it stays.
    expect(dayOrderDate({ ...meta, date: '2019-04-05', dateText: '2019-04-05' }, 'eng')).toBe('2019-04-05');
    expect(MONTH_FIRST_LANGUAGES.split(' ')).toContain('eng');
    expect(MONTH_FIRST_LANGUAGES.split(' ')).not.toContain('fra');
  });
});

describe('the generated names', () => {
  test('every key is folded as the reader folds a word', () => {
    for (const name of monthNames().keys()) expect(foldWord(name)).toBe(name);
    for (const name of weekdayNames()) if (!name.includes('-')) expect(foldWord(name)).toBe(name);
  });
  test('the hand-kept names win over CLDR ones', () => {
    expect(monthNames().get('listopad')).toBe(11);
    expect(monthNames().get('mar')).toBe(3);
  });
});
