// Grep results as rows, in every output format (docs/spec.md §5, "Output per mode"): a number a
// document (`-c`, `--count-matches`), the documents (`-l`, `-L`), the matches (`-o`) and the
// lines (`--format tsv|csv`), each through the one row writer the other commands use; and the
// plain `id:number` lines ripgrep prints for a count when no format is asked for.

import type { ChalkInstance } from 'chalk';
import { Columns, type DocumentSearch } from '../core/search/grep.js';
import type { Column } from './column.js';
import type { OutputFormat } from './formats.js';
import type { GrepPrinter } from './grep-output.js';
import { BufferedWriter, type OutputStream } from './output-stream.js';
import { createRowWriter, type RowWriter } from './row-writer.js';
import { visible } from './sanitize.js';

/** Where and how rows are written. */
export interface GrepRowsOptions {
  format: OutputFormat;
  out: OutputStream;
  chalk: ChalkInstance;
  /** A header line in TSV (CSV and the table always have one). */
  header?: boolean;
  /** Terminal width, for the table. */
  width?: number;
}

/** What a number-a-document mode counts in a document's part. */
export type Measure = (result: DocumentSearch) => number;

/** Matching lines (`-c`): the count the search kept, or its hits. */
export const matchingLines: Measure = (r) => r.count ?? r.hits.length;

/** Matches (`--count-matches`); with -v each line that does not match is one, as in ripgrep. */
export function matchesIn(invert: boolean): Measure {
  return (r) => {
    if (invert) return r.hits.length;
    let n = 0;
    for (const hit of r.hits) n += hit.matches.length;
    return n;
  };
}

/**
 * A printer that adds up `measure` over a document's parts (see DocumentSearch.continued) and
 * hands the total on once the document is over.
 */
function totals(measure: Measure, emit: (result: DocumentSearch, total: number) => Promise<void>): GrepPrinter {
  let open: DocumentSearch | null = null;
  let total = 0;
  const close = async (): Promise<void> => {
    if (open !== null) await emit(open, total);
    open = null;
  };
  return {
    async document(result) {
      if (!result.continued) {
        await close();
        open = result;
        total = 0;
      }
      total += measure(result);
    },
    end: close,
  };
}

/** `id:number` a line, the id coloured on a terminal: ripgrep's `-c` with no format asked for. */
export function countLines(out: OutputStream, chalk: ChalkInstance, terminal: boolean, measure: Measure): GrepPrinter {
  const writer = new BufferedWriter(out);
  const printer = totals(measure, (result, n) =>
    writer.write(`${terminal ? chalk.magenta(visible(result.doc.id)) : result.doc.id}:${n}\n`),
  );
  return {
    document: printer.document,
    async end() {
      await printer.end();
      await writer.flush();
    },
  };
}

/** The id and path columns every row starts with. */
function docColumns<T extends { id: string; path: string }>(): Column<T>[] {
  return [
    { key: 'id', header: 'ID', value: (r) => r.id, style: (t, _r, c) => c.magenta(t) },
    { key: 'path', header: 'PATH', value: (r) => r.path, grow: true },
  ];
}

/** A printer writing one row a document, once it is over, with its total under `field`. */
export function countRows(options: GrepRowsOptions, measure: Measure, field: 'count' | 'matches'): GrepPrinter {
  type Row = { id: string; path: string; n: number };
  const writer = rowWriter<Row>(
    options,
    [...docColumns<Row>(), { key: field, header: field.toUpperCase(), value: (r) => r.n, align: 'right' }],
    (r) => ({ id: r.id, path: r.path, [field]: r.n }),
  );
  const printer = totals(measure, (result, n) => writer.write({ id: result.doc.id, path: result.doc.path, n }));
  return {
    document: printer.document,
    async end() {
      await printer.end();
      await writer.end();
    },
  };
}

/** `-l`, `-L` in a format: one row a document, `id` and `path`. */
export function documentRows(options: GrepRowsOptions): GrepPrinter {
  type Row = { id: string; path: string };
  const writer = rowWriter<Row>(options, docColumns<Row>(), (r) => r);
  return {
    async document(result) {
      if (!result.continued) await writer.write({ id: result.doc.id, path: result.doc.path });
    },
    end: () => writer.end(),
  };
}

/** `-o` in a format: one row a match, `id`, `path`, `line`, `column`, `match` (-v: the whole line, column 1). */
export function matchRows(options: GrepRowsOptions, invert: boolean): GrepPrinter {
  type Row = { id: string; path: string; line: number; column: number; match: string };
  const writer = rowWriter<Row>(
    options,
    [
      ...docColumns<Row>(),
      { key: 'line', header: 'LINE', value: (r) => r.line, align: 'right', style: (t, _r, c) => c.green(t) },
      { key: 'column', header: 'COLUMN', value: (r) => r.column, align: 'right' },
      { key: 'match', header: 'MATCH', value: (r) => r.match, style: (t, _r, c) => c.bold.red(t) },
    ],
    (r) => r,
  );
  return {
    async document(result) {
      const { id, path } = result.doc;
      for (const hit of result.hits) {
        if (invert) {
          await writer.write({ id, path, line: hit.line, column: 1, match: hit.text });
          continue;
        }
        const columns = new Columns(hit.text);
        for (const m of hit.matches)
          await writer.write({
            id,
            path,
            line: hit.line,
            column: columns.of(m.start),
            match: hit.text.slice(m.start, m.end),
          });
      }
    },
    end: () => writer.end(),
  };
}

/**
 * Matching lines in TSV or CSV (JSON has its own printer): one row a line, `id`, `path`, `line`,
 * `kind` (`match`, or `context` for a line -A/-B/-C adds) and `text`, in document order.
 */
export function lineRows(options: GrepRowsOptions, before: number, after: number): GrepPrinter {
  type Row = { id: string; path: string; line: number; kind: 'match' | 'context'; text: string };
  const writer = rowWriter<Row>(
    options,
    [
      ...docColumns<Row>(),
      { key: 'line', header: 'LINE', value: (r) => r.line, align: 'right', style: (t, _r, c) => c.green(t) },
      { key: 'kind', header: 'KIND', value: (r) => r.kind },
      { key: 'text', header: 'TEXT', value: (r) => r.text },
    ],
    (r) => r,
  );
  /** The last line written of the document being written, so that no line is written twice. */
  let written = 0;
  /**
   * The context after a part's last hit, held until the next part says which of those lines
   * are its hits (a document of many matching lines comes in parts).
   */
  let held: Row[] = [];
  const release = async (upTo: number): Promise<void> => {
    for (const row of held) {
      if (row.line >= upTo || row.line <= written) continue;
      await writer.write(row);
      written = row.line;
    }
    held = [];
  };
  return {
    async document(result) {
      const { hits, lines } = result;
      await release(result.continued ? (hits[0]?.line ?? Infinity) : Infinity);
      if (!result.continued) written = 0;
      const { id, path } = result.doc;
      const context = (n: number): Row => ({ id, path, line: n, kind: 'context', text: lines[n - 1] as string });
      for (let i = 0; i < hits.length; i++) {
        const hit = hits[i] as (typeof hits)[number];
        for (let n = Math.max(written + 1, hit.line - before); n < hit.line; n++)
          if (lines[n - 1] !== undefined) await writer.write(context(n));
        await writer.write({ id, path, line: hit.line, kind: 'match', text: hit.text });
        written = hit.line;
        const next = hits[i + 1]?.line ?? Infinity;
        for (let n = hit.line + 1; n <= hit.line + after && n < next && lines[n - 1] !== undefined; n++) {
          if (i + 1 < hits.length) {
            await writer.write(context(n));
            written = n;
          } else held.push(context(n));
        }
      }
    },
    async end() {
      await release(Infinity);
      await writer.end();
    },
  };
}

/** The row writer of the options, for these columns. */
function rowWriter<T>(options: GrepRowsOptions, columns: Column<T>[], json: (row: T) => unknown): RowWriter<T> {
  return createRowWriter<T>({
    format: options.format,
    columns,
    out: options.out,
    chalk: options.chalk,
    header: options.header,
    width: options.width,
    json,
  });
}
