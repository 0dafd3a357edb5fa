// CSV and TSV (`.csv`, `.tsv`, gzipped or not): a document a row, its header naming the columns
// (the text's and the metadata's: fields.ts; the others kept as `extra`). A file is streamed and
// decoded to UTF-8 in its charset (stream-decode.ts: Excel's "Unicode text" is UTF-16LE TSV), so
// a 2 GB table never sits in memory; a row's place is the line it starts on, its id
// `<file id>#<line>` as a JSON Lines record's. A `.csv` file's delimiter is sniffed from its
// header (`,` `;` or tab); `.tsv` is tab.

import { withoutCompression } from '../file-kinds.js';
import { claimRecordId, type IdRegistry } from '../ids.js';
import { LineWarnings } from '../line-warnings.js';
import { maxFileSize } from '../limits.js';
import { StreamDecoder, utf8Chunks } from '../stream-decode.js';
import type { FoundFile } from '../walk.js';
import { ExtraCutWarning } from './extra-fields.js';
import { CsvRows, sniffDelimiter, type BadCsvRow, type CsvRow } from './csv-rows.js';
import { columnPlan, rowRecord, type ColumnPlan } from './fields.js';
import type { RecordFormat, RecordTrack, WantId } from './format-reader.js';
import { askedRecordId } from './jsonl.js';
import { recordChunks } from './record-source.js';
import type { SourceDocument, WarningHandler } from '../../types.js';

/** Bytes a row is taken to have, to guess before reading how many a file holds. */
const CSV_ROW_BYTES_GUESS = 2048;

let csvParse: Promise<typeof import('csv-parse')> | undefined;
/** csv-parse, loaded when the first table is read: most runs read none, and every start would pay for it. */
const loadCsvParse = () => (csvParse ??= import('csv-parse'));

/** The rows of a table file, in batches, parsed with the delimiter its name or header says. */
async function* csvRows(
  file: FoundFile,
  limit: number,
  decoder: StreamDecoder,
  fail: (why: string) => void,
): AsyncGenerator<(CsvRow | BadCsvRow)[]> {
  let rows: CsvRows | null = null;
  const { parse } = await loadCsvParse();
  const tsv = withoutCompression(file.relPath).toLowerCase().endsWith('.tsv');
  for await (const chunk of utf8Chunks(recordChunks(file, fail), decoder)) {
    rows ??= new CsvRows(parse, tsv ? '\t' : sniffDelimiter(chunk), limit);
    yield rows.feed(chunk);
  }
  if (rows !== null) yield await rows.end();
}

/**
 * Yields the rows of a CSV or TSV file as documents, in order, each having claimed its id. The
 * first row that is not blank is the header: without a text column, one warning lists the
 * columns found and no row is read. A row that cannot be read is a warning (the first few, then
 * one that counts the rest: line-warnings.ts). `track` is told of every line no row starts on
 * (the header, blank lines, bad rows, and the lines a row's quoted line breaks run on to). A
 * row whose `extra` was cut is told once a file.
 */
export async function* readCsv(
  file: FoundFile,
  ids: IdRegistry,
  warn: WarningHandler,
  wantId?: WantId,
  _wantRecord?: (bytes: Buffer) => boolean,
  track?: RecordTrack,
): AsyncGenerator<SourceDocument> {
  const bad = new LineWarnings(warn, file.displayPath);
  let failure: string | null = null;
  let columns: ColumnPlan | null = null;
  /** The first line not yet told to `track`. */
  let nextLine = 1;
  let lastLine = 0;
  const format = tsvOrCsv(file);
  const decoder = new StreamDecoder();
  const cuts = new ExtraCutWarning(warn, file.displayPath, track);
  const skipUpTo = (line: number) => {
    if (track) for (; nextLine < line; nextLine++) track.skipped(nextLine, null);
  };
  for await (const items of csvRows(file, maxFileSize(), decoder, (why) => (failure = why))) {
    for (const row of items) {
      skipUpTo(row.line);
      lastLine = row.kind === 'row' ? row.endLine : row.line;
      if (row.kind === 'bad') {
        const warned = bad.line(row.line, row.why);
        track?.skipped(row.line, warned ? row.why : null);
        nextLine = row.line + 1;
        continue;
      }
      // A blank line, and the header, hold no row: told to `track` with the next row.
      if (row.cells.length === 1 && row.cells[0] === '') continue;
      if (columns === null) {
        const plan = columnPlan(row.cells);
        if (typeof plan === 'string') {
          warn(`${file.displayPath}:${row.line}`, plan);
          track?.warned?.(row.line, plan);
          return;
        }
        columns = plan;
        continue;
      }
      nextLine = row.line + 1;
      const record = rowRecord(row.cells, columns);
      cuts.note(row.line, record.cut);
      const id = claimRecordId(ids, askedRecordId(file, record.fields, row.line), file, row.line, warn);
      if (wantId && !wantId(id, file)) continue;
      const doc: SourceDocument = {
        id,
        path: file.displayPath,
        absPath: file.absPath,
        format,
        bytes: row.bytes,
        encoding: decoder.encoding,
        text: record.text,
        recordLine: row.line,
        fields: record.fields,
      };
      if (decoder.fallback) doc.encodingFallback = true;
      yield doc;
    }
  }
  bad.finish(lastLine, failure, track);
}

const tsvOrCsv = (file: FoundFile): 'csv' | 'tsv' =>
  withoutCompression(file.relPath).toLowerCase().endsWith('.tsv') ? 'tsv' : 'csv';

/** The reader of CSV and TSV files. */
export const csvFormat: RecordFormat = {
  holds: 'records',
  recordBytesGuess: CSV_ROW_BYTES_GUESS,
  askedId: askedRecordId,
  read: readCsv,
};
