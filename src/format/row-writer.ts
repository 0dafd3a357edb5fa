// Writes rows in the five output formats from one column description: an aligned table on a
// terminal (cli-table3 + chalk), TSV through a pipe, CSV, a JSON array, or JSON Lines. On a
// terminal every format shows data visibly (see sanitize.ts); a pipe gets it as decoded.

import type { ChalkInstance } from 'chalk';
import { BufferedWriter, type OutputStream } from './output-stream.js';
import { cellHead, cellText, csvCell, tsvCell } from './cells.js';
import { visible, visibleCell, visibleJson, visibleText } from './sanitize.js';
import type { Column } from './column.js';
import type { OutputFormat } from './formats.js';

export interface RowWriterOptions<T> {
  format: OutputFormat;
  columns: Column<T>[];
  out: OutputStream;
  chalk: ChalkInstance;
  /** Header line in TSV (CSV always has one, the table always has one). */
  header?: boolean;
  /** Terminal width for the table. */
  width?: number;
  /** The object written for a row in JSON and JSON Lines. */
  json(row: T): unknown;
  /**
   * That object already written as JSON, when the row has it (JSON Lines uses it as it is): as
   * text, or as pieces of text and UTF-8 bytes to write one after the other.
   */
  jsonText?(row: T): string | readonly (string | Uint8Array)[] | null | undefined;
  /** NUL instead of newline after each TSV row (for `--paths -0`). */
  nul?: boolean;
}

/** Rows go in one at a time; `end` finishes the output (the table is drawn there). */
export interface RowWriter<T> {
  write(row: T): Promise<void>;
  end(): Promise<void>;
  /** How many rows were written. */
  readonly count: number;
}

/** A writer for the chosen format. */
export function createRowWriter<T>(options: RowWriterOptions<T>): RowWriter<T> {
  const buffered = new BufferedWriter(options.out);
  const { columns } = options;
  let count = 0;
  const eol = options.nul ? '\0' : '\n';
  const terminal = options.out.isTTY;

  switch (options.format) {
    case 'tsv':
    case 'csv': {
      const cell = lineCell(options.format, terminal);
      const sep = options.format === 'csv' ? ',' : '\t';
      const wantHeader = options.format === 'csv' || options.header === true;
      return {
        get count() {
          return count;
        },
        async write(row) {
          if (count === 0 && wantHeader) await buffered.write(columns.map((c) => cell(c.key)).join(sep) + eol);
          count++;
          await buffered.write(columns.map((c) => cell(cellText(c.value(row)))).join(sep) + eol);
        },
        async end() {
          if (count === 0 && wantHeader) await buffered.write(columns.map((c) => cell(c.key)).join(sep) + eol);
          await buffered.flush();
        },
      };
    }
    case 'jsonl':
      return {
        get count() {
          return count;
        },
        async write(row) {
          count++;
          // The JSON a row already has is as decoded: a terminal gets it made anew, made visible.
          const json = terminal
            ? visibleJson(JSON.stringify(options.json(row)))
            : (options.jsonText?.(row) ?? JSON.stringify(options.json(row)));
          if (typeof json === 'string') await buffered.write(`${json}\n`);
          else await buffered.write(...json, '\n');
        },
        end: () => buffered.flush(),
      };
    case 'json':
      return {
        get count() {
          return count;
        },
        async write(row) {
          const json = JSON.stringify(options.json(row), null, 2).replace(/\n/g, '\n  ');
          const item = terminal ? visibleJson(json) : json;
          await buffered.write(`${count === 0 ? '[\n  ' : ',\n  '}${item}`);
          count++;
        },
        async end() {
          await buffered.write(count === 0 ? '[]\n' : '\n]\n');
          await buffered.flush();
        },
      };
    case 'table':
      return tableWriter(options);
  }
}

/** How a TSV or CSV cell is written: escaped for its format, then made visible on a terminal. */
function lineCell(format: 'tsv' | 'csv', terminal: boolean): (text: string) => string {
  if (format === 'csv') return terminal ? (text) => visibleText(csvCell(text)) : csvCell;
  return terminal ? (text) => visible(tsvCell(text)) : tsvCell;
}

/**
 * The table: it needs every row to size its columns; on a terminal that is what a person reads.
 * Each cell is cut at once to what the terminal could show: nothing longer is kept or measured
 * (string-width is quadratic in the length).
 */
function tableWriter<T>(options: RowWriterOptions<T>): RowWriter<T> {
  const { columns } = options;
  const width = options.width ?? 80;
  const texts: string[][] = [];
  const rows: T[] = [];
  return {
    get count() {
      return rows.length;
    },
    async write(row) {
      rows.push(row);
      texts.push(columns.map((c) => visibleCell(cellHead(c.text ? c.text(row) : cellText(c.value(row)), width))));
    },
    async end() {
      if (rows.length === 0) return;
      // Loaded here: a pipe never draws a table.
      const { renderTable } = await import('./table.js');
      await options.out.write(renderTable(columns, rows, texts, options.chalk, width));
    },
  };
}
