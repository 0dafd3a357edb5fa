// The reader of each input format. A new format is a module beside this one and its line here
// (with its name in `DocFormat` and its file name endings in file-kinds.ts: tsc asks for both).

import type { DocFormat, WarningHandler } from '../../types.js';
import { csvFormat } from './csv.js';
import type { FileText, FormatReader } from './format-reader.js';
import { formatOf } from '../file-kinds.js';
import type { FoundFile } from '../walk.js';
import { htmlFormat } from './html.js';
import { jsonFormat } from './json.js';
import { jsonlFormat } from './jsonl.js';
import { textFormat } from './text.js';
import { warcFormat } from './warc.js';

const READERS: { readonly [F in DocFormat]: FormatReader } = {
  text: textFormat,
  markdown: textFormat,
  jsonl: jsonlFormat,
  csv: csvFormat,
  tsv: csvFormat,
  json: jsonFormat,
  html: htmlFormat,
  warc: warcFormat,
  wet: warcFormat,
};

/** The reader of the files of a format. */
export function readerFor(format: DocFormat): FormatReader {
  return READERS[format];
}

/** True when a file of the format holds records, a document each (JSON Lines, CSV, TSV, JSON, WARC, WET). */
export function holdsRecords(format: DocFormat): boolean {
  return READERS[format].holds === 'records';
}

/**
 * The text of a file that is one document, read by its format's reader (an HTML page's extracted
 * text, not its markup): null when it cannot be read (with a warning), as the readers say.
 */
export function readDocumentFile(file: FoundFile, warn: WarningHandler): FileText | null {
  const reader = READERS[formatOf(file.relPath)];
  const read = reader.holds === 'document' ? reader.read(file, warn) : null;
  return read === 'skipped' ? null : read;
}
