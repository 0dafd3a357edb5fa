// `grep --plot` written out (docs/spec.md §5, grep, "Dispersion plot"): on a terminal, AntConc's
// Plot, a line a term (hits, documents, Gries' DP) and a row a document with a strip showing where
// in its body the hits fall; through a pipe and in every data format, rows with the positions as
// numbers from 0 to 1 instead of a drawing.

import type { ChalkInstance } from 'chalk';
import type { Plot, PlotRow, PlotTerm } from '../core/search/grep-plot-pass.js';
import { stripCells } from '../core/search/grep-plot.js';
import type { Column } from './column.js';
import type { OutputFormat } from './formats.js';
import type { OutputStream } from './output-stream.js';
import { createRowWriter } from './row-writer.js';
import { visible } from './sanitize.js';
import { displayWidth, renderTable } from './table.js';

/** Where and how a plot is written. */
export interface PlotOutput {
  format: OutputFormat;
  out: OutputStream;
  chalk: ChalkInstance;
  header?: boolean;
  /** The terminal's width. */
  width: number;
  /** Cells of the strip (`--width`); by default 50, fewer when the terminal is narrow. */
  cells?: number;
}

/** A row with its term's DP, as the data formats write it. */
type Row = PlotRow & { dp: number | null };

/** The rows' columns in TSV and CSV (positions joined by commas). */
export const PLOT_COLUMNS: Column<Row>[] = [
  { key: 'term', header: 'TERM', value: (r) => r.term },
  { key: 'id', header: 'ID', value: (r) => r.id },
  { key: 'path', header: 'PATH', value: (r) => r.path },
  { key: 'hits', header: 'HITS', value: (r) => r.hits },
  { key: 'words', header: 'WORDS', value: (r) => r.words },
  { key: 'per_thousand', header: 'PER 1000', value: (r) => r.perThousand },
  { key: 'd', header: 'D', value: (r) => r.d },
  { key: 'dp', header: 'DP', value: (r) => r.dp },
  { key: 'positions', header: 'POSITIONS', value: (r) => r.positions },
];

/** Writes a plot in the format asked for; resolves to the rows written. */
export async function printPlot(plot: Plot, output: PlotOutput): Promise<number> {
  if (output.format === 'table') {
    if (plot.rows.length > 0) await output.out.write(plotView(plot, output));
    return plot.rows.length;
  }
  const dp = new Map(plot.terms.map((t) => [t.term, t.dp]));
  const writer = createRowWriter<Row>({
    format: output.format,
    columns: PLOT_COLUMNS,
    out: output.out,
    chalk: output.chalk,
    header: output.header,
    json: (r) => ({
      term: r.term,
      id: r.id,
      path: r.path,
      hits: r.hits,
      words: r.words,
      per_thousand: r.perThousand,
      d: r.d,
      dp: r.dp,
      positions: r.positions,
    }),
  });
  for (const row of plot.rows) await writer.write({ ...row, dp: dp.get(row.term) ?? null });
  await writer.end();
  return writer.count;
}

/** The most cells a strip takes by default, and the fewest. */
const STRIP_CELLS = 50;
const STRIP_LEAST = 10;

/**
 * A document's strip: `cells` equal parts of its body between `▕` and `▏`, `│` where one hit
 * falls, `┃` where several do, `·` where none does.
 */
export function strip(positions: readonly number[], cells: number): string {
  const marks = stripCells(positions, cells).map((n) => (n === 0 ? '·' : n === 1 ? '│' : '┃'));
  return `▕${marks.join('')}▏`;
}

/** The line that heads a term's rows: its hits, its documents, its DP. */
export function termLine(term: PlotTerm): string {
  const dp = term.dp === null ? '' : `, DP ${term.dp.toFixed(3)}`;
  const hits = term.hits === 1 ? '1 hit' : `${term.hits} hits`;
  return `${hits} in ${term.docs} of ${term.documents} documents${dp}`;
}

/** The terminal's view: for each term with hits, its line, then a row a document with its strip. */
export function plotView(plot: Plot, output: PlotOutput): string {
  const { chalk, width } = output;
  const columns: Column<PlotRow>[] = [
    { key: 'id', header: 'ID', value: (r) => r.id, style: (text, _r, c) => c.cyan(text) },
    { key: 'hits', header: 'HITS', value: (r) => r.hits, align: 'right' },
    { key: 'words', header: 'WORDS', value: (r) => r.words, align: 'right' },
    { key: 'per', header: 'PER 1000', value: (r) => r.perThousand?.toFixed(2) ?? '', align: 'right' },
    { key: 'd', header: 'D', value: (r) => r.d?.toFixed(3) ?? '', align: 'right' },
  ];
  const texts = plot.rows.map((r) => columns.map((c) => visible(String(c.value(r) ?? ''))));
  const natural = columns.map((c, i) =>
    Math.max(displayWidth(c.header), ...texts.map((row) => displayWidth(row[i] ?? ''))),
  );
  const used = natural.reduce((a, b) => a + b, 0) + 2 * columns.length;
  const cells = output.cells ?? Math.max(STRIP_LEAST, Math.min(STRIP_CELLS, width - used - 2));
  columns.push({
    key: 'plot',
    header: 'PLOT',
    value: () => '',
    minWidth: cells + 2,
    style: (text, _r, c) => text.replace(/·+/g, (dots) => c.dim(dots)),
  });
  const parts: string[] = [];
  for (const term of plot.terms) {
    // Each term's rows, in corpus order, with their texts (found by index, not searched for).
    const rows: PlotRow[] = [];
    const rowTexts: string[][] = [];
    plot.rows.forEach((r, i) => {
      if (r.term !== term.term) return;
      rows.push(r);
      rowTexts.push([...(texts[i] as string[]), strip(r.positions, cells)]);
    });
    if (rows.length === 0) continue;
    const heading = `${chalk.bold(visible(term.term))}  ${termLine(term)}\n`;
    parts.push(heading + renderTable(columns, rows, rowTexts, chalk, width));
  }
  return parts.join('\n');
}
