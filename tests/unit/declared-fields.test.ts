import { describe, expect, test } from 'vitest';
import { analyseDocument } from '../../src/core/analyse/analyse-document.js';
import { languageCode, languageOfTag } from '../../src/core/analyse/language/language-code.js';
import { declaredDate, declaredFields, isIsoDate } from '../../src/core/analyse/metadata/declared-fields.js';
import type { RecordFields, SourceDocument } from '../../src/core/types.js';

describe('declaredDate', () => {
  test('an ISO date that exists is kept as written, a space before the time made a T', () => {
    expect(declaredDate('2023')).toBe('2023');
    expect(declaredDate('2023-01')).toBe('2023-01');
    expect(declaredDate('2024-02-29')).toBe('2024-02-29');
    expect(declaredDate('2023-01-31 18:14')).toBe('2023-01-31T18:14');
    expect(declaredDate('2023-01-31T18:14:05.123Z')).toBe('2023-01-31T18:14:05.123Z');
    expect(declaredDate('2024-05-26T11:53+01:00')).toBe('2024-05-26T11:53+01:00');
  });

  test('an impossible or out-of-range date is null', () => {
    for (const bad of [
      '9999-99-99',
      '-002023-01-01',
      '2023-13',
      '2023-00-10',
      '2023-02-29',
      '2023-04-31',
      '2023-01-31T24:00',
      '2023-01-31T18:60',
      '2023-01-31T18:14+15:00',
      '0999-01-01',
      '2101',
      '9999-12-31',
      'yesterday',
      '',
    ])
      expect([bad, declaredDate(bad)]).toEqual([bad, null]);
  });

  test('a date in words is read by the text grammar, as ISO 8601', () => {
    expect(declaredDate('31 janvier 2023')).toBe('2023-01-31');
    expect(declaredDate('Tue, 31 Jan 2023 18:14:00 +0000')).toBe('2023-01-31T18:14:00+00:00');
    expect(declaredDate('31 février 2023')).toBeNull();
  });

  test('isIsoDate takes the years it is given', () => {
    expect(isIsoDate('0500-01-01')).toBe(false);
    expect(isIsoDate('0500-01-01', 0, 9999)).toBe(true);
    expect(isIsoDate('2023-02-30', 0, 9999)).toBe(false);
  });
});

describe('language codes', () => {
  test('639-1, 639-2/B and 639-3 codes name their 639-3 code, any case', () => {
    expect(['fr', 'FR', 'fra', 'fre', 'de', 'ger', 'cmn', 'und', 'zh'].map(languageCode)).toEqual([
      'fra',
      'fra',
      'fra',
      'fra',
      'deu',
      'deu',
      'cmn',
      'und',
      'zho',
    ]);
  });

  test('what is no ISO 639 code is null', () => {
    expect(['xx', 'zzz', 'french', 'f', '', 'fr-'].map(languageCode)).toEqual([null, null, null, null, null, null]);
  });

  test('a language tag gives its language subtag', () => {
    expect(['en-US', 'pt_BR', 'zh-Hant-TW', ' fr ', 'sr-Latn'].map(languageOfTag)).toEqual([
      'eng',
      'por',
      'zho',
      'fra',
      'srp',
    ]);
    expect(['xx-invalid', 'en-', 'en--US', 'english', 'en-US-toolongsubtag'].map(languageOfTag)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('declaredFields', () => {
  test('fields without date or lang are taken as they are', () => {
    const fields: RecordFields = { id: 'a', title: 'T' };
    expect(declaredFields(fields)).toEqual({ fields, invalid: [] });
    expect(declaredFields(undefined)).toEqual({ fields: {}, invalid: [] });
  });

  test('an invalid date and lang are dropped and named', () => {
    expect(declaredFields({ id: 'r4', date: '9999-99-99', lang: 'xx-invalid', title: 'T' })).toEqual({
      fields: { id: 'r4', title: 'T' },
      invalid: ['invalid-date', 'invalid-lang'],
    });
  });

  test('a valid date keeps its words as written; a lang becomes 639-3', () => {
    expect(declaredFields({ date: '2023-01-31 18:14', lang: 'en-US' })).toEqual({
      fields: { date: '2023-01-31T18:14', lang: 'eng' },
      dateText: '2023-01-31 18:14',
      invalid: [],
    });
  });
});

describe('a record with declared fields', () => {
  const record = (fields: RecordFields, text = 'Le port de la ville.\n\n12 mars 2022\n\nLes bateaux arrivent.') => {
    const doc: SourceDocument = {
      id: 'r',
      path: 'r.jsonl',
      absPath: '/r.jsonl',
      format: 'jsonl',
      bytes: text.length,
      encoding: 'utf-8',
      text,
      fields,
    };
    return analyseDocument(doc).record;
  };

  test('an impossible declared date and language are never printed as data: dropped, flagged, no provenance', () => {
    const r = record({ date: '9999-99-99', lang: 'xx-invalid' }, 'Les bateaux arrivent au port chaque matin.');
    expect({ date: r.date, dateText: r.dateText, provenance: r.provenance }).toEqual({
      date: null,
      dateText: null,
      provenance: { lang: 'detected' },
    });
    expect(r.lang).not.toBe('xx-invalid');
    expect(r.flags).toEqual(['no-date', 'no-title', 'short', 'invalid-date', 'invalid-lang']);
  });

  test('with its declared date dropped, a record takes the date its text gives', () => {
    const r = record({ date: '2023-02-29' });
    expect({ date: r.date, dateText: r.dateText, from: r.provenance.date }).toEqual({
      date: '2022-03-12',
      dateText: '12 mars 2022',
      from: 'line 3',
    });
    expect(r.flags).toContain('invalid-date');
  });

  test('a valid declared date and language are the record field', () => {
    const r = record({ date: '2023-01-31 18:14', lang: 'FR' });
    expect([r.date, r.dateText, r.lang, r.provenance.date, r.provenance.lang]).toEqual([
      '2023-01-31T18:14',
      '2023-01-31 18:14',
      'fra',
      'record field',
      'record field',
    ]);
    expect(r.flags).not.toContain('invalid-date');
  });
});
