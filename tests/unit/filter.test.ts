import { describe, expect, test } from 'vitest';
import { buildFilter, FilterError } from '../../src/core/filter.js';
import { toIso6393 } from '../../src/core/analyse/language/lang-codes.js';
import { rec } from '../helpers/record.js';

describe('buildFilter', () => {
  test('no filter', async () => {
    expect(await buildFilter({})).toBeNull();
  });

  test('--lang takes 639-1 and 639-3 codes', async () => {
    const f = (await buildFilter({ lang: 'en, fra' }))!;
    expect([rec({ lang: 'fra' }), rec({ lang: 'eng' }), rec({ lang: 'deu' })].map(f)).toEqual([true, true, false]);
  });

  test('--lang rejects a code that is neither', async () => {
    await expect(buildFilter({ lang: 'french' })).rejects.toThrow(FilterError);
    await expect(buildFilter({ lang: 'zz' })).rejects.toThrow(
      "--lang takes ISO 639-1 or 639-3 codes such as fr or fra, not 'zz'",
    );
  });

  test('--since and --until compare at the coarser precision; undated documents fail', async () => {
    const since = (await buildFilter({ since: '2023-01-15' }))!;
    const until = (await buildFilter({ until: '2023-01' }))!;
    const dates = ['2023-01', '2023-01-14', '2023-01-31T18:14', '2024-05-26T11:53+01:00', '2022', null];
    expect(dates.map((date) => since(rec({ date })))).toEqual([true, false, true, true, false, false]);
    expect(dates.map((date) => until(rec({ date })))).toEqual([true, true, true, false, true, false]);
  });

  test('a bad date is a FilterError', async () => {
    await expect(buildFilter({ since: 'last week' })).rejects.toThrow(
      "--since takes an ISO date such as 2023, 2023-01 or 2023-01-31, not 'last week'",
    );
  });

  test('a date that does not exist is a FilterError: month 13, 30 February, hour 25', async () => {
    for (const bad of ['2023-13', '2023-02-30', '2023-00', '2023-04-31', '2023-01-01T25:00', '2023-01-01T10:60'])
      await expect(buildFilter({ since: bad })).rejects.toThrow(
        `--since takes an ISO date such as 2023, 2023-01 or 2023-01-31, not '${bad}'`,
      );
    await expect(buildFilter({ until: '2023-02-29' })).rejects.toThrow(FilterError);
    expect(await buildFilter({ since: '2023-01-01 10:59', until: '2024-02-29' })).not.toBeNull();
  });

  test('an unknown --flag is a FilterError that lists the flags', async () => {
    const message =
      '--flag takes flags among mixed-language, no-date, no-title, short, und, encoding-fallback, invalid-date, invalid-lang, lang-disagrees, duplicate, near-duplicate';
    await expect(buildFilter({ flag: 'bogus' })).rejects.toThrow(`${message}, not 'bogus'`);
    await expect(buildFilter({ flag: 'short,bogus' })).rejects.toThrow(`${message}, not 'bogus'`);
    await expect(buildFilter({ flag: ' , ' })).rejects.toThrow(`${message}, not ' , '`);
  });

  test('an empty --lang, --source or --flag is a FilterError, not a filter that keeps nothing', async () => {
    await expect(buildFilter({ lang: '' })).rejects.toThrow(
      "--lang takes ISO 639-1 or 639-3 codes such as fr or fra, not ''",
    );
    await expect(buildFilter({ lang: ',,' })).rejects.toThrow(FilterError);
    await expect(buildFilter({ source: ' ' })).rejects.toThrow("--source takes some text of a source's name, not ' '");
    await expect(buildFilter({ flag: '' })).rejects.toThrow(FilterError);
  });

  test('--lang refuses three letters that are no ISO 639-3 code, and takes 639-2/B', async () => {
    await expect(buildFilter({ lang: 'zzz' })).rejects.toThrow(
      "--lang takes ISO 639-1 or 639-3 codes such as fr or fra, not 'zzz'",
    );
    const f = (await buildFilter({ lang: 'fre,und' }))!;
    expect([rec({ lang: 'fra' }), rec({ lang: 'und' }), rec({ lang: 'eng' })].map(f)).toEqual([true, true, false]);
  });

  test('--source is a case-insensitive substring; --flag any of the names', async () => {
    const bySource = (await buildFilter({ source: 'gazette' }))!;
    expect([rec({ source: 'La Gazette' }), rec({ source: 'CNN' }), rec({})].map(bySource)).toEqual([
      true,
      false,
      false,
    ]);
    const byFlag = (await buildFilter({ flag: 'no-title,short' }))!;
    expect([rec({ flags: ['short'] }), rec({ flags: ['no-date'] })].map(byFlag)).toEqual([true, false]);
  });

  test('filters combine with and', async () => {
    const f = (await buildFilter({ lang: 'fr', source: 'cnn' }))!;
    expect([rec({ source: 'CNN' }), rec({ source: 'CNN', lang: 'eng' })].map(f)).toEqual([true, false]);
  });
});

describe('toIso6393', () => {
  test('maps 639-1, keeps 639-3 and und', async () => {
    expect(await toIso6393('FR')).toBe('fra');
    expect(await toIso6393('de')).toBe('deu');
    expect(await toIso6393('zh')).toBe('zho');
    expect(await toIso6393('und')).toBe('und');
    expect(await toIso6393('xx')).toBeNull();
  });
});
