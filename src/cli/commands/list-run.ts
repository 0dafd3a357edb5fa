// `corpus list`: a row per document, in any output format, filtered and sorted; `--fields` picks
// the record's fields, and a record's own fields by `extra.<name>` (docs/spec.md §5).

import fs from 'node:fs/promises';
import path from 'node:path';
import type { ListFlags, SortKey } from './list-flags.js';
import type { CorpusDocument } from '../../core/analyse/corpus-document.js';
import { RECORD_FIELDS, type DocumentRecord } from '../../core/types.js';
import type { Column } from '../../format/column.js';
import { createRowWriter } from '../../format/row-writer.js';
import { BufferedWriter, outputFrom } from '../../format/output-stream.js';
import { visible } from '../../format/sanitize.js';
import type { Io } from '../io.js';
import { CorpusError, EXIT, UsageError } from '../errors.js';
import { corpusContext, finalStatus, loadAnalysis, outputContext, printTypeList, reportSkipped } from '../context.js';

const DEFAULT_FIELDS: (keyof DocumentRecord)[] = ['id', 'lang', 'date', 'words', 'source', 'title'];
const NUMERIC = new Set<string>(['bytes', 'langConfidence', 'chars', 'words', 'sentences', 'paragraphs', 'lines']);

/**
 * A field `--fields` names: one of the record's, `extra` (all a record's own fields), or
 * `extra.<name>` (one of them; the name is all after the dot, dots too).
 */
type Field = { kind: 'record'; key: keyof DocumentRecord } | { kind: 'extra'; key: string; name: string | null };

const EXTRA_PREFIX = 'extra.';

/** A record's own field of that name (not one its prototype has); null when it has none. */
function extraValue(record: DocumentRecord, name: string | null): unknown {
  const { extra } = record;
  if (extra === undefined) return null;
  if (name === null) return extra;
  return Object.hasOwn(extra, name) ? extra[name] : null;
}

function columnFor(field: Field): Column<CorpusDocument> {
  if (field.kind === 'extra') {
    const { name } = field;
    return { key: field.key, header: field.key.toUpperCase(), value: (d) => extraValue(d.record, name) };
  }
  const { key } = field;
  const column: Column<CorpusDocument> = {
    key,
    header: key.toUpperCase(),
    value: (d) => d.record[key],
    align: NUMERIC.has(key) ? 'right' : 'left',
  };
  if (key === 'title') {
    // No title: show the lede, dimmed, so the row still says what the document is.
    column.text = (d) => d.record.title ?? d.lede;
    column.style = (text, d, chalk) => (d.record.title === null ? chalk.dim(text) : text);
    column.grow = true;
  } else if (key === 'id') {
    column.style = (text, _d, chalk) => chalk.cyan(text);
  } else if (key === 'source') {
    column.text = (d) => d.record.source ?? '';
  }
  return column;
}

/**
 * The columns as a table drops them when a row cannot fit the terminal even cut (docs/spec.md
 * §5, list): the fields named last go first, the title after all the others, the id never.
 */
function dropOrder(columns: Column<CorpusDocument>[]): Column<CorpusDocument>[] {
  const n = columns.length;
  return columns.map((c, i) => (c.key === 'id' ? c : { ...c, drop: c.key === 'title' ? n + 1 : n - i }));
}

/**
 * The fields `--fields` names. A name that is no field of the record is an error (a misspelt
 * `titel` is caught), unless it starts `extra.`: records differ in their own fields, so one no
 * record has is no error, only empty.
 */
function parseFields(spec: string | undefined): Field[] {
  if (spec === undefined) return DEFAULT_FIELDS.map((key) => ({ kind: 'record', key }));
  const names = spec
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  const fields = names.map((f): Field => {
    if (RECORD_FIELDS.includes(f as keyof DocumentRecord)) return { kind: 'record', key: f as keyof DocumentRecord };
    if (f === 'extra') return { kind: 'extra', key: f, name: null };
    if (f.startsWith(EXTRA_PREFIX) && f.length > EXTRA_PREFIX.length)
      return { kind: 'extra', key: f, name: f.slice(EXTRA_PREFIX.length) };
    throw new UsageError(
      `--fields: unknown field '${f}' (fields: ${RECORD_FIELDS.join(', ')}, extra; a record's own field: extra.<name>)`,
    );
  });
  if (fields.length === 0) throw new UsageError('--fields needs at least one field');
  return fields;
}

function compareBy(key: SortKey, reverse: boolean): (a: DocumentRecord, b: DocumentRecord) => number {
  const sign = reverse ? -1 : 1;
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    // Missing values sort last whatever the direction; ties keep corpus order (stable sort).
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x < y ? -1 : x > y ? 1 : 0);
  };
}

/**
 * The record with only the fields asked for, in that order; a record's own fields asked by
 * `extra.<name>` stay under `extra` (null when the record has none of that name), as in the
 * whole record, so `.extra.author` reads either alike.
 */
function project(record: DocumentRecord, fields: Field[] | null): unknown {
  if (!fields) return record;
  const out: Record<string, unknown> = {};
  // `extra` asked whole holds the fields asked one by one.
  const whole = fields.some((f) => f.kind === 'extra' && f.name === null);
  for (const field of fields) {
    if (field.kind === 'record') out[field.key] = record[field.key];
    else if (whole) out.extra = extraValue(record, null);
    else {
      const extra = (out.extra ??= {}) as Record<string, unknown>;
      // Defined, not assigned: a field named `__proto__` is a field like any other.
      Object.defineProperty(extra, field.name as string, {
        value: extraValue(record, field.name),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
}

/** The options that Parquet output takes, checked before the run (docs/parquet.md). */
function checkParquetFlags(flags: ListFlags, io: Io): void {
  const parquet = flags.format === 'parquet';
  if (flags.withText && !parquet)
    throw new UsageError('--with-text adds the columns text and body to --format parquet');
  if (!parquet) return;
  if (flags.json) throw new UsageError('--json and --format parquet each choose the format: give one');
  if (flags.paths) throw new UsageError('--paths prints paths, not records: it does not go with --format parquet');
  if (flags.fields !== undefined)
    throw new UsageError(
      '--fields does not apply to --format parquet: the file holds every field, a reader reads the columns it names',
    );
  // Sorting holds every row until the last: with the texts, that would be the corpus.
  if (flags.withText && (flags.sort !== undefined || flags.reverse))
    throw new UsageError(
      '--sort and --reverse do not go with --with-text (they would hold every text): sort in the reader',
    );
  // Binary on a terminal helps nobody, as gh refuses it.
  if ((flags.output === undefined || flags.output === '-') && io.stdout.isTTY)
    throw new UsageError(
      '--format parquet writes a binary file and standard output is a terminal: give -o <file> or redirect it',
    );
}

/**
 * Where the rows go: standard output, or the file `-o` names, opened (created or emptied) before
 * the run so that a path that cannot be written fails at once; the io then writes to the file.
 */
async function outputTarget(flags: ListFlags, io: Io): Promise<{ io: Io; close: () => Promise<void> }> {
  const { output } = flags;
  if (output === '') throw new UsageError("-o takes a file name, or - for standard output, not ''");
  if (output === undefined || output === '-') return { io, close: async () => {} };
  const shown = io.stderr.isTTY ? visible(output) : output;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path.resolve(io.cwd, output), 'w');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    // As report says it: `permission denied (EACCES)`, without Node's "EACCES: " and the path.
    const why = e.code ? `${e.message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '')} (${e.code})` : String(err);
    throw new CorpusError(`cannot write ${shown}: ${e.code === 'EISDIR' ? 'it is a folder' : why}`);
  }
  const stream = handle.createWriteStream();
  const file = outputFrom(stream, shown);
  const close = async () => {
    await file.settle?.();
    await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
  };
  return { io: { ...io, stdout: file }, close };
}

/** Writes every document's record as a row of a Parquet file (docs/parquet.md); resolves to the row count. */
async function writeParquet(docs: AsyncIterable<CorpusDocument>, flags: ListFlags, io: Io): Promise<number> {
  const { ParquetRowWriter } = await import('../../format/parquet-writer.js');
  const { parquetRow } = await import('../../format/parquet-rows.js');
  const withText = flags.withText === true;
  const writer = new ParquetRowWriter(io.stdout, withText);
  const sortKey = flags.sort ?? (flags.reverse ? 'id' : undefined);
  if (sortKey) {
    const records: DocumentRecord[] = [];
    for await (const d of docs) records.push(d.record);
    const by = compareBy(sortKey, flags.reverse === true);
    records.sort(by);
    for (const record of records) await writer.write(parquetRow(record));
  } else {
    // The body as `show --body` prints it: the paragraphs, a blank line between two.
    for await (const d of docs)
      await writer.write(
        parquetRow(d.record, withText ? { text: d.text, body: d.paragraphs.join('\n\n') } : undefined),
      );
  }
  await writer.end();
  return writer.count;
}

/** Runs `list`; resolves to the exit status. */
export async function runList(paths: string[], flags: ListFlags, given: Io): Promise<number> {
  if (flags.typeList) return printTypeList(given);
  const fields = parseFields(flags.fields);
  checkParquetFlags(flags, given);
  const corpus = await corpusContext(paths, flags, given);
  // After the corpus is named (a missing path leaves a file as it was), before the long part.
  const target = await outputTarget(flags, given);
  // Rows go to the target; warnings and the corpus's messages stay on the terminal's streams.
  const io = target.io;
  if (flags.format === 'parquet') {
    const { analyseCorpus } = await loadAnalysis();
    const withText = flags.withText === true;
    const docs = analyseCorpus(
      { ...corpus.options, withText, withRecordText: withText, nearDuplicates: true },
      corpus.run,
    );
    const rows = await writeParquet(docs, flags, io);
    await target.close();
    await reportSkipped(corpus, given);
    return finalStatus(rows > 0 ? EXIT.results : EXIT.noResults, corpus, flags);
  }
  const out = outputContext(flags, io);
  const { analyseCorpus } = await loadAnalysis();
  // Near duplicates are looked for only when a flag is shown or filtered by.
  const nearDuplicates =
    corpus.options.nearDuplicates === true ||
    (flags.fields === undefined ? !flags.paths && (out.format === 'json' || out.format === 'jsonl') : false) ||
    fields.some((f) => f.kind === 'record' && f.key === 'flags');
  const docs = analyseCorpus({ ...corpus.options, withText: false, withRecordText: false, nearDuplicates }, corpus.run);
  let count = 0;

  if (flags.paths) {
    const seen = new Set<string>();
    const writer = new BufferedWriter(io.stdout);
    // Paths go to xargs as they are (-0 for any name); a terminal is shown them visibly.
    const shown = io.stdout.isTTY ? visible : (path: string) => path;
    for await (const d of docs) {
      count++;
      if (seen.has(d.record.path)) continue;
      seen.add(d.record.path);
      await writer.write(shown(d.record.path) + (flags.null ? '\0' : '\n'));
    }
    await writer.flush();
  } else {
    const writer = createRowWriter<CorpusDocument>({
      format: out.format,
      columns: dropOrder(fields.map(columnFor)),
      out: io.stdout,
      chalk: out.chalk,
      header: flags.header,
      width: io.columns,
      json: (d) => project(d.record, flags.fields === undefined ? null : fields),
      jsonText: (d) => (flags.fields === undefined ? d.recordJsonParts?.() : null),
    });
    const sortKey = flags.sort ?? (flags.reverse ? 'id' : undefined);
    if (sortKey) {
      // Sorting needs every row; rows are small, and the text of each document is not kept.
      const all: CorpusDocument[] = [];
      for await (const d of docs)
        all.push({
          record: d.record,
          lede: d.lede,
          text: '',
          lines: [],
          paragraphs: [],
          edges: [],
          recurringHits: [],
          signature: null,
        });
      const by = compareBy(sortKey, flags.reverse === true);
      all.sort((a, b) => by(a.record, b.record));
      for (const d of all) await writer.write(d);
    } else {
      for await (const d of docs) await writer.write(d);
    }
    await writer.end();
    count = writer.count;
  }
  await target.close();
  await reportSkipped(corpus, given);
  return finalStatus(count > 0 ? EXIT.results : EXIT.noResults, corpus, flags);
}
