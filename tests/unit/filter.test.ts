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
