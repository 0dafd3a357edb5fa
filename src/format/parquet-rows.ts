// The document record (docs/spec.md §3) as a row of the Parquet file `list --format parquet`
// writes (docs/parquet.md): the date as a timestamp with its precision and offset, counts as
// integers, provenance as a struct, a record's own fields as one JSON string.

import type { DocumentRecord, LanguageShare } from '../core/types.js';

/** How much of a date the record states: `2023` is a year, `2023-01-31T18:14` a minute. */
export type DatePrecision = 'year' | 'month' | 'day' | 'minute' | 'second';

/** A record's `date` as the Parquet columns `date`, `datePrecision` and `dateOffset` hold it. */
export interface DateParts {
  /**
   * Microseconds since 1970-01-01T00:00 UTC of the start of the period the date names (`2023-01`:
   * its first day at midnight), its UTC offset applied when it states one; null without a date.
   */
  micros: bigint | null;
  precision: DatePrecision | null;
  /** Minutes east of UTC the date states (`+01:00`: 60, `Z`: 0); null when it states none. */
  offset: number | null;
}

/** A row of the file: the record's fields, as the columns of parquet-schema.ts take them. */
export interface ParquetRow {
  id: string;
  path: string;
  format: string;
  bytes: bigint;
  encoding: string;
  lang: string;
  langConfidence: number;
  languages: LanguageShare[];
  title: string | null;
  date: bigint | null;
  datePrecision: DatePrecision | null;
  dateOffset: number | null;
  dateText: string | null;
  source: string | null;
  url: string | null;
  declaredLang: string | null;
  chars: bigint;
  words: bigint;
  sentences: bigint;
  paragraphs: bigint;
  lines: bigint;
  boilerplate: bigint[];
  boilerplateKinds: string[];
  hash: string;
  flags: string[];
  provenance: ProvenanceRow;
  /** The record's `extra` as JSON text. */
  extra: string | null;
  text?: string;
  body?: string;
}

/** The provenance struct: every key the record may have, null where it has none. */
export interface ProvenanceRow {
  title: string | null;
  date: string | null;
  source: string | null;
  lang: string | null;
  url: string | null;
}

const NO_DATE: DateParts = { micros: null, precision: null, offset: null };

// The ISO 8601 forms a record's date takes (docs/spec.md §3; declared-fields.ts checks a declared
// one against the same forms): a record's date is always written with `T`.
const ISO_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|([+-])(\d{2})(?::?(\d{2}))?)?)?)?)?$/;

/**
 * A record's `date` as a timestamp, a precision and an offset. The timestamp is the start of the
 * period, in UTC: a date without an offset is read as UTC (its wall time kept as written); one
 * with an offset is moved to UTC, the offset kept apart so that the local time can be had back.
 * A fraction of a second is kept to the microsecond. A string that is no ISO date (never in a
 * record) gives no date rather than a wrong one.
 */
export function dateParts(date: string | null): DateParts {
  if (date === null) return NO_DATE;
  const m = ISO_DATE.exec(date);
  if (!m) return NO_DATE;
  const [, year, month, day, hour, minute, second, fraction, zone, sign, zoneHours, zoneMinutes] = m;
  const offset =
    zone === undefined
      ? null
      : zone === 'Z'
        ? 0
        : (sign === '-' ? -1 : 1) * (Number(zoneHours) * 60 + Number(zoneMinutes ?? 0));
  const utc = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  utc.setUTCFullYear(Number(year), Number(month ?? 1) - 1, Number(day ?? 1));
  // A leap second (`:60`) becomes the next minute's first second, as every timestamp type has it.
  utc.setUTCHours(Number(hour ?? 0), Number(minute ?? 0) - (offset ?? 0), Number(second ?? 0), 0);
  const micros = BigInt(utc.getTime()) * 1000n + BigInt(`${fraction ?? ''}000000`.slice(0, 6));
  const precision: DatePrecision =
    second !== undefined
      ? 'second'
      : minute !== undefined
        ? 'minute'
        : day !== undefined
          ? 'day'
          : month !== undefined
            ? 'month'
            : 'year';
  return { micros, precision, offset };
}

/** The texts `--with-text` adds: the whole document and its body (as `show --body` prints it). */
export interface RowTexts {
  text: string;
  body: string;
}

/**
 * The row of a record. Counts become 64-bit integers (the Parquet type a reader sums without
 * overflow); a record's own fields (`extra`, any JSON value) one JSON string, since their names
 * and types differ from record to record and a column must have one type for the whole file.
 */
export function parquetRow(record: DocumentRecord, texts?: RowTexts): ParquetRow {
  const date = dateParts(record.date);
  const { provenance } = record;
  const row: ParquetRow = {
    id: record.id,
    path: record.path,
    format: record.format,
    bytes: BigInt(record.bytes),
    encoding: record.encoding,
    lang: record.lang,
    langConfidence: record.langConfidence,
    languages: record.languages,
    title: record.title,
    date: date.micros,
    datePrecision: date.precision,
    dateOffset: date.offset,
    dateText: record.dateText,
    source: record.source,
    url: record.url,
    declaredLang: record.declaredLang,
    chars: BigInt(record.chars),
    words: BigInt(record.words),
    sentences: BigInt(record.sentences),
    paragraphs: BigInt(record.paragraphs),
    lines: BigInt(record.lines),
    boilerplate: record.boilerplate.map((n) => BigInt(n)),
    boilerplateKinds: record.boilerplateKinds,
    hash: record.hash,
    flags: record.flags,
    provenance: {
      title: provenance.title ?? null,
      date: provenance.date ?? null,
      source: provenance.source ?? null,
      lang: provenance.lang ?? null,
      url: provenance.url ?? null,
    },
    extra: record.extra === undefined ? null : JSON.stringify(record.extra),
  };
  if (texts) {
    row.text = texts.text;
    row.body = texts.body;
  }
  return row;
}
