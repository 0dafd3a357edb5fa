// The schema of the Parquet file `list --format parquet` writes (docs/parquet.md): a column for
// each field of the record (docs/spec.md §3), named as in `list --json`, in the same order, the
// date's precision and offset beside it, `text` and `body` last with `--with-text`.

import type { ParquetWriter } from 'hyparquet-writer';

/** A node of a Parquet schema, as hyparquet-writer takes it (parquet-format's SchemaElement). */
export type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

/** The version of this schema, in the file's key-value metadata (`corpus.parquet.schema`). */
export const PARQUET_SCHEMA_VERSION = '1';

type Repetition = 'REQUIRED' | 'OPTIONAL';

const string = (name: string, repetition: Repetition = 'REQUIRED'): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  logical_type: { type: 'STRING' },
  repetition_type: repetition,
});

const int64 = (name: string): SchemaElement => ({ name, type: 'INT64', repetition_type: 'REQUIRED' });

const double = (name: string): SchemaElement => ({ name, type: 'DOUBLE', repetition_type: 'REQUIRED' });

/**
 * A list in the three levels the Parquet spec asks for (`<name>` LIST / `list` repeated /
 * `element`), which DuckDB, Spark, pandas and Arrow all read as a list; never null, maybe empty.
 */
const list = (name: string, element: SchemaElement[]): SchemaElement[] => [
  { name, repetition_type: 'REQUIRED', converted_type: 'LIST', logical_type: { type: 'LIST' }, num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  ...element,
];

/** The columns of every file, each with its schema nodes (a nested column has several). */
const RECORD_COLUMNS: [string, SchemaElement[]][] = [
  ['id', [string('id')]],
  ['path', [string('path')]],
  ['format', [string('format')]],
  ['bytes', [int64('bytes')]],
  ['encoding', [string('encoding')]],
  ['lang', [string('lang')]],
  ['langConfidence', [double('langConfidence')]],
  [
    'languages',
    list('languages', [
      { name: 'element', repetition_type: 'REQUIRED', num_children: 2 },
      string('lang'),
      double('share'),
    ]),
  ],
  ['title', [string('title', 'OPTIONAL')]],
  // Not adjusted to UTC in the Parquet sense: readers show the value as stored (DuckDB TIMESTAMP,
  // Spark TIMESTAMP_NTZ, a naive pandas datetime), whatever their session's time zone, so `2023`
  // reads 2023-01-01 00:00:00 everywhere. The values are UTC all the same (parquet-rows.ts).
  [
    'date',
    [
      {
        name: 'date',
        type: 'INT64',
        logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MICROS' },
        repetition_type: 'OPTIONAL',
      },
    ],
  ],
  ['datePrecision', [string('datePrecision', 'OPTIONAL')]],
  ['dateOffset', [{ name: 'dateOffset', type: 'INT32', repetition_type: 'OPTIONAL' }]],
  ['dateText', [string('dateText', 'OPTIONAL')]],
  ['source', [string('source', 'OPTIONAL')]],
  ['url', [string('url', 'OPTIONAL')]],
  ['declaredLang', [string('declaredLang', 'OPTIONAL')]],
  ['chars', [int64('chars')]],
  ['words', [int64('words')]],
  ['sentences', [int64('sentences')]],
  ['paragraphs', [int64('paragraphs')]],
  ['lines', [int64('lines')]],
  ['boilerplate', list('boilerplate', [int64('element')])],
  ['boilerplateKinds', list('boilerplateKinds', [string('element')])],
  ['hash', [string('hash')]],
  ['flags', list('flags', [string('element')])],
  // The keys provenance may have are few and fixed (§3): a struct, so `provenance.date` is a column
  // a query filters on, where a JSON string would have to be parsed on every row.
  [
    'provenance',
    [
      { name: 'provenance', repetition_type: 'REQUIRED', num_children: 5 },
      ...['title', 'date', 'source', 'lang', 'url'].map((key) => string(key, 'OPTIONAL')),
    ],
  ],
  // A record's own fields differ in name and type from record to record: one JSON text. A
  // string, not annotated JSON: hyparquet-writer would then write JSON.stringify of what it is
  // given after copying each object (a key `__proto__` lost), and every reader's JSON functions
  // take a string (DuckDB `extra->>'author'`, Spark `get_json_object`, pandas `json.loads`).
  ['extra', [string('extra', 'OPTIONAL')]],
];

const TEXT_COLUMNS: [string, SchemaElement[]][] = [
  ['text', [string('text')]],
  ['body', [string('body')]],
];

/** The columns of a file, in order: the record's, then `text` and `body` with `withText`. */
export function parquetColumns(withText: boolean): string[] {
  return (withText ? [...RECORD_COLUMNS, ...TEXT_COLUMNS] : RECORD_COLUMNS).map(([name]) => name);
}

/** The schema of a file, its root first, as parquet-format lists it (depth first). */
export function parquetSchema(withText: boolean): SchemaElement[] {
  const columns = withText ? [...RECORD_COLUMNS, ...TEXT_COLUMNS] : RECORD_COLUMNS;
  return [{ name: 'schema', num_children: columns.length }, ...columns.flatMap(([, nodes]) => nodes)];
}
