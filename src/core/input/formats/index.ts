// The reader of each input format. A new format is a module beside this one and its line here
// (with its name in `DocFormat` and its file name endings in file-kinds.ts: tsc asks for both).

import type { DocFormat } from '../../types.js';
import { csvFormat } from './csv.js';
import type { FormatReader } from './format-reader.js';
import { jsonFormat } from './json.js';
import { jsonlFormat } from './jsonl.js';
import { textFormat } from './text.js';

const READERS: { readonly [F in DocFormat]: FormatReader } = {
  text: textFormat,
  markdown: textFormat,
  jsonl: jsonlFormat,
  csv: csvFormat,
  tsv: csvFormat,
  json: jsonFormat,
};

/** The reader of the files of a format. */
export function readerFor(format: DocFormat): FormatReader {
  return READERS[format];
}

/** True when a file of the format holds records, a document each (JSON Lines, CSV, TSV, JSON). */
export function holdsRecords(format: DocFormat): boolean {
  return READERS[format].holds === 'records';
}
