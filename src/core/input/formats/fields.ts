// Which field of a record holds its text and which its metadata, for every format of records
// (JSON Lines, JSON, CSV/TSV): the usual names, or those `--text-field`, `--id-field`,
// `--title-field` and `--date-field` choose, set once for the process and seen by worker threads.
// Every other field is kept as the record's `extra` (extra-fields.ts bounds it).

import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';
import type { RecordFields } from '../../types.js';
import { ExtraFields } from './extra-fields.js';

/** The fields the command line chose: each replaces the usual names of its kind. */
export interface FieldChoice {
  text?: string;
  id?: string;
  title?: string;
  date?: string;
}

/** The names a record's text is looked for under, in order, when `--text-field` is not given. */
export const TEXT_FIELDS = ['text', 'content', 'body', 'article', 'full_text'] as const;
/** The metadata a record may carry, each under its own name unless chosen otherwise. */
export const META_FIELDS = ['id', 'title', 'date', 'source', 'url', 'lang'] as const;

type MetaName = (typeof META_FIELDS)[number];

/** Where a format of records finds each field: worked out once, then read for every record. */
export interface FieldPlan {
  /** The names the text may have, in order of preference. */
  readonly text: readonly string[];
  /** Each metadata field beside the name it is read from. */
  readonly meta: readonly (readonly [MetaName, string])[];
  /** The names the metadata is read from: neither they nor the text's go to `extra`. */
  readonly metaKeys: ReadonlySet<string>;
  /** The name the id is read from. */
  readonly id: string;
  /** What a record without text is told. */
  readonly noText: string;
}

const KEY = 'corpus:fields';
let plan: FieldPlan | undefined;

/** Sets the chosen fields for this thread and the workers started from now on. */
export function setFieldChoice(choice: FieldChoice): void {
  plan = planOf(choice);
  setEnvironmentData(KEY, { ...choice });
}

/** Where the fields are found in this process (the usual names unless {@link setFieldChoice} said otherwise). */
export function fieldPlan(): FieldPlan {
  return (plan ??= planOf((getEnvironmentData(KEY) as FieldChoice | undefined) ?? {}));
}

function planOf(choice: FieldChoice): FieldPlan {
  const text = choice.text === undefined ? TEXT_FIELDS : [choice.text];
  const names = (n: readonly string[]) =>
    n.length === 1 ? n[0] : `${n.slice(0, -1).join(', ')} or ${n[n.length - 1] as string}`;
  const meta = META_FIELDS.map((name) => [name, (choice as Record<string, string | undefined>)[name] ?? name] as const);
  return {
    text,
    meta,
    metaKeys: new Set(meta.map(([, key]) => key)),
    id: choice.id ?? 'id',
    noText: `no ${names(text)} field, skipped`,
  };
}

/** A record's text and fields, as a reader found them; `cut` says what of its `extra` was cut, if anything. */
export interface ReadRecord {
  text: string;
  fields: RecordFields;
  cut?: string;
}

/**
 * A JSON object's text and metadata (trimmed strings; an id may be a number), by the names of
 * `fields` (exact names: JSON keys are case-sensitive); a string saying why when it has no text.
 * Its other keys are its `extra`, their values as they are (within extra-fields.ts's bounds): a
 * metadata key is never one, whatever its value; another of the names text is looked for under is.
 */
export function objectRecord(obj: Record<string, unknown>, fields: FieldPlan = fieldPlan()): ReadRecord | string {
  let text: string | undefined;
  let textKey: string | undefined;
  for (const key of fields.text) {
    const v = obj[key];
    if (typeof v === 'string') {
      text = v;
      textKey = key;
      break;
    }
  }
  if (text === undefined) return fields.noText;
  const meta: RecordFields = {};
  for (const [name, key] of fields.meta) {
    const v = obj[key];
    if (typeof v === 'string' && v.trim() !== '') meta[name] = v.trim();
    else if (typeof v === 'number' && name === 'id') meta.id = String(v);
  }
  let extra: ExtraFields | undefined;
  for (const key of Object.keys(obj)) {
    if (key === textKey || fields.metaKeys.has(key)) continue;
    (extra ??= new ExtraFields()).add(key, obj[key]);
  }
  return withExtra({ text, fields: meta }, extra);
}

function withExtra(record: ReadRecord, extra: ExtraFields | undefined): ReadRecord {
  if (extra === undefined) return record;
  record.fields.extra = extra.values;
  const cut = extra.cut;
  if (cut !== null) record.cut = cut;
  return record;
}

/** Where each field is in the rows of a table (CSV, TSV): column indexes. */
export interface ColumnPlan {
  text: number;
  meta: (readonly [MetaName, number])[];
  /** The other columns, kept as `extra` under these names (see {@link columnPlan}). */
  extra: (readonly [string, number])[];
  /** The header's columns: a row's cells past them are `extra` as `column<n>`. */
  width: number;
}

/**
 * The columns of a table with this header that hold the text and the metadata, the names
 * matched in any case; a warning listing the columns found when none holds the text. Every
 * other column is `extra`, under its name as the header writes it, trimmed: a column without a
 * name is `column<n>` (n counted from 1), a name met again `<name>_2`, `<name>_3`…
 */
export function columnPlan(header: readonly string[], fields: FieldPlan = fieldPlan()): ColumnPlan | string {
  const lower = header.map((h) => h.trim().toLowerCase());
  const at = (name: string) => lower.indexOf(name.toLowerCase());
  const text = fields.text.map(at).find((i) => i >= 0);
  if (text === undefined) {
    const found = header.length === 0 || (header.length === 1 && header[0] === '') ? '(none)' : header.join(', ');
    return `${fields.noText.replace(/ field, skipped$/, ' column')}; the columns are: ${found}; no row read`;
  }
  const meta = fields.meta.map(([name, key]) => [name, at(key)] as const).filter(([, i]) => i >= 0);
  const used = new Set([text, ...meta.map(([, i]) => i)]);
  const names = new Set<string>();
  const extra: (readonly [string, number])[] = [];
  header.forEach((h, i) => {
    if (used.has(i)) return;
    const name = h.trim() === '' ? `column${i + 1}` : h.trim();
    let unique = name;
    for (let k = 2; names.has(unique); k++) unique = `${name}_${k}`;
    names.add(unique);
    extra.push([unique, i]);
  });
  return { text, meta, extra, width: header.length };
}

/**
 * A row's text and metadata by its table's columns (empty cells are no metadata); its other
 * cells are its `extra`, as they are, a blank one left out.
 */
export function rowRecord(row: readonly string[], columns: ColumnPlan): ReadRecord {
  const meta: RecordFields = {};
  for (const [name, i] of columns.meta) {
    const v = row[i];
    if (v !== undefined && v.trim() !== '') meta[name] = v.trim();
  }
  let extra: ExtraFields | undefined;
  const keep = (name: string, v: string | undefined) => {
    if (v !== undefined && v.trim() !== '') (extra ??= new ExtraFields()).add(name, v);
  };
  for (const [name, i] of columns.extra) keep(name, row[i]);
  for (let i = columns.width; i < row.length; i++) keep(`column${i + 1}`, row[i]);
  return withExtra({ text: row[columns.text] ?? '', fields: meta }, extra);
}
