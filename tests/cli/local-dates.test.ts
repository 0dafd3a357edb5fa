// Dates in local forms end to end: one news-shaped text per language in tests/fixtures/local-dates
// (a UDHR headline, a dateline as that language writes it, an outlet line, UDHR articles), and
// `corpus list` gives each its date; slash dates are read as the document's language writes them.
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const DIR = 'tests/fixtures/local-dates';

async function records(): Promise<Record<string, { date: string | null; dateText: string | null; lang: string }>> {
  const r = await runCli(['list', DIR, '--fields', 'path,date,dateText,lang', '--format', 'jsonl']);
  expect(r.status).toBe(0);
  const byName: Record<string, { date: string | null; dateText: string | null; lang: string }> = {};
  for (const line of r.stdout.trimEnd().split('\n')) {
    const { path, ...rest } = JSON.parse(line) as {
      path: string;
      date: string | null;
      dateText: string | null;
      lang: string;
    };
    byName[path.replace(`${DIR}/`, '').replace(/\.txt$/u, '')] = rest;
  }
  return byName;
}

describe('list: dates in local forms', () => {
  test('each language gives its date, with the words as written', async () => {
    const got = await records();
    expect(Object.fromEntries(Object.entries(got).map(([name, r]) => [name, [r.date, r.dateText]]))).toEqual({
      'ar-indic-digits': ['2024-05-26', 'الأحد، ٢٦ أيار ٢٠٢٤'],
      'cs-genitive': ['2024-05-26', '26. května 2024'],
      'el-genitive': ['2024-05-26', 'Κυριακή, 26 Μαΐου 2024'],
      'en-slash-open': ['2019-05-04', '05/04/2019'],
      'en-slash-settled': ['2019-04-05', '05/04/2019'],
      'fa-solar-hijri': ['2024-05-26', '۶ خرداد ۱۴۰۳'],
      'fr-slash-open': ['2019-04-05', '05/04/2019'],
      'he-preposition': ['2024-05-26', '26 במאי 2024'],
      'hi-devanagari': ['2024-05-26', '26 मई 2024'],
      'ja-era': ['2024-05-26T15:00', '令和6年5月26日（日）午後3時'],
      'ko-hangul': ['2024-05-26T15:30', '2024년 5월 26일 오후 3:30'],
      'pl-genitive': ['2024-05-26', '26 maja 2024 r.'],
      'ru-genitive': ['2024-05-26T10:30', '26 мая 2024 г., 10:30'],
      'th-buddhist-era': ['2024-05-26', '26 พฤษภาคม 2567'],
      'tr-weekday-after': ['2024-05-26', '26 Mayıs 2024'],
      'uk-genitive': ['2024-05-26', '26 травня 2024 року'],
      'vi-thang': ['2024-05-26', '26 tháng 5, 2024'],
      'zh-cjk': ['2024-05-26T10:30', '2024年5月26日 10:30'],
    });
  });

  test('the slash fixtures are read in the language detected', async () => {
    const got = await records();
    expect([got['en-slash-open']?.lang, got['fr-slash-open']?.lang, got['en-slash-settled']?.lang]).toEqual([
      'eng',
      'fra',
      'eng',
    ]);
  });

  test('id and date, piped: one row per document, no document without a date', async () => {
    const r = await runCli(['list', DIR, '--fields', 'id,date']);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(18);
    expect(rows.filter((row) => !/\t\d{4}-\d{2}-\d{2}/u.test(row))).toEqual([]);
  });
});
