// `grep --by` written out (docs/spec.md §5, grep, "Trends"): through a pipe, and in every data
// format, long rows `group, term, matches, docs, words, per_million`; on a terminal, a row a group
// with the terms side by side, each with a bar scaled to its highest frequency, then a sparkline a
// term over the periods, both as wide as the terminal allows.

import type { ChalkInstance } from 'chalk';
import type { Trend, TrendRow } from '../core/search/grep-trends.js';
import { UNDATED } from '../core/search/grep-trends.js';
import type { Column } from './column.js';
import type { OutputFormat } from './formats.js';
import type { OutputStream } from './output-stream.js';
import { createRowWriter } from './row-writer.js';
import { visible } from './sanitize.js';
import { displayWidth, renderTable } from './table.js';

/** Where and how a trend is written. */
export interface TrendOutput {
  format: OutputFormat;
  out: OutputStream;
  chalk: ChalkInstance;
  header?: boolean;
  /** The terminal's width. */
  width: number;
}

/** The long rows' columns, as TSV, CSV, JSON and JSON Lines write them. */
export const TREND_COLUMNS: Column<TrendRow>[] = [
  { key: 'group', header: 'GROUP', value: (r) => r.group },
  { key: 'term', header: 'TERM', value: (r) => r.term },
  { key: 'matches', header: 'MATCHES', value: (r) => r.matches, align: 'right' },
  { key: 'docs', header: 'DOCS', value: (r) => r.docs, align: 'right' },
  { key: 'words', header: 'WORDS', value: (r) => r.words, align: 'right' },
  { key: 'per_million', header: 'PER MILLION', value: (r) => r.perMillion, align: 'right' },
];

/** Writes a trend in the format asked for; resolves to the rows written. */
export async function printTrend(trend: Trend, output: TrendOutput): Promise<number> {
  if (output.format === 'table') {
    if (trend.rows.length > 0) await output.out.write(trendTable(trend, output.chalk, output.width));
    return trend.rows.length;
  }
  const writer = createRowWriter<TrendRow>({
    format: output.format,
    columns: TREND_COLUMNS,
    out: output.out,
    chalk: output.chalk,
    header: output.header,
    json: (r) => ({
      group: r.group,
      term: r.term,
      matches: r.matches,
      docs: r.docs,
      words: r.words,
      per_million: r.perMillion,
    }),
  });
  for (const row of trend.rows) await writer.write(row);
  await writer.end();
  return writer.count;
}

/** Horizontal eighths of a cell, for the bars: `▏` one eighth … `█` a whole cell. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
/** Heights for the sparklines: `▁` no match, `▂` to `█` the frequency against the term's highest. */
const BLOCKS = '▁▂▃▄▅▆▇█';
const GAP = 2;
/** A bar takes at most this many cells, and is left out below the narrowest. */
const BAR_MOST = 30;
const BAR_LEAST = 4;

/** A bar of `width` cells for `value` of `most`: whole blocks and an eighth; a hint of one at least. */
export function bar(value: number | null, most: number, width: number): string {
  if (value === null || value <= 0 || most <= 0 || width <= 0) return '';
  const eighths = Math.max(1, Math.round((value / most) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] as string);
}

/** One group's row on the terminal: its words and each term's row. */
interface WideRow {
  group: string;
  words: number;
  terms: TrendRow[];
}

/** The highest per-million of each term. */
function highest(trend: Trend): number[] {
  const most = trend.terms.map(() => 0);
  trend.rows.forEach((r, i) => {
    const t = i % trend.terms.length;
    if ((r.perMillion ?? 0) > (most[t] ?? 0)) most[t] = r.perMillion ?? 0;
  });
  return most;
}

/** The table a terminal shows, then the sparklines of a trend over periods. */
export function trendTable(trend: Trend, chalk: ChalkInstance, width: number): string {
  const n = trend.terms.length;
  const wide: WideRow[] = trend.groups.map((g, i) => ({
    group: g.group,
    words: g.words,
    terms: trend.rows.slice(i * n, (i + 1) * n),
  }));
  const textColumns: Column<WideRow>[] = [
    { key: 'group', header: trend.by.toUpperCase(), value: (r) => r.group },
    { key: 'words', header: 'WORDS', value: (r) => r.words, align: 'right' },
  ];
  trend.terms.forEach((term, t) => {
    textColumns.push(
      { key: `m${t}`, header: visible(term), value: (r) => r.terms[t]?.matches, align: 'right' },
      { key: `d${t}`, header: 'DOCS', value: (r) => r.terms[t]?.docs, align: 'right' },
      { key: `p${t}`, header: 'PER MILLION', value: (r) => r.terms[t]?.perMillion?.toFixed(2) ?? '', align: 'right' },
    );
  });
  const texts = wide.map((r) => textColumns.map((c) => visible(String(c.value(r) ?? ''))));
  const natural = textColumns.map((c, i) =>
    Math.max(displayWidth(c.header), ...texts.map((row) => displayWidth(row[i] ?? ''))),
  );
  const used = natural.reduce((a, b) => a + b, 0) + GAP * (natural.length - 1);
  const barWidth = Math.min(BAR_MOST, Math.floor((width - used) / n) - GAP);
  const most = highest(trend);
  const columns = [...textColumns];
  const rowTexts = texts.map((row) => [...row]);
  if (barWidth >= BAR_LEAST) {
    // Each term's bar beside its numbers.
    trend.terms.forEach((_, t) => {
      const at = 2 + 3 * (t + 1) + t;
      columns.splice(at, 0, { key: `b${t}`, header: '', value: () => '', minWidth: barWidth });
      wide.forEach((r, i) =>
        (rowTexts[i] as string[]).splice(at, 0, bar(r.terms[t]?.perMillion ?? null, most[t] ?? 0, barWidth)),
      );
    });
  }
  const table = renderTable(columns, wide, rowTexts, chalk, width);
  return trend.by === 'source' || trend.by === 'lang' ? table : table + sparklines(trend, chalk, width);
}

/**
 * A sparkline a term over the periods (the undated row left out), one cell a period; when the
 * periods outnumber the cells the terminal leaves, neighbouring periods share a cell, their
 * matches over their words. A blank cell is a period with no words.
 */
export function sparklines(trend: Trend, chalk: ChalkInstance, width: number): string {
  const groups = trend.groups.filter((g) => g.group !== UNDATED);
  if (groups.length < 2) return '';
  const n = trend.terms.length;
  const label = Math.max(...trend.terms.map((t) => displayWidth(visible(t))));
  const first = groups[0]?.group as string;
  const last = groups[groups.length - 1]?.group as string;
  const cells = Math.max(1, Math.min(groups.length, width - label - GAP));
  const lines = trend.terms.map((term, t) => {
    const values: (number | null)[] = [];
    for (let c = 0; c < cells; c++) {
      const from = Math.floor((c * groups.length) / cells);
      const to = Math.floor(((c + 1) * groups.length) / cells);
      let matches = 0;
      let words = 0;
      for (let g = from; g < to; g++) {
        // The undated row is the last: a period's index is its index among all the groups.
        matches += trend.rows[g * n + t]?.matches ?? 0;
        words += groups[g]?.words ?? 0;
      }
      values.push(words > 0 ? matches / words : null);
    }
    const most = Math.max(0, ...values.map((v) => v ?? 0));
    const line = values.map((v) => spark(v, most)).join('');
    const name = visible(term);
    return `${chalk.bold(name)}${' '.repeat(label - displayWidth(name) + GAP)}${line}`;
  });
  return `\n${lines.join('\n')}\n${chalk.dim(`${' '.repeat(label + GAP)}${first} … ${last}, per million words`)}\n`;
}

/** One sparkline cell. */
function spark(value: number | null, most: number): string {
  if (value === null) return ' ';
  if (value <= 0 || most <= 0) return BLOCKS[0] as string;
  return BLOCKS[Math.max(1, Math.min(7, Math.ceil((value / most) * 7)))] as string;
}
