// A record as a row of the Parquet file (src/format/parquet-rows.ts, docs/parquet.md): the date
// as a UTC timestamp with its precision and offset, counts as 64-bit integers, provenance with
// every key, extra as one JSON text, text and body only when asked.
import { describe, expect, test } from 'vitest';
import { dateParts, parquetRow } from '../../src/format/parquet-rows.js';
import { parquetColumns, parquetSchema } from '../../src/format/parquet-schema.js';
import type { DocumentRecord } from '../../src/core/types.js';

const us = (ms: number) => BigInt(ms) * 1000n;

describe('dateParts', () => {
  test('each precision is the start of its period, in UTC', () => {
    expect(dateParts('2023')).toEqual({ micros: us(Date.UTC(2023, 0, 1)), precision: 'year', offset: null });
    expect(dateParts('2023-07')).toEqual({ micros: us(Date.UTC(2023, 6, 1)), precision: 'month', offset: null });
    expect(dateParts('2023-07-14')).toEqual({ micros: us(Date.UTC(2023, 6, 14)), precision: 'day', offset: null });
    expect(dateParts('2023-07-14T18:05')).toEqual({
      micros: us(Date.UTC(2023, 6, 14, 18, 5)),
      precision: 'minute',
      offset: null,
    });
    expect(dateParts('2023-07-14T18:05:09')).toEqual({
      micros: us(Date.UTC(2023, 6, 14, 18, 5, 9)),
      precision: 'second',
      offset: null,
    });
  });

  test('an offset moves the time to UTC and is kept in minutes east of UTC', () => {
    expect(dateParts('2024-05-26T11:53+01:00')).toEqual({
      micros: us(Date.UTC(2024, 4, 26, 10, 53)),
      precision: 'minute',
      offset: 60,
    });
    expect(dateParts('2024-05-26T11:53Z')).toEqual({
      micros: us(Date.UTC(2024, 4, 26, 11, 53)),
      precision: 'minute',
      offset: 0,
    });
    // Across midnight, a half-hour zone, the offset without a colon.
    expect(dateParts('2024-05-26T23:30-0230')).toEqual({
      micros: us(Date.UTC(2024, 4, 27, 2, 0)),
      precision: 'minute',
      offset: -150,
    });
    expect(dateParts('2024-01-01T05:00+14')).toEqual({
      micros: us(Date.UTC(2023, 11, 31, 15, 0)),
      precision: 'minute',
      offset: 840,
    });
  });

  test('a fraction of a second is kept to the microsecond; a leap second is the next minute', () => {
    expect(dateParts('2024-05-26T11:53:07.5Z').micros).toBe(us(Date.UTC(2024, 4, 26, 11, 53, 7)) + 500000n);
    expect(dateParts('2024-05-26T11:53:07,123456789').micros).toBe(us(Date.UTC(2024, 4, 26, 11, 53, 7)) + 123456n);
    expect(dateParts('2016-12-31T23:59:60Z')).toEqual({
      micros: us(Date.UTC(2017, 0, 1)),
      precision: 'second',
      offset: 0,
    });
  });

  test('years before 100 are not read as 19xx; no date or no ISO date gives nothing', () => {
    expect(dateParts('0099').micros).toBe(us(Date.parse('0099-01-01T00:00:00Z')));
    expect(dateParts(null)).toEqual({ micros: null, precision: null, offset: null });
    expect(dateParts('31 janvier 2023')).toEqual({ micros: null, precision: null, offset: null });
  });
});

const RECORD: DocumentRecord = {
  id: 'news#3',
  path: 'c/news.jsonl',
  format: 'jsonl',
  bytes: 120,
  encoding: 'utf-8',
  lang: 'jpn',
  langConfidence: 0.981,
  languages: [
    { lang: 'jpn', share: 0.9 },
    { lang: 'eng', share: 0.1 },
  ],
  title: '東京の朝',
  date: '2023-01-31T18:14+09:00',
  dateText: '2023年1月31日 18:14',
  source: null,
  url: 'https://example.jp/a',
  declaredLang: null,
  chars: 40,
  words: 12,
  sentences: 2,
  paragraphs: 1,
  lines: 3,
  boilerplate: [1, 3],
  boilerplateKinds: ['headline', 'meta'],
  hash: '0123456789abcdef',
  flags: ['short', 'mixed-language'],
  provenance: { title: 'record field', date: 'record field', lang: 'detected' },
};

describe('parquetRow', () => {
  test('every field of the record, in the columns the schema names', () => {
    const row = parquetRow(RECORD);
    expect(row).toEqual({
      id: 'news#3',
      path: 'c/news.jsonl',
      format: 'jsonl',
      bytes: 120n,
      encoding: 'utf-8',
      lang: 'jpn',
      langConfidence: 0.981,
      languages: [
        { lang: 'jpn', share: 0.9 },
        { lang: 'eng', share: 0.1 },
      ],
      title: '東京の朝',
      date: us(Date.UTC(2023, 0, 31, 9, 14)),
      datePrecision: 'minute',
      dateOffset: 540,
      dateText: '2023年1月31日 18:14',
      source: null,
      url: 'https://example.jp/a',
      declaredLang: null,
      chars: 40n,
      words: 12n,
      sentences: 2n,
      paragraphs: 1n,
      lines: 3n,
      boilerplate: [1n, 3n],
      boilerplateKinds: ['headline', 'meta'],
      hash: '0123456789abcdef',
      flags: ['short', 'mixed-language'],
      provenance: { title: 'record field', date: 'record field', source: null, lang: 'detected', url: null },
      extra: null,
    });
    expect(Object.keys(row)).toEqual(parquetColumns(false));
  });

  test('extra is the JSON text of the record’s own fields, a field named __proto__ included', () => {
    const extra = JSON.parse('{"author":"Анна","n":[1,2.5,null],"__proto__":{"x":true}}') as Record<string, unknown>;
    expect(parquetRow({ ...RECORD, extra }).extra).toBe('{"author":"Анна","n":[1,2.5,null],"__proto__":{"x":true}}');
  });

  test('text and body come last, only when given', () => {
    const row = parquetRow(RECORD, { text: 'Headline\n\nBody.\nmeta', body: 'Body.' });
    expect([row.text, row.body]).toEqual(['Headline\n\nBody.\nmeta', 'Body.']);
    expect(Object.keys(row)).toEqual(parquetColumns(true));
    expect(parquetColumns(true).slice(-2)).toEqual(['text', 'body']);
  });
});

describe('parquetSchema', () => {
  test('one top-level node a column, in the order of the columns', () => {
    for (const withText of [false, true]) {
      const schema = parquetSchema(withText);
      const root = schema[0] as { num_children?: number };
      expect(root.num_children).toBe(parquetColumns(withText).length);
      // Walk the tree: the names of the root's children are the columns.
      const names: string[] = [];
      let i = 1;
      const skip = (): void => {
        const node = schema[i++] as { num_children?: number };
        for (let c = 0; c < (node.num_children ?? 0); c++) skip();
      };
      while (i < schema.length) {
        names.push((schema[i] as { name: string }).name);
        skip();
      }
      expect(names).toEqual(parquetColumns(withText));
    }
  });
});
