// What `words` prints: the columns of its frequency list and of its trends (`--by`) for every
// row format, and the terminal view of the trends: a sparkline a term over time, or a bar a
// group for sources and languages.

import type { ChalkInstance } from 'chalk';
import type { Column } from './column.js';
import type { GroupSize, TrendRow, WordRow, WordsResult } from '../core/words/words.js';
import { bar, moreText, num, sparkline, summaryDraw, type Countable } from './summary-draw.js';

/** A figure as written in every format: per million to 2 decimals, DP to 3. */
export const round = (x: number, places: number): number => Number(x.toFixed(places));

/** The columns of the frequency list. */
export function wordColumns(n: number): Column<WordRow>[] {
  return [
    {
      key: 'term',
      header: n === 1 ? 'TERM' : 'N-GRAM',
      value: (r) => r.term,
      grow: true,
      style: (t, _r, chalk) => chalk.bold(t),
    },
    { key: 'freq', header: 'FREQ', value: (r) => r.freq, text: (r) => num(r.freq), align: 'right' },
    {
      key: 'per_million',
      header: 'PER MILLION',
      value: (r) => round(r.perMillion, 2),
      text: (r) => r.perMillion.toFixed(2),
      align: 'right',
    },
    { key: 'docs', header: 'DOCS', value: (r) => r.docs, text: (r) => num(r.docs), align: 'right', drop: 1 },
    { key: 'dp', header: 'DP', value: (r) => round(r.dp, 3), text: (r) => r.dp.toFixed(3), align: 'right', drop: 2 },
  ];
}

/** A frequency-list row as JSON: the columns' values, and the error of an estimated count. */
export function wordJson(r: WordRow, estimated: boolean): object {
  const row = { term: r.term, freq: r.freq, per_million: round(r.perMillion, 2), docs: r.docs, dp: round(r.dp, 3) };
  return estimated ? { ...row, error: r.error } : row;
}

/** The columns of the trends, one row a group and term (the long format). */
export const TREND_COLUMNS: Column<TrendRow>[] = [
  { key: 'group', header: 'GROUP', value: (r) => r.group },
  { key: 'term', header: 'TERM', value: (r) => r.term, grow: true },
  { key: 'freq', header: 'FREQ', value: (r) => r.freq, align: 'right' },
  { key: 'per_million', header: 'PER MILLION', value: (r) => round(r.perMillion, 2), align: 'right' },
];

/** A trend row as JSON. */
export function trendJson(r: TrendRow): object {
  return { group: r.group, term: r.term, freq: r.freq, per_million: round(r.perMillion, 2) };
}

const TERMS: Countable = ['term', 'terms'];
const NGRAMS: Countable = ['n-gram', 'n-grams'];

/** The dim line under a list cut at `--top`, or nothing. */
export function moreLine(more: number, n: number, chalk: ChalkInstance): string {
  return more > 0 ? `${chalk.dim(`  ${moreText([[more, n === 1 ? TERMS : NGRAMS]], 'top')}`)}\n` : '';
}

/**
 * The trends on a terminal. Over time (`month`, `week`, `year`): a line a term, its count and
 * a sparkline of its frequency per million words in each period that has documents, in time
 * order, with the period it peaks in. By source or language: a block a term, a bar a group.
 */
export function trendsView(result: WordsResult, time: boolean, chalk: ChalkInstance, width: number): string {
  const draw = summaryDraw(chalk, width, 0);
  const groups = (result.groups ?? []).filter((g) => g.words > 0);
  const byTerm = new Map<string, Map<string, TrendRow>>();
  for (const t of result.trends ?? []) {
    let m = byTerm.get(t.term);
    if (m === undefined) byTerm.set(t.term, (m = new Map()));
    m.set(t.group, t);
  }
  const lines: string[] = [];
  if (time) {
    const all = groups.filter((g) => !g.group.startsWith('('));
    // A sparkline fits the terminal: the latest periods that fit (a pipe has them all).
    const room = Math.max(10, width - 60);
    const dated = all.slice(-room);
    const first = dated[0]?.group ?? '';
    const last = dated[dated.length - 1]?.group ?? '';
    const shown = dated.length < all.length ? `the last ${dated.length} of ${all.length}` : `${dated.length}`;
    lines.push(chalk.dim(`per million words of each period, ${first} … ${last} (${shown} with documents)`));
    const rows = result.rows.map((r) => {
      const series = dated.map((g) => byTerm.get(r.term)?.get(g.group)?.perMillion ?? 0);
      const peak = series.indexOf(Math.max(...series));
      return [draw.cut(r.term, 30), num(r.freq), chalk.cyan(sparkline(series)), dated[peak]?.group ?? ''];
    });
    lines.push(draw.table(['TERM', 'FREQ', 'TREND', 'PEAK'], rows, ['left', 'right', 'left', 'left']));
  } else {
    for (const r of result.rows) {
      const series = groups.map((g): [GroupSize, number, number] => {
        const t = byTerm.get(r.term)?.get(g.group);
        return [g, t?.freq ?? 0, t?.perMillion ?? 0];
      });
      const max = Math.max(0, ...series.map(([, , pm]) => pm));
      lines.push(`${chalk.bold(draw.cut(r.term, width - 2))}  ${chalk.dim(num(r.freq))}`);
      lines.push(
        draw.table(
          ['GROUP', 'FREQ', 'PER MILLION', ''],
          series.map(([g, freq, pm]) => [
            draw.cut(g.group, 30),
            num(freq),
            pm.toFixed(2),
            chalk.cyan(bar(pm, max, draw.barWidth)),
          ]),
          ['left', 'right', 'right', 'left'],
        ),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
