// Which field of a record holds its text and which its metadata, for every format of records
// (JSON Lines, JSON, CSV/TSV): the usual names, or those `--text-field`, `--id-field`,
// `--title-field` and `--date-field` choose, set once for the process and seen by worker threads.

import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';
import type { RecordFields } from '../../types.js';

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
  return {
    text,
    meta: META_FIELDS.map((name) => [name, (choice as Record<string, string | undefined>)[name] ?? name] as const),
    id: choice.id ?? 'id',
    noText: `no ${names(text)} field, skipped`,
  };
}

/**
 * A JSON object's text and metadata (trimmed strings; an id may be a number), by the names of
 * `fields` (exact names: JSON keys are case-sensitive); a string saying why when it has no text.
 */
export function objectRecord(
  obj: Record<string, unknown>,
  fields: FieldPlan = fieldPlan(),
): { text: string; fields: RecordFields } | string {
  let text: string | undefined;
  for (const key of fields.text) {
    const v = obj[key];
    if (typeof v === 'string') {
      text = v;
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
  return { text, fields: meta };
}

/** Where each field is in the rows of a table (CSV, TSV): column indexes. */
export interface ColumnPlan {
  text: number;
  meta: (readonly [MetaName, number])[];
}

/**
 * The columns of a table with this header that hold the text and the metadata, the names
 * matched in any case; a warning listing the columns found when none holds the text.
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
  return { text, meta };
}

/** A row's text and metadata by its table's columns (empty cells are no metadata). */
export function rowRecord(row: readonly string[], columns: ColumnPlan): { text: string; fields: RecordFields } {
  const meta: RecordFields = {};
  for (const [name, i] of columns.meta) {
    const v = row[i];
    if (v !== undefined && v.trim() !== '') meta[name] = v.trim();
  }
  return { text: row[columns.text] ?? '', fields: meta };
}
