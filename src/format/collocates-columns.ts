// The columns of `corpus collocates` (docs/spec.md, collocates): the collocate, its counts and
// its measures, the same in the table, TSV, CSV, JSON and JSON Lines; and the lines a terminal
// gets around the table.

import type { ChalkInstance } from 'chalk';
import type { Collocate, CollocatesResult, Measure } from '../core/collocates/index.js';
import type { Column } from './column.js';

/** A measure as written: three decimals, in every format (more would be noise, and unstable). */
const round = (x: number): number => Math.round(x * 1000) / 1000;

const count = (key: string, header: string, value: (c: Collocate) => number, drop?: number): Column<Collocate> => ({
  key,
  header,
  value,
  align: 'right',
  ...(drop === undefined ? {} : { drop }),
});

const measure = (key: string, header: string, value: (c: Collocate) => number, drop?: number): Column<Collocate> => ({
  key,
  header,
  value: (c) => round(value(c)),
  text: (c) => round(value(c)).toFixed(3),
  align: 'right',
  ...(drop === undefined ? {} : { drop }),
});

/** The measures' columns, in order, with the rank at which a narrow table drops each. */
const MEASURES: readonly [Measure, Column<Collocate>][] = [
  ['logdice', measure('logdice', 'LOGDICE', (c) => c.logDice, 10)],
  ['mi', measure('mi', 'MI', (c) => c.mi, 9)],
  ['mi3', measure('mi3', 'MI3', (c) => c.mi3, 6)],
  ['t', measure('t', 'T', (c) => c.t, 7)],
  ['ll', measure('ll', 'LL', (c) => c.ll, 8)],
];

/**
 * The columns, in order. On a narrow terminal the table drops the node's frequency (the same on
 * every row) first, then the sides, the expected count, the corpus frequency, then the measures
 * (MI3, t, LL, MI, logDice), never the one the rows are sorted by: numbers are dropped whole
 * rather than cut.
 */
export function collocateColumns(sortedBy: Measure): Column<Collocate>[] {
  return [
    {
      key: 'collocate',
      header: 'COLLOCATE',
      value: (c) => c.collocate,
      style: (text, _c, chalk) => chalk.bold(text),
      grow: true,
    },
    count('freq_span', 'FREQ', (c) => c.freqSpan),
    count('freq_left', 'LEFT', (c) => c.freqLeft, 2),
    count('freq_right', 'RIGHT', (c) => c.freqRight, 3),
    count('freq_corpus', 'CORPUS', (c) => c.freqCorpus, 5),
    count('freq_node', 'NODE', (c) => c.freqNode, 1),
    measure('expected', 'EXPECTED', (c) => c.expected, 4),
    ...MEASURES.map(([name, column]) => {
      if (name !== sortedBy) return column;
      const { drop: _drop, ...kept } = column;
      return kept;
    }),
  ];
}

/** The columns' keys and values, for JSON: the same whatever the sort. */
const COLUMNS = collocateColumns('freq');

/** A row as JSON: the columns' keys and values, in order. */
export function collocateJson(c: Collocate): Record<string, unknown> {
  return Object.fromEntries(COLUMNS.map((column) => [column.key, column.value(c)]));
}

const num = (n: number): string => n.toLocaleString('en-US');

/** The dim line above the table: what was counted. */
export function collocatesHeading(
  node: string,
  result: CollocatesResult,
  window: { left: number; right: number },
  chalk: ChalkInstance,
): string {
  const { frequency, documents } = result.node;
  return chalk.dim(
    `${node}: ${num(frequency)} ${frequency === 1 ? 'occurrence' : 'occurrences'} in ${num(documents)} of ` +
      `${num(result.documents)} documents, ${num(result.tokens)} tokens; window ${window.left},${window.right}`,
  );
}

/** The dim line under a cut list (`and 43 more collocates (a larger --top shows them)`); empty when none. */
export function collocatesMore(more: number, chalk: ChalkInstance): string {
  if (more === 0) return '';
  return chalk.dim(`and ${num(more)} more ${more === 1 ? 'collocate' : 'collocates'} (a larger --top shows them)`);
}
