// Nothing accepted in silence: every filter value that names no date, no flag the tool sets or no
// ISO 639 language is a FilterError saying what is valid, and a date range that ends before it
// starts is one too; every value that is valid is taken.

import { describe, expect, test } from 'vitest';
import { buildFilter, FilterError, RECORD_FLAGS } from '../../src/core/filter.js';
import { rec } from '../helpers/record.js';

const DATES = 'takes an ISO date such as 2023, 2023-01 or 2023-01-31';

describe('--since and --until', () => {
  test.each([
    ['2023-13'],
    ['2023-02-30'],
    ['2023-00'],
    ['yesterday'],
    ['last week'],
    ['2023/01/31'],
    ['31-01-2023'],
    ['2023-1-5'],
    ['20230131'],
    ['2023-01-31T24:00'],
    [''],
  ])('%j is refused with the forms that are valid', async (value) => {
    await expect(buildFilter({ since: value })).rejects.toThrow(`--since ${DATES}, not '${value}'`);
    await expect(buildFilter({ until: value })).rejects.toThrow(`--until ${DATES}, not '${value}'`);
  });

  test('a year, a month, a day, a time and a leap day are taken', async () => {
    for (const value of ['2023', '2023-01', '2023-01-31', '2023-01-31T10:59', '2023-01-31 10:59:60', '2024-02-29'])
      expect(await buildFilter({ since: value })).not.toBeNull();
  });

  test('a range that ends before it starts is refused; one day, or one month within a day of it, is not', async () => {
    await expect(buildFilter({ since: '2024', until: '2023-06' })).rejects.toThrow(
      '--since 2024 is after --until 2023-06: no date is in between',
    );
    await expect(buildFilter({ since: '2023-06-20', until: '2023-06-15' })).rejects.toThrow(FilterError);
    expect(await buildFilter({ since: '2023-06-15', until: '2023-06-15' })).not.toBeNull();
    // Compared at the coarser precision, as the filter compares: June holds the 15th.
    const june = (await buildFilter({ since: '2023-06', until: '2023-06-15' }))!;
    expect([rec({ date: '2023-06-01' }), rec({ date: '2023-06-16' }), rec({ date: '2023-06' })].map(june)).toEqual([
      true,
      false,
      true,
    ]);
  });
});

describe('--flag', () => {
  test('a name the tool does not set is refused with the list of those it sets', async () => {
    const list = `--flag takes flags among ${RECORD_FLAGS.join(', ')}`;
    await expect(buildFilter({ flag: 'nope' })).rejects.toThrow(`${list}, not 'nope'`);
    // Flag names are lower case, as the records carry them.
    await expect(buildFilter({ flag: 'Short' })).rejects.toThrow(`${list}, not 'Short'`);
    await expect(buildFilter({ flag: 'short,,nope' })).rejects.toThrow(`${list}, not 'nope'`);
  });

  test('every flag of the list is taken, alone or with others', async () => {
    for (const flag of RECORD_FLAGS) expect(await buildFilter({ flag })).not.toBeNull();
    const both = (await buildFilter({ flag: ' no-date , duplicate ' }))!;
    expect([rec({ flags: ['duplicate'] }), rec({ flags: ['short'] })].map(both)).toEqual([true, false]);
  });
});

describe('--lang', () => {
  test.each([['xx'], ['english'], ['fr-FR'], ['zzz'], ['f'], ['123']])(
    '%j, no ISO 639-1 or 639-3 code, is refused',
    async (value) => {
      await expect(buildFilter({ lang: value })).rejects.toThrow(
        `--lang takes ISO 639-1 or 639-3 codes such as fr or fra, not '${value}'`,
      );
    },
  );

  test('639-1, 639-3 and 639-2/B codes, in any case, are taken as the 639-3 code', async () => {
    const f = (await buildFilter({ lang: 'FR,deu,chi' }))!;
    expect([rec({ lang: 'fra' }), rec({ lang: 'deu' }), rec({ lang: 'zho' }), rec({ lang: 'eng' })].map(f)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
