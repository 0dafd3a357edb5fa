// Languages as records declare them and as filters name them (issue 19, point 4): a JSON Lines,
// CSV and HTML corpus of Universal Declaration sentences declaring `fr`, `zh-TW`, `ar`, `en`,
// `sw`, `no`, `zh-yue`, `fr_FR`, `zh-CN`, and three declaring English over French or Arabic text.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURES, runCli } from '../helpers/run-cli.js';

const DIR = path.join(FIXTURES, 'declared-langs');

/** The ids `list` keeps with these options. */
async function ids(...options: string[]): Promise<string> {
  const r = await runCli(['list', DIR, '--format', 'tsv', '--fields', 'id', ...options]);
  expect(r).toMatchObject({ status: 0, stderr: '' });
  return r.stdout.trim().split('\n').join(' ');
}

describe('declared languages', () => {
  for (const tty of [false, true]) {
    test(`each record's declared language is an ISO 639-3 code of an individual language (terminal ${tty ? 'on' : 'off'})`, async () => {
      const r = await runCli(['list', DIR, '--format', 'tsv', '--fields', 'id,lang,declaredLang,flags'], { tty });
      expect(r).toMatchObject({ status: 0, stderr: '' });
      expect(r.stdout).toBe(
        [
          'page-en-over-fr\tfra\teng\tno-date,lang-disagrees',
          'page-zh\tcmn\tcmn\tno-date',
          'fr\tfra\t\tno-date',
          'zh-tw\tcmn\t\tno-date',
          'ar\tarb\t\tno-date',
          'en\teng\t\tno-date',
          'sw\tswh\t\tno-date',
          'no\tnob\t\tno-date',
          'yue\tyue\t\tno-date',
          'en-over-fr\teng\t\tno-date,lang-disagrees',
          'csv-fr\tfra\t\tno-date,no-title',
          'csv-ar-as-en\teng\t\tno-date,no-title,lang-disagrees',
          '',
        ].join('\n'),
      );
    });
  }

  test('a record field keeps its provenance; a page declaring a language leaves detection in charge', async () => {
    const r = await runCli(['list', DIR, '--format', 'json', '--fields', 'id,provenance']);
    const rows = JSON.parse(r.stdout) as { id: string; provenance: { lang: string } }[];
    const of = (id: string) => rows.find((row) => row.id === id)?.provenance.lang;
    expect([of('zh-tw'), of('csv-fr'), of('page-zh')]).toEqual(['record field', 'record field', 'detected']);
  });
});

describe('--lang', () => {
  test.each([
    ['zh', 'page-zh zh-tw yue'],
    ['zho', 'page-zh zh-tw yue'],
    ['chi', 'page-zh zh-tw yue'],
    ['cmn', 'page-zh zh-tw'],
    ['yue', 'yue'],
    ['ar', 'ar'],
    ['ara', 'ar'],
    ['sw', 'sw'],
    ['no', 'no'],
    ['nb', 'no'],
    ['fr', 'page-en-over-fr fr csv-fr'],
    ['fre', 'page-en-over-fr fr csv-fr'],
    ['en', 'en en-over-fr csv-ar-as-en'],
  ])('--lang %s keeps %s', async (lang, kept) => {
    expect(await ids('--lang', lang)).toBe(kept);
  });

  test('--lang of a language no document is in: status 1', async () => {
    const r = await runCli(['list', DIR, '--lang', 'fa']);
    expect(r).toMatchObject({ status: 1, stdout: '' });
  });

  test('a code that is none: status 2, naming the valid forms', async () => {
    const r = await runCli(['list', DIR, '--lang', 'zh,chinese']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("corpus: --lang takes ISO 639-1 or 639-3 codes such as fr or fra, not 'chinese'\n");
  });
});

describe('lang-disagrees', () => {
  test('--flag lang-disagrees keeps the documents declaring English over another language', async () => {
    expect(await ids('--flag', 'lang-disagrees')).toBe('page-en-over-fr en-over-fr csv-ar-as-en');
  });

  test("summarise's quality section counts them", async () => {
    const r = await runCli(['summarise', DIR, '--format', 'json', '--only', 'quality']);
    const quality = JSON.parse(r.stdout).quality as { flag: string; documents: number; ids: string[] }[];
    expect(quality.find((q) => q.flag === 'lang-disagrees')).toEqual({
      flag: 'lang-disagrees',
      documents: 3,
      ids: ['page-en-over-fr', 'en-over-fr', 'csv-ar-as-en'],
    });
  });
});
